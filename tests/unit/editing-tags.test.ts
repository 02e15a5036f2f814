// The cache tags a write returns (lib/editing/kinds: publicTags): every public page that
// shows what changed, and nothing for what no reader can see.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { deleteRecord, saveRecord, type Actor } from '@/lib/editing/write'
import { createCase, createCitation, createPerson, createProvision, createSource } from '../support/factories'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }
const tag = (kind: string, id: number) => `cb:${kind}:${id}`

async function tagsOf(write: ReturnType<typeof saveRecord>): Promise<string[]> {
  const result = await write
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.tags
}

describe('publicTags', () => {
  it('a draft case names only its own page: no reader sees it', async () => {
    const draft = await createCase(db, { published: false })
    const row = await db.case.findUniqueOrThrow({ where: { id: draft.id } })
    const tags = await tagsOf(saveRecord(editor, { entity: 'case', id: draft.id, version: row.version, values: { title: 'New title', kind: 'CRIMINAL', jurisdiction: 'KZ' } }, meta))
    expect(tags).toEqual([tag('case', draft.id)])
  })

  it('a published case names its page, the dashboard, its people, provisions and sources', async () => {
    const source = await createSource(db)
    const provision = await createProvision(db)
    const c = await createCase(db, { charges: [{ provisionId: provision.id }], summaryCitations: [{ sourceId: source.id, quote: 'q' }] })
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } })
    const tags = await tagsOf(saveRecord(editor, { entity: 'case', id: c.id, version: row.version, values: { title: 'Renamed', kind: 'CRIMINAL', jurisdiction: 'KZ' } }, meta))
    expect(tags).toEqual(expect.arrayContaining([tag('case', c.id), 'cb:dashboard', tag('person', c.defendant!.personId), tag('provision', provision.id), tag('source', source.id)]))
  })

  it('removing a party still names the person who was on it (their page listed the case)', async () => {
    const other = await createPerson(db)
    const c = await createCase(db, { parties: [{ personId: other.id, role: 'LAWYER' }] })
    const partyId = c.partyIds.find((id) => id !== c.defendant!.partyId)!
    const party = await db.party.findUniqueOrThrow({ where: { id: partyId } })
    const result = await deleteRecord(editor, 'party', party.id, party.version, meta)
    expect(result.ok && result.tags).toEqual(expect.arrayContaining([tag('case', c.id), tag('person', other.id), 'cb:dashboard']))
  })

  it('renaming a person names every case page naming them and every source citing them', async () => {
    const source = await createSource(db)
    const caseSource = await createSource(db)
    const person = await createPerson(db)
    await createCitation(db, { personId: person.id, field: 'description' }, { sourceId: source.id, quote: 'profile quote' })
    const chargeSource = await createSource(db)
    const provision = await createProvision(db)
    const a = await createCase(db, {
      defendant: { personId: person.id },
      charges: [{ provisionId: provision.id, citations: [{ sourceId: chargeSource.id, quote: 'charged' }] }],
      summaryCitations: [{ sourceId: caseSource.id, quote: 'q' }],
    })
    const b = await createCase(db, { parties: [{ personId: person.id, role: 'WITNESS' }] })
    const row = await db.person.findUniqueOrThrow({ where: { id: person.id } })
    const tags = await tagsOf(saveRecord(editor, { entity: 'person', id: person.id, version: row.version, values: { name: 'A new spelling', slug: row.slug, description: '' } }, meta))
    // The provision page lists the case's defendants; the charge's source names them in its label.
    expect(tags).toEqual(
      expect.arrayContaining([tag('person', person.id), tag('case', a.id), tag('case', b.id), tag('source', source.id), tag('provision', provision.id), tag('source', chargeSource.id), 'cb:dashboard']),
    )
    // The summary's source shows the case's title, not the person's name.
    expect(tags).not.toContain(tag('source', caseSource.id))
  })

  it('editing a provision names every case charging it', async () => {
    const provision = await createProvision(db)
    const c = await createCase(db, { charges: [{ provisionId: provision.id }] })
    const row = await db.legalProvision.findUniqueOrThrow({ where: { id: provision.id } })
    const values = { jurisdiction: row.jurisdiction, code: row.code, article: row.article, part: row.part ?? '', title: 'A new title', slug: row.slug, description: row.description }
    const tags = await tagsOf(saveRecord(editor, { entity: 'provision', id: provision.id, version: row.version, values }, meta))
    expect(tags).toEqual(expect.arrayContaining([tag('provision', provision.id), tag('case', c.id), 'cb:dashboard']))
  })
})

describe('deleting a cited part of a case', () => {
  it('names the sources its citations were on (they go with it), and deleting a disputed fact works', async () => {
    const source = await createSource(db)
    const c = await createCase(db, { events: [{ kind: 'ARREST', date: { at: new Date('2020-04-01T00:00:00Z'), precision: 'MONTH', approx: false }, citations: [{ sourceId: source.id, quote: 'arrested' }] }] })
    const event = await db.event.findUniqueOrThrow({ where: { id: c.eventIds[0]! } })
    const deleted = await deleteRecord(editor, 'event', event.id, event.version, meta)
    expect(deleted.ok && deleted.tags).toEqual(expect.arrayContaining([tag('case', c.id), tag('source', source.id)]))

    const conflict = await db.conflict.create({ data: { caseId: c.id, subject: 'Which date' } })
    const gone = await deleteRecord(editor, 'conflict', conflict.id, conflict.version, meta)
    expect(gone).toMatchObject({ ok: true })
    expect(await db.conflict.count({ where: { id: conflict.id } })).toBe(0)
  })
})

describe('a person named by many cases', () => {
  it('renaming them names every case (no cap), in lists short enough for the database', { timeout: 60_000 }, async () => {
    const person = await createPerson(db)
    const first = await createCase(db, { defendant: { personId: person.id } })
    // 1,200 more cases naming them as a witness: more ids than one statement may carry.
    const template = await db.case.findUniqueOrThrow({ where: { id: first.id } })
    const { id: _id, slug: _slug, ...columns } = template
    await db.case.createMany({ data: Array.from({ length: 1200 }, (_, i) => ({ ...columns, slug: `many-${i}-${person.id}` })) })
    const many = await db.case.findMany({ where: { slug: { startsWith: 'many-' } }, select: { id: true } })
    await db.party.createMany({ data: many.map((c) => ({ caseId: c.id, personId: person.id, role: 'WITNESS' as const })) })
    const row = await db.person.findUniqueOrThrow({ where: { id: person.id } })
    const tags = await tagsOf(saveRecord(editor, { entity: 'person', id: person.id, version: row.version, values: { name: 'Renamed', slug: row.slug, description: '' } }, meta))
    for (const c of [first, ...many]) expect(tags).toContain(tag('case', c.id))
  })
})
