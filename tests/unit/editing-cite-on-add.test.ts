// Entering a case in few submissions (lib/editing/write.ts saveRecords with the add
// forms of lib/validation/records.ts): charges for every defendant and article at
// once, parties several at once, each cited as it is added, and a disputed fact with
// its versions and their sources. One transaction: every record and citation has its
// revision and audit entry, and one refused item means nothing is written.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { NotAuthorizedError, saveRecords, type Actor } from '@/lib/editing/write'
import { unsourcedFacts } from '@/lib/editing/sourcing'
import { noticeText } from '@/lib/editing/paths'
import { ENTITY_LABELS, parseAdd } from '@/lib/validation/records'
import { createCase, createOrganisation, createPerson, createProvision, createSource } from '../support/factories'
import { countAllTables, snapshotAllTables } from '../support/table-counts'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'entered from the verdict', request: { ip: '203.0.113.9', userAgent: 'vitest' } }

/** A draft case with two defendants (the first the case's own), three articles and a source. */
async function world() {
  const source = await createSource(db)
  const codefendant = await createPerson(db)
  const c = await createCase(db, { published: false, parties: [{ personId: codefendant.id, role: 'DEFENDANT' }] })
  const provisions = [await createProvision(db), await createProvision(db), await createProvision(db)]
  return { source, c, provisions, caseId: String(c.id) }
}

function ok<R extends { ok: boolean }>(r: R): Extract<R, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r as Extract<R, { ok: true }>
}

const cite = (sourceId: number, quote: string, locator = '') => ({ citeSourceId: String(sourceId), citeQuote: quote, citeLocator: locator })

describe('charges: every defendant × every article, cited as they are added', () => {
  it('2 defendants × 3 articles with a source: 6 charges and 6 citations, each with its revision and audit entry', async () => {
    const w = await world()
    const before = await countAllTables(db)
    const quote = 'both were charged under articles 174, 405 and 272'
    const r = ok(
      await saveRecords(
        editor,
        {
          entity: 'charge',
          values: { caseId: w.caseId, disposition: 'PENDING', dispositionAsOf: 'April 2020', ...cite(w.source.id, quote, 'para. 3') },
          lists: { partyIds: w.c.partyIds.map(String), provisionIds: w.provisions.map((p) => String(p.id)) },
        },
        meta,
      ),
    )
    expect(r.ids).toHaveLength(6)
    const charges = await db.charge.findMany({ where: { id: { in: r.ids } }, orderBy: { id: 'asc' } })
    expect(charges.map((ch) => [ch.partyId, ch.provisionId])).toEqual(w.c.partyIds.flatMap((party) => w.provisions.map((p) => [party, p.id])))
    for (const ch of charges) expect(ch).toMatchObject({ caseId: w.c.id, disposition: 'PENDING', dispositionPrecision: 'MONTH' })

    const citations = await db.citation.findMany({ where: { chargeId: { in: r.ids } }, orderBy: { chargeId: 'asc' } })
    expect(citations.map((x) => [x.chargeId, x.sourceId, x.quote, x.locator, x.caseId, x.field])).toEqual(r.ids.map((id) => [id, w.source.id, quote, 'para. 3', null, null]))
    expect(r.also.map((a) => [a.entity, a.id])).toEqual(citations.map((x) => ['citation', x.id]))

    const revisions = await db.revision.findMany({ where: { id: { in: [...r.revisionIds, ...r.also.map((a) => a.revisionId)] } }, orderBy: { id: 'asc' } })
    expect(revisions).toHaveLength(12)
    expect(revisions.filter((x) => x.entity === 'citation').map((x) => x.entityId)).toEqual(citations.map((x) => x.id))
    for (const x of revisions) expect(x).toMatchObject({ action: 'create', caseId: w.c.id, summary: 'entered from the verdict', actorEmail: editor.email })
    const after = await countAllTables(db)
    expect(after.Charge! - before.Charge!).toBe(6)
    expect(after.Citation! - before.Citation!).toBe(6)
    expect(after.Revision! - before.Revision!).toBe(12)
    expect(after.AuditLog! - before.AuditLog!).toBe(12)
    // Every charge is sourced: none is left for the "cite these before publishing" list.
    expect((await unsourcedFacts(db, w.c.id)).filter((f) => f.target.startsWith('charge:'))).toEqual([])
  })

  it('with no article ticked, one charge per defendant, the offence described; without a source, no citation', async () => {
    const w = await world()
    const r = ok(await saveRecords(editor, { entity: 'charge', values: { caseId: w.caseId, description: 'Inciting discord', disposition: 'PENDING' }, lists: { partyIds: w.c.partyIds.map(String) } }, meta))
    expect(r.ids).toHaveLength(2)
    expect(r.also).toEqual([])
    expect(await db.citation.count({ where: { chargeId: { in: r.ids } } })).toBe(0)
  })

  it('writes nothing when one article of the six pairs is deleted, and says so on the articles', async () => {
    const w = await world()
    await db.legalProvision.update({ where: { id: w.provisions[2]!.id }, data: { deletedAt: new Date() } })
    const before = await snapshotAllTables(db)
    const r = await saveRecords(
      editor,
      {
        entity: 'charge',
        values: { caseId: w.caseId, disposition: 'PENDING', ...cite(w.source.id, 'charged') },
        lists: { partyIds: w.c.partyIds.map(String), provisionIds: w.provisions.map((p) => String(p.id)) },
      },
      meta,
    )
    expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors: { provisionIds: ['Choose a provision from the list.'] } })
    expect(await snapshotAllTables(db)).toEqual(before)
  })

  it('writes nothing when the source was deleted meanwhile: the records are not kept without their citation', async () => {
    const w = await world()
    await db.source.update({ where: { id: w.source.id }, data: { deletedAt: new Date() } })
    const before = await snapshotAllTables(db)
    const r = await saveRecords(
      editor,
      { entity: 'charge', values: { caseId: w.caseId, description: 'Inciting discord', disposition: 'PENDING', ...cite(w.source.id, 'charged') }, lists: { partyIds: w.c.partyIds.map(String) } },
      meta,
    )
    expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors: { citeSourceId: ['Choose a source from the list.'] } })
    expect(await snapshotAllTables(db)).toEqual(before)
  })
})

describe('the Source group of an add form', () => {
  it('asks for the quote when a source is chosen, and for the source when a quote is typed, with the other fields’ problems in the same answer', () => {
    expect(parseAdd('event', { caseId: '1', kind: 'ARREST', title: 'Arrested', occurred: '10 March 2019', citeSourceId: '4', citeQuote: '  ' })).toEqual({
      ok: false,
      fieldErrors: { citeQuote: ['Enter a short quote from the source.'] },
    })
    expect(parseAdd('party', { caseId: '1', role: 'DEFENDANT', citeQuote: 'the activist' }, { whos: [] })).toEqual({
      ok: false,
      fieldErrors: { whos: ['Tick at least one person or organisation, or type a new name below.'], citeSourceId: ['Choose a source.'] },
    })
  })

  it('left empty, cites nothing', () => {
    const parsed = parseAdd('event', { caseId: '1', kind: 'ARREST', title: 'Arrested', occurred: '10 March 2019', citeSourceId: '', citeQuote: '', citeLocator: '' })
    expect(parsed.ok && parsed.items.map((i) => i.cite)).toEqual([null])
  })

  it('cites an event as the citation form would', async () => {
    const w = await world()
    const r = ok(await saveRecords(editor, { entity: 'event', values: { caseId: w.caseId, kind: 'ARREST', title: 'Arrested in Almaty', occurred: '10 March 2019', ...cite(w.source.id, 'was detained') } }, meta))
    const citation = await db.citation.findFirstOrThrow({ where: { eventId: r.ids[0] } })
    expect(citation).toMatchObject({ sourceId: w.source.id, quote: 'was detained', locator: '', caseId: null, field: null, version: 1 })
    expect(r.also).toEqual([{ entity: 'citation', id: citation.id, revisionId: expect.any(Number) }])
  })
})

describe('parties several at once', () => {
  it('one party per person or organisation ticked, with one role and one citation each', async () => {
    const w = await world()
    const [a, b] = [await createPerson(db), await createOrganisation(db)]
    const before = await countAllTables(db)
    const r = ok(
      await saveRecords(
        editor,
        { entity: 'party', values: { caseId: w.caseId, role: 'WITNESS', ...cite(w.source.id, 'witnesses included') }, lists: { whos: [`person:${a.id}`, `organisation:${b.id}`] } },
        meta,
      ),
    )
    const parties = await db.party.findMany({ where: { id: { in: r.ids } }, orderBy: { id: 'asc' } })
    expect(parties.map((p) => [p.personId, p.organisationId, p.role, p.caseId])).toEqual([
      [a.id, null, 'WITNESS', w.c.id],
      [null, b.id, 'WITNESS', w.c.id],
    ])
    expect((await db.citation.findMany({ where: { partyId: { in: r.ids } }, orderBy: { id: 'asc' } })).map((x) => x.partyId)).toEqual(r.ids)
    const after = await countAllTables(db)
    expect([after.Party! - before.Party!, after.Citation! - before.Citation!, after.Revision! - before.Revision!]).toEqual([2, 2, 4])
  })

  it('writes nothing when one of them was deleted', async () => {
    const w = await world()
    const [a, b] = [await createPerson(db), await createPerson(db)]
    await db.person.update({ where: { id: b.id }, data: { deletedAt: new Date() } })
    const before = await snapshotAllTables(db)
    const r = await saveRecords(editor, { entity: 'party', values: { caseId: w.caseId, role: 'DEFENDANT' }, lists: { whos: [`person:${a.id}`, `person:${b.id}`] } }, meta)
    expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors: { whos: ['Choose a person or an organisation from the list.'] } })
    expect(await snapshotAllTables(db)).toEqual(before)
  })
})

describe('a disputed fact with its versions in one submission', () => {
  const versions = (sourceA: number, sourceB: number) => ({
    version1Statement: 'Charged with inciting discord',
    version1CiteSourceId: String(sourceA),
    version1CiteQuote: 'charged with inciting discord',
    version2Statement: 'Charged with leading an illegal group',
    version2Preferred: 'on',
    version2CiteSourceId: String(sourceB),
    version2CiteQuote: 'leading an unregistered group',
    version2CiteLocator: 'para. 7',
  })

  it('creates the fact, its versions in order and their citations; an empty third version is ignored', async () => {
    const w = await world()
    const other = await createSource(db)
    const before = await countAllTables(db)
    const r = ok(
      await saveRecords(
        editor,
        { entity: 'conflict', values: { caseId: w.caseId, subject: 'What Bilash was charged with', eventId: '', ...versions(w.source.id, other.id), version3Statement: '  ', version3CiteQuote: '' } },
        meta,
      ),
    )
    const conflict = await db.conflict.findUniqueOrThrow({ where: { id: r.ids[0] }, include: { versions: { orderBy: { position: 'asc' }, include: { citations: true } } } })
    expect(conflict).toMatchObject({ caseId: w.c.id, subject: 'What Bilash was charged with' })
    expect(conflict.versions.map((v) => [v.statement, v.preferred, v.position])).toEqual([
      ['Charged with inciting discord', false, 0],
      ['Charged with leading an illegal group', true, 1],
    ])
    expect(conflict.versions.map((v) => v.citations.map((c) => [c.sourceId, c.quote, c.locator]))).toEqual([
      [[w.source.id, 'charged with inciting discord', '']],
      [[other.id, 'leading an unregistered group', 'para. 7']],
    ])
    expect(r.also.map((a) => a.entity)).toEqual(['conflictVersion', 'citation', 'conflictVersion', 'citation'])
    const after = await countAllTables(db)
    expect([after.Conflict! - before.Conflict!, after.ConflictVersion! - before.ConflictVersion!, after.Citation! - before.Citation!, after.Revision! - before.Revision!]).toEqual([1, 2, 2, 5])
    expect((await unsourcedFacts(db, w.c.id)).filter((f) => f.target.startsWith('conflictVersion:'))).toEqual([])
  })

  it('needs two versions, says so on the empty one, and keeps every other message', async () => {
    const w = await world()
    const counts = await countAllTables(db)
    const r = await saveRecords(editor, { entity: 'conflict', values: { caseId: w.caseId, subject: '', version1Statement: 'One account', version1CiteSourceId: String(w.source.id) } }, meta)
    expect(r).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        subject: ['Enter the fact in question.'],
        version1CiteQuote: ['Enter a short quote from the source.'],
        version2Statement: ['A disputed fact needs at least two versions: say what this one says.'],
      },
    })
    expect(await countAllTables(db)).toEqual(counts)
  })

  it('writes nothing when two versions are marked preferred: the second one says so', async () => {
    const w = await world()
    const before = await snapshotAllTables(db)
    const r = await saveRecords(editor, { entity: 'conflict', values: { caseId: w.caseId, subject: 'Who arrested him', ...versions(w.source.id, w.source.id), version1Preferred: 'on' } }, meta)
    expect(r).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { version2Preferred: [expect.stringContaining('Another version is already preferred')] } })
    expect(await snapshotAllTables(db)).toEqual(before)
  })
})

describe('access', () => {
  it('refuses anyone who is not an editor before anything is read', async () => {
    const counts = await countAllTables(db)
    await expect(saveRecords(null, { entity: 'conflict', values: {}, lists: {} }, meta)).rejects.toThrow(NotAuthorizedError)
    await expect(saveRecords({ ...editor, role: 'reader' as never }, { entity: 'party', values: {}, lists: { whos: ['person:1'] } }, meta)).rejects.toThrow(NotAuthorizedError)
    expect(await countAllTables(db)).toEqual(counts)
  })
})

describe('the notice after an add form', () => {
  it('counts parties in English', () => {
    expect(noticeText('created-party-2', ENTITY_LABELS)).toBe('Created 2 parties.')
    expect(noticeText('created-charge-6', ENTITY_LABELS)).toBe('Created 6 charges.')
  })
})
