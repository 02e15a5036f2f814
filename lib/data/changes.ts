import 'server-only'
import { db } from '@/lib/db'
import type { PartialDate } from '@/lib/domain/partial-date'
import { Prisma } from '@/lib/generated/prisma/client'
import { ENTITY_LABELS, isEntity } from '@/lib/validation/records'
import { eventDate } from './shared'

// Recent changes to the public record, from the editing history (model Revision): each
// published case's publication, then every change to it or to its parts made since.
// Only cases public now, and only what is public now: a change is named by its kind
// and the fields it touched, and shows the case's and the event's current title —
// never a snapshot (a draft's text, an old wording taken back), never who made it.
// A change made while the case was a draft was never public and is not listed; its
// result is part of the publication.

export const CHANGES_PAGE_SIZE = 50

export type ChangeKind = 'published' | 'added' | 'corrected' | 'removed' | 'restored' | 'status'

export type PublicChangeDTO = {
  /** Stable: `revision-<id>` or `published-<case id>-<time>`. */
  key: string
  at: Date
  kind: ChangeKind
  /** What changed, in words: "Case published", "Event added", "Charge corrected". */
  what: string
  /** The fields a correction touched, by name ("summary", "date"), never their values. */
  fields: string[]
  case: { slug: string; title: string }
  /** The event a change is about, as it reads now; null when it is gone or the change is not about an event. */
  event: { id: number; title: string; date: PartialDate | null } | null
}

export type ChangesPage = { changes: PublicChangeDTO[]; total: number; page: number; pageCount: number }

type Row = { source: string; id: number | bigint; at: Date | string; entity: string; entityId: number | bigint; action: string; changed: string; slug: string; title: string }

// Column names as readers know them; columns not named here are not listed.
const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  kind: 'kind',
  jurisdiction: 'jurisdiction',
  caseNumber: 'case number',
  authorityId: 'authority',
  openedAt: 'date opened',
  openedPrecision: 'date opened',
  closedAt: 'date closed',
  closedPrecision: 'date closed',
  occurredAt: 'date',
  precision: 'date',
  approx: 'date',
  placedAfterId: 'place on the timeline',
  description: 'description',
  statusAfter: 'status it sets',
  outcome: 'outcome',
  situation: 'situation',
  role: 'role',
  disposition: 'disposition',
  provisionId: 'provision',
  quote: 'quote',
  translation: 'translation',
  locator: 'place in the source',
  sourceId: 'source',
  decision: 'decision',
  courtName: 'court',
  decidedAt: 'date decided',
  statement: 'statement',
  preferred: 'preferred version',
  note: 'note',
}

const STATUS_COLUMNS = ['statusOverride', 'statusOverrideAt', 'statusOverridePrecision', 'statusOverrideApprox']

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function describe(row: Row): { kind: ChangeKind; what: string; fields: string[] } {
  if (row.source === 'publication') return { kind: 'published', what: 'Case published', fields: [] }
  let changed: string[] = []
  try {
    const parsed: unknown = JSON.parse(row.changed)
    if (Array.isArray(parsed)) changed = parsed.filter((c): c is string => typeof c === 'string')
  } catch {
    // An unreadable list names no fields.
  }
  const label = isEntity(row.entity) ? ENTITY_LABELS[row.entity] : 'record'
  if (row.entity === 'case' && changed.some((c) => STATUS_COLUMNS.includes(c))) return { kind: 'status', what: 'Status changed', fields: [] }
  const fields = row.action === 'update' ? [...new Set(changed.flatMap((c) => (FIELD_WORDS[c] ? [FIELD_WORDS[c]] : [])))] : []
  const kind: ChangeKind = row.action === 'create' ? 'added' : row.action === 'delete' ? 'removed' : row.action === 'restore' ? 'restored' : 'corrected'
  return { kind, what: `${capitalised(row.entity === 'case' ? 'case details' : label)} ${kind}`, fields }
}

/** Where a revision can be public: a part or state of a case published now, changed after its (last) publication. */
const PUBLIC_REVISIONS = Prisma.sql`
  FROM "Revision" r JOIN "Case" c ON c."id" = r."caseId"
  WHERE c."publishedAt" IS NOT NULL AND r."at" > c."publishedAt"
    AND NOT (r."entity" = 'case' AND r."action" IN ('publish', 'unpublish', 'delete'))`

/**
 * One page of changes, newest first. Two bounded queries merged here rather than one
 * UNION sorted in SQL, which would sort every public revision and publication for each
 * page: revisions newest first by id (the primary key; ids follow time), publications by
 * the publishedAt index, each read only as far as the page needs.
 */
export async function listPublicChanges(page: number, pageSize = CHANGES_PAGE_SIZE, { withTotal = true } = {}): Promise<ChangesPage> {
  const upTo = page * pageSize
  const counts = withTotal ? await db.$queryRaw<{ n: number | bigint }[]>`SELECT (SELECT COUNT(*) ${PUBLIC_REVISIONS}) + (SELECT COUNT(*) FROM "Case" c WHERE c."publishedAt" IS NOT NULL) AS "n"` : null
  // A page past the end reads nothing (page 100000 would otherwise read five million rows).
  if (counts && (page - 1) * pageSize >= Number(counts[0]?.n ?? 0)) return { changes: [], total: Number(counts[0]?.n ?? 0), page, pageCount: Math.ceil(Number(counts[0]?.n ?? 0) / pageSize) }
  const [revisions, publications] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT 'revision' AS "source", r."id" AS "id", r."at" AS "at", r."entity" AS "entity", r."entityId" AS "entityId", r."action" AS "action", r."changed" AS "changed", c."slug" AS "slug", c."title" AS "title"
      ${PUBLIC_REVISIONS}
      ORDER BY r."id" DESC LIMIT ${upTo}`,
    db.case.findMany({ where: { publishedAt: { not: null } }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take: upTo, select: { id: true, publishedAt: true, slug: true, title: true } }),
  ])
  const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v))
  const rows: Row[] = [
    ...revisions.map((r) => ({ ...r, at: asDate(r.at) })),
    ...publications.map((c): Row => ({ source: 'publication', id: c.id, at: c.publishedAt!, entity: 'case', entityId: c.id, action: 'publish', changed: '[]', slug: c.slug, title: c.title })),
  ]
    .sort((a, b) => (b.at as Date).getTime() - (a.at as Date).getTime() || Number(b.id) - Number(a.id))
    .slice((page - 1) * pageSize, upTo)
  const total = counts ? Number(counts[0]?.n ?? 0) : rows.length
  const eventIds = rows.filter((r) => r.source === 'revision' && r.entity === 'event').map((r) => Number(r.entityId))
  const events = eventIds.length
    ? await db.event.findMany({
        where: { id: { in: eventIds }, case: { publishedAt: { not: null } } },
        select: { id: true, title: true, occurredAt: true, precision: true, approx: true, case: { select: { slug: true } } },
      })
    : []
  const changes = rows.map((row): PublicChangeDTO => {
    const at = row.at instanceof Date ? row.at : new Date(row.at)
    const found = row.source === 'revision' && row.entity === 'event' ? events.find((e) => e.id === Number(row.entityId) && e.case?.slug === row.slug) : undefined
    return {
      key: row.source === 'publication' ? `published-${Number(row.entityId)}-${at.getTime()}` : `revision-${Number(row.id)}`,
      at,
      ...describe(row),
      case: { slug: row.slug, title: row.title },
      event: found ? { id: found.id, title: found.title, date: eventDate(found) } : null,
    }
  })
  return { changes, total, page, pageCount: Math.ceil(total / pageSize) }
}
