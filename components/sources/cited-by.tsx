import Link from '@/components/ui/plain-link'
import type { SourceDetailDTO } from '@/lib/data/dto'
import { QuotedPassage } from '@/components/citations/quoted-passage'

type Citing = SourceDetailDTO['citedBy'][number]
type Group = { href: string; context: string; items: Citing[] }

// Cases first: they are what readers come for; then the records around them.
const PAGE_ORDER = ['/cases/', '/people/', '/organisations/', '/provisions/']

function pageRank(href: string): number {
  const i = PAGE_ORDER.findIndex((prefix) => href.startsWith(prefix))
  return i === -1 ? PAGE_ORDER.length : i
}

/** Claims grouped by the page they appear on (a case, a person), cases first, otherwise in the order given. */
function groupByPage(citedBy: Citing[]): Group[] {
  const groups = new Map<string, Group>()
  for (const c of citedBy) {
    const href = c.href.split('#')[0] ?? c.href
    const group = groups.get(href)
    if (group) group.items.push(c)
    else groups.set(href, { href, context: c.context, items: [c] })
  }
  return [...groups.values()].sort((a, b) => pageRank(a.href) - pageRank(b.href))
}

/** "What cites this source": each quoted passage, where it is in the document, and the claim it supports. */
export function CitedBy({ citedBy, language }: { citedBy: Citing[]; language: string }) {
  const groups = groupByPage(citedBy)
  return (
    <section id="cited-by" aria-labelledby="cited-by-heading" className="mt-10">
      <h2 id="cited-by-heading" className="text-xl font-semibold">
        What cites this source
        {citedBy.length ? (
          <span className="font-normal text-stone-700">
            {' '}
            ({citedBy.length} {citedBy.length === 1 ? 'passage' : 'passages'})
          </span>
        ) : null}
      </h2>
      {groups.length ? (
        groups.map((g) => (
          <div key={g.href} className="mt-5">
            <h3 className="text-lg font-medium leading-snug">
              <Link href={g.href} className="text-blue-800 underline underline-offset-2">
                {g.context}
              </Link>
            </h3>
            <ul className="mt-2 space-y-4">
              {g.items.map((c, i) => (
                <li key={i} className="rounded border border-stone-200 bg-white p-4">
                  <QuotedPassage quote={c.quote} translation={c.translation} language={language} />
                  <p className="mt-2 text-sm text-stone-700">
                    {c.locator ? <span>{c.locator} · </span> : null}
                    Supports:{' '}
                    <Link href={c.href} className="text-blue-800 underline underline-offset-2">
                      {c.claim}
                      {/* "Profile" alone says little to a screen reader listing links. */}
                      <span className="sr-only"> — {g.context}</span>
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ))
      ) : (
        <p className="mt-2 text-stone-700">No published page cites this source yet.</p>
      )}
    </section>
  )
}
