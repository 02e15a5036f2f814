import 'server-only'
import { citationTargetKey } from '@/lib/domain/citation-target'
import { unsourcedFactsOf, type UnsourcedFact } from '@/lib/domain/sourcing'
import { caseCitationsWhere, DECISION_FACTS_SELECT, STAGE_FACTS_SELECT } from '@/lib/queries/case-citations'
import type { Tx } from './kinds'

// The publishing check's look-up: loads what of a case readers see and its citations,
// and applies the rule in lib/domain/sourcing.ts.

export type { UnsourcedFact }

const named = { select: { name: true } } as const

/** The facts of a case that no citation supports yet, in the order the page shows them. */
export async function unsourcedFacts(tx: Tx, caseId: number): Promise<UnsourcedFact[]> {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      summary: true,
      statusOverride: true,
      openedAt: true,
      closedAt: true,
      parties: { orderBy: { id: 'asc' }, select: { id: true, role: true, person: named, organisation: named } },
      charges: {
        orderBy: { id: 'asc' },
        select: { id: true, description: true, provision: { select: { code: true, article: true, part: true, paragraph: true } }, party: { select: { person: named, organisation: named } } },
      },
      events: { select: { id: true, title: true, occurredAt: true, precision: true, approx: true, placedAfterId: true } },
      stages: { orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }], select: STAGE_FACTS_SELECT },
      decisions: { orderBy: { id: 'asc' }, select: DECISION_FACTS_SELECT },
      conflicts: { orderBy: { id: 'asc' }, select: { subject: true, versions: { orderBy: { position: 'asc' }, select: { id: true, statement: true } } } },
    },
  })
  if (!c) return []
  const cited = await tx.citation.findMany({
    where: caseCitationsWhere(c),
    select: { caseId: true, field: true, partyId: true, chargeId: true, eventId: true, stageId: true, decisionId: true, conflictVersionId: true },
  })
  return unsourcedFactsOf(c, new Set(cited.map(citationTargetKey)))
}
