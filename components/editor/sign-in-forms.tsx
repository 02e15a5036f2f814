'use client'
import { useFormAction } from '@/components/forms/use-form-action'
import { signInAction, signOutAction, verifySignInTotpAction } from '@/lib/actions/auth'
import { ErrorSummary, Field, SubmitButton } from '@/components/forms/form-parts'

export function SignInForm() {
  const [state, action, pending] = useFormAction(signInAction)
  return (
    <form action={action} noValidate aria-label="Sign in">
      <ErrorSummary state={state} labels={{ email: 'Email', password: 'Password' }} />
      <Field name="email" label="Email" type="email" autoComplete="username" state={state} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" state={state} />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
    </form>
  )
}

export function TotpSignInForm() {
  const [state, action, pending] = useFormAction(verifySignInTotpAction)
  return (
    <form action={action} noValidate aria-label="Two-factor step">
      <ErrorSummary state={state} labels={{ code: 'Code' }} />
      <Field name="code" label="Code" hint="The 6-digit code from your authenticator app, or one of your backup codes." autoComplete="one-time-code" inputMode="numeric" state={state} />
      <SubmitButton pending={pending}>Continue</SubmitButton>
    </form>
  )
}

export function SignOutButton() {
  const [, action, pending] = useFormAction(signOutAction)
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-blue-800 underline underline-offset-2 hover:text-blue-950">
        Sign out
      </button>
    </form>
  )
}
