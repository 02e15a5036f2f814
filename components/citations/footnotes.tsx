import Link from '@/components/ui/plain-link'
import type { CitationDTO, SourceRefDTO } from '@/lib/data/dto'
import { citationTargetLabel } from '@/lib/domain/citation-target'
import { claimAnchor, groupNotes, noteAnchor, type GroupedNotes, type NoteClaim, type SourceNote } from '@/lib/domain/source-notes'
import { ExternalLink } from '@/components/ui/external-link'
import { PartialDateText } from '@/components/ui/partial-date'
import { QuotedPassage } from './quoted-passage'

export type { NoteClaim }

/** A person's or organisation's profile, or a provision's description, as the claim its notes link back to (CitedText shows it). */
export function descriptionClaim(of: 'person' | 'organisation' | 'provision', citations: readonly CitationDTO[]): NoteClaim<CitationDTO> {
  return { anchor: claimAnchor.description(), label: citationTargetLabel({ kind: of }), citations }
}

/**
 * A page's notes, one per source with its passages beneath (lib/domain/source-notes.ts).
 * Build it once from the page's claims, in the order the page shows them, each with the
 * id of the element that shows it; then render <CiteRefs> beside each claim (with that
 * id) and <NotesAndSources> at the end: the same marker always means the same passage.
 */
export class Footnotes {
  readonly grouped: GroupedNotes<CitationDTO>

  constructor(claims: readonly NoteClaim<CitationDTO>[]) {
    this.grouped = groupNotes(claims)
  }

  get sources(): SourceNote<CitationDTO>[] {
    return this.grouped.sources
  }

  markerOf(citation: CitationDTO): string {
    const marker = this.grouped.markers.get(citation.id)
    if (marker === undefined) throw new Error(`Citation ${citation.id} was not registered with the page's footnotes`)
    return marker
  }
}

/** "Note 3b: source 3, passage b" (or "Note 3: source 3"): what a marker says to a screen reader, its visible text first. */
function markerName(marker: string): string {
  const [, number, letter] = /^(\d+)([a-z]*)$/.exec(marker) ?? [marker, marker, '']
  return letter ? `Note ${marker}: source ${number}, passage ${letter}` : `Note ${marker}: source ${number}`
}

/**
 * Markers for a claim's notes, "[3b]": a tap target of at least 24×24 px (WCAG 2.5.8)
 * that keeps the line's height (negative vertical margins); the passage shows on hover
 * without JavaScript.
 */
export function CiteRefs({ citations, notes }: { citations: readonly CitationDTO[]; notes: Footnotes }) {
  if (!citations.length) return null
  const seen = new Set<string>()
  const unique = citations.filter((c) => {
    const marker = notes.markerOf(c)
    if (seen.has(marker)) return false
    seen.add(marker)
    return true
  })
  return (
    <span className="ml-0.5 whitespace-nowrap">
      {unique.map((c) => {
        const marker = notes.markerOf(c)
        return (
          <a
            key={c.id}
            href={`#${noteAnchor(marker)}`}
            data-citation-id={c.id}
            data-testid="cite-ref"
            title={`“${c.quote}”${c.translation ? ` (“${c.translation}”)` : ''} — ${c.source.publisher}`}
            aria-label={markerName(marker)}
            className="-my-1 inline-flex min-h-6 min-w-6 items-center justify-center rounded px-0.5 align-super text-xs leading-none text-blue-800 no-underline hover:bg-blue-50 hover:underline focus-visible:outline-2 focus-visible:outline-blue-800"
          >
            [{marker}]
          </a>
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

function SourceLinks({ source }: { source: SourceRefDTO }) {
  return (
    <>
      {source.url ? (
        <ExternalLink href={source.url} className="break-all">
          Original article
        </ExternalLink>
      ) : (
        <span className="text-stone-600">No verified web address.</span>
      )}
      {source.archiveUrl ? (
        <>
          {' · '}
          <ExternalLink href={source.archiveUrl} className="break-all">
            Archived copy
          </ExternalLink>
        </>
      ) : null}
    </>
  )
}

/**
 * The page's sources, numbered as the markers are, each with the passages quoted from
 * it and, under each passage, links back to every claim it supports.
 */
export function NotesAndSources({ notes }: { notes: Footnotes }) {
  if (!notes.sources.length) return null
  return (
    <section aria-labelledby="sources-heading" className="mt-10" data-testid="notes">
      <h2 id="sources-heading" className="text-xl font-semibold">
        Notes and sources
      </h2>
      <p className="mt-1 max-w-prose text-sm text-stone-700">
        Each report this page cites, with the passages it quotes. A marker such as [3b] in the text is passage b of source 3; ↩ leads back to what a passage supports.
      </p>
      <ol className="mt-4 space-y-5 text-sm">
        {notes.sources.map((s) => (
          <li key={s.source.id} id={noteAnchor(String(s.number))} className="flex gap-2 rounded p-1" data-testid="source-note">
            <span className="w-8 shrink-0 text-right text-base font-semibold text-stone-700">{s.number}.</span>
            <div className="min-w-0 flex-1">
              <p>
                <Link href={`/sources/${s.source.id}`} className="text-base font-medium text-blue-800 underline underline-offset-2">
                  {s.source.title}
                </Link>
                <span className="text-stone-700">
                  {' '}
                  — <SourceMeta source={s.source} />.
                </span>{' '}
                <SourceLinks source={s.source} />
              </p>
              <ol className="mt-2 space-y-3" aria-label={`Passages quoted from source ${s.number}`}>
                {s.quotes.map((q) => (
                  <li key={q.citation.id} id={q.letter ? noteAnchor(q.marker) : undefined} className="flex gap-2 rounded p-1" data-testid="quote-note">
                    {q.letter ? <span className="w-5 shrink-0 font-semibold text-stone-700">{q.letter}.</span> : null}
                    <div className="min-w-0 flex-1">
                      <QuotedPassage quote={q.citation.quote} translation={q.citation.translation} language={q.citation.source.language} />
                      {q.citation.locator ? <p className="mt-1 pl-3 text-stone-700">{q.citation.locator}.</p> : null}
                      <ul className="mt-1 flex flex-wrap gap-x-3 pl-3" aria-label="Supports">
                        {q.claims.map((claim) => (
                          <li key={claim.anchor}>
                            <a href={`#${claim.anchor}`} className="inline-block min-h-6 py-0.5 text-blue-800 underline underline-offset-2" data-testid="backlink">
                              <span aria-hidden="true">↩&nbsp;</span>
                              <span className="sr-only">Back to </span>
                              {claim.label}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </div>
                  </li>
                ))}
              </ol>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
