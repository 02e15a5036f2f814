// The case page's "Add a party" can name people not on record yet (saveRecords): each
// is created as a person, checked first against every name and alias on record, and
// added with the role; one that looks like someone already there writes nothing.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { saveRecords, type Actor } from '@/lib/editing/write'
import { createCase, createPerson } from '../support/factories'
import { countAllTables } from '../support/table-counts'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'new people test', request: { ip: '203.0.113.9', userAgent: 'vitest' } }

describe('Add a party with people not on record yet', () => {
  it('creates each new person and a party for them and for every ticked one, in one transaction', async () => {
    const c = await createCase(db, { published: false, defendant: null })
    const known = await createPerson(db, { name: 'Known Activist Qwertyuiop' })
    const r = await saveRecords(
      editor,
      {
        entity: 'party',
        values: { caseId: String(c.id), role: 'DEFENDANT', newPeople: 'Zhanar Plokhikh Asdfgh\n\n  Ermek Narymbaev Zxcvbn  \nZhanar Plokhikh Asdfgh' },
        lists: { whos: [`person:${known.id}`] },
      },
      meta,
    )
    if (!r.ok) throw new Error(JSON.stringify(r))
    const parties = await db.party.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' }, include: { person: { select: { name: true } } } })
    expect(parties.map((p) => [p.role, p.person?.name])).toEqual([
      ['DEFENDANT', 'Known Activist Qwertyuiop'],
      ['DEFENDANT', 'Zhanar Plokhikh Asdfgh'],
      ['DEFENDANT', 'Ermek Narymbaev Zxcvbn'],
    ])
    expect(r.also.filter((a) => a.entity === 'person')).toHaveLength(2)
    expect(await db.revision.count({ where: { entity: 'person', action: 'create', entityId: { in: r.also.map((a) => a.id) } } })).toBe(2)
  })

  it('refuses a new name that is an existing person’s alias, and writes nothing', async () => {
    const c = await createCase(db, { published: false, defendant: null })
    await createPerson(db, { name: 'Serikzhan Bilash Mnbvcx', aliases: [{ name: 'Serikjan Bilash Mnbvcx' }] })
    const before = await countAllTables(db)
    const r = await saveRecords(editor, { entity: 'party', values: { caseId: String(c.id), role: 'DEFENDANT', newPeople: 'Bilash Serikjan Mnbvcx' }, lists: {} }, meta)
    expect(r.ok).toBe(false)
    if (!r.ok && r.reason === 'invalid') expect(r.fieldErrors.newPeople?.[0]).toMatch(/^“Bilash Serikjan Mnbvcx” looks like Serikzhan Bilash Mnbvcx\b.*tick them in the list instead/)
    expect(await countAllTables(db)).toEqual(before)
  })

  it('asks for a person when nothing is ticked and no name is typed', async () => {
    const c = await createCase(db, { published: false, defendant: null })
    const r = await saveRecords(editor, { entity: 'party', values: { caseId: String(c.id), role: 'DEFENDANT', newPeople: '  ' }, lists: {} }, meta)
    expect(!r.ok && r.reason === 'invalid' && r.fieldErrors.whos).toEqual(['Tick at least one person or organisation, or type a new name below.'])
  })
})
