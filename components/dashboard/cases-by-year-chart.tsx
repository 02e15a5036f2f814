import Link from '@/components/ui/plain-link'
import { CHART_WIDTH, ChartLinkLayer, ChartPatterns, type ChartLink, PatternedRect, STATUS_PATTERNS, STATUS_TINTS } from '@/components/charts/chart-parts'
import type { YearStatusCounts } from '@/lib/data/case-charts'
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '@/lib/domain/case-status'
import { caseQueryToSearch, type CaseQuery } from '@/lib/validation/case-filters'

const P = 'cby'
const LEFT = 34
const RIGHT = CHART_WIDTH - 8
const TOP = 10
const PLOT_H = 170
const HEIGHT = TOP + PLOT_H + 28

/** A round step for the count axis: 1, 2, 5, 10, 20, 50… giving at most four lines. */
function countStep(max: number): number {
  for (let step = 1; ; step *= 10) for (const m of [1, 2, 5]) if (max / (step * m) <= 4) return step * m
}

/**
 * Cases active in each year, stacked by status (server-drawn SVG, no script), under the
 * dashboard's other filters. Each segment links to the dashboard for that year and
 * status, whose list has exactly that many cases; the table under it gives the same
 * numbers and links in words.
 */
export function CasesByYearChart({ data, query }: { data: YearStatusCounts; query: CaseQuery }) {
  const years = data.years
  if (!years.length) return null
  const statuses = CASE_STATUSES.filter((s) => years.some((y) => y.byStatus[s]))
  const max = Math.max(1, ...years.map((y) => y.total))
  const step = countStep(max)
  const top = Math.ceil(max / step) * step
  const yOf = (n: number) => TOP + PLOT_H - (n / top) * PLOT_H
  const slot = (RIGHT - LEFT) / years.length
  const barW = Math.max(2, Math.min(40, slot * 0.72))
  const labelEvery = Math.ceil(36 / slot)
  const href = (year: number, status: CaseStatus) => `/${caseQueryToSearch({ ...query, year, statuses: [status], page: 1 })}`
  const links: ChartLink[] = []
  const busiest = years.reduce((a, b) => (b.total > a.total ? b : a))
  const description = `Cases active in each year from ${years[0]!.year} to ${years.at(-1)!.year}, stacked by their current status${query.year ? ' (the year filter aside: every year is shown, the chosen one outlined)' : ''}. The most, ${busiest.total.toLocaleString('en-GB')}, in ${busiest.year}. The table below gives every number.`

  return (
    <section aria-labelledby="by-year-heading" className="mt-8" data-testid="cases-by-year">
      <h2 id="by-year-heading" className="text-lg font-semibold">
        Cases by year and status
      </h2>
      <figure className="mt-2">
        <div className="overflow-x-auto rounded border border-stone-200 bg-white p-2">
          <div className="relative min-w-[32rem]">
            <svg role="img" aria-labelledby="by-year-title" aria-describedby="by-year-desc" viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`} width="100%" className="block" fontFamily="inherit">
              <title id="by-year-title">Cases active each year, by status</title>
              <desc id="by-year-desc">{description}</desc>
              <ChartPatterns prefix={P} />
              <g aria-hidden="true" fontSize="10" fill="#44403c">
                {Array.from({ length: top / step + 1 }, (_, i) => i * step).map((n) => (
                  <g key={n}>
                    <line x1={LEFT} x2={RIGHT} y1={yOf(n)} y2={yOf(n)} stroke="#d6d3d1" strokeDasharray={n ? '2 3' : undefined} />
                    <text x={LEFT - 4} y={yOf(n) + 3} textAnchor="end">
                      {n.toLocaleString('en-GB')}
                    </text>
                  </g>
                ))}
              </g>
              {years.map((y, i) => {
                const x = LEFT + i * slot + (slot - barW) / 2
                let base = 0
                return (
                  <g key={y.year} data-year={y.year}>
                    {statuses.map((s) => {
                      const n = y.byStatus[s] ?? 0
                      if (!n) return null
                      const y0 = yOf(base + n)
                      const h = yOf(base) - y0
                      base += n
                      links.push({
                        href: href(y.year, s),
                        label: `${y.year}, ${STATUS_LABELS[s]}: ${n.toLocaleString('en-GB')} ${n === 1 ? 'case' : 'cases'}`,
                        x,
                        y: y0,
                        width: barW,
                        height: h,
                        testId: 'year-status-segment',
                        data: { 'data-count': n, 'data-status': s },
                      })
                      return (
                        <g key={s}>
                          <PatternedRect prefix={P} x={x} y={y0} width={barW} height={h} tint={STATUS_TINTS[s]} pattern={STATUS_PATTERNS[s]} />
                          {h >= 13 && barW >= 18 ? (
                            <text x={x + barW / 2} y={y0 + h / 2 + 4} fontSize="10" textAnchor="middle" fill="#1c1917" stroke="#fff" strokeWidth="2.5" paintOrder="stroke">
                              {n.toLocaleString('en-GB')}
                            </text>
                          ) : null}
                        </g>
                      )
                    })}
                    {query.year === y.year ? (
                      <rect x={x - 3} y={yOf(y.total) - 3} width={barW + 6} height={yOf(0) - yOf(y.total) + 6} fill="none" stroke="#1c1917" strokeWidth="2" strokeDasharray="4 2" />
                    ) : null}
                    {i % labelEvery === 0 || query.year === y.year ? (
                      <text x={x + barW / 2} y={TOP + PLOT_H + 16} fontSize="10" textAnchor="middle" fill="#292524" fontWeight={query.year === y.year ? 700 : 400} aria-hidden="true">
                        {y.year}
                      </text>
                    ) : null}
                  </g>
                )
              })}
            </svg>
            <ChartLinkLayer height={HEIGHT} label="Years and statuses in the picture" links={links} />
          </div>
        </div>
        <figcaption className="mt-2 text-sm text-stone-700">
          <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Key">
            {statuses.map((s) => (
              <li key={s}>
                <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" className="mr-1 inline-block align-middle">
                  {/* The chart's patterns: ids are the page's, whichever svg defines them. */}
                  <PatternedRect prefix={P} x={0.5} y={0.5} width={13} height={13} tint={STATUS_TINTS[s]} pattern={STATUS_PATTERNS[s]} />
                </svg>
                {STATUS_LABELS[s]}
              </li>
            ))}
          </ul>
          <p className="mt-1">
            A case counts in every year it was active, as the year filter reads it: from its first reported event to its last.
            {data.undated ? ` ${data.undated.toLocaleString('en-GB')} ${data.undated === 1 ? 'case has' : 'cases have'} no dated event and ${data.undated === 1 ? 'is' : 'are'} in no year.` : ''}
          </p>
        </figcaption>
      </figure>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-blue-800 underline underline-offset-2">The same numbers as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="border-collapse text-left tabular-nums" data-testid="by-year-table">
            <caption className="sr-only">Cases active each year, by status</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-300 px-2 py-1">
                  Year
                </th>
                {statuses.map((s) => (
                  <th key={s} scope="col" className="border-b border-stone-300 px-2 py-1">
                    {STATUS_LABELS[s]}
                  </th>
                ))}
                <th scope="col" className="border-b border-stone-300 px-2 py-1">
                  All
                </th>
              </tr>
            </thead>
            <tbody>
              {years
                .filter((y) => y.total)
                .map((y) => (
                  <tr key={y.year}>
                    <th scope="row" className="border-b border-stone-200 px-2 py-1 font-medium">
                      {y.year}
                    </th>
                    {statuses.map((s) => (
                      <td key={s} className="border-b border-stone-200 px-2 py-1">
                        {y.byStatus[s] ? (
                          <Link href={href(y.year, s)} className="text-blue-800 underline underline-offset-2" aria-label={`${y.year}, ${STATUS_LABELS[s]}: ${y.byStatus[s]}`}>
                            {y.byStatus[s]!.toLocaleString('en-GB')}
                          </Link>
                        ) : (
                          '0'
                        )}
                      </td>
                    ))}
                    <td className="border-b border-stone-200 px-2 py-1">
                      <Link href={`/${caseQueryToSearch({ ...query, year: y.year, page: 1 })}`} className="text-blue-800 underline underline-offset-2" aria-label={`${y.year}, all statuses shown: ${y.total}`}>
                        {y.total.toLocaleString('en-GB')}
                      </Link>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  )
}
