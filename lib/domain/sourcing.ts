// Every fact a reader sees links to its source: a case is published only when each of
// its facts cites one, and the editor's case page lists what is missing before the
// editor tries. The rule is here, pure, so that the publishing check (lib/editing)
// and the editor's case page (lib/data) apply the same one to what each has loaded.
import type { DatePrecision, PartyRole } from '@/lib/generated/prisma/enums'
import { sortEvents, timelineEventOf } from './case-status'
import { citationTargetLabel } from './citation-target'
import { fromColumns } from './partial-date'
import { formatSentence, type StagedDecision } from './sentence'
import type { ProvisionNaming } from './provision-name'

export type UnsourcedFact = { target: string; label: string }

type PartyNames = { person: { name: string } | null; organisation: { name: string } | null }

/** What of a case readers see: the columns and parts unsourcedFactsOf looks at. */
export type CaseFacts = {
  summary: string
  statusOverride: string | null
  openedAt: Date | null
  closedAt: Date | null
  parties: ({ id: number; role: PartyRole } & PartyNames)[]
  charges: { id: number; description: string; provision: ProvisionNaming | null; party: PartyNames }[]
  events: { id: number; title: string; occurredAt: Date | null; precision: DatePrecision | null; approx: boolean; placedAfterId?: number | null }[]
  stages: { id: number; kind: StagedDecision['stageKind']; courtName: string; court: { name: string } | null; decidedAt: Date | null; decidedPrecision: DatePrecision | null; decidedApprox: boolean }[]
  decisions: ({ id: number; stage: { kind: StagedDecision['stageKind'] }; party: PartyNames } & Omit<StagedDecision, 'stageKind'>)[]
  conflicts: { subject: string; versions: { id: number; statement: string }[] }[]
}

const nameOf = (p: PartyNames) => p.person?.name ?? p.organisation?.name ?? null

/**
 * The facts of a case that no citation supports, in the order the page shows them.
 * `cited` holds the citationTargetKey of every citation of the case. A status needs a
 * source only when an editor set it (otherwise the events, each cited, derive it).
 */
export function unsourcedFactsOf(c: CaseFacts, cited: ReadonlySet<string>): UnsourcedFact[] {
  const facts: UnsourcedFact[] = []
  const need = (target: string, label: string) => {
    if (!cited.has(target)) facts.push({ target, label })
  }
  if (c.statusOverride) need('case:status', citationTargetLabel({ kind: 'case', field: 'status' }))
  if (c.openedAt) need('case:opened', citationTargetLabel({ kind: 'case', field: 'opened' }))
  if (c.closedAt) need('case:closed', citationTargetLabel({ kind: 'case', field: 'closed' }))
  if (c.summary) need('case:summary', citationTargetLabel({ kind: 'case', field: 'summary' }))
  for (const p of c.parties) need(`party:${p.id}`, citationTargetLabel({ kind: 'party', name: nameOf(p), role: p.role }))
  for (const ch of c.charges) need(`charge:${ch.id}`, citationTargetLabel({ kind: 'charge', defendant: nameOf(ch.party), provision: ch.provision, description: ch.description }))
  const events = sortEvents(c.events.map((e) => ({ ...timelineEventOf(e), title: e.title })))
  for (const e of events) need(`event:${e.id}`, citationTargetLabel({ kind: 'event', date: e.date, title: e.title }))
  for (const st of c.stages) {
    need(`stage:${st.id}`, citationTargetLabel({ kind: 'stage', stage: st.kind, court: st.court?.name ?? (st.courtName || null), date: fromColumns(st.decidedAt, st.decidedPrecision, st.decidedApprox) }))
  }
  for (const d of c.decisions) {
    need(`decision:${d.id}`, citationTargetLabel({ kind: 'decision', stage: d.stage.kind, defendant: nameOf(d.party), decision: d.decision, sentence: formatSentence(d) }))
  }
  for (const k of c.conflicts) for (const v of k.versions) need(`conflictVersion:${v.id}`, citationTargetLabel({ kind: 'conflictVersion', subject: k.subject, statement: v.statement }))
  return facts
}
