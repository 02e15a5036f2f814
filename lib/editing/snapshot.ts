// A revision keeps a record's own columns as JSON. Dates become ISO strings and come
// back as Dates: every date column's name ends in "At". As stored, a long text is a
// reference to its one copy (revision-texts.ts); readers get snapshots with it in place.
import type { KindAdapter, Row } from './kinds'

export type Snapshot = Record<string, unknown>

function toJson(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value
}

/** The record's id, version and editable columns; for a deleted part of a case, also the citations deleted with it. */
export function snapshotOf(kind: KindAdapter, row: Row): Snapshot {
  const out: Snapshot = { id: row.id, version: row.version }
  for (const column of kind.columns) out[column] = toJson(row[column] ?? null)
  if (Array.isArray(row.citations)) {
    out.citations = (row.citations as Record<string, unknown>[]).map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, toJson(v)])))
  }
  return out
}

export function fromSnapshot(snapshot: Snapshot): Row {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(snapshot)) {
    out[key] = key.endsWith('At') && typeof value === 'string' ? new Date(value) : value
  }
  return out as Row
}

/** The editable columns whose values differ (a create or delete: every column that has a value). */
export function changedColumns(kind: KindAdapter, before: Snapshot | null, after: Snapshot | null): string[] {
  return kind.columns.filter((c) => {
    const a = before ? (before[c] ?? null) : null
    const b = after ? (after[c] ?? null) : null
    return JSON.stringify(a) !== JSON.stringify(b)
  })
}
