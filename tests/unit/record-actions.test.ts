// Who may change records. The editor's server actions (lib/actions/records.ts) are
// built on the app's own safeAction, bound to the real session lookup: they cannot be
// given an injected user (createSafeAction's deps), so this file tests the check that
// stands behind them in lib/editing/write.ts. Every write function refuses anyone who
// is not an editor or an admin with NotAuthorizedError, before it reads or writes
// anything: no row of any table changes, and a refusal says nothing about whether the
// record exists. The same calls made by an editor succeed (the refusals are about the
// actor, not the input).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { deleteRecord, NotAuthorizedError, restoreRevision, saveRecord, setCasePublished, type Actor, type WriteResult } from '@/lib/editing/write'
import { ENTITIES, type Entity } from '@/lib/validation/records'
import { createCaseRelation, createConflict, createOrganisation, createProvision, createSource } from '../support/factories'
import { countAllTables, snapshotAllTables } from '../support/table-counts'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const admin: Actor = { id: 'u-admin', email: 'admin@example.org', role: 'admin' }
const meta = { summary: 'authorization test', request: { ip: '203.0.113.9', userAgent: 'vitest' } }

/** Signed out, or signed in without an editing role (roles the app does not have, near-misses of the ones it has). */
const NOT_EDITORS: [string, Actor | null][] = [
  ['nobody (null)', null],
  ['nobody (undefined)', undefined as unknown as null],
  ['a reader', { id: 'u-r', email: 'reader@example.org', role: 'reader' as never }],
  ['a user with no role', { id: 'u-n', email: 'none@example.org' } as Actor],
  ['a user with an empty role', { id: 'u-e', email: 'e@example.org', role: '' as never }],
  ['"Editor" (capitalised)', { id: 'u-c', email: 'c@example.org', role: 'Editor' as never }],
  ['"admin " (trailing space)', { id: 'u-s', email: 's@example.org', role: 'admin ' as never }],
  ['a role list', { id: 'u-l', email: 'l@example.org', role: ['editor'] as never }],
]

function ok(r: WriteResult): Extract<WriteResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return r
}

type World = Awaited<ReturnType<typeof world>>

/** Records of every kind, written by an editor through the engine (so they have revisions). */
async function world() {
  const save = async (entity: Entity, values: Record<string, string>) => ok(await saveRecord(editor, { entity, id: null, version: null, values }, meta))
  const organisation = await save('organisation', { name: 'Almaty City Court', kind: 'COURT', country: 'KZ' })
  const person = await save('person', { name: 'Aigerim Nurlanovna' })
  const provision = await createProvision(db)
  const source = await createSource(db)
  const c = await save('case', { title: 'Bilash: inciting discord', kind: 'CRIMINAL', jurisdiction: 'KZ', opened: 'March 2020' })
  const other = await save('case', { title: 'Bilash: appeal', kind: 'CRIMINAL', jurisdiction: 'KZ' })
  const caseId = String(c.id)
  const party = await save('party', { caseId, who: `person:${person.id}`, role: 'DEFENDANT' })
  const event = await save('event', { caseId, kind: 'ARREST', occurred: '10 March 2020', title: 'Arrested in Almaty' })
  const charge = await save('charge', { caseId, partyId: String(party.id), provisionId: String(provision.id), disposition: 'PENDING' })
  const stage = await save('stage', { caseId, kind: 'FIRST_INSTANCE', decided: 'June 2020' })
  const decision = await save('decision', { caseId, stageId: String(stage.id), partyId: String(party.id), decision: 'CONVICTED', sentenceKind: 'IMPRISONMENT', sentenceYears: '3' })
  const citation = await save('citation', { caseId, target: `event:${event.id}`, sourceId: String(source.id), quote: 'was detained' })
  await save('citation', { caseId, target: `stage:${stage.id}`, sourceId: String(source.id), quote: 'the court found' })
  await save('citation', { caseId, target: `decision:${decision.id}`, sourceId: String(source.id), quote: 'three years in prison' })
  // Every fact cited, so that the case can be published.
  await save('citation', { caseId, target: `party:${party.id}`, sourceId: String(source.id), quote: 'the activist' })
  await save('citation', { caseId, target: `charge:${charge.id}`, sourceId: String(source.id), quote: 'charged under article 174' })
  const alias = await save('alias', { owner: `person:${person.id}`, name: 'Айгерим', script: 'Cyrl', kind: 'TRANSLITERATION' })
  const relation = await createCaseRelation(db, { fromCaseId: other.id, toCaseId: c.id, kind: 'APPEAL_OF' })
  const conflict = await createConflict(db, {
    caseId: c.id,
    versions: [
      { statement: 'Article 174', citations: [{ sourceId: source.id }] },
      { statement: 'Article 274', citations: [{ sourceId: source.id }] },
    ],
  })
  // A published case with history to restore and an edit to undo.
  ok(await saveRecord(editor, { entity: 'case', id: c.id, version: 1, values: { title: 'Bilash: inciting discord (2020)', kind: 'CRIMINAL', jurisdiction: 'KZ' } }, meta))
  ok(await setCasePublished(editor, c.id, 2, true, meta))
  const organisationId = (await createOrganisation(db)).id
  const ids: Record<Entity, number> = {
    case: c.id,
    person: person.id,
    organisation: organisationId,
    provision: provision.id,
    source: source.id,
    alias: alias.id,
    party: party.id,
    charge: charge.id,
    event: event.id,
    stage: stage.id,
    decision: decision.id,
    citation: citation.id,
    relation: relation.id,
    conflict: conflict.id,
    conflictVersion: conflict.versionIds[0]!,
  }
  const createRevision = await db.revision.findFirstOrThrow({ where: { entity: 'case', entityId: c.id, action: 'create' } })
  const versionOf = async (entity: Entity, id: number) => (await db.revision.findFirst({ where: { entity, entityId: id }, orderBy: { version: 'desc' } }))?.version ?? 1
  return { ids, caseId, organisation, createRevisionId: createRevision.id, versionOf, editValues: { title: 'Changed by someone without a role', kind: 'CRIMINAL', jurisdiction: 'KZ' } }
}

/** Every kind of write the editor can make, as one call each for the given actor. */
const WRITES: Record<string, (w: World, actor: Actor | null) => Promise<WriteResult>> = {
  'create a case': (w, a) => saveRecord(a, { entity: 'case', id: null, version: null, values: w.editValues }, meta),
  'edit a case': (w, a) => saveRecord(a, { entity: 'case', id: w.ids.case, version: 3, values: w.editValues }, meta),
  'edit an event': (w, a) => saveRecord(a, { entity: 'event', id: w.ids.event, version: 1, values: { caseId: w.caseId, kind: 'ARREST', occurred: '11 March 2020', title: 'Moved' } }, meta),
  'delete a case': (w, a) => deleteRecord(a, 'case', w.ids.case, 3, meta),
  'delete an event': (w, a) => deleteRecord(a, 'event', w.ids.event, 1, meta),
  'restore an old revision': (w, a) => restoreRevision(a, w.createRevisionId, 3, meta),
  'unpublish a case': (w, a) => setCasePublished(a, w.ids.case, 3, false, meta),
}

let w: World
beforeEach(async () => {
  w = await world()
})

describe.each(NOT_EDITORS)('%s', (_label, actor) => {
  it('cannot save, delete, restore, publish or unpublish anything; not one row changes', async () => {
    const before = await snapshotAllTables(db)
    const counts = await countAllTables(db)
    for (const [what, write] of Object.entries(WRITES)) {
      await expect(write(w, actor), what).rejects.toThrow(NotAuthorizedError)
    }
    for (const entity of ENTITIES) {
      const id = w.ids[entity]
      const version = await w.versionOf(entity, id)
      await expect(deleteRecord(actor, entity, id, version, meta), `delete ${entity}`).rejects.toThrow(NotAuthorizedError)
      await expect(saveRecord(actor, { entity, id, version, values: {} }, meta), `save ${entity}`).rejects.toThrow(NotAuthorizedError)
      await expect(saveRecord(actor, { entity, id: null, version: null, values: {} }, meta), `create ${entity}`).rejects.toThrow(NotAuthorizedError)
    }
    await expect(setCasePublished(actor, w.ids.case, 3, true, meta)).rejects.toThrow(NotAuthorizedError)
    for (const revision of await db.revision.findMany({ select: { id: true } })) {
      await expect(restoreRevision(actor, revision.id, null, meta), `restore revision ${revision.id}`).rejects.toThrow(NotAuthorizedError)
    }
    expect(await countAllTables(db)).toEqual(counts)
    expect(await snapshotAllTables(db)).toEqual(before)
  })

  it('is refused before any lookup: a record or revision that does not exist gets the same answer', async () => {
    const counts = await countAllTables(db)
    await expect(saveRecord(actor, { entity: 'case', id: 999_999, version: 1, values: w.editValues }, meta)).rejects.toThrow(NotAuthorizedError)
    await expect(deleteRecord(actor, 'person', 999_999, 1, meta)).rejects.toThrow(NotAuthorizedError)
    await expect(restoreRevision(actor, 999_999, null, meta)).rejects.toThrow(NotAuthorizedError)
    await expect(setCasePublished(actor, 999_999, 1, true, meta)).rejects.toThrow(NotAuthorizedError)
    expect(await countAllTables(db)).toEqual(counts)
  })
})

describe('editors and admins', () => {
  // Each on a fresh database, so that one write does not stand in another's way.
  describe.each([
    ['an editor', editor],
    ['an admin', admin],
  ])('%s', (_label, actor) => {
    it.each(Object.keys(WRITES))('can %s', async (what) => {
      const before = await countAllTables(db)
      const result = await WRITES[what]!(w, actor)
      expect(result.ok, JSON.stringify(result)).toBe(true)
      const after = await countAllTables(db)
      expect(after.Revision).toBe(before.Revision! + 1)
      expect(after.AuditLog).toBe(before.AuditLog! + 1)
    })
  })

  it('every write an editor makes is attributed to them in the revision and the audit log', async () => {
    const revisions = await db.revision.findMany()
    expect(revisions.length).toBeGreaterThan(0)
    expect(new Set(revisions.map((r) => r.actorUserId))).toEqual(new Set([editor.id]))
    const audits = await db.auditLog.findMany({ where: { action: { startsWith: 'record-' } } })
    expect(audits).toHaveLength(revisions.length)
    expect(new Set(audits.map((a) => a.actorUserId))).toEqual(new Set([editor.id]))
    expect(new Set(audits.map((a) => a.ip))).toEqual(new Set([meta.request.ip]))
  })
})

describe('lib/actions/records.ts', () => {
  // A static check, since the actions cannot be run here with an injected user: each
  // one is declared editor-only (the engine's check above stands behind it regardless).
  it('declares every exported action editor-only', () => {
    const source = readFileSync(path.join(import.meta.dirname, '../../lib/actions/records.ts'), 'utf8')
    const actions = [...source.matchAll(/export const (\w+) = safeAction\(\{\s*access: '(\w+)'/g)].map(([, name, access]) => [name, access])
    const exported = [...source.matchAll(/export (?:const|async function|function) (\w+)/g)].map(([, name]) => name)
    expect(actions.map(([name]) => name)).toEqual(exported)
    expect(actions).toEqual(exported.map((name) => [name, 'editor']))
    expect(actions.length).toBe(6)
  })
})
