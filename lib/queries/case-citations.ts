import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'

// Query fragments that both the reads (lib/data) and the writes (lib/editing) build
// their queries from. They live here, below both, because reads and writes never
// import each other: the case page, the editor's case page, the publishing check and
// the list of pages a write changes all find "the citations of a case" the same way.
// Prisma types only: no client, no session, no Next.js.

/**
 * The citations of a case and of its parts, by the parts' ids: one query that SQLite
 * answers from the Citation foreign-key indexes. Relation filters instead
 * (`{ event: { caseId } }`) become subqueries that scan Citation (~200 ms at 10,000
 * cases, `npm run bench`); nested `citations` selects cost a query per kind of claim,
 * and for an empty list Prisma sends `IN (NULL)`, which SQLite may answer with a full
 * scan once ANALYZE statistics exist.
 */
export function caseCitationsWhere(c: {
  id: number
  parties: { id: number }[]
  charges: { id: number }[]
  events: { id: number }[]
  stages: { id: number }[]
  decisions: { id: number }[]
  conflicts: { versions: { id: number }[] }[]
}): Prisma.CitationWhereInput {
  const targets: Prisma.CitationWhereInput[] = [{ caseId: c.id }]
  const ids = (list: { id: number }[]) => list.map((x) => x.id)
  const versionIds = c.conflicts.flatMap((k) => ids(k.versions))
  if (c.parties.length) targets.push({ partyId: { in: ids(c.parties) } })
  if (c.charges.length) targets.push({ chargeId: { in: ids(c.charges) } })
  if (c.events.length) targets.push({ eventId: { in: ids(c.events) } })
  if (c.stages.length) targets.push({ stageId: { in: ids(c.stages) } })
  if (c.decisions.length) targets.push({ decisionId: { in: ids(c.decisions) } })
  if (versionIds.length) targets.push({ conflictVersionId: { in: versionIds } })
  return { OR: targets }
}

/** The ids caseCitationsWhere needs, as a Prisma select on Case. */
export const casePartIdsSelect = {
  id: true,
  parties: { select: { id: true } },
  charges: { select: { id: true } },
  events: { select: { id: true } },
  stages: { select: { id: true } },
  decisions: { select: { id: true } },
  conflicts: { select: { versions: { select: { id: true } } } },
} as const

/** What of a stage readers see (and the sourcing rule names), as a Prisma select on Stage. */
export const STAGE_FACTS_SELECT = {
  id: true,
  kind: true,
  courtName: true,
  court: { select: { name: true } },
  decidedAt: true,
  decidedPrecision: true,
  decidedApprox: true,
} as const

const named = { select: { name: true } } as const

/** A decision's sentence columns (lib/domain/sentence.ts `Sentence`), as a Prisma select on StageDecision. */
export const SENTENCE_SELECT = {
  sentenceKind: true,
  sentenceMonths: true,
  fineAmount: true,
  fineCurrency: true,
  activityBanMonths: true,
  deportation: true,
  sentenceNote: true,
} as const

/** What of a decision readers see, as a Prisma select on StageDecision. */
export const DECISION_FACTS_SELECT = {
  id: true,
  stage: { select: { kind: true } },
  party: { select: { person: named, organisation: named } },
  decision: true,
  ...SENTENCE_SELECT,
} as const
