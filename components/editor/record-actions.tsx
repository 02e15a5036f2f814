'use client'
import { useFormAction } from '@/components/forms/use-form-action'
import { deleteRecordAction, publishCaseAction, restoreRevisionAction } from '@/lib/actions/records'
import type { ActionState } from '@/lib/actions/safe-action-types'
import type { Entity } from '@/lib/validation/records'
import { ConflictPanel } from './conflict-panel'

// Small one-button forms (they work without JavaScript). A refusal shows next to the
// button: a stale version, a record still in use, a lost session.

function Refusal({ state }: { state: ActionState<unknown> }) {
  if (!state || state.ok) return null
  const message = state.formError ?? Object.values(state.fieldErrors).flat().join(' ')
  return (
    <div role="alert" className="mt-1 text-sm font-medium text-red-800">
      {message}
      {state.conflict && <ConflictPanel conflict={state.conflict} />}
    </div>
  )
}

const linkButton = 'text-sm text-red-800 underline underline-offset-2 hover:text-red-950 disabled:opacity-60'

export function DeleteRecordButton({ entity, id, version, label, returnTo }: { entity: Entity; id: number; version: number; label: string; returnTo?: string }) {
  const [state, action, pending] = useFormAction(deleteRecordAction)
  return (
    <form action={action} className="inline">
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <button type="submit" disabled={pending} className={linkButton} aria-label={`Delete ${label}`}>
        Delete
      </button>
      <Refusal state={state} />
    </form>
  )
}

export function PublishCaseButton({ id, version, publish }: { id: number; version: number; publish: boolean }) {
  const [state, action, pending] = useFormAction(publishCaseAction)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="publish" value={String(publish)} />
      <button
        type="submit"
        disabled={pending}
        className={
          publish
            ? 'rounded bg-green-800 px-4 py-2 font-medium text-white hover:bg-green-900 disabled:opacity-60'
            : 'rounded border border-red-800 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60'
        }
      >
        {publish ? 'Publish' : 'Unpublish (withdraw)'}
      </button>
      <Refusal state={state} />
    </form>
  )
}

export function RestoreRevisionButton({ revisionId, label, returnTo, side = 'after' }: { revisionId: number; label: string; returnTo?: string; side?: 'after' | 'before' }) {
  const [state, action, pending] = useFormAction(restoreRevisionAction)
  return (
    <form action={action} className="inline">
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="side" value={side} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <button type="submit" disabled={pending} className="text-sm text-blue-800 underline underline-offset-2 disabled:opacity-60" aria-label={label}>
        {label}
      </button>
      <Refusal state={state} />
    </form>
  )
}
