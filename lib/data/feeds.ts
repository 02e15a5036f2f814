import 'server-only'
import { db } from '@/lib/db'
import { sortEvents, statusSetBy, type CaseStatus, type EventKind } from '@/lib/domain/case-status'
import { fromColumns, type PartialDate } from '@/lib/domain/partial-date'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { CitationDTO } from './dto'
import { byId, caseStatusSelect, citationSelect, eventDate, publicCaseWhere, publicPersonWhere, toCitation } from './shared'

// What a case's or a person's Atom feed says: the published cases' events, each with
// its sources, and the status each one moves its case to. Only published cases.
//
// Every entry needs a full timestamp (Atom's <updated>) while the sources date events
// only as precisely as they report them ("April 2020"). The timestamp is therefore not
// the event's date but when the entry last changed in Casebook's public record: the
// latest revision of the event or of a citation of it, and never before the case was
// (last) published, since a change to a draft was public only from then on. Seeded
// records have no revisions: their entries are as old as the publication.

export type FeedEventDTO = {
  id: number
  kind: EventKind
  /** Null: the sources do not report the date. */
  date: PartialDate | null
  title: string
  description: string
  /** The status this event moves its case to, when it changes the status the events before it had set. */
  statusChange: CaseStatus | null
  citations: CitationDTO[]
  changedAt: Date
}

export type FeedCaseDTO = {
  id: number
  slug: string
  title: string
  status: CaseStatus
  statusAsOf: PartialDate | null
  statusUndated: boolean
  /** An editor's statement of the status ("still under investigation as of February 2021"), when there is one. */
  statusStatement: { status: CaseStatus; asOf: PartialDate | null; changedAt: Date } | null
  publishedAt: Date
  events: FeedEventDTO[]
}

export type PersonFeedDTO = { id: number; slug: string; name: string; cases: FeedCaseDTO[] }

const latest = (...dates: (Date | null | undefined)[]): Date => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)))

async function loadFeedCases(where: Prisma.CaseWhereInput): Promise<FeedCaseDTO[]> {
  const cases = await db.case.findMany({
    where: { AND: [where, publicCaseWhere] },
    orderBy: { id: 'asc' },
    take: 500,
    select: {
      id: true,
      slug: true,
      title: true,
      ...caseStatusSelect,
      publishedAt: true,
      events: { select: { id: true, kind: true, occurredAt: true, precision: true, approx: true, placedAfterId: true, title: true, description: true, statusAfter: true } },
    },
  })
  if (!cases.length) return []
  const caseIds = cases.map((c) => c.id)
  const eventIds = cases.flatMap((c) => c.events.map((e) => e.id))
  const [citations, revised, statusRevisions] = await Promise.all([
    eventIds.length ? db.citation.findMany({ where: { eventId: { in: eventIds } }, select: { ...citationSelect, eventId: true } }) : [],
    db.revision.groupBy({ by: ['entity', 'entityId'], where: { caseId: { in: caseIds }, entity: { in: ['event', 'citation'] } }, _max: { at: true } }),
    db.revision.groupBy({ by: ['entityId'], where: { entity: 'case', entityId: { in: caseIds }, changed: { contains: '"statusOverride' } }, _max: { at: true } }),
  ])
  const revisedAt = new Map(revised.map((r) => [`${r.entity}:${r.entityId}`, r._max.at]))
  const statusChangedAt = new Map(statusRevisions.map((r) => [r.entityId, r._max.at]))
  return cases.map((c): FeedCaseDTO => {
    const publishedAt = c.publishedAt!
    const ordered = sortEvents(c.events.map((e) => ({ ...e, date: eventDate(e) })))
    let status: CaseStatus | null = null
    const events = ordered.map((e): FeedEventDTO => {
      const own = citations.filter((x) => x.eventId === e.id).sort(byId)
      const sets = statusSetBy(e)
      const statusChange = sets !== null && sets !== status ? sets : null
      if (sets !== null) status = sets
      return {
        id: e.id,
        kind: e.kind,
        date: e.date,
        title: e.title,
        description: e.description,
        statusChange,
        citations: own.map(toCitation),
        changedAt: latest(publishedAt, revisedAt.get(`event:${e.id}`), ...own.map((x) => revisedAt.get(`citation:${x.id}`))),
      }
    })
    return {
      id: c.id,
      slug: c.slug,
      title: c.title,
      status: c.status,
      statusAsOf: fromColumns(c.statusAt, c.statusPrecision, c.statusApprox),
      statusUndated: c.statusUndated,
      statusStatement: c.statusOverride
        ? {
            status: c.statusOverride,
            asOf: fromColumns(c.statusOverrideAt, c.statusOverridePrecision, c.statusOverrideApprox),
            changedAt: latest(publishedAt, statusChangedAt.get(c.id)),
          }
        : null,
      publishedAt,
      events,
    }
  })
}

/** A published case's feed; null for a draft, a withdrawn case or an unknown slug. */
export async function getCaseFeed(slug: string): Promise<FeedCaseDTO | null> {
  return (await loadFeedCases({ slug }))[0] ?? null
}

/** A public person's feed: every published case naming them as a party. */
export async function getPersonFeed(slug: string): Promise<PersonFeedDTO | null> {
  const person = await db.person.findFirst({ where: { slug, ...publicPersonWhere }, select: { id: true, slug: true, name: true } })
  if (!person) return null
  return { ...person, cases: await loadFeedCases({ parties: { some: { personId: person.id } } }) }
}
