import Link from '@/components/ui/plain-link'

/**
 * The body of a 404 (or 410) page: what was not found, why that may be, and two ways on —
 * a search of the cases (a plain GET form, so it works without JavaScript) and the
 * dashboard.
 */
export function NotFoundPanel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-3 space-y-2">{children}</div>
      <form action="/" method="get" role="search" aria-label="Search cases" className="mt-6 flex flex-wrap gap-2">
        <label htmlFor="not-found-q" className="w-full font-medium">
          Search cases by title, name or case number
        </label>
        <input id="not-found-q" name="q" type="search" placeholder="e.g. Bilash" className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-3 py-2" />
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          Search
        </button>
      </form>
      <p className="mt-6">
        <Link href="/" className="text-blue-800 underline underline-offset-2">
          Go to the case dashboard
        </Link>
      </p>
    </div>
  )
}
