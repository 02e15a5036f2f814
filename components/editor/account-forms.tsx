'use client'
import { useFormAction } from '@/components/forms/use-form-action'
import { changePasswordAction, confirmTotpAction, enableTotpAction, type TotpSetup } from '@/lib/actions/account'
import { ErrorSummary, Field, SubmitButton, SuccessNotice } from '@/components/forms/form-parts'
import { PASSWORD_MIN } from '@/lib/validation/auth'

export function ChangePasswordForm() {
  const [state, action, pending] = useFormAction(changePasswordAction)
  return (
    <form action={action} noValidate aria-labelledby="change-password-title">
      <SuccessNotice state={state} />
      <ErrorSummary state={state} labels={{ currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'New password again' }} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" state={state} />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters. A passphrase of several words is good.`} state={state} />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" state={state} />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  )
}

export function TotpSetupForms() {
  const [setup, enable, enabling] = useFormAction(enableTotpAction)
  const [confirmed, confirm, confirming] = useFormAction(confirmTotpAction)
  const data: TotpSetup | undefined = setup?.ok ? setup.data : undefined
  if (!data) {
    return (
      <form action={enable} noValidate aria-label="Set up two-factor sign-in">
        <ErrorSummary state={setup} labels={{ password: 'Password' }} />
        <Field name="password" label="Your password" type="password" autoComplete="current-password" hint="To confirm it is you." state={setup} />
        <SubmitButton pending={enabling}>Set up two-factor sign-in</SubmitButton>
      </form>
    )
  }
  return (
    <div>
      <SuccessNotice state={setup} />
      <p>In your authenticator app, add an account with this key (time-based, 6 digits, 30 seconds):</p>
      <p className="my-2 break-all rounded bg-stone-100 p-2 font-mono text-lg" data-testid="totp-secret">
        {data.secret}
      </p>
      <p className="text-sm">
        Or open this link on the device with the app:{' '}
        <a href={data.totpURI} className="break-all text-blue-800 underline" data-testid="totp-uri">
          {data.totpURI}
        </a>
      </p>
      <h3 className="mt-4 font-semibold">Backup codes</h3>
      <p className="text-sm">Each works once, if you lose the app. They are shown only now: store them somewhere safe.</p>
      <ul className="my-2 grid max-w-md grid-cols-2 gap-1 font-mono" data-testid="backup-codes">
        {data.backupCodes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <form action={confirm} noValidate aria-label="Confirm two-factor sign-in" className="mt-4">
        <ErrorSummary state={confirmed} labels={{ code: 'Code' }} />
        <Field name="code" label="Code from your app" autoComplete="one-time-code" inputMode="numeric" state={confirmed} />
        <SubmitButton pending={confirming}>Turn on two-factor sign-in</SubmitButton>
      </form>
    </div>
  )
}
