import type { Entity } from '@/lib/validation/records'
import { RECORD_FIELDS } from '@/lib/validation/records'
import { KINDS, type Row } from './kinds'

export type FieldChange = { field: string; label: string; before: string; after: string }

/**
 * What differs between two states of a record, in the editor's terms: the form's
 * fields and labels, dates as typed ("c. March 2019"). Used by the history pages and
 * by the stale-save message. `null` is "did not exist" (create, delete).
 */
export function formChanges(entity: Entity, before: Row | null, after: Row | null): FieldChange[] {
  const kind = KINDS[entity]
  const a = before ? kind.toFormValues(before) : {}
  const b = after ? kind.toFormValues(after) : {}
  const show = (v: Record<string, string>, name: string) => {
    const text = v[name] ?? ''
    return text && v[`${name}Approx`] === 'on' ? `c. ${text}` : text
  }
  const out: FieldChange[] = []
  for (const field of RECORD_FIELDS[entity]) {
    const [x, y] = [show(a, field.name), show(b, field.name)]
    if (x !== y) out.push({ field: field.name, label: field.label, before: x, after: y })
  }
  // Publication and deletion are not form fields but are changes all the same.
  if (before && after) {
    for (const column of kind.stateColumns ?? []) {
      const [x, y] = [before[column] ?? null, after[column] ?? null]
      const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : '—')
      if (iso(x) !== iso(y)) out.push({ field: column, label: STATE_LABELS[column] ?? column, before: iso(x), after: iso(y) })
    }
  }
  return out
}

const STATE_LABELS: Record<string, string> = { publishedAt: 'Published on', withdrawnAt: 'Withdrawn on', deletedAt: 'Deleted on' }
