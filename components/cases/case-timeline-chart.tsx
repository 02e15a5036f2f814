import { CHART_WIDTH, ChartLinkLayer, ChartPatterns, type ChartLink, PatternedRect, STATUS_PATTERNS, STATUS_TINTS, TimeAxis, textWidth } from '@/components/charts/chart-parts'
import { DateMarkShape, DisputedFlag, MarkLegend } from '@/components/charts/date-mark'
import type { CaseDetailDTO } from '@/lib/data/dto'
import { STATUS_LABELS } from '@/lib/domain/case-status'
import { endOfPartialDate, formatEventDate, formatPartialDate } from '@/lib/domain/partial-date'
import { assignLanes, axisDomain, markOfDate, rangeOfDate, statusBands, timeTicks, xOf, type StatusBand, type TimeScale } from '@/lib/domain/timeline-chart'

const P = 'ctc'
const LEFT = 8
const RIGHT = CHART_WIDTH - 26
const BAND_TOP = 6
const BAND_H = 30
const LANES_TOP = BAND_TOP + BAND_H + 12
const LANE_H = 20

/** "Dropped, from 27 May 2020 (still so, as far as the sources tell)": a band in words. */
function describeBand(b: StatusBand, i: number, count: number): string {
  const from = b.from ? `from ${formatPartialDate(b.from)}` : b.knownAfter ? `from a date not reported, after ${formatPartialDate(b.knownAfter)}` : 'from a date not reported'
  const until = i === count - 1 ? ' (the current status)' : b.until ? ` until ${formatPartialDate(b.until)}` : ''
  return `${STATUS_LABELS[b.status]} ${from}${until}`
}

/**
 * The case's timeline drawn (server-rendered SVG, no script): its status over time as
 * bands, each event as a mark linking to its entry in the timeline below, a day as a
 * dot and a month, season or year as the span of the whole period, "c." dates
 * outlined with dashes, disputed events flagged. Events with no reported date are
 * listed under the picture, not placed on it. The textual timeline below is the full
 * alternative (docs/decisions/028-server-drawn-charts.md).
 */
export function CaseTimelineChart({ c }: { c: CaseDetailDTO }) {
  const dated = c.events.filter((e) => e.date !== null)
  if (!dated.length) return null
  const disputed = new Set(c.conflicts.flatMap((k) => (k.eventId !== null ? [k.eventId] : [])))
  const bands = statusBands(c.events, { status: c.status, asOf: c.statusAsOf, undated: c.statusUndated })
  const domain = axisDomain([...dated.map((e) => rangeOfDate(e.date!)), ...(c.statusAsOf ? [rangeOfDate(c.statusAsOf)] : [])])!
  const scale: TimeScale = { from: domain.start, to: domain.end, left: LEFT, right: RIGHT }
  const marks = dated.map((e) => {
    const m = markOfDate(e.date!, scale)
    const x0 = m.shape === 'point' ? (m.x0 + m.x1) / 2 - 6 : m.x0
    const x1 = m.shape === 'point' ? (m.x0 + m.x1) / 2 + 6 : Math.max(m.x1, m.x0 + 6)
    return { e, m, x0, x1 }
  })
  const { lanes, count } = assignLanes(marks.map(({ e, x0, x1 }) => ({ x0, x1: x1 + (disputed.has(e.id) ? 10 : 0) })))
  const axisY = LANES_TOP + count * LANE_H + 4
  const height = axisY + 24
  const undated = c.events.filter((e) => e.date === null)
  const bandText = bands.map((b, i) => describeBand(b, i, bands.length))

  const links: ChartLink[] = marks.map(({ e, x0, x1 }, i) => ({
    href: `#event-${e.id}`,
    label: `${formatEventDate(e.date)}: ${e.title}${disputed.has(e.id) ? ' (sources disagree)' : ''}`,
    x: x0,
    y: LANES_TOP + lanes[i]! * LANE_H + 1,
    width: x1 - x0 + (disputed.has(e.id) ? 10 : 0),
    height: LANE_H - 2,
    testId: 'event-mark',
  }))
  const bandStart = (b: StatusBand) => (b.from ? xOf(scale, b.from.at.getTime()) : b.knownAfter ? xOf(scale, endOfPartialDate(b.knownAfter).getTime()) : LEFT)
  const description = [
    bands.length ? `Status over time: ${bandText.join('; ')}.` : 'No event sets the status of the case.',
    `${dated.length} dated ${dated.length === 1 ? 'event' : 'events'} drawn, from ${formatPartialDate(dated[0]!.date!)} to ${formatPartialDate(dated.at(-1)!.date!)}.`,
    undated.length ? `${undated.length} ${undated.length === 1 ? 'event has' : 'events have'} no reported date and ${undated.length === 1 ? 'is' : 'are'} listed under the picture.` : '',
    disputed.size ? `Sources disagree about ${disputed.size} ${disputed.size === 1 ? 'event' : 'events'}.` : '',
    'The timeline below lists every event in words.',
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <section aria-labelledby="timeline-chart-heading" className="mt-8" data-testid="case-timeline-chart">
      <h2 id="timeline-chart-heading" className="text-xl font-semibold">
        The case over time
      </h2>
      <figure className="mt-3">
        <div className="overflow-x-auto rounded border border-stone-200 bg-white p-2">
          <div className="relative min-w-[36rem]">
            <svg role="img" aria-labelledby="timeline-chart-title" aria-describedby="timeline-chart-desc" viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" className="block" fontFamily="inherit">
              <title id="timeline-chart-title">{`Timeline of ${c.title}, drawn`}</title>
              <desc id="timeline-chart-desc">{description}</desc>
              <ChartPatterns prefix={P} />

              {bands.map((b, i) => {
                const x = bandStart(b)
                const next = bands[i + 1]
                const end = next ? bandStart(next) : RIGHT
                const label = STATUS_LABELS[b.status]
                const fits = end - x > textWidth(label, 12) + 10
                const unsureEnd = b.from && b.from.precision !== 'DAY' ? Math.min(end, xOf(scale, endOfPartialDate(b.from).getTime())) : null
                return (
                  <g key={i} data-testid="status-band" data-status={b.status}>
                    <title>{bandText[i]}</title>
                    <PatternedRect prefix={P} x={x} y={BAND_TOP} width={end - x} height={BAND_H} tint={STATUS_TINTS[b.status]} pattern={STATUS_PATTERNS[b.status]} />
                    {/* The status changed somewhere in this month (season, year): the sources do not say which day. */}
                    {unsureEnd !== null && unsureEnd > x ? <rect x={x} y={BAND_TOP} width={unsureEnd - x} height={BAND_H} fill={`url(#${P}-unsure)`} /> : null}
                    {!b.from ? (
                      <text x={x + 3} y={BAND_TOP - 1} fontSize="10" fill="#292524">
                        ?
                      </text>
                    ) : null}
                    <text x={x + 5} y={BAND_TOP + BAND_H / 2 + 4} fontSize="12" fontWeight="600" fill="#1c1917" stroke="#fff" strokeWidth="3" paintOrder="stroke">
                      {fits ? label : end - x > 14 ? String(i + 1) : ''}
                    </text>
                    {!next ? <line x1={RIGHT} x2={CHART_WIDTH - 6} y1={BAND_TOP + BAND_H / 2} y2={BAND_TOP + BAND_H / 2} stroke="#1c1917" strokeWidth="1.5" markerEnd={`url(#${P}-arrow)`} /> : null}
                  </g>
                )
              })}

              {marks.map(({ e, m }, i) => {
                const y = LANES_TOP + lanes[i]! * LANE_H + LANE_H / 2
                return (
                  <g key={e.id}>
                    <DateMarkShape mark={m} y={y} />
                    {disputed.has(e.id) ? <DisputedFlag x={Math.max(m.x1, (m.x0 + m.x1) / 2 + 6)} y={y} /> : null}
                  </g>
                )
              })}

              <TimeAxis scale={scale} ticks={timeTicks(domain)} y={axisY} />
            </svg>
            <ChartLinkLayer height={height} label="Events in the picture" links={links} />
          </div>
        </div>
        <figcaption className="mt-2 text-sm text-stone-700">
          <MarkLegend disputed={disputed.size > 0} />
          {bands.length ? (
            <ol className="mt-2 list-inside list-decimal" aria-label="Status bands">
              {bandText.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ol>
          ) : null}
          {undated.length ? (
            <div className="mt-2">
              <p>Not placed on the picture (no date reported):</p>
              <ul className="list-inside list-disc">
                {undated.map((e) => (
                  <li key={e.id}>
                    <a href={`#event-${e.id}`} className="text-blue-800 underline underline-offset-2">
                      {e.title}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="mt-2">
            <a href="#timeline" className="text-blue-800 underline underline-offset-2">
              Every event in words: the timeline below
            </a>{' '}
            is the full text alternative to this picture.
          </p>
        </figcaption>
      </figure>
    </section>
  )
}
