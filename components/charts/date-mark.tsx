import type { DateMark } from '@/lib/domain/timeline-chart'

const INK = '#1c1917'

/**
 * An event's date drawn as precisely as it is known: a day as a dot, a month (season,
 * year) as a bar over the whole period with end caps. A "c." date is outlined with
 * dashes and left hollow, so it reads as approximate without colour.
 */
export function DateMarkShape({ mark, y }: { mark: DateMark; y: number }) {
  const dash = mark.approx ? '3 2' : undefined
  if (mark.shape === 'point') {
    const cx = (mark.x0 + mark.x1) / 2
    return <circle cx={cx} cy={y} r="5.5" fill={mark.approx ? '#fff' : INK} stroke={INK} strokeWidth="1.5" strokeDasharray={dash} />
  }
  const x1 = Math.max(mark.x1, mark.x0 + 4)
  return (
    <g>
      <rect x={mark.x0} y={y - 4} width={x1 - mark.x0} height="8" rx="1" fill={mark.approx ? '#fff' : '#a8a29e'} stroke={INK} strokeWidth="1.25" strokeDasharray={dash} />
      <line x1={mark.x0} x2={mark.x0} y1={y - 7} y2={y + 7} stroke={INK} strokeWidth="1.5" />
      <line x1={x1} x2={x1} y1={y - 7} y2={y + 7} stroke={INK} strokeWidth="1.5" />
    </g>
  )
}

/** Sources disagree about this event: a triangle with "!" beside its mark. */
export function DisputedFlag({ x, y }: { x: number; y: number }) {
  return (
    <g>
      <path d={`M${x + 1} ${y + 6}L${x + 7} ${y - 6}L${x + 13} ${y + 6}z`} fill="#fff" stroke={INK} strokeWidth="1.25" />
      <text x={x + 7} y={y + 4.5} fontSize="9" fontWeight="700" textAnchor="middle" fill={INK}>
        !
      </text>
    </g>
  )
}

function Swatch({ children, width = 30 }: { children: React.ReactNode; width?: number }) {
  return (
    <svg aria-hidden="true" width={width} height="16" viewBox={`0 0 ${width} 16`} className="mr-1 inline-block align-middle">
      {children}
    </svg>
  )
}

/** What the marks mean, in words beside each shape. */
export function MarkLegend({ disputed }: { disputed: boolean }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Key">
      <li>
        <Swatch width={16}>
          <DateMarkShape mark={{ shape: 'point', x0: 8, x1: 8, approx: false }} y={8} />
        </Swatch>
        a day
      </li>
      <li>
        <Swatch>
          <DateMarkShape mark={{ shape: 'span', x0: 3, x1: 27, approx: false }} y={8} />
        </Swatch>
        a month, season or year (the day is not reported)
      </li>
      <li>
        <Swatch>
          <DateMarkShape mark={{ shape: 'span', x0: 3, x1: 27, approx: true }} y={8} />
        </Swatch>
        dashed: an approximate (“c.”) date
      </li>
      {disputed ? (
        <li>
          <Swatch width={16}>
            <DisputedFlag x={1} y={8} />
          </Swatch>
          sources disagree
        </li>
      ) : null}
    </ul>
  )
}
