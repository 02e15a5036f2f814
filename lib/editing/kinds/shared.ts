import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SlugEntity } from '@/lib/generated/prisma/enums'
import { slugify } from '@/lib/domain/slug'
import { formatPartialDate, fromColumns, type PartialDate } from '@/lib/domain/partial-date'
import { caseCitationsWhere, casePartIdsSelect } from '@/lib/queries/case-citations'
import { refreshCaseDerived } from '../case-derived'
import type { FieldErrors } from '@/lib/actions/safe-action-types'
import { dateFormValues } from '@/lib/validation/form-fields'
import type { Entity } from '@/lib/validation/records'
import { DASHBOARD_TAG, recordTag } from '@/lib/cache/tags'

// What every kind's adapter is (KindAdapter) and the helpers they share: dates in
// forms, slugs and the redirects of renamed ones, the cache tags of a case's pages, and the
// checks that a part of a case names a case that exists.

export type Tx = Prisma.TransactionClient
export type Row = Record<string, unknown> & { id: number; version: number }

/** The few delegate methods the engine uses; every model has them. */
export type Delegate = {
  findUnique(args: { where: { id: number } }): Promise<Row | null>
  create(args: { data: Record<string, unknown> }): Promise<Row>
  updateMany(args: { where: { id: number; version?: number }; data: Record<string, unknown> }): Promise<{ count: number }>
  deleteMany(args: { where: { id: number; version: number } }): Promise<{ count: number }>
}

export type ToColumns = { ok: true; data: Record<string, unknown> } | { ok: false; fieldErrors: FieldErrors }

export type KindAdapter = {
  entity: Entity
  model(tx: Tx): Delegate
  /** Columns a revision snapshots and a restore writes back. Never derived columns. */
  columns: readonly string[]
  /** Columns only publish, unpublish, delete and undelete change (never a content restore). */
  stateColumns?: readonly string[]
  /** Top-level records are soft-deleted (deletedAt); parts of a case are removed with a snapshot. */
  softDelete: boolean
  toColumns(tx: Tx, input: never, existing: Row | null): Promise<ToColumns>
  toFormValues(row: Row): Record<string, string>
  /** The case whose history lists this record's revisions. */
  caseIdOf(tx: Tx, row: Row): Promise<number | null>
  describe(row: Row): string
  /** Cache tags of the public pages that show the record (invalidated after a write; lib/cache/tags.ts). */
  publicTags(tx: Tx, row: Row): Promise<string[]>
  /** Why the record cannot be deleted now, or null. */
  deleteBlocker?(tx: Tx, row: Row): Promise<string | null>
  /**
   * Runs in a part's delete transaction just before the row goes: changes other rows of
   * the kind that depend on it, and returns each before and after (each gets a revision).
   */
  beforeDelete?(tx: Tx, row: Row): Promise<{ before: Row; after: Row }[]>
  /** Runs in the write's transaction after every create, update, delete and restore. */
  afterWrite?(tx: Tx, before: Row | null, after: Row | null): Promise<void>
  /** Unique constraints: the form field to blame and what to say. */
  uniqueMessage?: { field: string; message: string }
}

export const date = (at: unknown, precision: unknown, approx: unknown): PartialDate | null => fromColumns(at as Date | null, precision as PartialDate['precision'] | null, approx as boolean)

export const dateValues = (name: string, d: PartialDate | null) => dateFormValues(name, d, formatPartialDate)

export const dateColumns = (prefix: string, d: PartialDate | null, names = { at: `${prefix}At`, precision: `${prefix}Precision`, approx: `${prefix}Approx` }) => ({
  [names.at]: d?.at ?? null,
  [names.precision]: d?.precision ?? null,
  [names.approx]: d?.approx ?? false,
})

export const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))

export function delegate<K extends keyof Tx>(key: K) {
  return (tx: Tx) => tx[key] as unknown as Delegate
}

// ---------------------------------------------------------------------------
// Slugs: made from the name when the editor gives none, unique across the records
// and the old slugs that still redirect; a rename keeps the old address working.

async function slugTaken(tx: Tx, entity: SlugEntity, slug: string, exceptId: number | null): Promise<boolean> {
  const where = { slug, NOT: exceptId === null ? undefined : { id: exceptId } }
  const [row, redirect] = await Promise.all([
    entity === 'CASE'
      ? tx.case.findFirst({ where, select: { id: true } })
      : entity === 'PERSON'
        ? tx.person.findFirst({ where, select: { id: true } })
        : entity === 'ORGANISATION'
          ? tx.organisation.findFirst({ where, select: { id: true } })
          : tx.legalProvision.findFirst({ where, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { entity_oldSlug: { entity, oldSlug: slug } }, select: { targetId: true } }),
  ])
  return row !== null || (redirect !== null && redirect.targetId !== exceptId)
}

/** The slug to store: the editor's (refused if taken) or one made from `name`. */
export async function chooseSlug(tx: Tx, entity: SlugEntity, wanted: string, name: string, existing: Row | null): Promise<{ ok: true; slug: string } | { ok: false; fieldErrors: FieldErrors }> {
  const exceptId = existing?.id ?? null
  if (wanted) {
    if (existing && wanted === existing.slug) return { ok: true, slug: wanted }
    if (await slugTaken(tx, entity, wanted, exceptId)) return { ok: false, fieldErrors: { slug: ['This address is already used by another record. Choose another one.'] } }
    return { ok: true, slug: wanted }
  }
  if (existing) return { ok: true, slug: String(existing.slug) }
  const base = slugify(name) || entity.toLowerCase()
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!(await slugTaken(tx, entity, candidate, exceptId))) return { ok: true, slug: candidate }
  }
  return { ok: false, fieldErrors: { slug: ['Could not make a free address from the name. Type one.'] } }
}

export async function keepOldSlug(tx: Tx, entity: SlugEntity, before: Row | null, after: Row | null): Promise<void> {
  if (!after) return
  const newSlug = String(after.slug)
  // The new slug no longer redirects anywhere: it is a record's own address again.
  await tx.slugRedirect.deleteMany({ where: { entity, oldSlug: newSlug } })
  if (before && before.slug !== after.slug) {
    await tx.slugRedirect.upsert({
      where: { entity_oldSlug: { entity, oldSlug: String(before.slug) } },
      create: { entity, oldSlug: String(before.slug), targetId: after.id },
      update: { targetId: after.id },
    })
    // Older slugs pointing at this record keep pointing at it: nothing to do.
  }
}

// ---------------------------------------------------------------------------
// Which public pages show a record, as cache tags (lib/cache/tags.ts). A page is
// tagged with its own record; these functions name every page that shows the record
// written, including pages of other records that list it or name it. They read the
// state after the write: adapters add what the row itself named before (a removed
// party's person), since the write path asks for the row before and after.

/** A case's page, and if it is or was public, the dashboard and every page that lists or cites it. */
export async function casePublicTags(tx: Tx, caseId: number): Promise<string[]> {
  const tags = new Set<string>([recordTag('case', caseId)])
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      publishedAt: true,
      withdrawnAt: true,
      authorityId: true,
      parties: { select: { personId: true, organisationId: true } },
      charges: { select: { provisionId: true } },
      relationsOut: { select: { toCaseId: true } },
      relationsIn: { select: { fromCaseId: true } },
    },
  })
  // A draft never published is on no public page (its preview is rendered per request).
  if (!c || (!c.publishedAt && !c.withdrawnAt)) return [...tags]
  tags.add(DASHBOARD_TAG)
  if (c.authorityId) tags.add(recordTag('organisation', c.authorityId))
  for (const p of c.parties) {
    if (p.personId) tags.add(recordTag('person', p.personId))
    if (p.organisationId) tags.add(recordTag('organisation', p.organisationId))
  }
  for (const t of await provisionTreeTags(
    tx,
    c.charges.flatMap((ch) => (ch.provisionId ? [ch.provisionId] : [])),
  ))
    tags.add(t)
  for (const r of c.relationsOut) tags.add(recordTag('case', r.toCaseId))
  for (const r of c.relationsIn) tags.add(recordTag('case', r.fromCaseId))
  const parts = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: casePartIdsSelect })
  const sources = await tx.citation.findMany({ where: caseCitationsWhere(parts), select: { sourceId: true }, distinct: ['sourceId'] })
  for (const s of sources) tags.add(recordTag('source', s.sourceId))
  return [...tags]
}

/**
 * The pages of the provisions `ids` and of the provisions above them: an article's page
 * lists the cases charged under any of its parts and paragraphs (a part's, under its
 * paragraphs), so whatever shows on a part's page shows on its article's too.
 */
export async function provisionTreeTags(tx: Tx, ids: number[]): Promise<string[]> {
  const rows = await forIdsInChunks(ids, (chunk) => tx.legalProvision.findMany({ where: { id: { in: chunk } }, select: { id: true, parentId: true, parent: { select: { parentId: true } } } }))
  return unique(rows.flatMap((r) => [r.id, r.parentId, r.parent?.parentId].filter((id): id is number => id != null).map((id) => recordTag('provision', id))))
}

/** The ids of those of `caseIds` that are or were public (drafts are on no public page). */
// A query's ids go in lists of at most this many: Prisma refuses a statement with more
// parameters than the database takes (SQLite: 32,766; Prisma's own limit is lower), and a
// busy person is named by thousands of cases.
const IDS_PER_QUERY = 500

/** `query` for `ids` in lists of IDS_PER_QUERY, one after another (one transaction, one connection), results concatenated. */
export async function forIdsInChunks<T>(ids: number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)]
  const out: T[] = []
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) out.push(...(await query(unique.slice(i, i + IDS_PER_QUERY))))
  return out
}

/** The ids of those of `caseIds` that are or were public (drafts are on no public page). */
export async function publicCaseIds(tx: Tx, caseIds: number[]): Promise<number[]> {
  const cases = await forIdsInChunks(caseIds, (chunk) => tx.case.findMany({ where: { id: { in: chunk }, OR: [{ publishedAt: { not: null } }, { withdrawnAt: { not: null } }] }, select: { id: true } }))
  return cases.map((c) => c.id)
}

/** The pages of the sources whose citations name `where`'s claims (a source page names the person, provision…). */
export async function citingSourceTags(tx: Tx, where: Prisma.CitationWhereInput): Promise<string[]> {
  const rows = await tx.citation.findMany({ where, select: { sourceId: true }, distinct: ['sourceId'] })
  return rows.map((r) => recordTag('source', r.sourceId))
}

/** The pages of the sources citing any of the rows `ids` of `column` (party, charge, event…). */
export async function sourcesCitingIds(tx: Tx, column: 'partyId' | 'chargeId' | 'eventId', ids: number[]): Promise<string[]> {
  return unique(...(await forIdsInChunks(ids, async (chunk) => [await citingSourceTags(tx, { [column]: { in: chunk } })])))
}

/**
 * The pages that show a person's or organisation's name through the cases naming it:
 * those cases' pages (and so the dashboard), the provision pages listing their
 * defendants, and the source pages citing its party rows or the charges against it.
 * A few set queries, however many cases: a busy person is named by thousands.
 */
export async function namedInCasesTags(tx: Tx, parties: { id: number; caseId: number }[], alsoCaseIds: number[] = []): Promise<string[]> {
  const caseIds = await publicCaseIds(tx, [...parties.map((p) => p.caseId), ...alsoCaseIds])
  if (caseIds.length === 0) return []
  const partyIds = parties.map((p) => p.id)
  const provisions = await forIdsInChunks(caseIds, (chunk) => tx.charge.findMany({ where: { caseId: { in: chunk }, provisionId: { not: null } }, select: { provisionId: true }, distinct: ['provisionId'] }))
  const charges = await forIdsInChunks(partyIds, (chunk) => tx.charge.findMany({ where: { partyId: { in: chunk } }, select: { id: true } }))
  const partySources = await sourcesCitingIds(tx, 'partyId', partyIds)
  const chargeSources = await sourcesCitingIds(
    tx,
    'chargeId',
    charges.map((c) => c.id),
  )
  return unique(
    [DASHBOARD_TAG],
    caseIds.map((id) => recordTag('case', id)),
    await provisionTreeTags(
      tx,
      provisions.map((p) => p.provisionId!),
    ),
    partySources,
    chargeSources,
  )
}

export const unique = (...lists: string[][]) => [...new Set(lists.flat())]

/** After any change to a part of a case: its derived status and "last changed" date. */
export async function touchCase(tx: Tx, caseId: number | null): Promise<void> {
  if (caseId === null) return
  if (await tx.case.findUnique({ where: { id: caseId }, select: { id: true } })) await refreshCaseDerived(tx, caseId)
}

/** A part of a case must name a case that exists and is not deleted. */
export async function requireCase(tx: Tx, caseId: number): Promise<FieldErrors | null> {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { deletedAt: true } })
  return c && !c.deletedAt ? null : { _form: ['This case does not exist or was deleted.'] }
}

/** A part of a case keeps the case it was created in. */
export function sameCase(existing: Row | null, caseId: number): FieldErrors | null {
  return existing && existing.caseId !== caseId ? { _form: ['This record belongs to another case.'] } : null
}
