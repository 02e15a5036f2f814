'use client'
import { unstable_isUnrecognizedActionError, unstable_rethrow } from 'next/navigation'
import { useActionState, useCallback, useSyncExternalStore } from 'react'
import { formLists, formValues, type ActionState } from '@/lib/actions/safe-action-types'

export const SITE_UPDATED_MESSAGE = 'Nothing was saved: the site was updated after you opened this page. Your text is still in the form. Copy anything you typed, reload the page, and submit again.'
export const NOT_SENT_MESSAGE = 'Nothing was saved: the server could not be reached or could not answer. Your text is still in the form; try again in a moment.'

const noSubscription = () => () => {}

/**
 * useActionState for a server-action form, which keeps what the editor typed when the
 * action cannot run: after a deploy that removed or renamed it (Next.js answers that
 * it does not know the action), or when the request fails. The form then shows a
 * message and re-renders with its values (every ticked box included: `lists`), instead of an error page that loses them.
 *
 * Until hydration the server action itself is the form's action, so the form still
 * posts without JavaScript; the guard takes over once React runs in the browser.
 */
export function useFormAction<T>(action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>, initialState: ActionState<T> = null) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const guarded = useCallback(
    async (state: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
      try {
        return await action(state, formData)
      } catch (error) {
        // A redirect or a not-found from the action is the router's to handle.
        unstable_rethrow(error)
        return { ok: false, formError: unstable_isUnrecognizedActionError(error) ? SITE_UPDATED_MESSAGE : NOT_SENT_MESSAGE, fieldErrors: {}, values: formValues(formData), lists: formLists(formData) }
      }
    },
    [action],
  )
  return useActionState(hydrated ? guarded : action, initialState)
}
