// Facet counts and the dashboard's year × status chart (lib/data/case-facets.ts,
// lib/data/case-charts.ts) on a real SQLite database: every count must be the number of
// cases the dashboard lists when that choice is made, under the other filters.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { countCasesByYearAndStatus, getPersonProceedings } from '@/lib/data/case-charts'
import { getCaseFacets } from '@/lib/data/case-facets'
import { countCasesByStatus, getDashboardOptions, listCases } from '@/lib/data/cases'
import { CASE_STATUSES } from '@/lib/domain/case-status'
import { day, month } from '@/lib/domain/partial-date'
import { SENTENCE_FILTERS } from '@/lib/domain/sentence'
import { CASE_KINDS, parseCaseQuery, type CaseQuery } from '@/lib/validation/case-filters'
import { addCaseEvent, createCase, createPerson, createProvision } from '../support/factories'

const q = (partial: Partial<CaseQuery> = {}): CaseQuery => ({ ...parseCaseQuery({}).query, ...partial })
const total = async (query: CaseQuery) => (await listCases(query)).total

async function seedCases() {
  const article = await createProvision(db, { article: '174', title: 'Inciting discord' })
  const part = await db.legalProvision.create({
    data: { slug: `${article.slug}-1`, jurisdiction: 'KZ', code: 'Criminal Code', article: '174', part: '1', title: 'Part 1', parentId: article.id },
    select: { id: true, slug: true },
  })
  const other = await createProvision(db, { article: '405', title: 'Banned organisation' })
  const person = await createPerson(db, { name: 'Serikzhan Bilash' })
  const cases = [
    // Charged twice under the article and once under its part: one case for each provision.
    await createCase(db, {
      defendant: { personId: person.id },
      charges: [{ provisionId: article.id }, { provisionId: article.id }, { provisionId: part.id }],
      events: [
        { kind: 'INVESTIGATION_OPENED', date: month(2020, 4) },
        { kind: 'CASE_TERMINATED', date: day(2020, 5, 27) },
      ],
    }),
    await createCase(db, {
      charges: [{ provisionId: part.id }],
      events: [
        { kind: 'CHARGE', date: month(2019, 3) },
        { kind: 'VERDICT', date: month(2021, 8), statusAfter: 'PLEA_DEAL' },
      ],
    }),
    await createCase(db, { kind: 'ADMINISTRATIVE', defendant: { personId: person.id }, charges: [{ provisionId: other.id }], events: [{ kind: 'VERDICT', date: day(2020, 8, 18) }] }),
    await createCase(db, { jurisdiction: 'KG', charges: [{ provisionId: other.id }], events: [{ kind: 'INVESTIGATION_OPENED', date: month(2018, 6) }] }),
    await createCase(db, { kind: 'INTERNATIONAL', events: [] }),
  ]
  await createCase(db, { published: false, charges: [{ provisionId: article.id }], events: [{ kind: 'CHARGE', date: month(2020, 1) }] })
  await db.case.update({ where: { id: cases[1]!.id }, data: { sentenceKinds: '|FINE|ACTIVITY_BAN|' } })
  await db.case.update({ where: { id: cases[2]!.id }, data: { sentenceKinds: '|FINE|' } })
  return { article, part, other, person, cases }
}

/** Each facet's counts against the list a click on that choice gives. */
async function expectFacetsMatchLists(base: CaseQuery) {
  const [facets, statusCounts, options] = await Promise.all([getCaseFacets(base), countCasesByStatus(base), getDashboardOptions(base.person)])
  for (const kind of CASE_KINDS) expect([kind, facets.kind[kind] ?? 0]).toEqual([kind, await total({ ...base, kind })])
  for (const j of ['KZ', 'KG']) expect([j, facets.jurisdiction[j] ?? 0]).toEqual([j, await total({ ...base, jurisdiction: j })])
  for (const p of options.provisions) expect([p.slug, facets.provision[p.slug] ?? 0]).toEqual([p.slug, await total({ ...base, provision: p.slug })])
  for (let y = 2017; y <= new Date().getUTCFullYear(); y++) expect([y, facets.year[y] ?? 0]).toEqual([y, await total({ ...base, year: y })])
  for (const s of SENTENCE_FILTERS) expect([s, facets.sentence[s] ?? 0]).toEqual([s, await total({ ...base, sentence: s })])
  for (const s of CASE_STATUSES) expect([s, statusCounts[s] ?? 0]).toEqual([s, await total({ ...base, statuses: [s] })])
}

describe('getCaseFacets', () => {
  it('counts, for each choice, the published cases it leaves', async () => {
    const { article, part, other } = await seedCases()
    const facets = await getCaseFacets(q())
    expect(facets.kind).toEqual({ CRIMINAL: 3, ADMINISTRATIVE: 1, INTERNATIONAL: 1 })
    expect(facets.jurisdiction).toEqual({ KZ: 4, KG: 1 })
    // The article counts the cases under its part too; a case is counted once however often it is charged.
    expect(facets.provision).toEqual({ [article.slug]: 2, [part.slug]: 2, [other.slug]: 2 })
    expect(facets.sentence).toMatchObject({ FINE: 2, ACTIVITY_BAN: 1, IMPRISONMENT: 0 })
    // A case not over (no final status) is active every year since its first event.
    expect(facets.year).toMatchObject({ 2018: 1, 2019: 2, 2020: 4, 2021: 3 })
    await expectFacetsMatchLists(q())
  })

  it('keeps every count right under the other filters (the standard faceting rule)', async () => {
    const { article, person } = await seedCases()
    for (const base of [
      q({ kind: 'CRIMINAL' }),
      q({ year: 2020 }),
      q({ provision: article.slug }),
      q({ statuses: ['DROPPED', 'CONVICTED'] }),
      q({ person: person.slug, sentence: 'FINE' }),
      q({ jurisdiction: 'KZ', year: 2021, kind: 'CRIMINAL' }),
      q({ q: 'Bilash' }),
    ]) {
      await expectFacetsMatchLists(base)
    }
    // A filter's own choices ignore it: choosing another kind is what the count says.
    const criminal = await getCaseFacets(q({ kind: 'CRIMINAL', year: 2020 }))
    expect(criminal.kind).toEqual({ CRIMINAL: 3, ADMINISTRATIVE: 1 })
  })

  it('gives nothing for a person or provision that does not exist', async () => {
    await seedCases()
    const facets = await getCaseFacets(q({ person: 'no-such-person' }))
    expect(facets).toMatchObject({ kind: {}, provision: {}, year: {}, byYear: { years: [] } })
  })
})

describe('countCasesByYearAndStatus', () => {
  it('counts each case in every year it was active, by status, each cell what its link lists', async () => {
    await seedCases()
    const base = q({ kind: 'CRIMINAL' })
    const chart = await countCasesByYearAndStatus(base, 2022)
    expect(chart.years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022])
    expect(chart.years.find((y) => y.year === 2020)).toEqual({ year: 2020, total: 3, byStatus: { DROPPED: 1, PLEA_DEAL: 1, INVESTIGATION: 1 } })
    for (const y of chart.years) {
      for (const s of CASE_STATUSES) expect([y.year, s, y.byStatus[s] ?? 0]).toEqual([y.year, s, await total({ ...base, year: y.year, statuses: [s] })])
    }
    // The year filter does not narrow the chart (it outlines its year); the others do.
    expect((await countCasesByYearAndStatus(q({ kind: 'CRIMINAL', year: 2020 }), 2022)).years).toEqual(chart.years)
    expect(chart.undated).toBe(0)
    expect((await countCasesByYearAndStatus(q(), 2022)).undated).toBe(1)
  })
})

describe('getPersonProceedings', () => {
  it('gives each published case of the person, its events in order and those about the person', async () => {
    const person = await createPerson(db)
    const other = await createPerson(db)
    const solo = await createCase(db, {
      defendant: { personId: person.id },
      events: [
        { kind: 'HOUSE_ARREST', date: day(2019, 3, 11) },
        { kind: 'ARREST', date: day(2019, 3, 10) },
      ],
    })
    const shared = await createCase(db, { defendant: { personId: other.id }, parties: [{ personId: person.id, role: 'DEFENDANT' }], events: [{ kind: 'ARREST', date: day(2021, 1, 5) }] })
    const named = await addCaseEvent(db, shared.id, { kind: 'DETENTION', date: day(2021, 1, 6), personId: person.id })
    await db.party.updateMany({ where: { caseId: solo.id, personId: person.id }, data: { situation: 'IN_EXILE', situationAt: day(2020, 9, 10).at, situationPrecision: 'DAY' } })
    await createCase(db, { published: false, defendant: { personId: person.id } })

    const rows = await getPersonProceedings(person.id)
    expect(rows.map((r) => r.slug).sort()).toEqual([solo.slug, shared.slug].sort())
    const soloRow = rows.find((r) => r.slug === solo.slug)!
    expect(soloRow.events.map((e) => e.kind)).toEqual(['ARREST', 'HOUSE_ARREST'])
    expect(soloRow.ownEvents.map((e) => e.kind)).toEqual(['ARREST', 'HOUSE_ARREST'])
    expect(soloRow.situation).toEqual({ value: 'IN_EXILE', asOf: day(2020, 9, 10) })
    // With two defendants, an event naming no one is not taken to be about this person.
    const sharedRow = rows.find((r) => r.slug === shared.slug)!
    expect(sharedRow.events).toHaveLength(2)
    expect(sharedRow.ownEvents.map((e) => e.id)).toEqual([named.id])
    expect(sharedRow.roles).toEqual(['DEFENDANT'])
  })
})
