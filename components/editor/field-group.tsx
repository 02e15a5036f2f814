import type { FieldGroupSpec, FieldSpec } from '@/lib/validation/form-fields'

// Fields drawn together under one legend: an add form's optional "Source" (cite the
// record as it is added), or one version of a disputed fact with its own source.

export function FieldGroup({ group, idPrefix, children }: { group: FieldGroupSpec; idPrefix: string; children: React.ReactNode }) {
  const hintId = `${idPrefix}group-${group.name}-hint`
  return (
    <fieldset className="mb-4 rounded border border-stone-300 bg-stone-50 p-3" data-testid={`field-group-${group.name}`} aria-describedby={group.hint ? hintId : undefined}>
      <legend className="px-1 font-medium">{group.legend}</legend>
      {group.hint && (
        <p id={hintId} className="mb-2 text-sm text-stone-600">
          {group.hint}
        </p>
      )}
      {children}
    </fieldset>
  )
}

/** A form's fields in runs: a field on its own, or the consecutive fields of one group. */
export function fieldRuns(fields: readonly FieldSpec[]): { group: FieldGroupSpec | null; fields: FieldSpec[] }[] {
  const runs: { group: FieldGroupSpec | null; fields: FieldSpec[] }[] = []
  for (const field of fields) {
    const last = runs.at(-1)
    if (field.group && last?.group?.name === field.group.name) last.fields.push(field)
    else runs.push({ group: field.group ?? null, fields: [field] })
  }
  return runs
}

/** How the error summary names a field: with its group's legend when in one ("Version 2 — Quote"). */
export function fieldLabel(field: FieldSpec): string {
  return field.group ? `${field.group.legend} — ${field.label}` : field.label
}
