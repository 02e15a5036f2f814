import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { CaseFilters, CaseSort } from '@/lib/validation/case-filters'
import { CASE_ORDER, caseListSelect, caseWhere, toCaseListItem } from './cases'
import type { CaseListItemDTO } from './dto'

// The dashboard's view, every page of it, read in keyset pages: the CSV and JSON
// exports and the API's case list. The where and the order are the dashboard's own
// (lib/data/cases.ts), so the rows come in the order the screen shows them; each
// page starts after the previous page's last row (its sort value and id) instead of
// skipping rows, so a page costs the same at row 100,000 as at row 1 and nothing but
// the page is ever held in memory.

/** Where a page ends: the last row's sort value (ISO date, title, or null) and id. */
export type CaseCursor = { value: string | null; id: number }

type SortColumn = 'lastEventAt' | 'openedAt' | 'title'

const SORT_KEY: Record<CaseSort, { column: SortColumn; direction: 'asc' | 'desc' }> = {
  recent: { column: 'lastEventAt', direction: 'desc' },
  oldest: { column: 'lastEventAt', direction: 'asc' },
  opened: { column: 'openedAt', direction: 'desc' },
  title: { column: 'title', direction: 'asc' },
}

const keysetSelect = { ...caseListSelect, id: true, lastEventAt: true, openedAt: true } as const

export type CaseKeysetPage = { items: CaseListItemDTO[]; next: CaseCursor | null }

/**
 * The `limit` cases of the view that follow `after` (from the first when null), and
 * the cursor of the page after them (null on the last page).
 *
 * SQLite sorts NULLs first ascending and last descending, and `x < NULL` is never
 * true, so a nullable sort column (an undated case's lastEventAt) is read in two runs,
 * each a plain range over the column's index: the dated rows, then the undated ones
 * by id (in the opposite order for an ascending sort).
 */
export async function casesAfter(filters: CaseFilters, sort: CaseSort, after: CaseCursor | null, limit: number): Promise<CaseKeysetPage> {
  const where = await caseWhere(filters)
  if (!where) return { items: [], next: null }
  const { column, direction } = SORT_KEY[sort]
  const before = direction === 'desc'
  const idAfter = (id: number) => (before ? { lt: id } : { gt: id })
  const cmp = before ? 'lte' : 'gte'

  // The runs still to read, in order, each as a `where` on the sort column.
  const runs: Prisma.CaseWhereInput[] = []
  const dated = (cursor: CaseCursor | null): Prisma.CaseWhereInput =>
    cursor
      ? { [column]: { [cmp]: toColumnValue(column, cursor.value!) }, NOT: { [column]: toColumnValue(column, cursor.value!), id: before ? { gte: cursor.id } : { lte: cursor.id } } }
      : { [column]: { not: null } }
  const undated = (cursor: CaseCursor | null): Prisma.CaseWhereInput => (cursor ? { [column]: null, id: idAfter(cursor.id) } : { [column]: null })
  if (column === 'title') runs.push(after ? dated(after) : {})
  else if (before) runs.push(...(after === null ? [dated(null), undated(null)] : after.value === null ? [undated(after)] : [dated(after), undated(null)]))
  else runs.push(...(after === null ? [undated(null), dated(null)] : after.value === null ? [undated(after), dated(null)] : [dated(after)]))

  const rows: Prisma.CaseGetPayload<{ select: typeof keysetSelect }>[] = []
  for (const run of runs) {
    // One more than asked: whether there is a next page without counting.
    const want = limit + 1 - rows.length
    if (want <= 0) break
    rows.push(...(await db.case.findMany({ where: { AND: [where, run] }, orderBy: CASE_ORDER[sort], take: want, select: keysetSelect })))
  }
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  const next = rows.length > limit && last ? { value: fromColumnValue(last[column]), id: last.id } : null
  return { items: page.map(toCaseListItem), next }
}

/** Every case of the view in keyset pages of `batchSize`, fetched one page at a time as the caller asks for it. */
export async function* caseViewBatches(filters: CaseFilters, sort: CaseSort, batchSize = 500): AsyncGenerator<CaseListItemDTO[]> {
  let cursor: CaseCursor | null = null
  do {
    const page: CaseKeysetPage = await casesAfter(filters, sort, cursor, batchSize)
    if (page.items.length) yield page.items
    cursor = page.next
  } while (cursor)
}

/** How many cases the view has (the API's `total`). */
export async function countCaseView(filters: CaseFilters): Promise<number> {
  const where = await caseWhere(filters)
  return where ? db.case.count({ where }) : 0
}

function toColumnValue(column: SortColumn, value: string): Date | string {
  return column === 'title' ? value : new Date(value)
}

function fromColumnValue(value: Date | string | null): string | null {
  return value instanceof Date ? value.toISOString() : value
}
