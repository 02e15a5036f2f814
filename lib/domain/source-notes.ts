// A page's notes, grouped by source: one entry per article, the passages quoted from it
// beneath, and from each passage a way back to every claim it supports. Markers read
// "[3]" (source 3, its only passage on the page) or "[3b]" (source 3, second passage);
// the note's fragment is the marker: #note-3, #note-3b
// (docs/decisions/031-notes-grouped-by-source.md). Pure: no framework imports.

/** What grouping needs of a citation; the page's DTO has more, and gets it back. */
export type NotableCitation = { id: number; quote: string; translation: string; locator: string; source: { id: number } }

/**
 * A claim on the page: the id of the element that shows it (the backlink's target), what
 * it says in words (citationTargetLabel), and the citations behind it, in page order.
 */
export type NoteClaim<C extends NotableCitation = NotableCitation> = { anchor: string; label: string; citations: readonly C[] }

export type ClaimLink = { anchor: string; label: string }

export type QuoteNote<C extends NotableCitation> = {
  /** "3b", or "3" when it is the source's only passage on the page: the text of the marker and of its fragment. */
  marker: string
  /** "b"; "" when the source has one passage. */
  letter: string
  /** The first citation of this passage: several claims citing the same words share one note. */
  citation: C
  /** Every claim it supports, each once, in page order. */
  claims: ClaimLink[]
}

export type SourceNote<C extends NotableCitation> = { number: number; source: C['source']; quotes: QuoteNote<C>[] }

export type GroupedNotes<C extends NotableCitation> = {
  sources: SourceNote<C>[]
  /** Citation id → its note's marker. */
  markers: Map<number, string>
}

/** a, b, …, z, aa, ab, …: the letter of the i-th passage (0-based) of a source. */
export function quoteLetter(i: number): string {
  let n = i
  let out = ''
  do {
    out = String.fromCharCode(97 + (n % 26)) + out
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return out
}

/** The fragment id of a marker's note. */
export function noteAnchor(marker: string): string {
  return `note-${marker}`
}

/**
 * Groups the citations of a page's claims (in the order the page shows them) by source:
 * sources numbered by their first citation, passages lettered by theirs within the
 * source. Citations of the same words (source, quote, translation and place) are one
 * passage. A claim listed twice (the same anchor: a decision shown with its stage and
 * as a defendant's sentence) is linked back to once.
 */
export function groupNotes<C extends NotableCitation>(claims: readonly NoteClaim<C>[]): GroupedNotes<C> {
  type Passage = { citation: C; claims: ClaimLink[]; citationIds: number[] }
  const bySource = new Map<number, { source: C['source']; passages: Map<string, Passage> }>()
  for (const claim of claims) {
    for (const c of claim.citations) {
      let group = bySource.get(c.source.id)
      if (!group) {
        group = { source: c.source, passages: new Map() }
        bySource.set(c.source.id, group)
      }
      const key = `${c.quote}\u0000${c.translation}\u0000${c.locator}`
      let passage = group.passages.get(key)
      if (!passage) {
        passage = { citation: c, claims: [], citationIds: [] }
        group.passages.set(key, passage)
      }
      if (!passage.citationIds.includes(c.id)) passage.citationIds.push(c.id)
      if (!passage.claims.some((l) => l.anchor === claim.anchor)) passage.claims.push({ anchor: claim.anchor, label: claim.label })
    }
  }
  const markers = new Map<number, string>()
  const sources: SourceNote<C>[] = [...bySource.values()].map((group, i) => {
    const number = i + 1
    const passages = [...group.passages.values()]
    const quotes = passages.map((p, j): QuoteNote<C> => {
      const letter = passages.length > 1 ? quoteLetter(j) : ''
      const marker = `${number}${letter}`
      for (const id of p.citationIds) markers.set(id, marker)
      return { marker, letter, citation: p.citation, claims: p.claims }
    })
    return { number, source: group.source, quotes }
  })
  return { sources, markers }
}

/** The ids of the elements that show claims: a note's backlinks lead to them. */
export const claimAnchor = {
  /** The status box's facts and the summary. */
  caseField: (field: 'status' | 'opened' | 'closed' | 'summary') => (field === 'summary' ? 'summary' : `fact-${field}`),
  /** A person's or organisation's profile, a provision's description. */
  description: () => 'description',
  party: (id: number) => `party-${id}`,
  charge: (id: number) => `charge-${id}`,
  stage: (id: number) => `stage-${id}`,
  decision: (id: number) => `decision-${id}`,
  event: (id: number) => `event-${id}`,
  conflict: (id: number) => `conflict-${id}`,
  conflictVersion: (id: number) => `conflict-version-${id}`,
}
