import 'server-only'
import { redirect } from 'next/navigation'
import type { z } from 'zod'
import { formLists, formValues, type ActionResult, type ActionState, type FieldErrors } from './safe-action-types'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { getCurrentUser, getRequestInfo, mustSetUpTotp, TOTP_SETUP_PATH, type CurrentUser, type RequestInfo } from '@/lib/auth/session'

// The one wrapper every server action goes through. In order, before the action's
// own code runs: (1) who is asking — checked here, from the session in the database,
// never trusted from a layout or proxy.ts (anyone can POST to any action);
// (2) the FormData parsed with the form's zod schema. Bad input comes back as
// { ok: false, fieldErrors, values } for the form to re-render with the input kept
// (useActionState, also with JavaScript off): never a thrown 500.

export type { ActionResult, ActionState, FieldErrors }
export { fieldErrorsOf, formLists, formValues }

/**
 * public: anyone (sign-in); the user may be null.
 * account: any signed-in user, including an admin still to set up TOTP.
 * editor: editors and admins (admins with TOTP).
 * admin: admins with TOTP.
 */
export type Access = 'public' | 'account' | 'editor' | 'admin'

export type ActionContext<A extends Access> = {
  user: A extends 'public' ? CurrentUser | null : CurrentUser
  request: RequestInfo
}

export type SafeActionDeps = {
  getUser: () => Promise<CurrentUser | null>
  getRequest: () => Promise<RequestInfo>
}

// Never echoed back into a re-rendered form.
const SECRET_FIELD = /password|code|secret/i

function keptValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)))
}

export const FORBIDDEN_MESSAGE = 'Only an admin can do this. Nothing was changed.'

export function createSafeAction(deps: SafeActionDeps) {
  return function safeAction<A extends Access, S extends z.ZodType, T = undefined>(options: {
    access: A
    schema: S
    /** Record forms hold no secrets: keep every value (a provision's "code" is not a TOTP code). */
    keepAllValues?: boolean
    /**
     * Fields posted once per ticked checkbox: the schema gets each as an array of every
     * value (none ticked: []), and a refused input comes back with them in `lists`.
     * Every other field is one string, the first value posted, as for any form.
     */
    listFields?: readonly string[]
    run: (input: z.output<S>, ctx: ActionContext<A>) => Promise<ActionResult<T>>
  }) {
    return async function action(_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> {
      const user = await deps.getUser()
      if (options.access !== 'public') {
        if (!user) redirect('/sign-in')
        if (options.access !== 'account' && mustSetUpTotp(user)) redirect(TOTP_SETUP_PATH)
        if (options.access === 'admin' && user.role !== 'admin') {
          return { ok: false, formError: FORBIDDEN_MESSAGE, fieldErrors: {}, values: {} }
        }
      }
      const values = formData instanceof FormData ? formValues(formData) : {}
      const listFields = options.listFields ?? []
      const lists = listFields.length ? formLists(formData instanceof FormData ? formData : new FormData(), listFields) : null
      for (const name of listFields) delete values[name]
      const kept = () => ({ values: options.keepAllValues ? values : keptValues(values), ...(lists ? { lists } : {}) })
      const parsed = options.schema.safeParse(lists ? { ...values, ...lists } : values)
      if (!parsed.success) {
        return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), ...kept() }
      }
      const ctx = { user, request: await deps.getRequest() } as ActionContext<A>
      const result = await options.run(parsed.data, ctx)
      if (result.ok) return result
      return {
        ok: false,
        formError: result.formError,
        fieldErrors: result.fieldErrors ?? {},
        ...kept(),
        ...(result.conflict ? { conflict: result.conflict } : {}),
        ...(result.duplicates ? { duplicates: result.duplicates } : {}),
      }
    }
  }
}

export const safeAction = createSafeAction({ getUser: getCurrentUser, getRequest: getRequestInfo })
