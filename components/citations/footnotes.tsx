import Link from 'next/link'
import type { CitationDTO, SourceRefDTO } from '@/lib/data/dto'
import { ExternalLink } from '@/components/ui/external-link'
import { PartialDateText } from '@/components/ui/partial-date'
import { QuotedPassage } from './quoted-passage'

/**
 * Numbers a page's citations in reading order. Build it once from the page's data,
 * in the order the page shows the claims, then render <CiteRefs> beside each claim
 * and <NotesAndSources> at the end: the same number always means the same quote.
 */
export class Footnotes {
  readonly notes: CitationDTO[] = []
  readonly sources: SourceRefDTO[] = []
  private readonly numbers = new Map<number, number>()

  constructor(citationLists: readonly (readonly CitationDTO[])[]) {
    // Two claims that rest on the same passage share one note.
    const byPassage = new Map<string, number>()
    for (const list of citationLists) {
      for (const c of list) {
        if (this.numbers.has(c.id)) continue
        const passage = `${c.source.id}\u0000${c.quote}\u0000${c.translation}\u0000${c.locator}`
        let n = byPassage.get(passage)
        if (n === undefined) {
          this.notes.push(c)
          n = this.notes.length
          byPassage.set(passage, n)
        }
        this.numbers.set(c.id, n)
        if (!this.sources.some((s) => s.id === c.source.id)) this.sources.push(c.source)
      }
    }
  }

  numberOf(citation: CitationDTO): number {
    const n = this.numbers.get(citation.id)
    if (n === undefined) throw new Error(`Citation ${citation.id} was not registered with the page's footnotes`)
    return n
  }
}

/** Superscript links to a claim's footnotes; the quote shows on hover without JavaScript. */
export function CiteRefs({ citations, notes }: { citations: readonly CitationDTO[]; notes: Footnotes }) {
  if (!citations.length) return null
  const seen = new Set<number>()
  const unique = citations.filter((c) => {
    const n = notes.numberOf(c)
    if (seen.has(n)) return false
    seen.add(n)
    return true
  })
  return (
    <span className="whitespace-nowrap">
      {unique.map((c) => {
        const n = notes.numberOf(c)
        return (
          <sup key={c.id} className="ml-0.5">
            <a
              href={`#note-${n}`}
              id={`ref-${n}-${c.id}`}
              title={`“${c.quote}”${c.translation ? ` (“${c.translation}”)` : ''} — ${c.source.publisher}`}
              aria-label={`Source note ${n}`}
              className="text-blue-800 no-underline hover:underline"
            >
              [{n}]
            </a>
          </sup>
        )
      })}
    </span>
  )
}

export function SourceMeta({ source }: { source: SourceRefDTO }) {
  return (
    <>
      {source.publisher}, <PartialDateText date={source.published} fallback="undated" />
    </>
  )
}

export function NotesAndSources({ notes }: { notes: Footnotes }) {
  if (!notes.notes.length) return null
  return (
    <>
      <section aria-labelledby="notes-heading" className="mt-10">
        <h2 id="notes-heading" className="text-xl font-semibold">
          Notes
        </h2>
        <ol className="mt-3 space-y-3 text-sm">
          {notes.notes.map((c, i) => {
            const n = i + 1
            return (
              <li key={c.id} id={`note-${n}`} className="flex gap-2 rounded p-1">
                <span className="w-8 shrink-0 text-right font-semibold text-stone-700">{n}.</span>
                <div>
                  <QuotedPassage quote={c.quote} translation={c.translation} language={c.source.language} />
                  <p className="mt-1 text-stone-700">
                    <a href={`#source-${c.source.id}`} className="text-blue-800 underline underline-offset-2">
                      {c.source.title}
                    </a>{' '}
                    (<SourceMeta source={c.source} />){c.locator ? `, ${c.locator}` : ''}.
                  </p>
                </div>
              </li>
            )
          })}
        </ol>
      </section>
      <section aria-labelledby="sources-heading" className="mt-8">
        <h2 id="sources-heading" className="text-xl font-semibold">
          Sources
        </h2>
        <ul className="mt-3 space-y-2 text-sm">
          {notes.sources.map((s) => (
            <li key={s.id} id={`source-${s.id}`} className="rounded p-1">
              <Link href={`/sources/${s.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                {s.title}
              </Link>
              <span className="text-stone-700">
                {' '}
                — <SourceMeta source={s} />.
              </span>{' '}
              {s.url ? (
                <ExternalLink href={s.url} className="break-all">
                  Original article
                </ExternalLink>
              ) : (
                <span className="text-stone-600">No verified web address.</span>
              )}
              {s.archiveUrl ? (
                <>
                  {' · '}
                  <ExternalLink href={s.archiveUrl} className="break-all">
                    Archived copy
                  </ExternalLink>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
