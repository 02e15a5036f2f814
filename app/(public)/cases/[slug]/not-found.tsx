import Link from 'next/link'

export default function CaseNotFound() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">No case at this address</h1>
      <p className="mt-3">
        We could not find a published case at this address. The link may be mistyped, or the case may not have been
        published yet.
      </p>
      <form action="/" method="get" role="search" className="mt-6 flex flex-wrap gap-2">
        <label htmlFor="nf-q" className="w-full font-medium">
          Search cases by title or name
        </label>
        <input id="nf-q" name="q" type="search" className="min-w-0 flex-1 rounded border border-stone-400 px-3 py-2" />
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          Search
        </button>
      </form>
      <p className="mt-6">
        <Link href="/" className="text-blue-800 underline underline-offset-2">
          Browse all cases
        </Link>
      </p>
    </div>
  )
}
