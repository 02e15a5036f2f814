// The shapes server actions return to their forms. No server imports: client
// components read them through useActionState.

export type FieldErrors = Record<string, string[]>

/** A save refused because someone saved the record first: what they changed. */
export type EditConflict = {
  currentVersion: number
  changes: { field: string; label: string; before: string; after: string }[]
  by: { at: string; actorEmail: string; action: string; summary: string }[]
}

export type ActionState<T = undefined> = { ok: true; message: string; data?: T } | { ok: false; formError?: string; fieldErrors: FieldErrors; values: Record<string, string>; conflict?: EditConflict } | null

/** What an action's body returns; the wrapper adds the submitted values to failures. */
export type ActionResult<T = undefined> = { ok: true; message: string; data?: T } | { ok: false; formError?: string; fieldErrors?: FieldErrors; conflict?: EditConflict }
