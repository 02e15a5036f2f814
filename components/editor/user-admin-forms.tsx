'use client'
import { useFormAction } from '@/components/forms/use-form-action'
import { createUserAction, revokeSessionsAction, setBannedAction, setRoleAction } from '@/lib/actions/users'
import { ErrorSummary, Field, SubmitButton, SuccessNotice, errorsFor, valueFor } from '@/components/forms/form-parts'

export function CreateUserForm() {
  const [state, action, pending] = useFormAction(createUserAction)
  const role = valueFor(state, 'role', 'editor')
  const roleErrors = errorsFor(state, 'role')
  return (
    <form action={action} noValidate aria-labelledby="create-user-title">
      <ErrorSummary state={state} labels={{ email: 'Email', name: 'Name', role: 'Role' }} />
      {state?.ok && state.data && (
        <div role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          <p>{state.message}</p>
          <p className="mt-1">
            One-time password (shown only now; give it to them privately and ask them to change it):{' '}
            <code className="rounded bg-white px-1 font-mono" data-testid="one-time-password">
              {state.data.password}
            </code>
          </p>
        </div>
      )}
      <Field name="email" label="Email" type="email" autoComplete="off" state={state} />
      <Field name="name" label="Name" autoComplete="off" state={state} />
      <div className="mb-4">
        <label htmlFor="field-role" className="block font-medium">
          Role
        </label>
        {roleErrors.length > 0 && (
          <p id="field-role-error" className="text-sm font-medium text-red-800">
            {roleErrors.join(' ')}
          </p>
        )}
        <select id="field-role" name="role" defaultValue={role} key={role} aria-describedby={roleErrors.length ? 'field-role-error' : undefined} className="mt-1 rounded border border-stone-400 px-2 py-1.5">
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <SubmitButton pending={pending}>Create account</SubmitButton>
    </form>
  )
}

function InlineResult({ state }: { state: Parameters<typeof ErrorSummary>[0]['state'] }) {
  if (!state) return null
  if (state.ok) return <SuccessNotice state={state} />
  return (
    <p role="alert" className="text-sm font-medium text-red-800">
      {state.formError ?? Object.values(state.fieldErrors).flat().join(' ')}
    </p>
  )
}

export function UserRowActions({ userId, email, role, banned, isSelf }: { userId: string; email: string; role: string; banned: boolean; isSelf: boolean }) {
  const [roleState, roleAction, rolePending] = useFormAction(setRoleAction)
  const [banState, banAction, banPending] = useFormAction(setBannedAction)
  const [revokeState, revokeAction, revokePending] = useFormAction(revokeSessionsAction)
  const otherRole = role === 'admin' ? 'editor' : 'admin'
  return (
    <div className="flex flex-col gap-1 text-sm">
      {!isSelf && (
        <form action={roleAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="role" value={otherRole} />
          <button type="submit" disabled={rolePending} className="text-blue-800 underline" aria-label={`Make ${email} ${otherRole === 'admin' ? 'an admin' : 'an editor'}`}>
            Make {otherRole}
          </button>
        </form>
      )}
      {!isSelf && (
        <form action={banAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="banned" value={banned ? 'false' : 'true'} />
          <button type="submit" disabled={banPending} className="text-blue-800 underline" aria-label={`${banned ? 'Enable' : 'Disable'} ${email}`}>
            {banned ? 'Enable account' : 'Disable account'}
          </button>
        </form>
      )}
      <form action={revokeAction}>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" disabled={revokePending} className="text-blue-800 underline" aria-label={`Sign ${email} out everywhere`}>
          Sign out everywhere
        </button>
      </form>
      <InlineResult state={roleState} />
      <InlineResult state={banState} />
      <InlineResult state={revokeState} />
    </div>
  )
}
