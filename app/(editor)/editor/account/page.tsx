import type { Metadata } from 'next'
import { ChangePasswordForm, TotpSetupForms } from '@/components/editor/account-forms'
import { mustSetUpTotp, requireEditor } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Your account' }

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEditor({ allowPendingTotp: true })
  const { totp, password } = await searchParams
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Your account</h1>
      {totp === 'on' && user.twoFactorEnabled && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Two-factor sign-in is on. You will be asked for a code at every sign-in.
        </p>
      )}
      {password === 'changed' && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Password changed. You were signed out everywhere else.
        </p>
      )}
      {mustSetUpTotp(user) && (
        <p role="alert" className="mt-3 rounded border-2 border-amber-700 bg-amber-50 p-3">
          Admins must use two-factor sign-in. Set it up below before using the rest of the editor.
        </p>
      )}
      <section aria-labelledby="totp-title" className="mt-6">
        <h2 id="totp-title" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        {user.twoFactorEnabled ? (
          <p className="mt-2">On: you are asked for a code from your app at every sign-in.</p>
        ) : (
          <div className="mt-2">
            <TotpSetupForms />
          </div>
        )}
      </section>
      <section aria-labelledby="change-password-title" className="mt-8">
        <h2 id="change-password-title" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="mb-3 text-sm text-stone-700">Changing it signs you out on every other device.</p>
        <ChangePasswordForm />
      </section>
    </div>
  )
}
