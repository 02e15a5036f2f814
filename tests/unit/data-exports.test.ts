// lib/data/exports.ts: the dashboard's view read in keyset pages must be the dashboard's
// own rows in its own order, every page of it, on a real SQLite database.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { listCases } from '@/lib/data/cases'
import { caseViewBatches, casesAfter, countCaseView, type CaseCursor } from '@/lib/data/exports'
import { day, month, year } from '@/lib/domain/partial-date'
import { CASE_SORTS, PAGE_SIZE, parseCaseQuery, type CaseQuery, type CaseSort } from '@/lib/validation/case-filters'
import { createCase, createPerson } from '../support/factories'

const q = (partial: Partial<CaseQuery> = {}): CaseQuery => ({ ...parseCaseQuery({}).query, ...partial })

/** Every page of the dashboard, in order, as it shows them. */
async function dashboardSlugs(query: CaseQuery): Promise<string[]> {
  const slugs: string[] = []
  for (let page = 1; ; page++) {
    const p = await listCases({ ...query, page })
    slugs.push(...p.items.map((c) => c.slug))
    if (page >= p.pageCount) return slugs
  }
}

async function keysetSlugs(query: CaseQuery, limit: number): Promise<string[]> {
  const slugs: string[] = []
  let after: CaseCursor | null = null
  for (let guard = 0; guard < 1000; guard++) {
    const page: Awaited<ReturnType<typeof casesAfter>> = await casesAfter(query, query.sort, after, limit)
    slugs.push(...page.items.map((c) => c.slug))
    if (!page.next) return slugs
    after = page.next
  }
  throw new Error('no last page')
}

/** Cases with equal sort values (same date, same title), without a date at all, and a draft. */
async function awkwardCases(): Promise<void> {
  const sameDay = [{ kind: 'INVESTIGATION_OPENED' as const, date: day(2020, 4, 10) }]
  for (let i = 0; i < 4; i++) await createCase(db, { title: 'Same title', events: sameDay, opened: month(2020, 4) })
  for (let i = 0; i < 3; i++) await createCase(db, { title: `Undated ${i}`, events: [], opened: null })
  for (let i = 0; i < 5; i++) await createCase(db, { title: `Case ${String.fromCharCode(90 - i)}`, events: [{ kind: 'INVESTIGATION_OPENED', date: year(2015 + i) }], opened: year(2015 + i) })
  await createCase(db, { title: 'A draft', published: false, events: sameDay })
}

describe('casesAfter', () => {
  it.each(CASE_SORTS)('pages through the view in the dashboard’s own order (sort=%s), whatever the page size', async (sort: CaseSort) => {
    await awkwardCases()
    const expected = await dashboardSlugs(q({ sort }))
    expect(expected).toHaveLength(12)
    for (const limit of [1, 2, 3, 5, 12, 50]) expect(await keysetSlugs(q({ sort }), limit)).toEqual(expected)
  })

  it('follows the filters, and says there is no next page on the last one', async () => {
    const person = await createPerson(db)
    const theirs = await createCase(db, { defendant: { personId: person.id } })
    await createCase(db)
    const page = await casesAfter(q({ person: person.slug }), 'recent', null, 10)
    expect(page.items.map((c) => c.slug)).toEqual([theirs.slug])
    expect(page.next).toBeNull()
    expect(await countCaseView(q({ person: person.slug }))).toBe(1)
    expect(await casesAfter(q({ person: 'nobody-at-all' }), 'recent', null, 10)).toEqual({ items: [], next: null })
  })

  it('reads the same items the dashboard lists, field for field', async () => {
    await awkwardCases()
    const [first] = (await listCases(q())).items
    expect((await casesAfter(q(), 'recent', null, 1)).items[0]).toEqual(first)
  })
})

describe('caseViewBatches', () => {
  it('yields every page of a view longer than the dashboard’s page, in order, never a draft', async () => {
    for (let i = 0; i < PAGE_SIZE + 7; i++) await createCase(db, { events: [{ kind: 'INVESTIGATION_OPENED', date: day(2019, 1, 1 + (i % 28)) }] })
    await createCase(db, { published: false })
    const batches: string[][] = []
    for await (const batch of caseViewBatches(q(), 'recent', 10)) batches.push(batch.map((c) => c.slug))
    expect(batches.map((b) => b.length)).toEqual([10, 10, 10, 2])
    expect(batches.flat()).toEqual(await dashboardSlugs(q()))
  })
})
