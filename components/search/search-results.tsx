import Link from '@/components/ui/plain-link'
import type { ResultGroup, SearchKind, SearchResults } from '@/lib/search'
import { RESULTS_PER_PAGE } from '@/lib/search'
import { searchHref } from '@/lib/search/query'
import { MarkedText } from './marked-text'

const link = 'text-blue-800 underline underline-offset-2'

export const KIND_HEADINGS: Record<SearchKind, { one: string; many: string }> = {
  case: { one: 'case', many: 'Cases' },
  person: { one: 'person', many: 'People' },
  organisation: { one: 'organisation', many: 'Organisations' },
  provision: { one: 'legal provision', many: 'Legal provisions' },
  source: { one: 'source', many: 'Sources' },
}

const ORDER: SearchKind[] = ['case', 'person', 'organisation', 'provision', 'source']

const count = (n: number) => n.toLocaleString('en-GB')

/** One link per kind with its count: the way from every kind's first results to one kind's pages, and back. */
export function KindNav({ text, results, current }: { text: string; results: SearchResults; current: SearchKind | null }) {
  const item = 'inline-block rounded border px-3 py-1.5'
  return (
    <nav aria-label="Results by kind" className="mt-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        <li>
          {current === null ? (
            <span aria-current="page" className={`${item} border-stone-800 bg-stone-800 font-semibold text-white`}>
              All kinds ({count(results.total)})
            </span>
          ) : (
            <Link href={searchHref(text)} className={`${item} border-stone-300 bg-white text-blue-800 hover:border-blue-800`}>
              All kinds ({count(results.total)})
            </Link>
          )}
        </li>
        {ORDER.map((k) => {
          const label = `${KIND_HEADINGS[k].many} (${count(results.counts[k])})`
          return (
            <li key={k}>
              {current === k ? (
                <span aria-current="page" className={`${item} border-stone-800 bg-stone-800 font-semibold text-white`}>
                  {label}
                </span>
              ) : results.counts[k] === 0 ? (
                <span className={`${item} border-stone-200 text-stone-600`}>{label}</span>
              ) : (
                <Link href={searchHref(text, k)} className={`${item} border-stone-300 bg-white text-blue-800 hover:border-blue-800`}>
                  {label}
                </Link>
              )}
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

function Group({ group, text, overview }: { group: ResultGroup; text: string; overview: boolean }) {
  const heading = KIND_HEADINGS[group.kind]
  const first = group.offset + 1
  const last = group.offset + group.results.length
  return (
    <section aria-labelledby={`results-${group.kind}`} className="mt-8" data-testid={`results-${group.kind}`}>
      <h2 id={`results-${group.kind}`} className="text-xl font-semibold">
        {heading.many} <span className="font-normal text-stone-700">({count(group.count)})</span>
      </h2>
      {group.order === 'newest' ? <p className="mt-1 text-sm text-stone-700">So many match that they are shown newest first, not by relevance: add a word to narrow them.</p> : null}
      {!overview && group.count > group.results.length ? (
        <p className="mt-1 text-sm text-stone-700">
          {count(first)}–{count(last)} of {count(group.count)}
        </p>
      ) : null}
      <ol className="mt-3 space-y-3" start={first}>
        {group.results.map((r) => (
          <li key={`${r.kind}-${r.id}`} className="rounded border border-stone-200 bg-white p-4" data-testid="search-result">
            <h3 className="text-lg font-semibold">
              <Link href={r.href} className="text-blue-800 underline-offset-2 hover:underline">
                <MarkedText pieces={r.title} />
              </Link>
            </h3>
            {r.alsoKnownAs ? (
              <p className="mt-1 text-sm text-stone-700">
                Also written: <MarkedText pieces={r.alsoKnownAs} />
              </p>
            ) : null}
            {r.passages.map((p, i) => (
              <p key={i} className="mt-2 max-w-prose break-words text-stone-800">
                <span className="font-semibold text-stone-700">
                  <MarkedText pieces={p.label} />:
                </span>{' '}
                <MarkedText pieces={p.text} />
              </p>
            ))}
          </li>
        ))}
      </ol>
      {overview && group.count > group.results.length ? (
        <p className="mt-3">
          <Link href={searchHref(text, group.kind)} className={`${link} font-medium`}>
            All {count(group.count)} {group.count === 1 ? heading.one : heading.many.toLowerCase()} found
          </Link>
        </p>
      ) : null}
    </section>
  )
}

export function SearchResultGroups({ results, text, overview }: { results: SearchResults; text: string; overview: boolean }) {
  return (
    <>
      {results.groups.map((g) => (
        <Group key={g.kind} group={g} text={text} overview={overview} />
      ))}
    </>
  )
}

export function SearchPagination({ text, kind, page, count: total }: { text: string; kind: SearchKind; page: number; count: number }) {
  const pageCount = Math.ceil(total / RESULTS_PER_PAGE)
  if (pageCount <= 1) return null
  const button = 'rounded border border-stone-300 bg-white px-3 py-1.5 text-blue-800 hover:border-blue-800'
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={searchHref(text, kind, page - 1)} rel="prev" className={button}>
          Previous
        </Link>
      ) : null}
      <span aria-current="page">
        Page {count(page)} of {count(pageCount)}
      </span>
      {page < pageCount ? (
        <Link href={searchHref(text, kind, page + 1)} rel="next" className={button}>
          Next
        </Link>
      ) : null}
    </nav>
  )
}
