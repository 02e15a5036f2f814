import Link from '@/components/ui/plain-link'
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '@/lib/domain/case-status'
import { caseQueryToSearch, type CaseQuery } from '@/lib/validation/case-filters'

/** Counts by status under the other filters; each count links to that status. */
export function StatusCounts({ counts, query }: { counts: Partial<Record<CaseStatus, number>>; query: CaseQuery }) {
  const shown = CASE_STATUSES.filter((s) => counts[s])
  if (!shown.length) return null
  return (
    <nav aria-label="Cases by status" className="mt-6">
      <ul className="flex flex-wrap gap-2">
        {shown.map((s) => {
          const active = query.statuses.includes(s)
          const href = `/${caseQueryToSearch({ ...query, statuses: active ? [] : [s], page: 1 })}`
          return (
            <li key={s}>
              <Link
                href={href}
                aria-current={active ? 'true' : undefined}
                className={`inline-flex items-baseline gap-2 rounded-full border px-3 py-1 text-sm ${
                  active ? 'border-blue-800 bg-blue-800 text-white' : 'border-stone-300 bg-white text-stone-900 hover:border-blue-800'
                }`}
              >
                {STATUS_LABELS[s]} <span className="font-semibold tabular-nums">{counts[s]!.toLocaleString('en-GB')}</span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
