// Several records in one submission (lib/editing/write.ts saveRecords): a quote for
// every fact it supports, a charge against several defendants. One transaction:
// every record has its revision and audit entry, the tags are those of every page any
// of them is on, and one bad item means nothing is written.
import { describe, expect, it } from 'vitest'
import { recordTag } from '@/lib/cache/tags'
import { db } from '@/lib/db'
import { KINDS } from '@/lib/editing/kinds'
import { NotAuthorizedError, saveRecord, saveRecords, setCasePublished, type Actor } from '@/lib/editing/write'
import { noticeText } from '@/lib/editing/paths'
import { BATCH_LIMIT, ENTITY_LABELS, parseAdd } from '@/lib/validation/records'
import { createCase, createPerson, createProvision, createSource } from '../support/factories'
import { countAllTables, snapshotAllTables } from '../support/table-counts'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'batch test', request: { ip: '203.0.113.9', userAgent: 'vitest' } }

/** A published case with two defendants, a charge and an event; a second case with a charge of its own. */
async function world() {
  const source = await createSource(db)
  const codefendant = await createPerson(db)
  const c = await createCase(db, {
    parties: [{ personId: codefendant.id, role: 'DEFENDANT' }],
    charges: [{ description: 'Inciting discord' }],
    events: [{ kind: 'ARREST', title: 'Arrested in Almaty', date: { at: new Date('2019-03-10'), precision: 'DAY', approx: false } }],
  })
  const other = await createCase(db, { charges: [{ description: 'Another case’s charge' }] })
  return { source, c, other, caseId: String(c.id) }
}

const quoteValues = (w: Awaited<ReturnType<typeof world>>, over: Record<string, string> = {}) => ({
  caseId: w.caseId,
  sourceId: String(w.source.id),
  quote: 'the activist was detained and charged with inciting discord',
  locator: 'para. 2',
  ...over,
})

describe('saveRecords: one quote, several facts', () => {
  it('creates one citation per fact, each with its revision and audit entry, and returns the union of their tags', async () => {
    const w = await world()
    const targets = ['case:summary', `party:${w.c.partyIds[1]}`, `charge:${w.c.chargeIds[0]}`, `event:${w.c.eventIds[0]}`]
    const before = await countAllTables(db)
    const r = await saveRecords(editor, { entity: 'citation', values: quoteValues(w), lists: { targets: targets } }, meta)
    if (!r.ok) throw new Error(JSON.stringify(r))
    expect(r.ids).toHaveLength(4)
    expect(r.revisionIds).toHaveLength(4)
    expect(r.caseId).toBe(w.c.id)

    const rows = await db.citation.findMany({ where: { id: { in: r.ids } }, orderBy: { id: 'asc' } })
    expect(rows.map((x) => [x.sourceId, x.quote, x.locator])).toEqual(Array(4).fill([w.source.id, 'the activist was detained and charged with inciting discord', 'para. 2']))
    expect(rows.map((x) => x.caseId ?? x.partyId ?? x.chargeId ?? x.eventId)).toEqual([w.c.id, w.c.partyIds[1], w.c.chargeIds[0], w.c.eventIds[0]])
    expect(rows[0]).toMatchObject({ caseId: w.c.id, field: 'summary' })

    const revisions = await db.revision.findMany({ where: { id: { in: r.revisionIds } }, orderBy: { id: 'asc' } })
    expect(revisions.map((x) => [x.entity, x.entityId, x.action, x.caseId, x.summary])).toEqual(r.ids.map((id) => ['citation', id, 'create', w.c.id, 'batch test']))
    const after = await countAllTables(db)
    expect(after.Citation).toBe(before.Citation! + 4)
    expect(after.Revision).toBe(before.Revision! + 4)
    expect(after.AuditLog).toBe(before.AuditLog! + 4)

    // Every page any of the four is on, each once.
    const union = new Set<string>()
    for (const row of rows) for (const t of await KINDS.citation.publicTags(db, row as never)) union.add(t)
    expect(new Set(r.tags)).toEqual(union)
    expect(r.tags).toHaveLength(union.size)
    expect(r.tags).toEqual(expect.arrayContaining([recordTag('case', w.c.id), recordTag('source', w.source.id)]))
  })

  it('gives every citation of the batch the translation typed once, kept in each revision', async () => {
    const w = await world()
    const translation = 'The activist was detained and charged'
    const r = await saveRecords(editor, { entity: 'citation', values: quoteValues(w, { quote: 'активиста задержали', translation }), lists: { targets: ['case:summary', `event:${w.c.eventIds[0]}`] } }, meta)
    if (!r.ok) throw new Error(JSON.stringify(r))
    const rows = await db.citation.findMany({ where: { id: { in: r.ids } } })
    expect(rows.map((x) => x.translation)).toEqual([translation, translation])
    const revisions = await db.revision.findMany({ where: { id: { in: r.revisionIds } } })
    for (const rev of revisions) expect(JSON.stringify(rev)).toContain(translation)
  })

  it('writes nothing when one target is not of this case (a charge of another case), and says so on the list field', async () => {
    const w = await world()
    const before = await snapshotAllTables(db)
    const r = await saveRecords(editor, { entity: 'citation', values: quoteValues(w), lists: { targets: ['case:summary', `event:${w.c.eventIds[0]}`, `charge:${w.other.chargeIds[0]}`] } }, meta)
    expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors: { targets: ['Choose something in this case.'] } })
    expect(await snapshotAllTables(db)).toEqual(before)
  })

  it('writes nothing when no fact is ticked, and reports the other fields’ problems in the same answer', async () => {
    const w = await world()
    const counts = await countAllTables(db)
    expect(await saveRecords(editor, { entity: 'citation', values: quoteValues(w), lists: { targets: [] } }, meta)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { targets: ['Tick at least one fact this quote supports.'] },
    })
    expect(await saveRecords(editor, { entity: 'citation', values: quoteValues(w, { quote: ' ' }), lists: { targets: [] } }, meta)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { quote: ['Enter a short quote from the source.'], targets: ['Tick at least one fact this quote supports.'] },
    })
    expect(await countAllTables(db)).toEqual(counts)
  })

  it('refuses a malformed target and a missing source on their own fields, each message once', async () => {
    const w = await world()
    const counts = await countAllTables(db)
    const r = await saveRecords(editor, { entity: 'citation', values: quoteValues(w, { sourceId: '' }), lists: { targets: ['case:summary', 'case:nonsense', 'party:x'] } }, meta)
    expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors: { sourceId: ['Choose a source.'], targets: ['Choose what this source supports.'] } })
    const deleted = await saveRecords(editor, { entity: 'citation', values: quoteValues(w, { sourceId: '999999' }), lists: { targets: ['case:summary', 'case:status'] } }, meta)
    expect(deleted).toEqual({ ok: false, reason: 'invalid', fieldErrors: { sourceId: ['Choose a source from the list.'] } })
    expect(await countAllTables(db)).toEqual(counts)
  })

  it('saves a fact ticked twice once', async () => {
    const w = await world()
    const r = await saveRecords(editor, { entity: 'citation', values: quoteValues(w), lists: { targets: ['case:status', 'case:status'] } }, meta)
    expect(r.ok && r.ids).toHaveLength(1)
  })

  it('is refused, before anything is read, to anyone who is not an editor', async () => {
    const w = await world()
    const counts = await countAllTables(db)
    await expect(saveRecords(null, { entity: 'citation', values: quoteValues(w), lists: { targets: ['case:summary'] } }, meta)).rejects.toThrow(NotAuthorizedError)
    await expect(saveRecords({ ...editor, role: 'reader' as never }, { entity: 'charge', values: {}, lists: { partyIds: ['1'] } }, meta)).rejects.toThrow(NotAuthorizedError)
    expect(await countAllTables(db)).toEqual(counts)
  })

  it('lets a case be published once one quote has covered every fact', async () => {
    const source = await createSource(db)
    const person = await createPerson(db)
    const c = ok(await saveRecord(editor, { entity: 'case', id: null, version: null, values: { title: 'Bilash: one quote', kind: 'CRIMINAL', jurisdiction: 'KZ', summary: 'A summary.' } }, meta))
    const party = ok(await saveRecord(editor, { entity: 'party', id: null, version: null, values: { caseId: String(c.id), who: `person:${person.id}`, role: 'DEFENDANT' } }, meta))
    expect(await setCasePublished(editor, c.id, 1, true, meta)).toMatchObject({ ok: false, reason: 'blocked' })
    const r = await saveRecords(
      editor,
      { entity: 'citation', values: { caseId: String(c.id), sourceId: String(source.id), quote: 'the activist' }, lists: { targets: ['case:summary', `party:${party.id}`] } },
      meta,
    )
    expect(r.ok).toBe(true)
    expect(await setCasePublished(editor, c.id, 1, true, meta)).toMatchObject({ ok: true })
  })
})

function ok<R extends { ok: boolean }>(r: R): Extract<R, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r as Extract<R, { ok: true }>
}

describe('saveRecords: one charge, several defendants', () => {
  it('creates one charge per defendant, with the same provision, description and outcome, each then edited on its own', async () => {
    const w = await world()
    const provision = await createProvision(db)
    const before = await countAllTables(db)
    const values = { caseId: w.caseId, provisionId: String(provision.id), description: 'Inciting discord', disposition: 'PENDING', dispositionAsOf: 'April 2020' }
    const r = ok(await saveRecords(editor, { entity: 'charge', values, lists: { partyIds: w.c.partyIds.map(String) } }, meta))
    expect(r.ids).toHaveLength(2)
    const charges = await db.charge.findMany({ where: { id: { in: r.ids } }, orderBy: { id: 'asc' } })
    expect(charges.map((ch) => ch.partyId)).toEqual(w.c.partyIds)
    for (const ch of charges) expect(ch).toMatchObject({ caseId: w.c.id, provisionId: provision.id, description: 'Inciting discord', disposition: 'PENDING', dispositionPrecision: 'MONTH', version: 1 })
    const after = await countAllTables(db)
    expect(after.Charge).toBe(before.Charge! + 2)
    expect(after.Revision).toBe(before.Revision! + 2)
    expect(after.AuditLog).toBe(before.AuditLog! + 2)
    expect(r.tags).toEqual(expect.arrayContaining([recordTag('case', w.c.id), recordTag('provision', provision.id)]))

    // Each is a charge of its own: the second defendant's is dropped, the first's is not.
    const edited = await saveRecord(editor, { entity: 'charge', id: r.ids[1]!, version: 1, values: { ...values, partyId: String(w.c.partyIds[1]), disposition: 'DROPPED' } }, meta)
    expect(edited.ok).toBe(true)
    expect((await db.charge.findUniqueOrThrow({ where: { id: r.ids[0]! } })).disposition).toBe('PENDING')
    expect((await db.charge.findUniqueOrThrow({ where: { id: r.ids[1]! } })).disposition).toBe('DROPPED')
  })

  it('writes nothing when one defendant is of another case', async () => {
    const w = await world()
    const before = await snapshotAllTables(db)
    const r = await saveRecords(
      editor,
      { entity: 'charge', values: { caseId: w.caseId, description: 'Inciting discord', disposition: 'PENDING' }, lists: { partyIds: [String(w.c.partyIds[0]), String(w.other.partyIds[0])] } },
      meta,
    )
    expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors: { partyIds: ['Choose a defendant of this case.'] } })
    expect(await snapshotAllTables(db)).toEqual(before)
  })

  it('asks for a defendant when none is ticked, and for the offence when neither article nor description is given', async () => {
    const w = await world()
    expect(await saveRecords(editor, { entity: 'charge', values: { caseId: w.caseId, disposition: 'PENDING' }, lists: { partyIds: [] } }, meta)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { partyIds: ['Tick at least one defendant.'], description: ['Describe the offence when the sources give no article.'] },
    })
  })
})

describe('parseAdd', () => {
  it('is the record schema once per ticked value', () => {
    const parsed = parseAdd('citation', { caseId: '3', sourceId: '4', quote: ' said so ', translation: ' in English ' }, { targets: ['case:summary', 'event:9'] })
    expect(parsed.ok && parsed.items.map((i) => i.record)).toEqual([
      { caseId: 3, sourceId: 4, quote: 'said so', translation: 'in English', locator: '', target: { kind: 'case', field: 'summary' } },
      { caseId: 3, sourceId: 4, quote: 'said so', translation: 'in English', locator: '', target: { kind: 'event', id: 9 } },
    ])
  })

  it('refuses more than BATCH_LIMIT at once', () => {
    const items = Array.from({ length: BATCH_LIMIT + 1 }, (_, i) => `event:${i + 1}`)
    expect(parseAdd('citation', { caseId: '3', sourceId: '4', quote: 'q' }, { targets: items })).toEqual({ ok: false, fieldErrors: { targets: [`Tick at most ${BATCH_LIMIT} at once.`] } })
  })
})

describe('the notice after a batch', () => {
  it('says how many were created', () => {
    expect(noticeText('created-citation-4', ENTITY_LABELS)).toBe('Created 4 citations.')
    expect(noticeText('created-charge-2', ENTITY_LABELS)).toBe('Created 2 charges.')
    expect(noticeText('created-citation', ENTITY_LABELS)).toBe('Created the citation.')
    expect(noticeText('created-constructor', ENTITY_LABELS)).toBeNull()
  })
})
