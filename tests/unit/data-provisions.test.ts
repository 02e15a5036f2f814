// lib/data/provisions.ts on a fresh database per test.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getProvisionBySlug } from '@/lib/data/provisions'
import { day, month } from '@/lib/domain/partial-date'
import { createCase, createCitation, createPerson, createProvision, createSource } from '../support/factories'

describe('getProvisionBySlug', () => {
  it('is null for an unknown slug', async () => {
    expect(await getProvisionBySlug('kz-cc-000')).toBeNull()
  })

  it('lists every published case that charges it once, latest first, with defendants', async () => {
    const src = await createSource(db)
    const provision = await createProvision(db, { article: '174', part: '1', title: 'Inciting social, national, clan, racial, class or religious discord', description: 'Broadly worded.' })
    await createCitation(db, { provisionId: provision.id }, { sourceId: src.id, quote: 'article 174' })
    const other = await createProvision(db, { article: '389' })
    const bilash = await createPerson(db, { name: 'Serikzhan Bilash' })
    const second = await createPerson(db, { name: 'Second defendant' })
    const early = await createCase(db, {
      title: '2019 case',
      defendant: { personId: bilash.id },
      charges: [{ provisionId: provision.id }, { provisionId: provision.id, description: 'counted twice' }],
      parties: [{ personId: second.id, role: 'DEFENDANT' }],
      events: [{ kind: 'VERDICT', date: month(2019, 8), statusAfter: 'PLEA_DEAL' }],
    })
    const late = await createCase(db, {
      title: '2020 case',
      defendant: { personId: bilash.id },
      charges: [{ provisionId: provision.id }],
      events: [{ kind: 'CASE_TERMINATED', date: day(2020, 5, 27) }],
    })
    await createCase(db, { title: 'Other article', charges: [{ provisionId: other.id }] })
    await createCase(db, { title: 'Draft', published: false, charges: [{ provisionId: provision.id }] })

    const found = await getProvisionBySlug(provision.slug)
    expect(found).toMatchObject({ slug: provision.slug, jurisdiction: 'KZ', article: '174', part: '1', description: 'Broadly worded.' })
    expect(found!.descriptionCitations.map((c) => c.quote)).toEqual(['article 174'])
    const under = { slug: provision.slug, jurisdiction: 'KZ', code: 'Criminal Code of the Republic of Kazakhstan', article: '174', part: '1', paragraph: null, title: provision.title }
    expect(found!.cases).toEqual([
      {
        slug: late.slug,
        title: '2020 case',
        status: 'DROPPED',
        statusAsOf: day(2020, 5, 27),
        statusUndated: false,
        statusBasis: 'event',
        defendants: [{ slug: bilash.slug, name: 'Serikzhan Bilash', href: `/people/${bilash.slug}` }],
        chargedUnder: [under],
      },
      {
        slug: early.slug,
        title: '2019 case',
        status: 'PLEA_DEAL',
        statusAsOf: month(2019, 8),
        statusUndated: false,
        statusBasis: 'event',
        defendants: [
          { slug: bilash.slug, name: 'Serikzhan Bilash', href: `/people/${bilash.slug}` },
          { slug: second.slug, name: 'Second defendant', href: `/people/${second.slug}` },
        ],
        chargedUnder: [under],
      },
    ])
  })
})
