import Link from '@/components/ui/plain-link'
import { PartialDateText, StatusAsOf } from '@/components/ui/partial-date'
import { StatusBadge } from '@/components/ui/status-badge'
import type { CaseListItemDTO } from '@/lib/data/dto'
import { CASE_KIND_LABELS, jurisdictionLabel } from '@/lib/domain/labels'
import { provisionName } from '@/lib/domain/provision-name'
import { DATE_NOT_REPORTED } from '@/lib/domain/partial-date'
import { disputedFactsText, staleStatusDate, staleStatusText } from '@/lib/domain/case-status'
import { caseQueryToSearch, type CaseQuery } from '@/lib/validation/case-filters'

/** A status more than a year old (reckoned at rendering: cached views are rendered again daily) and disagreements between sources. */
function CaseFlags({ c, now }: { c: CaseListItemDTO; now: Date }) {
  const stale = staleStatusDate({ status: c.status, asOf: c.statusAsOf, undated: c.statusUndated }, now)
  if (!stale && !c.conflictCount) return null
  return (
    <ul className="mt-1 flex flex-wrap justify-end gap-x-4 text-sm text-amber-900">
      {stale ? (
        <li data-testid="status-stale">
          <span aria-hidden="true">⚠ </span>
          {staleStatusText(stale)}
        </li>
      ) : null}
      {c.conflictCount ? (
        <li data-testid="disputed-flag">
          <span aria-hidden="true">⚠ </span>
          {disputedFactsText(c.conflictCount)}
        </li>
      ) : null}
    </ul>
  )
}

export function CaseList({ items, query, filtered }: { items: CaseListItemDTO[]; query: CaseQuery; filtered: boolean }) {
  if (!items.length) {
    if (query.page > 1) {
      return (
        <p className="mt-4 rounded border border-stone-200 bg-white p-4">
          There is no page {query.page} for these filters.{' '}
          <Link href={`/${caseQueryToSearch({ ...query, page: 1 })}`} className="text-blue-800 underline underline-offset-2">
            Go to the first page
          </Link>
          .
        </p>
      )
    }
    return (
      <div className="mt-4 rounded border border-stone-200 bg-white p-4">
        {filtered ? (
          <>
            <p className="font-medium">No case matches these filters.</p>
            <p className="mt-1 text-stone-700">
              Try fewer filters, another spelling of a name, or{' '}
              <Link href="/" className="text-blue-800 underline underline-offset-2">
                clear all filters
              </Link>
              .
            </p>
          </>
        ) : (
          <p>No case has been published yet.</p>
        )}
      </div>
    )
  }
  const now = new Date()
  return (
    <ol className="mt-3 space-y-3" data-testid="case-list">
      {items.map((c) => (
        <li key={c.slug} className="rounded border border-stone-200 bg-white p-4" data-testid="case-row">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-lg font-semibold">
              <Link href={`/cases/${c.slug}`} className="text-blue-800 underline-offset-2 hover:underline">
                {c.title}
              </Link>
            </h3>
            <p>
              <StatusBadge status={c.status} />
              <StatusAsOf asOf={c.statusAsOf} undated={c.statusUndated} basis={c.statusBasis} className="ml-2 text-sm text-stone-700" />
            </p>
          </div>
          <CaseFlags c={c} now={now} />
          <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold text-stone-700">Defendants</dt>
            <dd>
              {c.defendants.length
                ? c.defendants.map((d, i) => (
                    <span key={d.href}>
                      {i > 0 ? ', ' : ''}
                      <Link href={d.href} className="text-blue-800 underline-offset-2 hover:underline">
                        {d.name}
                      </Link>
                    </span>
                  ))
                : 'None recorded'}
            </dd>
            <dt className="font-semibold text-stone-700">Charged under</dt>
            <dd>
              {c.provisions.length
                ? c.provisions.map((p, i) => (
                    <span key={p.slug}>
                      {i > 0 ? '; ' : ''}
                      {provisionName(p, { code: false, title: true })}
                    </span>
                  ))
                : 'Article not reported'}
            </dd>
            <dt className="font-semibold text-stone-700">Last event</dt>
            <dd>
              {c.lastEvent ? (
                <>
                  <PartialDateText date={c.lastEvent.date} fallback={DATE_NOT_REPORTED} />: {c.lastEvent.title}
                </>
              ) : (
                'None recorded'
              )}
            </dd>
            <dt className="sr-only">Kind</dt>
            <dd className="text-stone-700 sm:col-start-2">
              {CASE_KIND_LABELS[c.kind]} · {jurisdictionLabel(c.jurisdiction)}
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  )
}
