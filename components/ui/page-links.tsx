import Link from '@/components/ui/plain-link'

/** First / previous / page n of m / next / last, for any list whose pages are addresses. */
export function PageLinks({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  const link = 'rounded border border-stone-300 bg-white px-3 py-1.5 text-blue-800 hover:border-blue-800'
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <>
          <Link href={href(1)} className={link}>
            First
          </Link>
          <Link href={href(Math.min(page - 1, pageCount))} rel="prev" className={link}>
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
