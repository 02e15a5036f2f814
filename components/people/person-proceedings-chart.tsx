import { CHART_WIDTH, ChartLinkLayer, ChartPatterns, type ChartLink, PatternedRect, SPELL_STYLE, TimeAxis, textWidth } from '@/components/charts/chart-parts'
import { DateMarkShape } from '@/components/charts/date-mark'
import type { ProceedingDTO } from '@/lib/data/case-charts'
import type { EventDTO } from '@/lib/data/dto'
import { STATUS_LABELS } from '@/lib/domain/case-status'
import { endOfPartialDate, formatEventDate, type PartialDate } from '@/lib/domain/partial-date'
import { assignLanes, axisDomain, describeSpell, isOpenSpell, markOfDate, rangeOfDate, SPELL_KINDS, SPELL_LABELS, spellsOf, timeTicks, xOf, type Spell, type TimeScale } from '@/lib/domain/timeline-chart'

const P = 'ppc'
const LEFT = 8
const RIGHT = CHART_WIDTH - 26
const TITLE_H = 16
const SPELL_H = 12
const LANE_H = 16
const ROW_GAP = 12

type Row = {
  key: string
  title: string
  /** Where a mark links: the case page's event anchors, or this page's life events. */
  hrefBase: string
  events: { id: number; date: PartialDate | null; title: string }[]
  spells: Spell[]
  /** Life events before the proceedings, left off the axis (listed under Life events). */
  outside?: number
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * A person's proceedings side by side in time (server-rendered SVG, no script): one
 * row per case, with its events as marks (each linking to the event on the case page)
 * and the person's spells of detention, house arrest and exile as bands; a first row
 * for their life events outside any case. A spell whose end is not reported is drawn
 * solid as far as the sources confirm it and dashed, open, beyond: the list under the
 * picture says "until at least …" in words.
 */
export function PersonProceedingsChart({ name, proceedings, lifeEvents }: { name: string; proceedings: ProceedingDTO[]; lifeEvents: EventDTO[] }) {
  const rows: Row[] = []
  if (lifeEvents.some((e) => e.date)) {
    rows.push({ key: 'life', title: 'Outside any case (life events)', hrefBase: '', events: lifeEvents, spells: spellsOf(lifeEvents) })
  }
  for (const c of proceedings) {
    rows.push({ key: c.slug, title: `${c.title} — ${STATUS_LABELS[c.status]}`, hrefBase: `/cases/${c.slug}`, events: c.events, spells: spellsOf(c.ownEvents, c.situation) })
  }
  const rangesOf = (r: Row) => [
    ...r.events.flatMap((e) => (e.date ? [rangeOfDate(e.date)] : [])),
    ...r.spells.flatMap((s) => [s.from, s.to, s.endedBy, s.confirmedUntil].flatMap((d) => (d ? [rangeOfDate(d)] : []))),
  ]
  // The axis spans the proceedings: life events long before them (moving country in
  // 2000) would squeeze every case into a sliver. Those are listed, not drawn.
  const caseRanges = rows.filter((r) => r.key !== 'life').flatMap(rangesOf)
  const fitted = axisDomain(caseRanges.length ? caseRanges : rows.flatMap(rangesOf), 365)
  if (!fitted) return null
  // Room after the last date for the open ends ("until at least …") to show as open.
  const anyOpen = rows.some((r) => r.spells.some((s) => isOpenSpell(s) || s.endUndated))
  const domain = anyOpen ? { start: fitted.start, end: fitted.end + Math.max(60 * 86_400_000, (fitted.end - fitted.start) * 0.08) } : fitted
  const life = rows.find((r) => r.key === 'life')
  if (life) {
    const outside = life.events.filter((e) => e.date && rangeOfDate(e.date).end <= domain.start).length
    life.events = life.events.filter((e) => !e.date || rangeOfDate(e.date).end > domain.start)
    life.spells = life.spells.filter((s) => !s.to || rangeOfDate(s.to).end > domain.start)
    life.outside = outside
  }
  const scale: TimeScale = { from: domain.start, to: domain.end, left: LEFT, right: RIGHT }
  const xAt = (d: PartialDate) => xOf(scale, d.at.getTime())
  const xEnd = (d: PartialDate) => xOf(scale, endOfPartialDate(d).getTime())

  let y = 4
  const laidOut = rows.map((r) => {
    const marks = r.events.flatMap((e) => {
      if (!e.date) return []
      const m = markOfDate(e.date, scale)
      const mid = (m.x0 + m.x1) / 2
      return [{ e, m, x0: m.shape === 'point' ? mid - 5 : m.x0, x1: m.shape === 'point' ? mid + 5 : Math.max(m.x1, m.x0 + 4) }]
    })
    const { lanes, count } = assignLanes(marks, 3)
    const top = y
    y += TITLE_H + SPELL_H + 4 + Math.max(1, count) * LANE_H + ROW_GAP
    return { r, marks, lanes, top, undated: r.events.filter((e) => !e.date).length, outside: r.outside ?? 0 }
  })
  const axisY = y
  const links: ChartLink[] = laidOut.flatMap(({ r, marks, lanes, top }) =>
    marks.map(({ e, x0, x1 }, i) => ({
      href: `${r.hrefBase}#event-${e.id}`,
      label: `${formatEventDate(e.date)}: ${e.title}`,
      x: x0,
      y: top + TITLE_H + SPELL_H + 4 + lanes[i]! * LANE_H + 1,
      width: x1 - x0,
      height: LANE_H - 2,
      testId: 'event-mark',
      data: { 'data-row': r.key },
    })),
  )
  const height = axisY + 24
  const kinds = SPELL_KINDS.filter((k) => rows.some((r) => r.spells.some((s) => s.kind === k)))
  const spellCount = rows.reduce((n, r) => n + r.spells.length, 0)
  const openCount = rows.reduce((n, r) => n + r.spells.filter(isOpenSpell).length, 0)
  const description = [
    `${proceedings.length} ${proceedings.length === 1 ? 'case' : 'cases'} side by side in time${rows[0]?.key === 'life' ? ', after a row of life events outside any case' : ''}.`,
    spellCount
      ? `${spellCount} ${spellCount === 1 ? 'spell' : 'spells'} of ${kinds.map((k) => SPELL_LABELS[k].toLowerCase()).join(', ')} drawn as bands${openCount ? `, ${openCount} with no reported end` : ''}; the list below the picture gives each in words.`
      : 'No detention, house arrest or exile is reported.',
    'The cases and life events are listed in words on this page.',
  ].join(' ')

  return (
    <section aria-labelledby="proceedings-chart-heading" className="mt-8" data-testid="person-proceedings-chart">
      <h2 id="proceedings-chart-heading" className="text-xl font-semibold">
        {name}’s cases over time
      </h2>
      <figure className="mt-3">
        <div className="overflow-x-auto rounded border border-stone-200 bg-white p-2">
          <div className="relative min-w-[36rem]">
            <svg role="img" aria-labelledby="proceedings-chart-title" aria-describedby="proceedings-chart-desc" viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" className="block" fontFamily="inherit">
              <title id="proceedings-chart-title">{`${name}’s proceedings and spells of detention, house arrest and exile, drawn`}</title>
              <desc id="proceedings-chart-desc">{description}</desc>
              <ChartPatterns prefix={P} />
              {laidOut.map(({ r, marks, lanes, top }) => {
                const spellY = top + TITLE_H
                const lanesTop = spellY + SPELL_H + 4
                return (
                  <g key={r.key} data-testid="proceeding-row">
                    <text x={LEFT} y={top + 11} fontSize="12" fontWeight="600" fill="#1c1917">
                      {truncate(r.title, 100)}
                    </text>
                    <line x1={LEFT} x2={RIGHT} y1={spellY + SPELL_H / 2} y2={spellY + SPELL_H / 2} stroke="#d6d3d1" />
                    {r.spells.map((s, i) => {
                      const x0 = s.from ? xAt(s.from) : s.knownAfter ? xEnd(s.knownAfter) : LEFT
                      const solidEnd = s.to ? xAt(s.to) : s.confirmedUntil ? xEnd(s.confirmedUntil) : x0 + 4
                      const unsureEnd = s.to ? xEnd(s.to) : s.endedBy ? xAt(s.endedBy) : null
                      const open = isOpenSpell(s) || s.endUndated
                      const style = SPELL_STYLE[s.kind]
                      const label = SPELL_LABELS[s.kind]
                      return (
                        <g key={i} data-testid="spell" data-kind={s.kind} data-open={open ? 'true' : 'false'}>
                          <title>{describeSpell(s)}</title>
                          <PatternedRect prefix={P} x={x0} y={spellY} width={Math.max(3, solidEnd - x0)} height={SPELL_H} tint={style.tint} pattern={style.pattern} />
                          {unsureEnd !== null && unsureEnd > solidEnd ? (
                            <rect x={solidEnd} y={spellY} width={unsureEnd - solidEnd} height={SPELL_H} fill={`url(#${P}-unsure)`} stroke="#44403c" strokeWidth="0.75" strokeDasharray="2 2" />
                          ) : null}
                          {open ? <path d={`M${solidEnd} ${spellY}H${RIGHT}M${solidEnd} ${spellY + SPELL_H}H${RIGHT}`} stroke="#1c1917" strokeWidth="1" strokeDasharray="4 3" fill="none" /> : null}
                          {open ? <line x1={RIGHT} x2={CHART_WIDTH - 6} y1={spellY + SPELL_H / 2} y2={spellY + SPELL_H / 2} stroke="#1c1917" strokeWidth="1.5" markerEnd={`url(#${P}-arrow)`} /> : null}
                          {s.fromIsAsOf ? <line x1={x0 - 12} x2={x0} y1={spellY + SPELL_H / 2} y2={spellY + SPELL_H / 2} stroke="#1c1917" strokeWidth="1" strokeDasharray="2 2" /> : null}
                          {(open ? RIGHT : solidEnd) - x0 > textWidth(label, 10) + 8 ? (
                            <text x={x0 + 4} y={spellY + SPELL_H - 2.5} fontSize="10" fontWeight="600" fill="#1c1917" stroke="#fff" strokeWidth="2.5" paintOrder="stroke">
                              {label}
                            </text>
                          ) : null}
                        </g>
                      )
                    })}
                    {marks.map(({ e, m }, i) => (
                      <DateMarkShape key={e.id} mark={m} y={lanesTop + lanes[i]! * LANE_H + LANE_H / 2} />
                    ))}
                  </g>
                )
              })}
              <TimeAxis scale={scale} ticks={timeTicks(domain)} y={axisY} />
            </svg>
            <ChartLinkLayer height={height} label="Events in the picture" links={links} />
          </div>
        </div>
        <figcaption className="mt-2 text-sm text-stone-700">
          <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Key">
            {kinds.map((k) => (
              <li key={k}>
                <svg aria-hidden="true" width="28" height="14" viewBox="0 0 28 14" className="mr-1 inline-block align-middle">
                  <PatternedRect prefix={P} x={0.5} y={1} width={27} height={12} tint={SPELL_STYLE[k].tint} pattern={SPELL_STYLE[k].pattern} />
                </svg>
                {SPELL_LABELS[k]}
              </li>
            ))}
            {openCount ? <li>dashed, with an arrow: the end is not reported</li> : null}
            <li>dots and bars: events (a day; a month, season or year)</li>
          </ul>
          <ul className="mt-2 space-y-1" aria-label="Detention, house arrest and exile, in words">
            {laidOut.map(({ r, undated, outside }) => (
              <li key={r.key}>
                <span className="font-medium text-stone-900">{r.title}:</span> {r.spells.length ? r.spells.map(describeSpell).join('; ') : 'no detention, house arrest or exile reported'}.
                {undated ? ` ${undated} ${undated === 1 ? 'event has' : 'events have'} no reported date and ${undated === 1 ? 'is' : 'are'} not placed.` : ''}
                {outside ? ` ${outside} earlier life ${outside === 1 ? 'event is' : 'events are'} before the first case and not drawn (see Life events).` : ''}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
    </section>
  )
}
