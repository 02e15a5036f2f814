import 'server-only'
import { writeAudit } from '@/lib/audit'
import type { FieldErrors, LikelyDuplicate } from '@/lib/actions/safe-action-types'
import type { Role } from '@/lib/auth/roles'
import { db, writeTransaction } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { reindexTagged } from '@/lib/search'
import {
  CITE_PREFIX,
  CitationSchema,
  citeErrors,
  decisionBlockName,
  ENTITY_LABELS,
  isEntity,
  listErrors,
  PART_FORMS,
  parseAdd,
  parseStageWithDecisions,
  newPeopleOf,
  newPersonPlaceholder,
  PersonSchema,
  partErrors,
  prefixed,
  RECORD_SCHEMAS,
  type AddEntity,
  type CiteValues,
  type Entity,
} from '@/lib/validation/records'
import { KINDS, type KindAdapter, type Row, type Tx } from './kinds'
import { formChanges, type FieldChange } from './changes'
import { likelyDuplicates, unconfirmed } from './duplicates'
import { unsourcedFacts } from './sourcing'
import { encodeSnapshot, readSnapshot, storeTexts, type TextsToStore } from './revision-texts'
import { fromSnapshot, snapshotOf, changedColumns, type Snapshot } from './snapshot'

// The only way records are written from the editor. Every write, in one transaction:
//   1. checks the actor may edit (here, not only in the action that called us);
//   2. checks the version the editor loaded is still the current one (no lost updates);
//   3. writes the record and bumps its version;
//   4. writes a Revision (before/after snapshots, changed columns, summary; long
//      texts stored once by content, revision-texts.ts) and an audit entry, and
//      whatever the record's kind needs (kinds/: slug redirects, the case's derived
//      status);
//   5. rewrites the search documents of the records whose pages changed (lib/search).
// Nothing here calls Next.js: the caller invalidates the returned cache tags, those of
// every public page that shows what changed (lib/cache/tags.ts).

export type Actor = { id: string; email: string; role: Role }

export class NotAuthorizedError extends Error {
  constructor() {
    super('Only signed-in editors can change records.')
  }
}

export function assertCanEdit(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor || (actor.role !== 'editor' && actor.role !== 'admin')) throw new NotAuthorizedError()
}

export type Intervening = { at: Date; actorEmail: string; action: string; summary: string }

export type WriteResult =
  | { ok: true; entity: Entity; id: number; version: number; revisionId: number; caseId: number | null; tags: string[] }
  | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors; formError?: string; duplicates?: LikelyDuplicate[] }
  | { ok: false; reason: 'conflict'; formError: string; currentVersion: number; changes: FieldChange[]; by: Intervening[] }
  | { ok: false; reason: 'not-found'; formError: string }
  | { ok: false; reason: 'blocked'; formError: string }

type Failure = Exclude<WriteResult, { ok: true }>

/**
 * What an add form created together (saveRecords): the records of its kind, their ids
 * and revisions in the order given; `also`, the citations and parts created with them;
 * and every page to invalidate.
 */
export type BatchWriteResult = { ok: true; entity: Entity; ids: number[]; revisionIds: number[]; also: { entity: Entity; id: number; revisionId: number }[]; caseId: number | null; tags: string[] } | Failure

export type RevisionAction = 'create' | 'update' | 'delete' | 'restore' | 'publish' | 'unpublish'

type Meta = { summary: string; request?: { ip: string | null; userAgent: string | null } }

// SQLite runs one write transaction at a time: under a burst of saves, wait in line
// rather than fail after Prisma's default 2 s.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 }

/** The Citation column that points at each kind of case part that can be cited. */
const CITED_PARTS: Partial<Record<Entity, 'eventId' | 'chargeId' | 'partyId' | 'stageId' | 'decisionId' | 'conflictVersionId'>> = {
  event: 'eventId',
  charge: 'chargeId',
  party: 'partyId',
  stage: 'stageId',
  decision: 'decisionId',
  conflictVersion: 'conflictVersionId',
}

class Rollback extends Error {
  constructor(readonly result: Failure) {
    super('rollback')
  }
}

/**
 * Runs `body` in a transaction; a failed result rolls everything back, and a unique
 * or foreign-key violation of this kind of record becomes a message, not a 500.
 * Before it commits, the search index is brought up to date for every record whose
 * page the write changed (its cache tags): the index is written and rolled back with
 * the records, so it never disagrees with what was committed (lib/search).
 */
async function inTransaction<R extends { ok: true; tags: string[] }>(kind: KindAdapter, body: (tx: Tx) => Promise<R | Failure>): Promise<R | Failure> {
  try {
    return await writeTransaction(async (tx) => {
      const result = await body(tx)
      if (!result.ok) throw new Rollback(result)
      await reindexTagged(tx, result.tags)
      return result
    }, TX_OPTIONS)
  } catch (error) {
    if (error instanceof Rollback) return error.result
    const known = constraintViolation(kind, error)
    if (known) return known
    throw error
  }
}

async function record(
  tx: Tx,
  kind: KindAdapter,
  actor: Actor,
  meta: Meta,
  action: RevisionAction,
  before: Row | null,
  after: Row | null,
  tagsBefore: string[] = [],
): Promise<{ revisionId: number; caseId: number | null; tags: string[] }> {
  const row = (after ?? before)!
  const beforeSnap = before ? snapshotOf(kind, before) : null
  const afterSnap = after ? snapshotOf(kind, after) : null
  const caseId = await kind.caseIdOf(tx, row)
  const texts: TextsToStore = new Map()
  const beforeJson = beforeSnap ? encodeSnapshot(beforeSnap, texts) : null
  const afterJson = afterSnap ? encodeSnapshot(afterSnap, texts) : null
  await storeTexts(tx, texts)
  const revision = await tx.revision.create({
    data: {
      actorUserId: actor.id,
      actorEmail: actor.email,
      entity: kind.entity,
      entityId: row.id,
      caseId,
      action,
      version: after ? after.version : before!.version + 1,
      summary: meta.summary,
      before: beforeJson,
      after: afterJson,
      changed: JSON.stringify(changedColumns(kind, beforeSnap, afterSnap)),
    },
    select: { id: true },
  })
  await writeAudit(tx, {
    action: `record-${action}`,
    actorUserId: actor.id,
    targetType: kind.entity,
    targetId: String(row.id),
    ip: meta.request?.ip,
    userAgent: meta.request?.userAgent,
    detail: { revisionId: revision.id, summary: meta.summary || undefined },
  })
  await kind.afterWrite?.(tx, before, after)
  // The pages that showed the record were named before the write (`tagsBefore`: a
  // deleted part's citations are gone after it); those that show it now, here.
  const tags = new Set<string>(tagsBefore)
  if (after) for (const t of await kind.publicTags(tx, after)) tags.add(t)
  return { revisionId: revision.id, caseId, tags: [...tags] }
}

function constraintViolation(kind: KindAdapter, error: unknown): Failure | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const field = kind.uniqueMessage?.field ?? '_form'
    return { ok: false, reason: 'invalid', fieldErrors: { [field]: [kind.uniqueMessage?.message ?? 'This record already exists.'] } }
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
    return { ok: false, reason: 'blocked', formError: 'This change refers to a record that no longer exists (it was deleted meanwhile). Nothing was changed.' }
  }
  return null
}

/** What changed since `version`: the state then (from history) against the state now. */
async function conflictOf(tx: Tx, kind: KindAdapter, current: Row, version: number): Promise<WriteResult> {
  const later = await tx.revision.findMany({
    where: { entity: kind.entity, entityId: current.id, version: { gt: version } },
    orderBy: { version: 'asc' },
    select: { at: true, actorEmail: true, action: true, summary: true, before: true },
  })
  const thenSnap = await readSnapshot(tx, later[0]?.before ?? null)
  const changes = thenSnap ? formChanges(kind.entity, fromSnapshot(thenSnap), current) : []
  return {
    ok: false,
    reason: 'conflict',
    formError: `Someone saved this ${ENTITY_LABELS[kind.entity]} after you opened it. Your changes were not saved; they are still in the form. Check what changed, then save again to overwrite.`,
    currentVersion: current.version,
    changes,
    by: later.map(({ before: _b, ...rest }) => rest),
  }
}

// ---------------------------------------------------------------------------

function duplicateMessage(entity: 'person' | 'organisation'): string {
  return `This ${entity === 'person' ? 'person' : 'organisation'} may already be recorded under this or a similar name (listed below the name). Open the existing record, or check and choose “Create anyway”.`
}

export type SaveInput = { entity: Entity; id: number | null; version: number | null; values: Record<string, string> }

/** Creates (no id) or updates a record from a form's values. */
export async function saveRecord(actor: Actor | null, input: SaveInput, meta: Meta): Promise<WriteResult> {
  assertCanEdit(actor)
  const kind = KINDS[input.entity]
  const parsed = RECORD_SCHEMAS[input.entity].safeParse(input.values)
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) }
  }
  return inTransaction(kind, async (tx) => {
    const model = kind.model(tx)
    if (input.id === null) {
      if (input.entity === 'person' || input.entity === 'organisation') {
        // Asked in the transaction that creates: a record added meanwhile is seen too.
        const found = unconfirmed(await likelyDuplicates(tx, input.entity, [(parsed.data as { name: string }).name]), input.values.confirmDuplicates)
        if (found.length) return { ok: false, reason: 'invalid', fieldErrors: { name: [duplicateMessage(input.entity)] }, duplicates: found }
      }
      const columns = await kind.toColumns(tx, parsed.data as never, null)
      if (!columns.ok) return { ok: false, reason: 'invalid', fieldErrors: columns.fieldErrors }
      const created = await model.create({ data: columns.data })
      const written = await record(tx, kind, actor, meta, 'create', null, created)
      return { ok: true, entity: input.entity, id: created.id, version: created.version, ...written }
    }
    const existing = await model.findUnique({ where: { id: input.id } })
    if (!existing || (kind.softDelete && existing.deletedAt)) return { ok: false, reason: 'not-found', formError: `This ${ENTITY_LABELS[kind.entity]} no longer exists (it was deleted). Nothing was saved.` }
    if (input.version === null) return { ok: false, reason: 'invalid', fieldErrors: { _form: ['This form is missing the record version. Reload the page.'] } }
    if (existing.version !== input.version) return conflictOf(tx, kind, existing, input.version)
    const columns = await kind.toColumns(tx, parsed.data as never, existing)
    if (!columns.ok) return { ok: false, reason: 'invalid', fieldErrors: columns.fieldErrors }
    // The version in the WHERE makes the check and the write one atomic step, on
    // SQLite and PostgreSQL alike: of two saves from the same version, one matches.
    const tagsBefore = await kind.publicTags(tx, existing)
    const { count } = await model.updateMany({ where: { id: existing.id, version: input.version }, data: { ...columns.data, version: { increment: 1 } } })
    if (count !== 1) return conflictOf(tx, kind, (await model.findUnique({ where: { id: existing.id } }))!, input.version)
    const updated = (await model.findUnique({ where: { id: existing.id } }))!
    if (changedColumns(kind, snapshotOf(kind, existing), snapshotOf(kind, updated)).length === 0) {
      return { ok: false, reason: 'invalid', fieldErrors: {}, formError: 'Nothing changed: there was nothing to save.' }
    }
    const written = await record(tx, kind, actor, meta, 'update', existing, updated, tagsBefore)
    return { ok: true, entity: input.entity, id: updated.id, version: updated.version, ...written }
  })
}

export type SaveManyInput = { entity: AddEntity; values: Record<string, string>; lists?: Record<string, readonly string[]> }

type Created = { ok: true; id: number; revisionId: number; caseId: number | null; tags: string[] }

/** Creates one record from its parsed input, as saveRecord does: the kind's checks, its revision and audit entry. */
async function createOne(tx: Tx, kind: KindAdapter, data: unknown, actor: Actor, meta: Meta): Promise<Created | { ok: false; fieldErrors: FieldErrors }> {
  const columns = await kind.toColumns(tx, data as never, null)
  if (!columns.ok) return { ok: false, fieldErrors: columns.fieldErrors }
  const created = await kind.model(tx).create({ data: columns.data })
  return { ok: true, id: created.id, ...(await record(tx, kind, actor, meta, 'create', null, created)) }
}

/**
 * The citation of a record just created, from an add form's "Source" group: the
 * values the citation form would post for it, through the citation schema and kind.
 */
async function citeCreated(tx: Tx, entity: Entity, made: Created, cite: CiteValues, prefix: string, actor: Actor, meta: Meta): Promise<Created | { ok: false; fieldErrors: FieldErrors }> {
  const parsed = CitationSchema.safeParse({ ...cite, caseId: String(made.caseId ?? ''), target: `${entity}:${made.id}` })
  if (!parsed.success) return { ok: false, fieldErrors: citeErrors(fieldErrorsOf(parsed.error), prefix) }
  const created = await createOne(tx, KINDS.citation, parsed.data, actor, meta)
  return created.ok ? created : { ok: false, fieldErrors: citeErrors(created.fieldErrors, prefix) }
}

/**
 * Everything an add form of a case's page creates, in one transaction
 * (lib/validation/records.ts `parseAdd`): one record per ticked box (a citation per
 * fact a quote supports, a charge per defendant and article, a party per person), the
 * citation of each when the form names a source, and the parts typed with it (the
 * versions of a disputed fact, each with its citation). Each record is written exactly
 * as saveRecord creates one (its own revision and audit entry, the kind's checks and
 * side effects); if any is refused, none is written, and the refusal is reported on
 * the form's field it came from.
 */
export async function saveRecords(actor: Actor | null, input: SaveManyInput, meta: Meta): Promise<BatchWriteResult> {
  assertCanEdit(actor)
  const kind = KINDS[input.entity]
  const parsed = parseAdd(input.entity, input.values, input.lists)
  if (!parsed.ok) return { ok: false, reason: 'invalid', fieldErrors: parsed.fieldErrors }
  return inTransaction<Extract<BatchWriteResult, { ok: true }>>(kind, async (tx) => {
    const ids: number[] = []
    const revisionIds: number[] = []
    const also: { entity: Entity; id: number; revisionId: number }[] = []
    const tags = new Set<string>()
    let caseId: number | null = null
    const refused = (fieldErrors: FieldErrors): Failure => ({ ok: false, reason: 'invalid', fieldErrors })
    const keep = (entity: Entity, made: Created) => {
      also.push({ entity, id: made.id, revisionId: made.revisionId })
      for (const t of made.tags) tags.add(t)
    }
    // The party form's new people: created first (each checked against every name and
    // alias on record), then named by the parties in place of their placeholders.
    const created = new Map<number, number>()
    if (input.entity === 'party') {
      const people = newPeopleOf(input.values.newPeople)
      for (const [i, name] of (people.ok ? people.names : []).entries()) {
        const found = await likelyDuplicates(tx, 'person', [name])
        if (found.length) {
          const like = found.map((d) => `${d.name}${d.matched !== d.name ? ` (as “${d.matched}”)` : ''}`).join(', ')
          return refused({ newPeople: [`“${name}” looks like ${like}, already on record: tick them in the list instead. If this is someone else, create them under People first.`] })
        }
        const person = await createOne(tx, KINDS.person, PersonSchema.parse({ name }), actor, meta)
        if (!person.ok) return refused({ newPeople: Object.values(person.fieldErrors).flat() })
        keep('person', person)
        created.set(newPersonPlaceholder(i), person.id)
      }
    }
    for (const item of parsed.items) {
      const who = (item.record as { who?: { kind: string; id: number } }).who
      if (who && created.has(who.id)) (item.record as { who: { kind: string; id: number } }).who = { kind: 'person', id: created.get(who.id)! }
      const made = await createOne(tx, kind, item.record, actor, meta)
      if (!made.ok) return refused(listErrors(input.entity, made.fieldErrors))
      ids.push(made.id)
      revisionIds.push(made.revisionId)
      caseId ??= made.caseId
      for (const t of made.tags) tags.add(t)
      if (item.cite) {
        const cited = await citeCreated(tx, input.entity, made, item.cite, CITE_PREFIX, actor, meta)
        if (!cited.ok) return refused(cited.fieldErrors)
        keep('citation', cited)
      }
      for (const part of item.parts) {
        const partKind = KINDS[part.entity]
        const partMade = await createOne(tx, partKind, { ...part.record, [part.parentField]: made.id }, actor, meta)
        if (!partMade.ok) return refused(partErrors(partMade.fieldErrors, PART_FORMS[input.entity]!, part.prefix))
        keep(part.entity, partMade)
        if (part.cite) {
          const cited = await citeCreated(tx, part.entity, partMade, part.cite, prefixed(part.prefix, CITE_PREFIX), actor, meta)
          if (!cited.ok) return refused(cited.fieldErrors)
          keep('citation', cited)
        }
      }
    }
    return { ok: true, entity: input.entity, ids, revisionIds, also, caseId, tags: [...tags] }
  })
}

export type SaveStageInput = { values: Record<string, string>; partyIds: readonly number[] }

/**
 * Adds a stage of a proceeding and, in the same transaction, a decision for each
 * defendant whose block of the form is filled in (parseStageWithDecisions), and the
 * citation of each when the form names a source. Each record is written exactly as
 * saveRecord creates one; if any is refused, none is written.
 */
export async function saveStageWithDecisions(actor: Actor | null, input: SaveStageInput, meta: Meta): Promise<BatchWriteResult> {
  assertCanEdit(actor)
  const parsed = parseStageWithDecisions(input.values, input.partyIds)
  if (!parsed.ok) return { ok: false, reason: 'invalid', fieldErrors: parsed.fieldErrors }
  const { stage, decisions, cite } = parsed.value
  return inTransaction<Extract<BatchWriteResult, { ok: true }>>(KINDS.stage, async (tx) => {
    const refused = (fieldErrors: FieldErrors): Failure => ({ ok: false, reason: 'invalid', fieldErrors })
    const also: { entity: Entity; id: number; revisionId: number }[] = []
    const tags = new Set<string>()
    const keep = (entity: Entity, made: Created) => {
      also.push({ entity, id: made.id, revisionId: made.revisionId })
      for (const t of made.tags) tags.add(t)
    }
    const made = await createOne(tx, KINDS.stage, stage, actor, meta)
    if (!made.ok) return refused(made.fieldErrors)
    for (const t of made.tags) tags.add(t)
    if (cite) {
      const cited = await citeCreated(tx, 'stage', made, cite, CITE_PREFIX, actor, meta)
      if (!cited.ok) return refused(cited.fieldErrors)
      keep('citation', cited)
    }
    for (const decision of decisions) {
      const one = await createOne(tx, KINDS.decision, { ...decision, stageId: made.id }, actor, meta)
      if (!one.ok) {
        const named: FieldErrors = {}
        for (const [key, messages] of Object.entries(one.fieldErrors)) named[key === '_form' ? key : decisionBlockName(decision.partyId, key)] = messages
        return refused(named)
      }
      keep('decision', one)
      if (cite) {
        const cited = await citeCreated(tx, 'decision', one, cite, CITE_PREFIX, actor, meta)
        if (!cited.ok) return refused(cited.fieldErrors)
        keep('citation', cited)
      }
    }
    return { ok: true, entity: 'stage', ids: [made.id], revisionIds: [made.revisionId], also, caseId: made.caseId, tags: [...tags] }
  })
}

/** Deletes a record: top-level records softly, parts of a case with a snapshot that restores them. */
export async function deleteRecord(actor: Actor | null, entity: Entity, id: number, version: number, meta: Meta): Promise<WriteResult> {
  assertCanEdit(actor)
  const kind = KINDS[entity]
  return inTransaction(kind, async (tx) => {
    const model = kind.model(tx)
    const existing = await model.findUnique({ where: { id } })
    if (!existing || (kind.softDelete && existing.deletedAt)) return { ok: false, reason: 'not-found', formError: `This ${ENTITY_LABELS[entity]} was already deleted.` }
    if (existing.version !== version) return conflictOf(tx, kind, existing, version)
    const blocker = await kind.deleteBlocker?.(tx, existing)
    if (blocker) return { ok: false, reason: 'blocked', formError: blocker }
    if (kind.softDelete) {
      const now = new Date()
      // A deleted case is unpublished too, so "published" stays the one test readers' queries make.
      const data: Record<string, unknown> = { deletedAt: now, version: { increment: 1 } }
      if (entity === 'case') {
        data.publishedAt = null
        if (existing.publishedAt) data.withdrawnAt = now
      }
      const tagsBefore = await kind.publicTags(tx, existing)
      const { count } = await model.updateMany({ where: { id, version }, data })
      if (count !== 1) return conflictOf(tx, kind, (await model.findUnique({ where: { id } }))!, version)
      const after = (await model.findUnique({ where: { id } }))!
      const written = await record(tx, kind, actor, meta, 'delete', existing, after, tagsBefore)
      return { ok: true, entity, id, version: after.version, ...written }
    }
    // Parts of a case go for good, but their revision keeps them, and the citations
    // that go with them, for a restore.
    const citationColumn = CITED_PARTS[entity]
    const citations = citationColumn ? await tx.citation.findMany({ where: { [citationColumn]: id } }) : []
    // Before the delete: the pages that show the part, its citations' sources among them.
    const tagsBefore = await kind.publicTags(tx, existing)
    const dependents = (await kind.beforeDelete?.(tx, existing)) ?? []
    const { count } = await model.deleteMany({ where: { id, version } })
    if (count !== 1) return { ok: false, reason: 'not-found', formError: `This ${ENTITY_LABELS[entity]} was changed or deleted meanwhile. Nothing was deleted.` }
    const tags = new Set<string>()
    for (const d of dependents) {
      const summary = `Moved up: ${kind.describe(existing)} (#${id}), which it came after, was deleted.`
      for (const t of (await record(tx, kind, actor, { ...meta, summary }, 'update', d.before, d.after)).tags) tags.add(t)
    }
    const written = await record(tx, kind, actor, meta, 'delete', { ...existing, citations } as Row, null, tagsBefore)
    for (const t of written.tags) tags.add(t)
    return { ok: true, entity, id, version: existing.version + 1, ...written, tags: [...tags] }
  })
}

/**
 * Brings a record back to the state a revision left it in (for a delete revision:
 * to the state before it, i.e. undelete). With `side: 'before'`, to the state before
 * the revision instead: how a record from the initial data, which has no revision of
 * its creation, gets its original version back. Publication state is not part of a
 * content restore: restoring last week's text does not unpublish a case.
 */
export async function restoreRevision(actor: Actor | null, revisionId: number, version: number | null, meta: Meta, side: 'after' | 'before' = 'after'): Promise<WriteResult> {
  assertCanEdit(actor)
  const revision = await db.revision.findUnique({ where: { id: revisionId } })
  if (!revision || !isEntity(revision.entity)) return { ok: false, reason: 'not-found', formError: 'No such revision.' }
  const entity = revision.entity
  const kind = KINDS[entity]
  const isUndelete = revision.action === 'delete'
  if (side === 'before' && isUndelete) return { ok: false, reason: 'blocked', formError: 'To bring a deleted record back, undo the deletion.' }
  const target = await readSnapshot(db, (isUndelete || side === 'before' ? revision.before : revision.after) ?? null)
  if (!target) return { ok: false, reason: 'not-found', formError: 'This revision has no state to restore.' }
  return inTransaction(kind, async (tx) => {
    const model = kind.model(tx)
    const existing = await model.findUnique({ where: { id: revision.entityId } })
    const targetRow = fromSnapshot(target)
    const content = Object.fromEntries(kind.columns.filter((c) => !kind.stateColumns?.includes(c) || isUndelete).map((c) => [c, targetRow[c] ?? null]))
    if (existing) {
      if (version !== null && existing.version !== version) return conflictOf(tx, kind, existing, version)
      if (isUndelete && !existing.deletedAt) return { ok: false, reason: 'blocked', formError: `This ${ENTITY_LABELS[entity]} is not deleted.` }
      if (!isUndelete && kind.softDelete && existing.deletedAt) return { ok: false, reason: 'blocked', formError: `This ${ENTITY_LABELS[entity]} is deleted: restore it first (its delete revision).` }
      if (isUndelete) content.deletedAt = null
      const tagsBefore = await kind.publicTags(tx, existing)
      const { count } = await model.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...content, version: { increment: 1 } } })
      if (count !== 1) return conflictOf(tx, kind, (await model.findUnique({ where: { id: existing.id } }))!, existing.version)
      const after = (await model.findUnique({ where: { id: existing.id } }))!
      const written = await record(tx, kind, actor, meta, 'restore', existing, after, tagsBefore)
      return { ok: true, entity, id: after.id, version: after.version, ...written }
    }
    // A part of a case that was deleted: re-create it, with the same id, and its citations.
    if (!isUndelete) return { ok: false, reason: 'blocked', formError: `This ${ENTITY_LABELS[entity]} was deleted: restore it from its delete revision first.` }
    const created = await model.create({ data: { ...content, id: revision.entityId, version: revision.version + 1 } })
    for (const citation of (target.citations as Snapshot[] | undefined) ?? []) {
      const c = fromSnapshot(citation)
      await tx.citation.create({ data: Object.fromEntries(['id', 'version', ...KINDS.citation.columns].map((k) => [k, c[k] ?? null])) as never })
    }
    const written = await record(tx, kind, actor, meta, 'restore', null, created)
    return { ok: true, entity, id: created.id, version: created.version, ...written }
  })
}

/** Publishes a draft case, or unpublishes a published one (its address then answers 410). */
export async function setCasePublished(actor: Actor | null, caseId: number, version: number, publish: boolean, meta: Meta): Promise<WriteResult> {
  assertCanEdit(actor)
  const kind = KINDS.case
  return inTransaction(kind, async (tx) => {
    const existing = (await tx.case.findUnique({ where: { id: caseId } })) as Row | null
    if (!existing || existing.deletedAt) return { ok: false, reason: 'not-found', formError: 'This case no longer exists.' }
    if (existing.version !== version) return conflictOf(tx, kind, existing, version)
    if (publish === Boolean(existing.publishedAt)) return { ok: false, reason: 'blocked', formError: publish ? 'This case is already published.' : 'This case is not published.' }
    if (publish) {
      const missing = await unsourcedFacts(tx, caseId)
      if (missing.length) {
        return { ok: false, reason: 'blocked', formError: `Not published: every fact readers see needs a source. Cite one for: ${missing.map((m) => m.label).join('; ')}.` }
      }
    }
    const now = new Date()
    const data = publish ? { publishedAt: now, withdrawnAt: null } : { publishedAt: null, withdrawnAt: now }
    const tagsBefore = await kind.publicTags(tx, existing)
    const { count } = await tx.case.updateMany({ where: { id: caseId, version }, data: { ...data, version: { increment: 1 } } })
    if (count !== 1) return conflictOf(tx, kind, (await tx.case.findUnique({ where: { id: caseId } })) as Row, version)
    const after = (await tx.case.findUnique({ where: { id: caseId } })) as Row
    const written = await record(tx, kind, actor, meta, publish ? 'publish' : 'unpublish', existing, after, tagsBefore)
    return { ok: true, entity: 'case', id: caseId, version: after.version, ...written }
  })
}
