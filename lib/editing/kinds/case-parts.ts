import 'server-only'
import type { Entity, RecordInput } from '@/lib/validation/records'
import { recordTag } from '@/lib/cache/tags'
import { sortEvents, timelineEventOf } from '@/lib/domain/case-status'
import { casePublicTags, citingSourceTags, provisionTreeTags, date, dateColumns, dateValues, delegate, requireCase, sameCase, str, touchCase, unique, type KindAdapter, type Row, type Tx } from './shared'

// The parts of a case: parties, charges, events, related cases, disputed facts.

/** The public pages of the case a part belongs to. */
export const partTags = async (tx: Tx, r: Row) => (r.caseId ? casePublicTags(tx, Number(r.caseId)) : [])

/** A party's or charge's own person, organisation or provision, which lists the case only while the row names it. */
export async function namedTags(tx: Tx, r: Row): Promise<string[]> {
  const caseTags = await partTags(tx, r)
  // Only the case's own tag: a draft, on no public page.
  if (caseTags.length <= 1) return caseTags
  const own: string[] = []
  if (r.personId) own.push(recordTag('person', Number(r.personId)))
  if (r.organisationId) own.push(recordTag('organisation', Number(r.organisationId)))
  // A provision's page and its article's list the case.
  return unique(caseTags, own, r.provisionId ? await provisionTreeTags(tx, [Number(r.provisionId)]) : [])
}

/** An adapter for a row with a caseId column: listed in its case's history, shown on its case's pages. */
export function casePart(
  entity: Entity,
  key: keyof Tx,
  columns: string[],
  rest: Omit<KindAdapter, 'entity' | 'model' | 'columns' | 'softDelete' | 'caseIdOf' | 'publicTags'> & Partial<Pick<KindAdapter, 'publicTags'>>,
): KindAdapter {
  return {
    entity,
    model: delegate(key),
    columns,
    softDelete: false,
    caseIdOf: async (_tx, r) => (r.caseId as number | null) ?? null,
    publicTags: partTags,
    async afterWrite(tx, before, after) {
      await touchCase(tx, Number((after ?? before)?.caseId ?? 0) || null)
    },
    ...rest,
  }
}

export const partyAdapter = casePart('party', 'party', ['caseId', 'personId', 'organisationId', 'role', 'outcome', 'situation', 'situationAt', 'situationPrecision', 'situationApprox', 'note'], {
  async toColumns(tx, input: RecordInput<'party'>, existing) {
    const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    const who =
      input.who.kind === 'person'
        ? await tx.person.findUnique({ where: { id: input.who.id }, select: { deletedAt: true } })
        : await tx.organisation.findUnique({ where: { id: input.who.id }, select: { deletedAt: true } })
    if (!who || who.deletedAt) return { ok: false, fieldErrors: { who: ['Choose a person or an organisation from the list.'] } }
    return {
      ok: true,
      data: {
        caseId: input.caseId,
        personId: input.who.kind === 'person' ? input.who.id : null,
        organisationId: input.who.kind === 'organisation' ? input.who.id : null,
        role: input.role,
        outcome: input.outcome,
        situation: input.situation,
        ...dateColumns('situation', input.situation ? input.situationAsOf : null),
        note: input.note,
      },
    }
  },
  toFormValues: (r) => ({
    caseId: str(r.caseId),
    who: r.personId ? `person:${r.personId}` : `organisation:${str(r.organisationId)}`,
    role: str(r.role),
    outcome: str(r.outcome),
    situation: str(r.situation),
    ...dateValues('situationAsOf', date(r.situationAt, r.situationPrecision, r.situationApprox)),
    note: str(r.note),
  }),
  describe: (r) => `${str(r.role).toLowerCase()} #${r.id}`,
  async deleteBlocker(tx, r) {
    const [n, decisions] = await Promise.all([tx.charge.count({ where: { partyId: r.id } }), tx.stageDecision.count({ where: { partyId: r.id } })])
    if (n) return `This party has ${n} charge${n === 1 ? '' : 's'}. Delete those first.`
    return decisions ? `This party has ${decisions} decision${decisions === 1 ? '' : 's'} in the stages of the proceeding. Delete those first.` : null
  },
  publicTags: namedTags,
})

export const chargeAdapter = casePart('charge', 'charge', ['caseId', 'partyId', 'provisionId', 'description', 'disposition', 'dispositionAt', 'dispositionPrecision', 'dispositionApprox'], {
  async toColumns(tx, input: RecordInput<'charge'>, existing) {
    const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    const party = await tx.party.findUnique({ where: { id: input.partyId }, select: { caseId: true } })
    if (!party || party.caseId !== input.caseId) return { ok: false, fieldErrors: { partyId: ['Choose a defendant of this case.'] } }
    if (input.provisionId !== null) {
      const p = await tx.legalProvision.findUnique({ where: { id: input.provisionId }, select: { deletedAt: true } })
      if (!p || p.deletedAt) return { ok: false, fieldErrors: { provisionId: ['Choose a provision from the list.'] } }
    }
    return {
      ok: true,
      data: {
        caseId: input.caseId,
        partyId: input.partyId,
        provisionId: input.provisionId,
        description: input.description,
        disposition: input.disposition,
        ...dateColumns('disposition', input.dispositionAsOf),
      },
    }
  },
  toFormValues: (r) => ({
    caseId: str(r.caseId),
    partyId: str(r.partyId),
    provisionId: str(r.provisionId),
    description: str(r.description),
    disposition: str(r.disposition),
    ...dateValues('dispositionAsOf', date(r.dispositionAt, r.dispositionPrecision, r.dispositionApprox)),
  }),
  describe: (r) => `charge #${r.id}${r.description ? `: ${str(r.description)}` : ''}`,
  publicTags: namedTags,
})

/**
 * Where an undated event may be placed: after an event of the same case (or, for a
 * fact of a person's life, of the same person's life), never after itself or after an
 * event placed, step by step, after it (that would be a loop with no place on the timeline).
 */
async function placementProblem(tx: Tx, owner: { caseId: number | null; personId: number | null }, placedAfterId: number, self: number | null): Promise<string | null> {
  const after = await tx.event.findUnique({ where: { id: placedAfterId }, select: { caseId: true, personId: true } })
  const sameOwner = after && (owner.caseId !== null ? after.caseId === owner.caseId : after.caseId === null && after.personId === owner.personId)
  if (!sameOwner) return owner.caseId !== null ? 'Choose an event of this case.' : 'Choose a dated fact of this person’s life.'
  if (self === null) return null
  const seen = new Set<number>()
  for (let id: number | null = placedAfterId; id !== null && !seen.has(id);) {
    if (id === self) return 'This event cannot come after itself, or after an event that comes after it. Choose an earlier one.'
    seen.add(id)
    id = (await tx.event.findUnique({ where: { id }, select: { placedAfterId: true } }))?.placedAfterId ?? null
  }
  return null
}

export const eventAdapter = casePart('event', 'event', ['caseId', 'personId', 'kind', 'occurredAt', 'precision', 'approx', 'placedAfterId', 'title', 'description', 'statusAfter'], {
  async toColumns(tx, input: RecordInput<'event'>, existing) {
    const date = dateColumns('', input.occurred, { at: 'occurredAt', precision: 'precision', approx: 'approx' })
    const fields = { kind: input.kind, ...date, placedAfterId: input.placedAfterId, title: input.title, description: input.description, statusAfter: input.statusAfter }
    const placed = async (owner: { caseId: number | null; personId: number | null }) => {
      const problem = input.placedAfterId === null ? null : await placementProblem(tx, owner, input.placedAfterId, existing?.id ?? null)
      return problem ? { placedAfterId: [problem] } : null
    }
    if (input.personId !== null) {
      // A fact of a person's life: no case, and it stays with its person.
      const person = await tx.person.findUnique({ where: { id: input.personId }, select: { deletedAt: true } })
      if (!person || person.deletedAt) return { ok: false, fieldErrors: { _form: ['This person does not exist or was deleted.'] } }
      if (existing && (existing.caseId !== null || existing.personId !== input.personId)) return { ok: false, fieldErrors: { _form: ['This event belongs to another record.'] } }
      const placement = await placed({ caseId: null, personId: input.personId })
      if (placement) return { ok: false, fieldErrors: placement }
      return { ok: true, data: { ...fields, caseId: null, personId: input.personId } }
    }
    const caseId = input.caseId!
    const problem = (await requireCase(tx, caseId)) ?? sameCase(existing, caseId) ?? (await placed({ caseId, personId: null }))
    if (problem) return { ok: false, fieldErrors: problem }
    // personId on a case event (whom an arrest concerns) is kept as it is.
    return { ok: true, data: { ...fields, caseId } }
  },
  toFormValues: (r) => ({
    ...(r.caseId ? { caseId: str(r.caseId) } : { personId: str(r.personId) }),
    kind: str(r.kind),
    ...dateValues('occurred', date(r.occurredAt, r.precision, r.approx)),
    undated: r.occurredAt ? '' : 'on',
    placedAfterId: str(r.placedAfterId),
    title: str(r.title),
    description: str(r.description),
    statusAfter: str(r.statusAfter),
  }),
  describe: (r) => str(r.title),
  // A case event shows on the case's pages; a life event on its person's page.
  async publicTags(tx, r) {
    if (r.caseId) return partTags(tx, r)
    return r.personId ? unique([recordTag('person', Number(r.personId))], await citingSourceTags(tx, { eventId: r.id })) : []
  },
  // The undated events placed after this one take its place: they follow the event
  // before it on the timeline (or come first). Without this the database would make them first.
  async beforeDelete(tx, r) {
    const moved = await tx.event.findMany({ where: { placedAfterId: r.id } })
    if (moved.length === 0) return []
    const owner = r.caseId ? { caseId: Number(r.caseId) } : { caseId: null, personId: Number(r.personId) }
    const timeline = sortEvents((await tx.event.findMany({ where: owner, select: { id: true, occurredAt: true, precision: true, approx: true, placedAfterId: true } })).map(timelineEventOf))
    const at = timeline.findIndex((e) => e.id === r.id)
    const predecessor = at > 0 ? timeline[at - 1]!.id : null
    const out: { before: Row; after: Row }[] = []
    for (const before of moved) {
      await tx.event.update({ where: { id: before.id }, data: { placedAfterId: predecessor, version: { increment: 1 } } })
      out.push({ before: before as Row, after: (await tx.event.findUniqueOrThrow({ where: { id: before.id } })) as Row })
    }
    return out
  },
})

export const relationAdapter: KindAdapter = {
  entity: 'relation',
  model: delegate('caseRelation'),
  columns: ['fromCaseId', 'toCaseId', 'kind', 'note'],
  softDelete: false,
  async toColumns(tx, input: RecordInput<'relation'>, existing) {
    const problem = await requireCase(tx, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    if (existing && existing.fromCaseId !== input.caseId) return { ok: false, fieldErrors: { _form: ['This relation belongs to another case.'] } }
    const other = await tx.case.findUnique({ where: { id: input.toCaseId }, select: { deletedAt: true } })
    if (!other || other.deletedAt) return { ok: false, fieldErrors: { toCaseId: ['Choose a case from the list.'] } }
    return { ok: true, data: { fromCaseId: input.caseId, toCaseId: input.toCaseId, kind: input.kind, note: input.note } }
  },
  toFormValues: (r) => ({ caseId: str(r.fromCaseId), toCaseId: str(r.toCaseId), kind: str(r.kind), note: str(r.note) }),
  caseIdOf: async (_tx, r) => Number(r.fromCaseId),
  describe: (r) => `${str(r.kind).toLowerCase().replaceAll('_', ' ')} case #${str(r.toCaseId)}`,
  async publicTags(tx, r) {
    return unique(await casePublicTags(tx, Number(r.fromCaseId)), await casePublicTags(tx, Number(r.toCaseId)))
  },
  uniqueMessage: { field: 'toCaseId', message: 'These cases are already related this way.' },
  async afterWrite(tx, before, after) {
    const row = after ?? before
    if (row) await touchCase(tx, Number(row.fromCaseId))
  },
}

export const conflictAdapter = casePart('conflict', 'conflict', ['caseId', 'eventId', 'subject', 'note'], {
  async toColumns(tx, input: RecordInput<'conflict'>, existing) {
    const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    if (input.eventId !== null) {
      const e = await tx.event.findUnique({ where: { id: input.eventId }, select: { caseId: true } })
      if (!e || e.caseId !== input.caseId) return { ok: false, fieldErrors: { eventId: ['Choose an event of this case.'] } }
    }
    return { ok: true, data: { caseId: input.caseId, eventId: input.eventId, subject: input.subject, note: input.note } }
  },
  toFormValues: (r) => ({ caseId: str(r.caseId), eventId: str(r.eventId), subject: str(r.subject), note: str(r.note) }),
  describe: (r) => str(r.subject),
  async deleteBlocker(tx, r) {
    const n = await tx.conflictVersion.count({ where: { conflictId: r.id } })
    return n ? `This disputed fact has ${n} version${n === 1 ? '' : 's'}. Delete those first.` : null
  },
})

async function versionCaseId(tx: Tx, r: Row): Promise<number | null> {
  return (await tx.conflict.findUnique({ where: { id: Number(r.conflictId) }, select: { caseId: true } }))?.caseId ?? null
}

export const conflictVersionAdapter: KindAdapter = {
  entity: 'conflictVersion',
  model: delegate('conflictVersion'),
  columns: ['conflictId', 'statement', 'preferred', 'position'],
  softDelete: false,
  async toColumns(tx, input: RecordInput<'conflictVersion'>, existing) {
    const problem = await requireCase(tx, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    const conflict = await tx.conflict.findUnique({ where: { id: input.conflictId }, select: { caseId: true } })
    if (!conflict || conflict.caseId !== input.caseId) return { ok: false, fieldErrors: { conflictId: ['Choose a disputed fact of this case.'] } }
    if (existing && existing.conflictId !== input.conflictId) return { ok: false, fieldErrors: { conflictId: ['A version stays with its disputed fact.'] } }
    if (input.preferred) {
      // One preferred version per disputed fact, changed by the editor in the open:
      // never silently un-prefer another version (that would be a change without a revision).
      const other = await tx.conflictVersion.findFirst({ where: { conflictId: input.conflictId, preferred: true, NOT: existing ? { id: existing.id } : undefined }, select: { statement: true } })
      if (other) return { ok: false, fieldErrors: { preferred: [`Another version is already preferred (“${other.statement.slice(0, 80)}”). Un-mark it first.`] } }
    }
    const position = existing ? Number(existing.position) : await tx.conflictVersion.count({ where: { conflictId: input.conflictId } })
    return { ok: true, data: { conflictId: input.conflictId, statement: input.statement, preferred: input.preferred, position } }
  },
  toFormValues: (r) => ({ conflictId: str(r.conflictId), statement: str(r.statement), preferred: r.preferred ? 'on' : '' }),
  caseIdOf: versionCaseId,
  describe: (r) => str(r.statement).slice(0, 80),
  async publicTags(tx, r) {
    const caseId = await versionCaseId(tx, r)
    return caseId ? casePublicTags(tx, caseId) : []
  },
  async deleteBlocker() {
    return null
  },
  async afterWrite(tx, before, after) {
    const row = after ?? before
    if (row) await touchCase(tx, await versionCaseId(tx, row))
  },
}
