// lib/editing/write.ts against a real SQLite database: revisions in the same
// transaction, optimistic locking, soft delete and restore, authorization.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { deleteRecord, NotAuthorizedError, restoreRevision, saveRecord, setCasePublished, type Actor } from '@/lib/editing/write'
import { createCase, createPerson, createSource } from '../support/factories'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }

const caseValues = (over: Record<string, string> = {}) => ({ title: 'Bilash: inciting discord', kind: 'CRIMINAL', jurisdiction: 'kz', opened: 'March 2020', ...over })

async function newCase(over: Record<string, string> = {}) {
  const r = await saveRecord(editor, { entity: 'case', id: null, version: null, values: caseValues(over) }, meta)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r
}

describe('saveRecord', () => {
  it('creates a draft case with a slug, a revision and an audit entry in one go', async () => {
    const r = await newCase()
    const c = await db.case.findUniqueOrThrow({ where: { id: r.id } })
    expect(c).toMatchObject({ slug: 'bilash-inciting-discord', jurisdiction: 'KZ', publishedAt: null, version: 1, openedPrecision: 'MONTH' })
    const revisions = await db.revision.findMany({ where: { entity: 'case', entityId: r.id } })
    expect(revisions).toHaveLength(1)
    expect(revisions[0]).toMatchObject({ action: 'create', version: 1, actorEmail: editor.email, caseId: r.id, before: null })
    expect(JSON.parse(revisions[0]!.changed)).toContain('title')
    expect(await db.auditLog.count({ where: { action: 'record-create', targetId: String(r.id) } })).toBe(1)
  })

  it('refuses a stale version and says what changed meanwhile', async () => {
    const r = await newCase()
    const first = await saveRecord(editor, { entity: 'case', id: r.id, version: 1, values: caseValues({ title: 'First title' }) }, meta)
    expect(first.ok).toBe(true)
    const stale = await saveRecord(editor, { entity: 'case', id: r.id, version: 1, values: caseValues({ title: 'Second title' }) }, meta)
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', currentVersion: 2 })
    if (stale.ok || stale.reason !== 'conflict') throw new Error('expected a conflict')
    expect(stale.changes).toEqual([{ field: 'title', label: 'Title', before: 'Bilash: inciting discord', after: 'First title' }])
    expect((await db.case.findUniqueOrThrow({ where: { id: r.id } })).title).toBe('First title')
    expect(await db.revision.count({ where: { entity: 'case', entityId: r.id } })).toBe(2)
  })

  it('refuses an ambiguous numeric date unless the order is given', async () => {
    const bad = await saveRecord(editor, { entity: 'case', id: null, version: null, values: caseValues({ opened: '04/02/2021' }) }, meta)
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' })
    if (bad.ok || bad.reason !== 'invalid') throw new Error('expected invalid')
    expect(bad.fieldErrors.opened?.[0]).toMatch(/4 February 2021.*2 April 2021/)
    const good = await newCase({ opened: '04/02/2021', openedOrder: 'DMY' })
    expect((await db.case.findUniqueOrThrow({ where: { id: good.id } })).openedAt?.toISOString()).toBe('2021-02-04T00:00:00.000Z')
    expect(await db.case.count()).toBe(1)
  })

  it('keeps the old slug answering after a rename', async () => {
    const r = await newCase()
    await saveRecord(editor, { entity: 'case', id: r.id, version: 1, values: caseValues({ slug: 'new-address' }) }, meta)
    expect(await db.slugRedirect.findFirst({ where: { entity: 'CASE', oldSlug: 'bilash-inciting-discord' } })).toMatchObject({ targetId: r.id })
  })

  it('refuses anyone who is not an editor, and writes nothing', async () => {
    for (const actor of [null, { id: 'x', email: 'x@example.org', role: 'reader' as never }]) {
      await expect(saveRecord(actor, { entity: 'case', id: null, version: null, values: caseValues() }, meta)).rejects.toThrow(NotAuthorizedError)
    }
    expect(await db.case.count()).toBe(0)
    expect(await db.revision.count()).toBe(0)
  })
})

describe('delete and restore', () => {
  it('soft-deletes a published case (withdrawn) and restores it', async () => {
    const r = await newCase({ opened: '' })
    const published = await setCasePublished(editor, r.id, 1, true, meta)
    expect(published.ok).toBe(true)
    const del = await deleteRecord(editor, 'case', r.id, 2, meta)
    expect(del.ok).toBe(true)
    const gone = await db.case.findUniqueOrThrow({ where: { id: r.id } })
    expect(gone.deletedAt).not.toBeNull()
    expect(gone.publishedAt).toBeNull()
    expect(gone.withdrawnAt).not.toBeNull()
    const delRevision = await db.revision.findFirstOrThrow({ where: { entity: 'case', entityId: r.id, action: 'delete' } })
    const restored = await restoreRevision(editor, delRevision.id, null, meta)
    expect(restored.ok).toBe(true)
    const back = await db.case.findUniqueOrThrow({ where: { id: r.id } })
    expect(back.deletedAt).toBeNull()
    expect(back.publishedAt).not.toBeNull()
  })

  it('restores an earlier version of the text without touching publication', async () => {
    const r = await newCase({ summary: 'First summary', opened: '' })
    await saveRecord(editor, { entity: 'case', id: r.id, version: 1, values: caseValues({ summary: 'Second summary', opened: '' }) }, meta)
    const source = await createSource(db)
    await saveRecord(editor, { entity: 'citation', id: null, version: null, values: { caseId: String(r.id), target: 'case:summary', sourceId: String(source.id), quote: 'second' } }, meta)
    expect(await setCasePublished(editor, r.id, 2, true, meta)).toMatchObject({ ok: true })
    const created = await db.revision.findFirstOrThrow({ where: { entity: 'case', entityId: r.id, action: 'create' } })
    const restored = await restoreRevision(editor, created.id, 3, meta)
    expect(restored.ok).toBe(true)
    const c = await db.case.findUniqueOrThrow({ where: { id: r.id } })
    expect(c.summary).toBe('First summary')
    expect(c.publishedAt).not.toBeNull()
    expect(c.version).toBe(4)
  })

  it('deletes an event with its citations and brings both back', async () => {
    const source = await createSource(db)
    const c = await createCase(db, { events: [{ kind: 'ARREST', date: { at: new Date('2019-03-10'), precision: 'DAY', approx: false }, citations: [{ sourceId: source.id, quote: 'was detained' }] }] })
    const event = await db.event.findFirstOrThrow({ where: { caseId: c.id } })
    expect(await db.citation.count({ where: { eventId: event.id } })).toBe(1)
    const del = await deleteRecord(editor, 'event', event.id, event.version, meta)
    expect(del.ok).toBe(true)
    expect(await db.event.count({ where: { id: event.id } })).toBe(0)
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).lastEventId).toBeNull()
    const rev = await db.revision.findFirstOrThrow({ where: { entity: 'event', entityId: event.id, action: 'delete' } })
    expect(rev.caseId).toBe(c.id)
    const restored = await restoreRevision(editor, rev.id, null, meta)
    expect(restored.ok).toBe(true)
    expect(await db.citation.count({ where: { eventId: event.id } })).toBe(1)
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).lastEventId).toBe(event.id)
  })

  it('refuses to delete a person who is a party to a case', async () => {
    const person = await createPerson(db)
    await createCase(db, { parties: [{ personId: person.id, role: 'DEFENDANT' }] })
    const r = await deleteRecord(editor, 'person', person.id, 1, meta)
    expect(r).toMatchObject({ ok: false, reason: 'blocked' })
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).toBeNull()
  })
})

describe('citations of descriptions', () => {
  it('cites a source for a person’s description, and refuses a case id with it', async () => {
    const person = await createPerson(db)
    const source = await createSource(db)
    const values = { target: `person:${person.id}`, sourceId: String(source.id), quote: 'a well-known activist' }
    const ok = await saveRecord(editor, { entity: 'citation', id: null, version: null, values }, meta)
    expect(ok).toMatchObject({ ok: true, caseId: null })
    if (!ok.ok) return
    expect(ok.tags).toContain(`cb:person:${person.id}`)
    expect(ok.tags).toContain(`cb:source:${source.id}`)
    expect(await db.citation.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({ personId: person.id, field: 'description', caseId: null })
    const c = await createCase(db)
    const wrong = await saveRecord(editor, { entity: 'citation', id: null, version: null, values: { ...values, caseId: String(c.id) } }, meta)
    expect(wrong).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { target: ['Choose something in this case.'] } })
    const caseless = await saveRecord(editor, { entity: 'citation', id: null, version: null, values: { ...values, target: 'case:summary' } }, meta)
    expect(caseless).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await db.citation.count({ where: { sourceId: source.id } })).toBe(1)
  })
})

describe('facts of a person’s life', () => {
  it('adds a dated fact to a person, cites it, and keeps it off every case', async () => {
    const person = await createPerson(db)
    const source = await createSource(db)
    const created = await saveRecord(editor, { entity: 'event', id: null, version: null, values: { personId: String(person.id), kind: 'EXILE', occurred: 'c. 2001', title: 'Moved to Kazakhstan' } }, meta)
    expect(created).toMatchObject({ ok: true, caseId: null })
    if (!created.ok) return
    expect(created.tags).toEqual([`cb:person:${person.id}`])
    expect(await db.event.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ caseId: null, personId: person.id, precision: 'YEAR', approx: true })
    const cited = await saveRecord(editor, { entity: 'citation', id: null, version: null, values: { target: `event:${created.id}`, sourceId: String(source.id), quote: 'moved in 2001' } }, meta)
    expect(cited).toMatchObject({ ok: true })
    if (cited.ok) expect(cited.tags).toEqual(expect.arrayContaining([`cb:person:${person.id}`, `cb:source:${source.id}`]))
    // Neither both nor none: an event belongs to a case or to a life.
    const c = await createCase(db)
    const both = await saveRecord(editor, { entity: 'event', id: null, version: null, values: { personId: String(person.id), caseId: String(c.id), kind: 'EXILE', occurred: '2001', title: 'x' } }, meta)
    expect(both).toMatchObject({ ok: false, reason: 'invalid' })
  })
})

describe('publishing', () => {
  it('is refused while a fact readers would see has no source, and says which', async () => {
    const r = await newCase({ summary: 'A summary in our words.' })
    const event = await saveRecord(editor, { entity: 'event', id: null, version: null, values: { caseId: String(r.id), kind: 'ARREST', occurred: '10 March 2019', title: 'Arrested in Almaty' } }, meta)
    expect(event.ok).toBe(true)
    const refused = await setCasePublished(editor, r.id, 1, true, meta)
    expect(refused).toMatchObject({ ok: false, reason: 'blocked' })
    if (refused.ok) return
    expect(refused.formError).toBe('Not published: every fact readers see needs a source. Cite one for: Case: date opened; Case: summary; Event: 10 March 2019 — Arrested in Almaty.')
    expect((await db.case.findUniqueOrThrow({ where: { id: r.id } })).publishedAt).toBeNull()
    const source = await createSource(db)
    for (const target of ['case:opened', 'case:summary', `event:${event.ok ? event.id : 0}`]) {
      expect(await saveRecord(editor, { entity: 'citation', id: null, version: null, values: { caseId: String(r.id), target, sourceId: String(source.id), quote: 'as reported' } }, meta)).toMatchObject({
        ok: true,
      })
    }
    expect(await setCasePublished(editor, r.id, 1, true, meta)).toMatchObject({ ok: true })
  })
})

describe('records from the initial data', () => {
  it('get their original version back: the state before their first recorded change', async () => {
    const person = await createPerson(db, { name: 'Serikzhan Bilash' })
    const edited = await saveRecord(editor, { entity: 'person', id: person.id, version: 1, values: { name: 'Serikjan Bilash', slug: person.slug } }, meta)
    expect(edited.ok).toBe(true)
    const first = await db.revision.findFirstOrThrow({ where: { entity: 'person', entityId: person.id } })
    const restored = await restoreRevision(editor, first.id, 2, meta, 'before')
    expect(restored).toMatchObject({ ok: true, version: 3 })
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: 'Serikzhan Bilash', version: 3 })
    expect(await db.revision.findFirstOrThrow({ where: { entity: 'person', entityId: person.id, version: 3 } })).toMatchObject({ action: 'restore' })
  })
})
