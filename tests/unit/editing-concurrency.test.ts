// lib/editing/write.ts under a burst of writes to one record, against a real SQLite
// database: of 50 saves that all start from the same version exactly one wins, the
// others are told about the conflict, and the history holds exactly the winner's
// revision and audit entry. Same for 50 deletes, for a case and for a part of a case.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { deleteRecord, saveRecord, setCasePublished, type Actor, type WriteResult } from '@/lib/editing/write'
import type { Entity } from '@/lib/validation/records'

const N = 50
const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'concurrency test' }

const caseValues = (over: Record<string, string> = {}) => ({ title: 'Bilash: inciting discord', kind: 'CRIMINAL', jurisdiction: 'KZ', opened: 'March 2020', ...over })
const eventValues = (caseId: number, over: Record<string, string> = {}) => ({ caseId: String(caseId), kind: 'ARREST', occurred: '10 March 2020', title: 'Arrested in Almaty', ...over })

function okOf(r: WriteResult): Extract<WriteResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return r
}

async function create(entity: Entity, values: Record<string, string>) {
  return okOf(await saveRecord(editor, { entity, id: null, version: null, values }, meta))
}

/** Starts all writes before awaiting any: they race for SQLite's one write lock. */
async function burst(make: (i: number) => Promise<WriteResult>): Promise<WriteResult[]> {
  return Promise.all(Array.from({ length: N }, (_, i) => make(i)))
}

function tally(results: WriteResult[]) {
  const winners = results.flatMap((r, i) => (r.ok ? [i] : []))
  const reasons: Record<string, number> = {}
  for (const r of results) if (!r.ok) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1
  return { winners, reasons }
}

const revisionsOf = (entity: Entity, id: number) => db.revision.findMany({ where: { entity, entityId: id }, orderBy: { version: 'asc' } })
const auditsOf = (action: string, entity: Entity, id: number) => db.auditLog.count({ where: { action, targetType: entity, targetId: String(id) } })

describe('50 concurrent saves of one record, all from version 1', () => {
  it('case: exactly one wins; 49 conflicts; one update revision and audit entry', async () => {
    const c = await create('case', caseValues())
    const results = await burst((i) => saveRecord(editor, { entity: 'case', id: c.id, version: 1, values: caseValues({ title: `Title number ${i}` }) }, meta))

    const { winners, reasons } = tally(results)
    expect(winners).toHaveLength(1)
    expect(reasons).toEqual({ conflict: N - 1 })
    const winner = winners[0]!
    expect(okOf(results[winner]!).version).toBe(2)
    for (const r of results) {
      if (r.ok) continue
      // Every loser is told the current version and who changed what.
      expect(r).toMatchObject({ reason: 'conflict', currentVersion: 2 })
      if (r.reason !== 'conflict') continue
      expect(r.changes).toEqual([{ field: 'title', label: 'Title', before: 'Bilash: inciting discord', after: `Title number ${winner}` }])
      expect(r.by).toHaveLength(1)
    }

    const stored = await db.case.findUniqueOrThrow({ where: { id: c.id } })
    expect(stored).toMatchObject({ version: 2, title: `Title number ${winner}` })
    const revisions = await revisionsOf('case', c.id)
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ['create', 1],
      ['update', 2],
    ])
    expect(JSON.parse(revisions[1]!.after!)).toMatchObject({ title: `Title number ${winner}`, version: 2 })
    expect(await auditsOf('record-update', 'case', c.id)).toBe(1)
    expect(await db.auditLog.count({ where: { action: 'record-update' } })).toBe(1)
  })

  it('event (a part of a case): exactly one wins; 49 conflicts; one update revision and audit entry', async () => {
    const c = await create('case', caseValues())
    const e = await create('event', eventValues(c.id))
    const before = { revisions: await db.revision.count(), audits: await db.auditLog.count() }
    const results = await burst((i) => saveRecord(editor, { entity: 'event', id: e.id, version: 1, values: eventValues(c.id, { title: `Event title ${i}` }) }, meta))

    const { winners, reasons } = tally(results)
    expect(winners).toHaveLength(1)
    expect(reasons).toEqual({ conflict: N - 1 })
    const winner = winners[0]!
    const stored = await db.event.findUniqueOrThrow({ where: { id: e.id } })
    expect(stored).toMatchObject({ version: 2, title: `Event title ${winner}` })
    const revisions = await revisionsOf('event', e.id)
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ['create', 1],
      ['update', 2],
    ])
    expect(revisions[1]!.caseId).toBe(c.id)
    expect(await auditsOf('record-update', 'event', e.id)).toBe(1)
    // Nothing else was written: no stray revisions or audit entries from the losers.
    expect(await db.revision.count()).toBe(before.revisions + 1)
    expect(await db.auditLog.count()).toBe(before.audits + 1)
  })
})

describe('50 concurrent deletes of one record', () => {
  it('case: exactly one soft-deletes it; one delete revision and audit entry', async () => {
    const c = await create('case', caseValues())
    const results = await burst(() => deleteRecord(editor, 'case', c.id, 1, meta))

    const { winners, reasons } = tally(results)
    expect(winners).toHaveLength(1)
    // Each write reads the record inside its own transaction, and the transactions run
    // one after another: every loser finds the case deleted already. Nothing is written.
    expect(reasons).toEqual({ 'not-found': N - 1 })

    const stored = await db.case.findUniqueOrThrow({ where: { id: c.id } })
    expect(stored.deletedAt).not.toBeNull()
    expect(stored.version).toBe(2)
    const revisions = await revisionsOf('case', c.id)
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ['create', 1],
      ['delete', 2],
    ])
    expect(await auditsOf('record-delete', 'case', c.id)).toBe(1)
  })

  it('event: exactly one deletes it; one delete revision and audit entry', async () => {
    const c = await create('case', caseValues())
    const e = await create('event', eventValues(c.id))
    const results = await burst(() => deleteRecord(editor, 'event', e.id, 1, meta))

    const { winners, reasons } = tally(results)
    expect(winners).toHaveLength(1)
    expect(reasons).toEqual({ 'not-found': N - 1 })

    expect(await db.event.count({ where: { id: e.id } })).toBe(0)
    const revisions = await revisionsOf('event', e.id)
    expect(revisions.map((r) => [r.action, r.version])).toEqual([
      ['create', 1],
      ['delete', 2],
    ])
    expect(await auditsOf('record-delete', 'event', e.id)).toBe(1)
  })
})

describe('50 concurrent publishes of one case', () => {
  it('exactly one publishes it; one publish revision and audit entry', async () => {
    // No date opened: a case publishes only when every fact it shows is sourced.
    const c = await create('case', { ...caseValues(), opened: '' })
    const results = await burst(() => setCasePublished(editor, c.id, 1, true, meta))

    const { winners, reasons } = tally(results)
    expect(winners).toHaveLength(1)
    expect(reasons).toEqual({ conflict: N - 1 })
    const stored = await db.case.findUniqueOrThrow({ where: { id: c.id } })
    expect(stored.publishedAt).not.toBeNull()
    expect(stored.version).toBe(2)
    expect((await revisionsOf('case', c.id)).map((r) => r.action)).toEqual(['create', 'publish'])
    expect(await auditsOf('record-publish', 'case', c.id)).toBe(1)
  })
})
