import type { NoteClaim } from '@/components/citations/footnotes'
import type { CaseDetailDTO, CitationDTO, EventDTO } from '@/lib/data/dto'
import { citationTargetLabel } from '@/lib/domain/citation-target'
import { claimAnchor } from '@/lib/domain/source-notes'

/** Timeline events as claims (a case's, or a person's life events). */
export function eventClaims(events: readonly EventDTO[]): NoteClaim<CitationDTO>[] {
  return events.map((e) => ({ anchor: claimAnchor.event(e.id), label: citationTargetLabel({ kind: 'event', date: e.date, title: e.title }), citations: e.citations }))
}

/**
 * A case page's claims in the order the page shows them, each with the id of the element
 * that shows it and its words (citationTargetLabel, as on the source page): the notes
 * are numbered in this order and link back to these ids.
 */
export function caseClaims(c: CaseDetailDTO): NoteClaim<CitationDTO>[] {
  const field = (f: 'status' | 'opened' | 'closed' | 'summary', citations: CitationDTO[]) => ({ anchor: claimAnchor.caseField(f), label: citationTargetLabel({ kind: 'case', field: f }), citations })
  const decisions = new Map(c.stages.flatMap((st) => st.decisions.map((d) => [d.id, { d, stage: st }] as const)))
  const decisionClaim = (id: number, citations: CitationDTO[]): NoteClaim<CitationDTO> => {
    const found = decisions.get(id)
    const label = found ? citationTargetLabel({ kind: 'decision', stage: found.stage.kind, defendant: found.d.defendant?.name ?? null, decision: found.d.decision, sentence: found.d.sentence }) : 'Decision'
    return { anchor: claimAnchor.decision(id), label, citations }
  }
  // The sentence in force is the citations of the decision that set it: found by them.
  const decisionIdOf = (citations: CitationDTO[]) => [...decisions.values()].find(({ d }) => d.citations.length && d.citations.every((x, i) => x.id === citations[i]?.id))?.d.id
  return [
    field('status', c.statusCitations),
    field('opened', c.openedCitations),
    field('closed', c.closedCitations),
    field('summary', c.summaryCitations),
    ...c.parties.flatMap((p) => {
      const party = { anchor: claimAnchor.party(p.id), label: citationTargetLabel({ kind: 'party', name: (p.person ?? p.organisation)?.name ?? null, role: p.role }), citations: p.citations }
      if (!p.sentence) return [party]
      const decisionId = decisionIdOf(p.sentence.citations)
      return [party, decisionId !== undefined ? decisionClaim(decisionId, p.sentence.citations) : { ...party, citations: p.sentence.citations }]
    }),
    ...c.charges.map((ch) => ({
      anchor: claimAnchor.charge(ch.id),
      label: citationTargetLabel({ kind: 'charge', defendant: ch.defendant?.name ?? null, provision: ch.provision, description: ch.description }),
      citations: ch.citations,
    })),
    ...c.stages.flatMap((st) => [
      { anchor: claimAnchor.stage(st.id), label: citationTargetLabel({ kind: 'stage', stage: st.kind, court: st.courtName, date: st.decided }), citations: st.citations },
      ...st.decisions.map((d) => decisionClaim(d.id, d.citations)),
    ]),
    ...eventClaims(c.events),
    ...c.conflicts.flatMap((k) =>
      k.versions.map((v) => ({ anchor: claimAnchor.conflictVersion(v.id), label: citationTargetLabel({ kind: 'conflictVersion', subject: k.subject, statement: v.statement }), citations: v.citations })),
    ),
  ]
}
