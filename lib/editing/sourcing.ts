import 'server-only'
import { caseCitationsWhere } from '@/lib/queries/case-citations'
import { citationTargetKey } from '@/lib/domain/citation-target'
import { PARTY_ROLE_LABELS } from '@/lib/domain/labels'
import { provisionName } from '@/lib/domain/provision-name'
import type { Tx } from './kinds'

// Every fact a reader sees links to its source: a case is published only when each of
// its facts cites one. The case page lists what is missing before the editor tries.

export type UnsourcedFact = { target: string; label: string }

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
      parties: { orderBy: { id: 'asc' }, select: { id: true, role: true, person: { select: { name: true } }, organisation: { select: { name: true } } } },
      charges: { orderBy: { id: 'asc' }, select: { id: true, description: true, provision: { select: { code: true, article: true, part: true } } } },
      events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }], select: { id: true, title: true } },
      conflicts: { orderBy: { id: 'asc' }, select: { subject: true, versions: { orderBy: { position: 'asc' }, select: { id: true, statement: true } } } },
    },
  })
  if (!c) return []
  const cited = await tx.citation.findMany({
    where: caseCitationsWhere(c),
    select: { caseId: true, field: true, partyId: true, chargeId: true, eventId: true, conflictVersionId: true },
  })
  const has = new Set(cited.map(citationTargetKey))
  const facts: UnsourcedFact[] = []
  const need = (target: string, label: string) => {
    if (!has.has(target)) facts.push({ target, label })
  }
  if (c.statusOverride) need('case:status', 'The status set by an editor')
  if (c.openedAt) need('case:opened', 'The date the case was opened')
  if (c.closedAt) need('case:closed', 'The date the case was closed')
  if (c.summary) need('case:summary', 'The summary')
  for (const p of c.parties) need(`party:${p.id}`, `Party: ${p.person?.name ?? p.organisation?.name ?? '?'} (${PARTY_ROLE_LABELS[p.role].toLowerCase()})`)
  for (const ch of c.charges) need(`charge:${ch.id}`, `Charge: ${ch.provision ? provisionName(ch.provision) : ch.description}`)
  for (const e of c.events) need(`event:${e.id}`, `Event: ${e.title}`)
  for (const k of c.conflicts) for (const v of k.versions) need(`conflictVersion:${v.id}`, `Version of “${k.subject}”: ${v.statement.slice(0, 60)}`)
  return facts
}
