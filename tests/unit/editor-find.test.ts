// Finding before creating: the editor's lists find records under any spelling
// (lib/data/editor.ts, through lib/queries/name-search.ts, which the dashboard's
// search shares), the pickers get every alias, and creating a person or an
// organisation that looks already recorded is refused once, with what was found, and
// done on confirmation (lib/editing/duplicates.ts, in saveRecord). Real SQLite.
import { describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { listCases } from '@/lib/data/cases'
import { getFormOptions, listRecordsForEditor } from '@/lib/data/editor'
import { namesMatchQuery, withinOneEdit } from '@/lib/domain/fold-name'
import { duplicateConfirmation } from '@/lib/actions/safe-action-types'
import { likeness } from '@/lib/editing/duplicates'
import { saveRecord, type Actor } from '@/lib/editing/write'
import { parseCaseQuery } from '@/lib/validation/case-filters'
import { createCase, createOrganisation, createPerson, createSource } from '../support/factories'

vi.mock('@/lib/auth/session', () => ({
  requireEditor: async () => ({ id: 'u-editor', email: 'editor@example.org', name: 'Editor', role: 'editor', twoFactorEnabled: false }),
}))

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }

const labels = async (entity: Parameters<typeof listRecordsForEditor>[0], q: string) => (await listRecordsForEditor(entity, q)).map((r) => r.label).sort()

async function bilash() {
  return createPerson(db, {
    name: 'Serikzhan Bilash',
    aliases: [
      { name: 'Серикжан Билаш', script: 'Cyrl' },
      { name: 'Serik Bilashuly', kind: 'OTHER' },
    ],
  })
}

describe('the editor’s lists', () => {
  it('find a person by name, by any alias, in either script and word order', async () => {
    await bilash()
    await createPerson(db, { name: 'Aiman Umarova' })
    for (const q of ['Serikzhan Bilash', 'Serikjan Bilash', 'serikjan', 'Bilash Serikzhan', 'Серикжан Билаш', 'Билаш', 'Bilashuly', 'BILASH']) {
      expect(await labels('person', q), q).toEqual(['Serikzhan Bilash'])
    }
    expect(await labels('person', 'Umarova Bilash')).toEqual([])
    expect(await labels('person', '')).toEqual(['Aiman Umarova', 'Serikzhan Bilash'])
  })

  it('say which alias a record was found under, when not its own name', async () => {
    await bilash()
    const [byAlias] = await listRecordsForEditor('person', 'Bilashuly')
    expect(byAlias?.matched).toBe('Serik Bilashuly')
    const [byCyrillic] = await listRecordsForEditor('person', 'Серикжан')
    // "Serikzhan" folds like "Серикжан": the name itself answers, no alias to name.
    expect(byCyrillic?.matched).toBeUndefined()
    const [byName] = await listRecordsForEditor('person', 'Bilash')
    expect(byName?.matched).toBeUndefined()
  })

  it('find an organisation by an alias', async () => {
    await createOrganisation(db, { name: 'Atajurt Kazakh Human Rights', kind: 'NGO', aliases: [{ name: 'Атажұрт', script: 'Cyrl' }] })
    await createOrganisation(db, { name: 'Almaty City Court', kind: 'COURT' })
    expect(await labels('organisation', 'Atazhurt')).toEqual(['Atajurt Kazakh Human Rights'])
    expect(await labels('organisation', 'Атажұрт')).toEqual(['Atajurt Kazakh Human Rights'])
    expect(await labels('organisation', 'court almaty')).toEqual(['Almaty City Court'])
  })

  it('find a case by title, case number, or a party’s name or alias, drafts included', async () => {
    const person = await bilash()
    const ngo = await createOrganisation(db, { name: 'Atajurt Kazakh Human Rights', kind: 'NGO', aliases: [{ name: 'Atazhurt Eriktileri' }] })
    await createCase(db, { title: 'Inciting discord (2019)', caseNumber: '197100031000512', defendant: { personId: person.id }, published: false })
    await createCase(db, { title: 'Unregistered association', defendant: null, parties: [{ organisationId: ngo.id, role: 'DEFENDANT' }] })
    await createCase(db, { title: 'Another case' })
    expect(await labels('case', 'discord')).toEqual(['Inciting discord (2019)'])
    expect(await labels('case', '0031000512')).toEqual(['Inciting discord (2019)'])
    expect(await labels('case', 'Серикжан Билаш')).toEqual(['Inciting discord (2019)'])
    expect(await labels('case', 'Bilashuly Serik')).toEqual(['Inciting discord (2019)'])
    expect(await labels('case', 'Eriktileri')).toEqual(['Unregistered association'])
  })

  it('find a source by title, publisher or address', async () => {
    await createSource(db, { title: 'Activist detained in Almaty', publisher: 'Azattyq', url: 'https://rus.azattyq.org/a/30000000.html' })
    await createSource(db, { title: 'Court hearing postponed', publisher: 'Vlast.kz', url: 'https://vlast.kz/novosti/1.html' })
    expect(await labels('source', 'detained')).toEqual(['Activist detained in Almaty'])
    expect(await labels('source', 'vlast')).toEqual(['Court hearing postponed'])
    expect(await labels('source', 'azattyq.org/a/30000000')).toEqual(['Activist detained in Almaty'])
  })

  it('search as the dashboard does: it shares the query, so the public search finds the words in any order too', async () => {
    const person = await bilash()
    const c = await createCase(db, { title: 'Inciting discord (2019)', defendant: { personId: person.id } })
    await createCase(db, { title: 'Another case' })
    const publicSlugs = async (text: string) => (await listCases({ ...parseCaseQuery({}).query, q: text })).items.map((x) => x.slug)
    expect(await publicSlugs('Bilash Serikjan')).toEqual([c.slug])
    expect(await publicSlugs('Билаш')).toEqual([c.slug])
  })
})

describe('the pickers’ options', () => {
  it('carry every alias of people and organisations, so the picker finds them under any spelling', async () => {
    const person = await bilash()
    const options = await getFormOptions(null)
    const option = options.parties!.find((o) => o.value === `person:${person.id}`)!
    expect(option.aliases).toEqual(['Серикжан Билаш', 'Serik Bilashuly'])
    expect(namesMatchQuery('Билаш Серикжан', [option.label, ...option.aliases!])).toBe(true)
    expect(namesMatchQuery('Bilashuly', [option.label, ...option.aliases!])).toBe(true)
    expect(namesMatchQuery('Umarova', [option.label, ...option.aliases!])).toBe(false)
  })
})

describe('likeness of two search keys', () => {
  it('is the same spelling, another order, one letter apart in a long name, or nothing', () => {
    expect(likeness('serikjan bilash', 'serikjan bilash')).toBe('same-spelling')
    expect(likeness('bilash serikjan', 'serikjan bilash')).toBe('other-order')
    expect(likeness('serikjan bilas', 'serikjan bilash')).toBe('one-letter')
    expect(likeness('serikjan bilosh', 'serikjan bilash')).toBe('one-letter')
    expect(likeness('serikjan nurlanov', 'serikjan bilash')).toBeNull()
    // Short names a letter apart are too often different people.
    expect(likeness('ivan', 'ivon')).toBeNull()
    // Nor is a different number a misspelling.
    expect(likeness('aigerim person 12', 'aigerim person 13')).toBeNull()
    expect(likeness('aigerim person 1', 'aigerim person 10')).toBeNull()
  })

  it('withinOneEdit counts one insertion, deletion or replacement, not two', () => {
    expect(withinOneEdit('bilash', 'bilash')).toBe(true)
    expect(withinOneEdit('bilash', 'bilas')).toBe(true)
    expect(withinOneEdit('bilas', 'bilash')).toBe(true)
    expect(withinOneEdit('bilash', 'bilosh')).toBe(true)
    expect(withinOneEdit('bilash', 'bolosh')).toBe(false)
    expect(withinOneEdit('bilash', 'bila')).toBe(false)
    expect(withinOneEdit('bilash', 'ilashb')).toBe(false)
  })
})

describe('creating a person who may already be recorded', () => {
  const create = (entity: 'person' | 'organisation', values: Record<string, string>) => saveRecord(editor, { entity, id: null, version: null, values: { kind: 'NGO', ...values } }, meta)

  it('is refused once with what was found, and nothing is written', async () => {
    const existing = await bilash()
    const result = await create('person', { name: 'Serikjan Bilash' })
    expect(result).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { name: [expect.stringContaining('Create anyway')] } })
    if (result.ok || result.reason !== 'invalid') throw new Error('unreachable')
    expect(result.duplicates).toEqual([
      { entity: 'person', id: existing.id, name: 'Serikzhan Bilash', path: `/editor/records/person/${existing.id}`, matched: 'Serikzhan Bilash', typed: 'Serikjan Bilash', how: 'same-spelling' },
    ])
    expect(await db.person.count()).toBe(1)
  })

  it('finds the record under an alias, in Cyrillic, in another word order, or a letter apart', async () => {
    const existing = await bilash()
    const found = async (name: string) => {
      const r = await create('person', { name })
      return r.ok || r.reason !== 'invalid' ? [] : (r.duplicates ?? []).map((d) => [d.id, d.matched, d.how])
    }
    expect(await found('Серикжан Билаш')).toEqual([[existing.id, 'Serikzhan Bilash', 'same-spelling']])
    expect(await found('Serik Bilashuly')).toEqual([[existing.id, 'Serik Bilashuly', 'same-spelling']])
    expect(await found('Bilash Serikzhan')).toEqual([[existing.id, 'Serikzhan Bilash', 'other-order']])
    expect(await found('Bilashuly Serik')).toEqual([[existing.id, 'Serik Bilashuly', 'other-order']])
    expect(await found('Serikzhan Bilas')).toEqual([[existing.id, 'Serikzhan Bilash', 'one-letter']])
    expect(await db.person.count()).toBe(1)
  })

  it('creates it when the editor confirms the records they were shown', async () => {
    await bilash()
    const first = await create('person', { name: 'Bilash Serikzhan' })
    if (first.ok || first.reason !== 'invalid') throw new Error('expected the duplicate warning')
    const confirmed = await create('person', { name: 'Bilash Serikzhan', confirmDuplicates: duplicateConfirmation(first.duplicates!) })
    expect(confirmed).toMatchObject({ ok: true, entity: 'person' })
    expect(await db.person.count()).toBe(2)
  })

  it('asks again when the confirmation does not name every record found', async () => {
    const a = await bilash()
    const b = await createPerson(db, { name: 'Bilash Serikzhan' })
    const result = await create('person', { name: 'Serikzhan Bilash', confirmDuplicates: `person:${a.id}` })
    expect(result).toMatchObject({ ok: false, reason: 'invalid' })
    if (result.ok || result.reason !== 'invalid') throw new Error('unreachable')
    expect(result.duplicates!.map((d) => d.id)).toEqual([b.id])
  })

  it('does not stop a different person, a deleted record, or an edit of the record itself', async () => {
    const existing = await bilash()
    expect(await create('person', { name: 'Serikzhan Nurlanov' })).toMatchObject({ ok: true })
    const deleted = await createPerson(db, { name: 'Aiman Umarova' })
    await db.person.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } })
    expect(await create('person', { name: 'Ayman Umarova' })).toMatchObject({ ok: true })
    const edit = await saveRecord(editor, { entity: 'person', id: existing.id, version: 1, values: { name: 'Serikjan Bilash', description: 'Activist.' } }, meta)
    expect(edit).toMatchObject({ ok: true })
  })

  it('applies to organisations, under their aliases, and never across kinds', async () => {
    const ngo = await createOrganisation(db, { name: 'Atajurt Kazakh Human Rights', kind: 'NGO', aliases: [{ name: 'Атажұрт', script: 'Cyrl' }] })
    const result = await create('organisation', { name: 'Atazhurt' })
    if (result.ok || result.reason !== 'invalid') throw new Error('expected the duplicate warning')
    expect(result.duplicates).toMatchObject([{ entity: 'organisation', id: ngo.id, matched: 'Атажұрт', how: 'same-spelling' }])
    // A person called like an organisation is no duplicate of it.
    expect(await create('person', { name: 'Atajurt' })).toMatchObject({ ok: true })
  })
})
