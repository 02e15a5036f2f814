import 'server-only'
import { requireEditor } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { isEntity, type Entity } from '@/lib/validation/records'
import { formChanges, type FieldChange } from './changes'
import { KINDS, type Row } from './kinds'
import { readSnapshots } from './revision-texts'
import { fromSnapshot, type Snapshot } from './snapshot'
import { findSourceAt, type StoredSource } from './stored-source'

// What the editor pages read of the write model: a record as its form shows it (the
// kind's adapter turns columns into form values and names it), the history of a
// record (revision snapshots, decoded and compared by the same adapters), and the
// look-up of an address already stored that the source intake shares with every save.
// They live with the writes because the adapters are their vocabulary; the read side
// (../data/), which never imports this folder, keeps the reads of what a page shows.
//
// Every function checks the session itself: a page or layout check alone is not
// enough (decision 007). Drafts and deleted records are visible here.

export type RecordForEdit = { entity: Entity; id: number; version: number; values: Record<string, string>; label: string; deleted: boolean; caseId: number | null; publicPath: string | null; row: Row }

const PUBLIC_PREFIX: Partial<Record<Entity, string>> = { person: '/people/', organisation: '/organisations/', provision: '/provisions/' }

export async function getRecordForEdit(entity: Entity, id: number): Promise<RecordForEdit | null> {
  await requireEditor()
  const kind = KINDS[entity]
  const row = await kind.model(db).findUnique({ where: { id } })
  if (!row) return null
  return {
    entity,
    id,
    version: row.version,
    values: kind.toFormValues(row),
    label: kind.describe(row),
    deleted: Boolean(kind.softDelete && row.deletedAt),
    caseId: await kind.caseIdOf(db, row),
    publicPath: entity === 'source' ? `/sources/${id}` : PUBLIC_PREFIX[entity] ? `${PUBLIC_PREFIX[entity]}${String(row.slug)}` : null,
    row,
  }
}

/** The source already stored at this address's canonical form (deleted ones too), or null. */
export async function findStoredSource(url: string): Promise<StoredSource | null> {
  await requireEditor()
  return findSourceAt(db, url)
}

// ---------------------------------------------------------------------------
// History

/** What needs an editor's attention first: the drafts, and the latest changes by anyone. */
export async function getEditorOverview() {
  await requireEditor()
  const [drafts, recent] = await Promise.all([
    db.case.findMany({ where: { publishedAt: null, deletedAt: null }, orderBy: { updatedAt: 'desc' }, take: 20, select: { id: true, title: true, withdrawnAt: true, updatedAt: true } }),
    db.revision.findMany({
      orderBy: { id: 'desc' },
      take: 15,
      select: { id: true, at: true, actorEmail: true, entity: true, entityId: true, caseId: true, action: true, summary: true, after: true, before: true },
    }),
  ])
  const shown = recent.filter((r) => isEntity(r.entity))
  const named = await readSnapshots(
    db,
    shown.map((r) => r.after ?? r.before),
  )
  return {
    drafts,
    recent: shown.map((r, i) => ({
      id: r.id,
      at: r.at,
      actorEmail: r.actorEmail,
      entity: r.entity as Entity,
      entityId: r.entityId,
      caseId: r.caseId,
      action: r.action,
      summary: r.summary,
      label: revisionLabel(r.entity as Entity, r.entityId, named[i] ?? null),
    })),
  }
}

/** What a revision was about, named as the record was after it (for a deletion: before it). */
function revisionLabel(entity: Entity, entityId: number, snapshot: Snapshot | null): string {
  return snapshot ? KINDS[entity].describe(fromSnapshot(snapshot)) : `#${entityId}`
}

export type RevisionView = {
  id: number
  at: Date
  actorEmail: string
  entity: Entity
  entityId: number
  label: string
  action: string
  version: number
  summary: string
  changes: FieldChange[]
  /** Restoring makes the record look like this revision left it (or, for a delete, undeletes it). */
  restorable: boolean
  /** The record's oldest revision is an edit (the record came from the initial data): its earlier state can be restored too. */
  restorableBefore: boolean
}

const snapshotRow = (snapshot: Snapshot | null): Row | null => (snapshot ? fromSnapshot(snapshot) : null)

/** The history of one record, or of a case with all its parts (newest first). */
export async function listRevisions(entity: Entity, id: number, { page = 1 }: { page?: number } = {}): Promise<{ revisions: RevisionView[]; total: number }> {
  await requireEditor()
  const where = entity === 'case' ? { OR: [{ caseId: id }, { entity: 'case', entityId: id }] } : { entity, entityId: id }
  const take = 100
  const [rows, total] = await Promise.all([db.revision.findMany({ where, orderBy: { id: 'desc' }, take, skip: (page - 1) * take }), db.revision.count({ where })])
  const shown = rows.filter((r) => isEntity(r.entity))
  const [oldest, snapshots] = await Promise.all([
    // Which revisions are the oldest of their record: before those, only the initial data.
    rows.length
      ? db.revision.groupBy({
          by: ['entity', 'entityId'],
          where: { OR: [...new Set(rows.map((r) => `${r.entity}:${r.entityId}`))].map((key) => ({ entity: key.split(':')[0]!, entityId: Number(key.split(':')[1]) })) },
          _min: { id: true },
        })
      : [],
    // Both snapshots of every revision on the page, their long texts in one query.
    readSnapshots(
      db,
      shown.flatMap((r) => [r.before, r.after]),
    ),
  ])
  const oldestIds = new Set(oldest.map((o) => o._min.id))
  return {
    total,
    revisions: shown.map((r, i) => {
      const e = r.entity as Entity
      const [before, after] = [snapshots[2 * i] ?? null, snapshots[2 * i + 1] ?? null]
      return {
        id: r.id,
        at: r.at,
        actorEmail: r.actorEmail,
        entity: e,
        entityId: r.entityId,
        label: revisionLabel(e, r.entityId, after ?? before),
        action: r.action,
        version: r.version,
        summary: r.summary,
        changes: formChanges(e, snapshotRow(before), snapshotRow(after)),
        restorable: r.action === 'delete' ? r.before !== null : r.after !== null,
        restorableBefore: oldestIds.has(r.id) && r.action !== 'create' && r.action !== 'delete' && r.before !== null,
      }
    }),
  }
}
