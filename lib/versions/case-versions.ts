import 'server-only'
import { db, writeTransaction } from '@/lib/db'
import { loadCaseDetail } from '@/lib/data/cases'
import type { CaseDetailDTO } from '@/lib/data/dto'
import { publicCaseWhere } from '@/lib/data/shared'
import { recordTag } from '@/lib/cache/tags'
import { contentHash, serializeSnapshot, SNAPSHOT_FORMAT, upgradeSnapshot } from './snapshot'

// The versions of every published case page, each readable for good at
// /cases/<slug>/versions/<number> (docs/decisions/026-case-versions.md). Not lib/data
// (reads) nor lib/editing (the editors' write path): an archive of what the public
// pages showed, built from lib/data's public DTO and written to its own table, like
// the page cache. Two ways in, so a version exists for whatever a reader is shown:
// the editor's actions capture every case a write touched, after it committed, and
// the case page captures what it is about to show when the latest version differs
// (seeded data, a crash between commit and capture, writes behind the app's back).

export type CaseVersionRef = { number: number; createdAt: Date }

const REF = { number: true, createdAt: true } as const

function latestOf(caseId: number) {
  return db.caseVersion.findFirst({ where: { caseId }, orderBy: { number: 'desc' }, select: { ...REF, contentHash: true } })
}

/**
 * Records the case's public page as a new version unless the latest already shows it;
 * null when the case is not public. The page is read while the write lock is held, so
 * that what is stored is the committed state no other write can change meanwhile: a
 * page render that read the case before an edit can never store the older content
 * as the newest version.
 */
export async function captureCaseVersion(caseId: number): Promise<(CaseVersionRef & { contentHash: string }) | null> {
  return writeTransaction(async (tx) => {
    const c = await loadCaseDetail({ id: caseId, ...publicCaseWhere })
    if (!c) return null
    const hash = contentHash(c)
    const latest = await tx.caseVersion.findFirst({ where: { caseId }, orderBy: { number: 'desc' }, select: { ...REF, contentHash: true } })
    if (latest?.contentHash === hash) return latest
    return tx.caseVersion.create({
      data: { caseId, number: (latest?.number ?? 0) + 1, contentHash: hash, format: SNAPSHOT_FORMAT, snapshot: serializeSnapshot(c) },
      select: { ...REF, contentHash: true },
    })
  })
}

/**
 * The version of the page `c` (a published case's DTO, just read for the page): one
 * indexed read when it is recorded already, as it is after every edit made through the
 * editor; otherwise it is recorded now. Null only when the case changed while the page
 * rendered: that render is not kept by the page cache (decision 013) and cites no version.
 */
export async function currentCaseVersion(c: CaseDetailDTO): Promise<CaseVersionRef | null> {
  const hash = contentHash(c)
  const latest = await latestOf(c.id)
  if (latest?.contentHash === hash) return { number: latest.number, createdAt: latest.createdAt }
  const made = await captureCaseVersion(c.id)
  return made && made.contentHash === hash ? { number: made.number, createdAt: made.createdAt } : null
}

/** Captures the version of every case among a write's cache tags (`cb:case:<id>`), after the write committed. Never throws: the write stands. */
export async function captureVersionsOfTags(tags: string[]): Promise<void> {
  const casePrefix = recordTag('case', 0).slice(0, -1)
  const ids = tags.filter((t) => t.startsWith(casePrefix)).map((t) => Number(t.slice(casePrefix.length)))
  // A rename of a person named in many cases touches them all: the first ones now,
  // the rest when their page is next read (the lazy capture above).
  for (const id of ids.filter(Number.isSafeInteger).slice(0, MAX_CAPTURES_PER_WRITE)) {
    try {
      await captureCaseVersion(id)
    } catch (error) {
      console.error('case version capture failed', { caseId: id, error })
    }
  }
}

const MAX_CAPTURES_PER_WRITE = 25

export type CaseVersionPage = {
  version: CaseVersionRef
  latest: CaseVersionRef
  /** What the page showed then, read for today's components. */
  c: CaseDetailDTO
  /**
   * True when the version names a person or organisation, or cites a source, that has
   * since been deleted: it is then not shown at all (a record is often deleted for
   * someone's safety, and its name may be anywhere in the old text), only a notice.
   */
  namesDeletedRecords: boolean
  /** The cache tags of the people, organisations and sources it names: the page is tagged with them. */
  namedTags: string[]
}

/** The people, organisations and sources a version names: its parties' records, and the sources of every citation in it. */
function recordsNamedIn(c: CaseDetailDTO): { people: string[]; organisations: string[]; sources: number[] } {
  const people = new Set<string>()
  const organisations = new Set<string>()
  for (const p of c.parties) {
    if (p.person) people.add(p.person.slug)
    if (p.organisation) organisations.add(p.organisation.slug)
  }
  if (c.authority) organisations.add(c.authority.slug)
  const sources = new Set<number>()
  // Citations sit at many depths of the DTO (status, parties, charges, stages, events, versions of a conflict).
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v)
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      const record = value as Record<string, unknown>
      const source = record.source as { id?: unknown } | undefined
      if (typeof record.quote === 'string' && source && typeof source.id === 'number') sources.add(source.id)
      for (const v of Object.values(record)) walk(v)
    }
  }
  walk(c)
  return { people: [...people], organisations: [...organisations], sources: [...sources] }
}

/**
 * The records `slugs` name today (by their slug, or by an old one a rename left behind),
 * and whether any of them is deleted or gone.
 */
async function namedRecords(entity: 'PERSON' | 'ORGANISATION', slugs: string[]): Promise<{ ids: number[]; anyGone: boolean }> {
  if (!slugs.length) return { ids: [], anyGone: false }
  type Alive = { where: { slug?: { in: string[] }; id?: { in: number[] }; deletedAt: null }; select: { id: true; slug: true } }
  const alive = (args: Alive) => (entity === 'PERSON' ? db.person.findMany(args) : db.organisation.findMany(args))
  const found = await alive({ where: { slug: { in: slugs }, deletedAt: null }, select: { id: true, slug: true } })
  const missing = slugs.filter((s) => !found.some((r) => r.slug === s))
  if (!missing.length) return { ids: found.map((r) => r.id), anyGone: false }
  const moved = await db.slugRedirect.findMany({ where: { entity, oldSlug: { in: missing } }, select: { targetId: true } })
  const targets = [...new Set(moved.map((m) => m.targetId))]
  const movedAlive = targets.length ? await alive({ where: { id: { in: targets }, deletedAt: null }, select: { id: true, slug: true } }) : []
  return { ids: [...found, ...movedAlive].map((r) => r.id), anyGone: moved.length < missing.length || movedAlive.length < targets.length }
}

/** Whether the version names a deleted record, and the cache tags of those it names (the page must be re-read when one of them is deleted). */
async function deletedRecordsCheck(c: CaseDetailDTO): Promise<{ namesDeleted: boolean; tags: string[] }> {
  const named = recordsNamedIn(c)
  const [people, organisations, sources] = await Promise.all([
    namedRecords('PERSON', named.people),
    namedRecords('ORGANISATION', named.organisations),
    named.sources.length ? db.source.findMany({ where: { id: { in: named.sources }, deletedAt: null }, select: { id: true } }) : [],
  ])
  return {
    namesDeleted: people.anyGone || organisations.anyGone || sources.length < named.sources.length,
    tags: [...people.ids.map((id) => recordTag('person', id)), ...organisations.ids.map((id) => recordTag('organisation', id)), ...named.sources.map((id) => recordTag('source', id))],
  }
}

/** A published case's version `number`, or null. The caller has checked that the case is public (its address is current). */
export async function getCaseVersion(caseId: number, number: number): Promise<CaseVersionPage | null> {
  const [row, latest] = await Promise.all([db.caseVersion.findUnique({ where: { caseId_number: { caseId, number } }, select: { ...REF, format: true, snapshot: true } }), latestOf(caseId)])
  if (!row || !latest) return null
  const c = upgradeSnapshot(row.format, row.snapshot)
  // Related cases that are no longer public are named on no public page, old versions included.
  const stillPublic = new Set(c.related.length ? (await db.case.findMany({ where: { ...publicCaseWhere, slug: { in: c.related.map((r) => r.slug) } }, select: { slug: true } })).map((r) => r.slug) : [])
  const check = await deletedRecordsCheck(c)
  return {
    version: { number: row.number, createdAt: row.createdAt },
    latest: { number: latest.number, createdAt: latest.createdAt },
    c: { ...c, related: c.related.filter((r) => stillPublic.has(r.slug)) },
    namesDeletedRecords: check.namesDeleted,
    namedTags: check.tags,
  }
}
