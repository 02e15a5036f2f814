import Link from '@/components/ui/plain-link'
import { CaseList } from '@/components/dashboard/case-list'
import { FilterForm } from '@/components/dashboard/filter-form'
import { Pagination } from '@/components/dashboard/pagination'
import { StatusCounts } from '@/components/dashboard/status-counts'
import { countCasesByStatus, getDashboardOptions, listCases } from '@/lib/data/cases'
import { hasActiveFilters, type ParsedCaseQuery } from '@/lib/validation/case-filters'

/** The case dashboard for one parsed query: counts by status, filters, the list, pages. */
export async function DashboardView({ query, problems }: ParsedCaseQuery) {
  const [page, counts, options] = await Promise.all([listCases(query), countCasesByStatus(query), getDashboardOptions(query.person)])
  const filtered = hasActiveFilters(query)

  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Political prosecutions, case by case</h1>
      <p className="mt-2 max-w-prose text-stone-700">Each case shows its current status, its dated timeline and the reports every fact comes from.</p>
      <p className="no-print mt-1 text-sm">
        <Link href="/timeline" className="text-blue-800 underline underline-offset-2">
          What happened when: the timeline of every case, by month
        </Link>{' '}
        ·{' '}
        <Link href="/changes" className="text-blue-800 underline underline-offset-2">
          Recent changes
        </Link>
      </p>

      {problems.length ? (
        <div role="status" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">Some of the filters in this address were not understood and were ignored:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <StatusCounts counts={counts} query={query} />
      <FilterForm query={query} options={options} />

      <section aria-labelledby="results-heading" className="mt-6">
        <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
          {page.total === 1 ? '1 case' : `${page.total.toLocaleString('en-GB')} cases`}
          {filtered ? (page.total === 1 ? ' matches these filters' : ' match these filters') : ''}
        </h2>
        <CaseList items={page.items} query={query} filtered={filtered} />
        <Pagination page={page.page} pageCount={page.pageCount} query={query} />
      </section>
    </div>
  )
}
