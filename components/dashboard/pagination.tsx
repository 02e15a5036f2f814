import Link from '@/components/ui/plain-link'
import { caseQueryToSearch, type CaseQuery } from '@/lib/validation/case-filters'

export function Pagination({ page, pageCount, query }: { page: number; pageCount: number; query: CaseQuery }) {
  if (pageCount <= 1) return null
  const href = (p: number) => `/${caseQueryToSearch({ ...query, page: p })}`
  const link = 'rounded border border-stone-300 bg-white px-3 py-1.5 text-blue-800 hover:border-blue-800'
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <>
          <Link href={href(1)} className={link}>
            First
          </Link>
          <Link href={href(page - 1)} rel="prev" className={link}>
            Previous
          </Link>
        </>
      ) : null}
      <span aria-current="page">
        Page {page.toLocaleString('en-GB')} of {pageCount.toLocaleString('en-GB')}
      </span>
      {page < pageCount ? (
        <>
          <Link href={href(page + 1)} rel="next" className={link}>
            Next
          </Link>
          <Link href={href(pageCount)} className={link}>
            Last
          </Link>
        </>
      ) : null}
    </nav>
  )
}
