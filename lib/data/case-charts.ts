import 'server-only'
import { db } from '@/lib/db'
import { sortEvents, type CaseStatus, type EventKind } from '@/lib/domain/case-status'
import { fromColumns, type PartialDate } from '@/lib/domain/partial-date'
import type { CaseFilters } from '@/lib/validation/case-filters'
import type { DefendantSituation, PartyRole } from './dto'
import { caseWhere } from './cases'
import { eventDate, publicCaseWhere } from './shared'

// The data the charts draw (components/charts, case-timeline-chart, the person's and
// the dashboard's charts). The case page's chart needs nothing beyond the case's DTO.

// ---------------------------------------------------------------------------
// Dashboard: cases by year and status

export type YearStatusCounts = {
  /** Every year from the first a listed case was active in to this one, in order. */
  years: { year: number; total: number; byStatus: Partial<Record<CaseStatus, number>> }[]
  /** Cases under these filters that no dated event places in any year (never in a year view). */
  undated: number
}

/**
 * Cases active in each year, by status, under every dashboard filter but the year:
 * the count at (year, status) is the number of cases `/?year=…&status=…` with the other
 * filters lists, since "active in a year" is the year filter's own rule (begun by the
 * year's end, not finished before its start). One grouped query on the status index.
 */
export async function countCasesByYearAndStatus(filters: CaseFilters, thisYear = new Date().getUTCFullYear()): Promise<YearStatusCounts> {
  const where = await caseWhere({ ...filters, year: null })
  if (!where) return { years: [], undated: 0 }
  const groups = await db.case.groupBy({ by: ['status', 'firstYear', 'lastYear'], where, _count: { _all: true } })
  let undated = 0
  let first = Infinity
  for (const g of groups) {
    if (g.firstYear === null) undated += g._count._all
    else first = Math.min(first, g.firstYear)
  }
  if (first === Infinity) return { years: [], undated }
  const last = Math.max(thisYear, ...groups.map((g) => g.lastYear ?? g.firstYear ?? first))
  const years = Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, total: 0, byStatus: {} as Partial<Record<CaseStatus, number>> }))
  for (const g of groups) {
    if (g.firstYear === null) continue
    // No last year: still active, as the year filter reads it.
    for (let y = g.firstYear; y <= (g.lastYear ?? last); y++) {
      const row = years[y - first]!
      row.total += g._count._all
      row.byStatus[g.status] = (row.byStatus[g.status] ?? 0) + g._count._all
    }
  }
  return { years, undated }
}

// ---------------------------------------------------------------------------
// A person's proceedings side by side

export type ProceedingEventDTO = { id: number; kind: EventKind; date: PartialDate | null; title: string; placedAfterId: number | null }

export type ProceedingDTO = {
  slug: string
  title: string
  status: CaseStatus
  roles: PartyRole[]
  /** The case's events in timeline order (sortEvents), for its row's marks. */
  events: ProceedingEventDTO[]
  /**
   * The events that are about this person, in timeline order: those the event names
   * them in, and, when the person is the case's only defendant, those naming no one.
   * Their arrests, house arrest, releases and exile make the row's spells.
   */
  ownEvents: ProceedingEventDTO[]
  /** What the case records as the person's situation as a defendant, "as of" a date. */
  situation: { value: DefendantSituation; asOf: PartialDate | null } | null
}

/** Every published case the person is a party to, with what its row in the person's chart draws. */
export async function getPersonProceedings(personId: number): Promise<ProceedingDTO[]> {
  const cases = await db.case.findMany({
    where: { ...publicCaseWhere, parties: { some: { personId } } },
    orderBy: [{ firstYear: 'asc' }, { id: 'asc' }],
    select: {
      slug: true,
      title: true,
      status: true,
      parties: { select: { personId: true, role: true, situation: true, situationAt: true, situationPrecision: true, situationApprox: true } },
      events: { select: { id: true, kind: true, occurredAt: true, precision: true, approx: true, placedAfterId: true, title: true, personId: true } },
    },
  })
  return cases.map((c) => {
    const own = c.parties.filter((p) => p.personId === personId)
    const defendants = c.parties.filter((p) => p.role === 'DEFENDANT')
    const soleDefendant = defendants.length === 1 && defendants[0]!.personId === personId
    const events = sortEvents(c.events.map((e) => ({ id: e.id, kind: e.kind, date: eventDate(e), title: e.title, placedAfterId: e.placedAfterId, personId: e.personId })))
    const asDefendant = own.find((p) => p.role === 'DEFENDANT' && p.situation)
    const dto = ({ personId: _p, ...e }: (typeof events)[number]): ProceedingEventDTO => e
    return {
      slug: c.slug,
      title: c.title,
      status: c.status,
      roles: [...new Set(own.map((p) => p.role))],
      events: events.map(dto),
      ownEvents: events.filter((e) => e.personId === personId || (e.personId === null && soleDefendant)).map(dto),
      situation: asDefendant ? { value: asDefendant.situation!, asOf: fromColumns(asDefendant.situationAt, asDefendant.situationPrecision, asDefendant.situationApprox) } : null,
    }
  })
}
