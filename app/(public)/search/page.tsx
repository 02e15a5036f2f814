import type { Metadata } from 'next'
import Link from '@/components/ui/plain-link'
import { KIND_HEADINGS, KindNav, SearchPagination, SearchResultGroups } from '@/components/search/search-results'
import { searchPublicRecords } from '@/lib/data/search'
import { KIND_PARAMS, MAX_QUERY_CHARACTERS, parseSearchParams, searchHref } from '@/lib/search/query'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Rendered per request, never cached: the variety of `q` is unbounded, and each
// answer reads the search index, which every write keeps current
// (docs/decisions/020-search-index.md).

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query, kind, page } = parseSearchParams(await searchParams)
  return {
    title: query.text ? `Search: ${query.text}` : 'Search',
    // Results are a view of the records' own pages, which are the ones to index.
    robots: { index: false, follow: true },
    alternates: { canonical: query.text ? searchHref(query.text, kind, page) : '/search' },
  }
}

const control = 'min-w-0 flex-1 rounded border border-stone-400 bg-white px-3 py-2 text-base'
const link = 'text-blue-800 underline underline-offset-2'

export default async function SearchPage({ searchParams }: Props) {
  const view = parseSearchParams(await searchParams)
  const { query, kind, page } = view
  const results = await searchPublicRecords(view)
  const notices = [...(query.notice ? [query.notice] : []), ...view.problems]
  const group = kind && results ? results.groups.find((g) => g.kind === kind && g.results.length > 0) : undefined

  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold leading-tight tracking-tight">Search</h1>
      <form action="/search" method="get" role="search" aria-label="Search the records" className="mt-4 flex flex-wrap gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search cases, people, organisations, legal provisions and sources
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={query.text} maxLength={MAX_QUERY_CHARACTERS * 4} className={control} placeholder="A name in any spelling, a word, “April 2020”, “174”" />
        {kind ? <input type="hidden" name="kind" value={KIND_PARAMS[kind]} /> : null}
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          Search
        </button>
      </form>

      {notices.length ? (
        <div role="status" className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm" data-testid="search-notice">
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      ) : null}

      {!results ? (
        query.text ? null : (
          <p className="mt-6 max-w-prose text-stone-800">
            Search every published case, person, organisation, legal provision and source: names in any spelling or script (Bilash, Билаш), words and phrases (house arrest), dates as the sources give them
            (April 2020) and article numbers (174).
          </p>
        )
      ) : results.total === 0 ? (
        <div className="mt-6 rounded border border-stone-200 bg-white p-4" data-testid="search-nothing">
          <p className="font-medium">Nothing found for “{query.text}”.</p>
          <p className="mt-1 text-stone-700">
            Every word must appear in a record: try fewer words, or another form of one. Names are found in any spelling the sources use. You can also{' '}
            <Link href="/" className={link}>
              browse the cases
            </Link>
            .
          </p>
        </div>
      ) : (
        <>
          <p className="mt-6" role="status" data-testid="search-summary">
            {results.total.toLocaleString('en-GB')} {results.total === 1 ? 'record' : 'records'} found for “{query.text}”
            {kind ? `, of which ${results.counts[kind].toLocaleString('en-GB')} ${results.counts[kind] === 1 ? KIND_HEADINGS[kind].one : KIND_HEADINGS[kind].many.toLowerCase()}` : ''}.
          </p>
          <KindNav text={query.text} results={results} current={kind} />
          {kind && !group ? (
            <p className="mt-6 rounded border border-stone-200 bg-white p-4">
              {results.counts[kind] === 0 ? `No ${KIND_HEADINGS[kind].many.toLowerCase()} found. ` : `There is no page ${page} of ${KIND_HEADINGS[kind].many.toLowerCase()}. `}
              <Link href={searchHref(query.text, results.counts[kind] ? kind : null)} className={link}>
                {results.counts[kind] ? 'Go to the first page' : 'See every kind'}
              </Link>
              .
            </p>
          ) : null}
          {kind ? group ? <SearchResultGroups results={{ ...results, groups: [group] }} text={query.text} overview={false} /> : null : <SearchResultGroups results={results} text={query.text} overview />}
          {kind && group ? <SearchPagination text={query.text} kind={kind} page={page} count={group.count} /> : null}
        </>
      )}
    </div>
  )
}
