import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm, TotpSignInForm } from '@/components/editor/sign-in-forms'
import { getCurrentUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams
  if (await getCurrentUser()) redirect('/editor')
  const totpStep = params.step === 'totp'
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{totpStep ? 'Enter your code' : 'Sign in'}</h1>
      <p className="mb-4 mt-1 text-stone-700">{totpStep ? 'Your account uses two-factor sign-in.' : 'For Casebook editors. Accounts are created by an admin; there is no public sign-up.'}</p>
      {params['signed-out'] === '1' && !totpStep && (
        <p role="status" className="mb-4 rounded border border-stone-300 bg-white p-3">
          You are signed out.
        </p>
      )}
      {totpStep ? <TotpSignInForm /> : <SignInForm />}
      {totpStep && (
        <p className="mt-4 text-sm">
          <a href="/sign-in" className="text-blue-800 underline">
            Start again
          </a>
        </p>
      )}
    </div>
  )
}
