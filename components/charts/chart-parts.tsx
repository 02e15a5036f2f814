// Pieces shared by the server-drawn SVG charts (case timeline, a person's proceedings,
// the dashboard's cases by year): fills that survive a black-and-white print (a tint
// plus a pattern, and every band labelled in words), the time axis, the open end.
import type { CaseStatus } from '@/lib/domain/case-status'
import type { SpellKind, Tick, TimeScale } from '@/lib/domain/timeline-chart'
import { xOf } from '@/lib/domain/timeline-chart'

/** The viewBox width every chart is drawn in; it scales to the column (and scrolls on a phone). */
export const CHART_WIDTH = 720

/** Light tints (the status badges' hues) with dark text on them: 4.5:1 or better. */
export const STATUS_TINTS: Record<CaseStatus, string> = {
  INVESTIGATION: '#fef3c7',
  CHARGED: '#ffedd5',
  AWAITING_TRIAL: '#fed7aa',
  ON_TRIAL: '#fee2e2',
  CONVICTED: '#fca5a5',
  PLEA_DEAL: '#ffe4e6',
  ACQUITTED: '#d1fae5',
  DROPPED: '#a7f3d0',
  APPEAL_PENDING: '#ede9fe',
  APPEAL_DECIDED: '#ddd6fe',
  SENTENCE_SERVED: '#e7e5e4',
  DECIDED: '#e0f2fe',
  CLOSED: '#d6d3d1',
}

/**
 * A pattern per status, so that neighbouring bands (and a bar's segments) differ on
 * a grey print too: consecutive statuses in the vocabulary get different patterns.
 */
export const STATUS_PATTERNS: Record<CaseStatus, PatternName> = {
  INVESTIGATION: 'plain',
  CHARGED: 'hatch',
  AWAITING_TRIAL: 'dots',
  ON_TRIAL: 'cross',
  CONVICTED: 'plain',
  PLEA_DEAL: 'hatch',
  ACQUITTED: 'dots',
  DROPPED: 'plain',
  APPEAL_PENDING: 'hatch',
  APPEAL_DECIDED: 'cross',
  SENTENCE_SERVED: 'dots',
  DECIDED: 'hatch',
  CLOSED: 'cross',
}

export const SPELL_STYLE: Record<SpellKind, { tint: string; pattern: PatternName }> = {
  DETENTION: { tint: '#57534e', pattern: 'plain' },
  HOUSE_ARREST: { tint: '#a8a29e', pattern: 'hatch' },
  EXILE: { tint: '#e7e5e4', pattern: 'dots' },
}

export type PatternName = 'plain' | 'hatch' | 'dots' | 'cross'

/** The patterns, once per chart (ids are prefixed: several charts may share a page). */
export function ChartPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="6" stroke="#1c1917" strokeOpacity="0.35" strokeWidth="1.5" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
        <circle cx="2.5" cy="2.5" r="1" fill="#1c1917" fillOpacity="0.4" />
      </pattern>
      <pattern id={`${prefix}-cross`} width="6" height="6" patternUnits="userSpaceOnUse">
        <path d="M0 0L6 6M6 0L0 6" stroke="#1c1917" strokeOpacity="0.3" strokeWidth="1" />
      </pattern>
      {/* Where a date is known only to the month (or season, year): the boundary lies somewhere in it. */}
      <pattern id={`${prefix}-unsure`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <line x1="0" y1="0" x2="0" y2="4" stroke="#1c1917" strokeOpacity="0.55" strokeWidth="1" />
      </pattern>
      <marker id={`${prefix}-arrow`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0 0L10 5L0 10z" fill="#1c1917" />
      </marker>
    </defs>
  )
}

/** A tinted rectangle with its pattern over it. */
export function PatternedRect({
  prefix,
  x,
  y,
  width,
  height,
  tint,
  pattern,
  stroke = '#44403c',
}: {
  prefix: string
  x: number
  y: number
  width: number
  height: number
  tint: string
  pattern: PatternName
  stroke?: string
}) {
  const w = Math.max(0, width)
  return (
    <g>
      <rect x={x} y={y} width={w} height={height} fill={tint} stroke={stroke} strokeWidth="0.75" />
      {pattern !== 'plain' ? <rect x={x} y={y} width={w} height={height} fill={`url(#${prefix}-${pattern})`} /> : null}
    </g>
  )
}

/** The time axis: a line with a tick and a label at each tick. */
export function TimeAxis({ scale, ticks, y }: { scale: TimeScale; ticks: Tick[]; y: number }) {
  return (
    <g aria-hidden="true" fontSize="11" fill="#292524">
      <line x1={scale.left} x2={scale.right} y1={y} y2={y} stroke="#57534e" />
      {ticks.map((t) => {
        const x = xOf(scale, t.t)
        // A label at either end of the axis stays inside the picture.
        const anchor = x - textWidth(t.label) / 2 < 0 ? 'start' : x + textWidth(t.label) / 2 > CHART_WIDTH ? 'end' : 'middle'
        return (
          <g key={t.t}>
            <line x1={x} x2={x} y1={y} y2={y + 5} stroke="#57534e" />
            <text x={anchor === 'start' ? Math.max(0, x - 2) : x} y={y + 17} textAnchor={anchor}>
              {t.label}
            </text>
          </g>
        )
      })}
    </g>
  )
}

/** Roughly how wide a label is at 11px in the system font: enough to decide whether it fits. */
export function textWidth(text: string, fontSize = 11): number {
  return text.length * fontSize * 0.56
}

/** A clickable area of a chart: the mark it covers is drawn in the picture underneath. */
export type ChartLink = { href: string; label: string; x: number; y: number; width: number; height: number; testId: string; data?: Record<`data-${string}`, string | number> }

/**
 * The links of a chart, in a transparent layer laid exactly over the picture (same
 * viewBox, same box). They cannot live inside the `role="img"` picture: its content is
 * presentational, so links there would be focusable but nameless to assistive
 * technology (axe: nested-interactive). Here they are ordinary named links.
 */
export function ChartLinkLayer({ height, label, links }: { height: number; label: string; links: ChartLink[] }) {
  if (!links.length) return null
  return (
    <svg role="group" aria-label={label} viewBox={`0 0 ${CHART_WIDTH} ${height}`} className="absolute inset-0 h-full w-full">
      {links.map((l, i) => (
        <a key={i} href={l.href} aria-label={l.label} data-testid={l.testId} {...l.data}>
          <title>{l.label}</title>
          <rect x={l.x} y={l.y} width={Math.max(1, l.width)} height={Math.max(1, l.height)} fill="transparent" />
        </a>
      ))}
    </svg>
  )
}
