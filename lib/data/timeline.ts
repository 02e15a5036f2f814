import 'server-only'
import { db } from '@/lib/db'
import { comparePartialDates, formatPartialDate, fromColumns, type PartialDate } from '@/lib/domain/partial-date'
import type { Prisma } from '@/lib/generated/prisma/client'
import { latestStartWithin, mayBeWithin, type TimelineRange } from '@/lib/validation/timeline-range'
import type { CitationDTO } from './dto'
import type { EventKind } from '@/lib/domain/case-status'
import { byId, citationSelect, eventDate, publicCaseWhere, toCitation } from './shared'

// The timeline across every published case: the events whose whole date lies in a
// period, oldest first. An event dated only to a coarser period that overlaps it
// ("2020" for April 2020) is not in it: it is counted, by its own date, beside the list.

export const TIMELINE_PAGE_SIZE = 50

export type TimelineEntryDTO = {
  id: number
  kind: EventKind
  date: PartialDate
  title: string
  description: string
  case: { slug: string; title: string }
  citations: CitationDTO[]
}

export type TimelinePage = {
  entries: TimelineEntryDTO[]
  total: number
  page: number
  pageCount: number
  /** Events dated only to a longer period that overlaps the range: "2020" for April 2020, by that date. */
  coarser: { date: PartialDate; label: string; count: number }[]
  /** Events the sources give no date for, in the cases the range lists (all published cases for all dates). */
  undated: number
}

export type TimelineYear = { year: number; count: number; months: { month: number; count: number }[] }

const datedPublicEvent: Prisma.EventWhereInput = { case: publicCaseWhere, occurredAt: { not: null }, precision: { not: null } }

/** Events of published cases whose whole date lies in the range. */
export function withinRangeWhere(r: TimelineRange): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [datedPublicEvent]
  if (r.start) and.push({ occurredAt: { gte: r.start } })
  if (r.end) {
    // A date is stored as its period's first instant: a month-aligned range holds a day
    // or month starting in it, a season or year only if it also ends by the range's end.
    and.push({
      OR: [
        { precision: { in: ['DAY', 'MONTH'] }, occurredAt: { lt: r.end } },
        { precision: 'SEASON', occurredAt: { lte: latestStartWithin(r.end, 'SEASON') } },
        { precision: 'YEAR', occurredAt: { lte: latestStartWithin(r.end, 'YEAR') } },
      ],
    })
  }
  return { AND: and }
}

export async function listTimeline(range: TimelineRange, page: number): Promise<TimelinePage> {
  const where = withinRangeWhere(range)
  const [rows, total, coarser, undated] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [{ occurredAt: 'asc' }, { precision: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * TIMELINE_PAGE_SIZE,
      take: TIMELINE_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        occurredAt: true,
        precision: true,
        approx: true,
        title: true,
        description: true,
        case: { select: { slug: true, title: true } },
      },
    }),
    db.event.count({ where }),
    coarserDates(range),
    db.event.count({
      where: {
        occurredAt: null,
        case: range.start || range.end ? { ...publicCaseWhere, events: { some: where } } : publicCaseWhere,
      },
    }),
  ])
  const citations = rows.length ? await db.citation.findMany({ where: { eventId: { in: rows.map((r) => r.id) } }, select: { ...citationSelect, eventId: true } }) : []
  const entries = rows.map((e): TimelineEntryDTO => ({
    id: e.id,
    kind: e.kind,
    date: eventDate(e)!,
    title: e.title,
    description: e.description,
    case: e.case!,
    citations: citations
      .filter((c) => c.eventId === e.id)
      .sort(byId)
      .map(toCitation),
  }))
  return { entries, total, page, pageCount: Math.ceil(total / TIMELINE_PAGE_SIZE), coarser, undated }
}

/** Seasons and years that overlap the range without lying in it, with how many events are dated only to each. */
async function coarserDates(range: TimelineRange): Promise<TimelinePage['coarser']> {
  if (!range.start && !range.end) return []
  const and: Prisma.EventWhereInput[] = [datedPublicEvent, { precision: { in: ['SEASON', 'YEAR'] } }]
  if (range.end) and.push({ occurredAt: { lt: range.end } })
  // A year, the longest period, starts at most a year before the range does.
  if (range.start) and.push({ occurredAt: { gt: latestStartWithin(range.start, 'YEAR') } })
  const groups = await db.event.groupBy({ by: ['occurredAt', 'precision', 'approx'], where: { AND: and }, _count: { _all: true } })
  const byLabel = new Map<string, { date: PartialDate; label: string; count: number }>()
  for (const g of groups) {
    const date = fromColumns(g.occurredAt, g.precision, g.approx)
    if (!date || !mayBeWithin(date, range)) continue
    // "c. 2020" and "2020" read as one period here.
    const plain = { ...date, approx: false }
    const label = formatPartialDate(plain)
    const found = byLabel.get(label) ?? { date: plain, label, count: 0 }
    found.count += g._count._all
    byLabel.set(label, found)
  }
  return [...byLabel.values()].sort((a, b) => comparePartialDates(a.date, b.date))
}

/**
 * Every year with events and, in it, every month with events dated to the day or the
 * month, with counts: the timeline's index. A year counts the events that lie in it
 * (also those dated only to a season of it, or to the year).
 */
export async function timelineIndex(): Promise<TimelineYear[]> {
  const groups = await db.event.groupBy({ by: ['occurredAt', 'precision'], where: datedPublicEvent, _count: { _all: true } })
  const years = new Map<number, { count: number; months: Map<number, number> }>()
  for (const g of groups) {
    const date = fromColumns(g.occurredAt, g.precision, false)
    if (!date) continue
    const y = date.at.getUTCFullYear()
    // Winter starts in December and ends in the next year: in neither year alone.
    if (date.precision === 'SEASON' && date.at.getUTCMonth() === 11) continue
    const entry = years.get(y) ?? { count: 0, months: new Map<number, number>() }
    entry.count += g._count._all
    if (date.precision === 'DAY' || date.precision === 'MONTH') {
      const m = date.at.getUTCMonth() + 1
      entry.months.set(m, (entry.months.get(m) ?? 0) + g._count._all)
    }
    years.set(y, entry)
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, e]) => ({
      year: y,
      count: e.count,
      months: [...e.months.entries()].sort(([a], [b]) => a - b).map(([month, count]) => ({ month, count })),
    }))
}
