// The shapes server actions return to their forms. No server imports: client
// components read them through useActionState.

export type FieldErrors = Record<string, string[]>

export type ActionState<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; formError?: string; fieldErrors: FieldErrors; values: Record<string, string> }
  | null

/** What an action's body returns; the wrapper adds the submitted values to failures. */
export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors }
