// lib/data/people.ts (people and organisations) on a fresh database per test.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getOrganisationBySlug, getPersonBySlug } from '@/lib/data/people'
import { day, month, season, year } from '@/lib/domain/partial-date'
import { createCase, createCitation, createOrganisation, createPerson, createPersonEvent, createSource } from '../support/factories'

describe('getPersonBySlug', () => {
  it('is null for an unknown slug', async () => {
    expect(await getPersonBySlug('nobody')).toBeNull()
  })

  it('returns the person with aliases, described with citations', async () => {
    const src = await createSource(db)
    const person = await createPerson(db, {
      name: 'Serikzhan Bilash',
      description: 'Founder of Atajurt Eriktileri.',
      aliases: [
        { name: 'Серікжан Білаш', script: 'Cyrl', kind: 'TRANSLITERATION' },
        { name: 'Serikjan Bilash', script: 'Latn', kind: 'MISSPELLING' },
      ],
    })
    await createCitation(db, { personId: person.id, field: 'description' }, { sourceId: src.id, quote: 'founder of Atajurt' })
    await createCase(db, { defendant: { personId: person.id } })
    const found = await getPersonBySlug(person.slug)
    expect(found).toMatchObject({ slug: person.slug, name: 'Serikzhan Bilash', description: 'Founder of Atajurt Eriktileri.' })
    expect(found!.aliases).toEqual([
      { name: 'Серікжан Білаш', script: 'Cyrl', kind: 'TRANSLITERATION' },
      { name: 'Serikjan Bilash', script: 'Latn', kind: 'MISSPELLING' },
    ])
    expect(found!.descriptionCitations.map((c) => c.quote)).toEqual(['founder of Atajurt'])
  })

  it('is null for a person no published case names, and for a deleted one', async () => {
    const loner = await createPerson(db)
    const inDraft = await createPerson(db)
    await createCase(db, { published: false, defendant: { personId: inDraft.id } })
    const deleted = await createPerson(db)
    await createCase(db, { defendant: { personId: deleted.id } })
    await db.person.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } })
    for (const p of [loner, inDraft, deleted]) expect(await getPersonBySlug(p.slug)).toBeNull()
  })

  it('lists roles in published cases only, latest activity first', async () => {
    const person = await createPerson(db, { name: 'Aiman Umarova' })
    const older = await createCase(db, { title: 'Older', parties: [{ personId: person.id, role: 'LAWYER' }], events: [{ kind: 'CHARGE', date: month(2019, 2) }] })
    const newer = await createCase(db, {
      title: 'Newer',
      defendant: { personId: person.id },
      defendantOutcome: { outcome: 'Convicted', sentence: '8 years' },
      events: [{ kind: 'VERDICT', date: day(2020, 1, 19) }],
    })
    await createCase(db, { title: 'Draft', published: false, defendant: { personId: person.id } })
    const found = await getPersonBySlug(person.slug)
    expect(found!.roles).toEqual([
      { role: 'DEFENDANT', outcome: 'Convicted', sentence: '8 years', case: { slug: newer.slug, title: 'Newer', status: 'CONVICTED', statusAsOf: day(2020, 1, 19), statusUndated: false, statusBasis: 'event' } },
      { role: 'LAWYER', outcome: null, sentence: null, case: { slug: older.slug, title: 'Older', status: 'CHARGED', statusAsOf: month(2019, 2), statusUndated: false, statusBasis: 'event' } },
    ])
  })

  it('has a life timeline of events outside cases, in date order, with citations', async () => {
    const src = await createSource(db)
    const person = await createPerson(db, { name: 'Serikzhan Bilash' })
    await createPersonEvent(db, person.id, { kind: 'EXILE', date: day(2021, 1, 20), title: 'Left Turkey for the United States' })
    await createPersonEvent(db, person.id, { kind: 'OTHER', date: year(2000), title: 'Moved to Kazakhstan', citations: [{ sourceId: src.id, quote: 'moved in 2000' }] })
    await createPersonEvent(db, person.id, { kind: 'EXILE', date: season(2020, 'summer', true), title: 'Left for Turkey' })
    // A case event does not belong on the life timeline.
    await createCase(db, { defendant: { personId: person.id }, events: [{ kind: 'ARREST', date: day(2019, 3, 10), personId: person.id }] })
    const found = await getPersonBySlug(person.slug)
    expect(found!.events.map((e) => [e.title, e.date])).toEqual([
      ['Moved to Kazakhstan', year(2000)],
      ['Left for Turkey', season(2020, 'summer', true)],
      ['Left Turkey for the United States', day(2021, 1, 20)],
    ])
    expect(found!.events[0]!.citations.map((c) => c.quote)).toEqual(['moved in 2000'])
  })
})

describe('getOrganisationBySlug', () => {
  it('is null for an unknown slug', async () => {
    expect(await getOrganisationBySlug('nothing')).toBeNull()
  })

  it('tells apart two organisations with the same name, with roles and cases as authority', async () => {
    const registered = await createOrganisation(db, { name: 'Atajurt', kind: 'NGO', description: 'Government-registered organisation.' })
    const bilashs = await createOrganisation(db, {
      name: 'Atajurt',
      kind: 'NGO',
      description: "Bilash's volunteer group, Atajurt Eriktileri.",
      aliases: [{ name: 'Atazhurt', kind: 'TRANSLITERATION' }],
    })
    expect(registered.slug).not.toBe(bilashs.slug)
    const police = await createOrganisation(db, { name: 'Almaty police', kind: 'POLICE' })
    const c = await createCase(db, { title: 'Channel case', authorityId: police.id, parties: [{ organisationId: registered.id, role: 'COMPLAINANT' }] })
    await createCase(db, { title: 'Draft', authorityId: police.id, published: false })
    await createCase(db, { title: 'Other case', parties: [{ organisationId: bilashs.id, role: 'COMPLAINANT' }] })
    const unnamed = await createOrganisation(db, { name: 'Named by no published case' })
    await createCase(db, { published: false, authorityId: unnamed.id })
    expect(await getOrganisationBySlug(unnamed.slug)).toBeNull()

    const reg = await getOrganisationBySlug(registered.slug)
    expect(reg).toMatchObject({ name: 'Atajurt', kind: 'NGO', country: 'KZ', description: 'Government-registered organisation.', aliases: [] })
    expect(reg!.roles.map((r) => [r.role, r.case.slug])).toEqual([['COMPLAINANT', c.slug]])
    expect((await getOrganisationBySlug(bilashs.slug))!.aliases).toEqual([{ name: 'Atazhurt', script: 'Latn', kind: 'TRANSLITERATION' }])
    expect((await getOrganisationBySlug(police.slug))!.casesAsAuthority).toEqual([{ slug: c.slug, title: 'Channel case', status: 'INVESTIGATION' }])
  })
})
