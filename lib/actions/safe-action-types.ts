// The shapes server actions return to their forms, and how a form's values are read.
// No server imports: client components use them too (components/forms/use-form-action.ts).

export type FieldErrors = Record<string, string[]>

/** A save refused because someone saved the record first: what they changed. */
export type EditConflict = {
  currentVersion: number
  changes: { field: string; label: string; before: string; after: string }[]
  by: { at: string; actorEmail: string; action: string; summary: string }[]
}

/**
 * An existing person or organisation the new one may be (lib/editing/duplicates.ts): shown before creating it.
 * `matched`: the stored name or alias that looks like what was typed; `typed`: that input.
 */
export type LikelyDuplicate = { entity: 'person' | 'organisation'; id: number; name: string; path: string; matched: string; typed: string; how: 'same-spelling' | 'other-order' | 'one-letter' }

/** What the "Create anyway" button posts as `confirmDuplicates`: the records the editor was shown ("person:3 person:7"). */
export function duplicateConfirmation(duplicates: readonly Pick<LikelyDuplicate, 'entity' | 'id'>[]): string {
  return duplicates.map((d) => `${d.entity}:${d.id}`).join(' ')
}

export type ActionState<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; formError?: string; fieldErrors: FieldErrors; values: Record<string, string>; lists?: Record<string, string[]>; conflict?: EditConflict; duplicates?: LikelyDuplicate[] }
  | null

/** What an action's body returns; the wrapper adds the submitted values to failures. */
export type ActionResult<T = undefined> = { ok: true; message: string; data?: T } | { ok: false; formError?: string; fieldErrors?: FieldErrors; conflict?: EditConflict; duplicates?: LikelyDuplicate[] }

/** The submitted text fields of a form, first value of each name (Next's own fields left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string' || key in values) continue
    values[key] = value
  }
  return values
}

/**
 * Every submitted text value of the fields `names` (all fields when none are given),
 * in order: a group of checkboxes posts its name once per ticked box. Only forms that
 * declare list fields get these (safeAction's `listFields`); the others keep receiving
 * formValues' one string per name.
 */
export function formLists(formData: FormData, names?: readonly string[]): Record<string, string[]> {
  const lists: Record<string, string[]> = {}
  for (const name of names ?? []) lists[name] = []
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string' || (names && !names.includes(key))) continue
    ;(lists[key] ??= []).push(value)
  }
  return lists
}

// What a form says when its action could not run at all (components/forms/use-form-action.ts).
export const SITE_UPDATED_MESSAGE = 'Nothing was saved: the site was updated after you opened this page. Your text is still in the form. Copy anything you typed, reload the page, and submit again.'
export const NOT_SENT_MESSAGE = 'Nothing was saved: the server could not be reached or could not answer. Your text is still in the form; try again in a moment.'
