import type { Metadata } from 'next'
import Link from 'next/link'
import { requireEditor } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Editor' }

export default async function EditorHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEditor()
  const { denied } = await searchParams
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Editor</h1>
      {denied === 'admin' && (
        <p role="alert" className="mt-3 rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
          That page is for admins only.
        </p>
      )}
      <h2 className="mt-6 text-lg font-semibold">Records</h2>
      <ul className="mt-2 list-disc pl-5">
        <li>
          <Link href="/editor/sources/new" className="text-blue-800 underline">
            Add a source
          </Link>
          : paste an article’s address and text; then cite it in cases.
        </li>
        <li>
          <Link href="/editor/records/case/new" className="text-blue-800 underline">
            Start a new case
          </Link>{' '}
          (a draft until you publish it), or open one of the{' '}
          <Link href="/editor/records/case" className="text-blue-800 underline">
            cases
          </Link>
          .
        </li>
        <li>
          <Link href="/editor/records/person" className="text-blue-800 underline">
            People
          </Link>
          ,{' '}
          <Link href="/editor/records/organisation" className="text-blue-800 underline">
            organisations
          </Link>
          ,{' '}
          <Link href="/editor/records/provision" className="text-blue-800 underline">
            legal provisions
          </Link>{' '}
          and{' '}
          <Link href="/editor/records/source" className="text-blue-800 underline">
            sources
          </Link>
          .
        </li>
      </ul>
      <p className="mt-3 text-sm text-stone-700">Every change is kept with who made it and why; any earlier version can be restored from a record’s history.</p>
      <h2 className="mt-6 text-lg font-semibold">Account</h2>
      <ul className="mt-2 list-disc pl-5">
        <li>
          <Link href="/editor/account" className="text-blue-800 underline">
            Your account
          </Link>
          : change your password, set up two-factor sign-in.
        </li>
        {user.role === 'admin' && (
          <>
            <li>
              <Link href="/editor/users" className="text-blue-800 underline">
                Users
              </Link>
              : create editor accounts, change roles, disable accounts, sign people out.
            </li>
            <li>
              <Link href="/editor/audit" className="text-blue-800 underline">
                Audit log
              </Link>
              : sign-ins, failed sign-ins and every change to accounts.
            </li>
          </>
        )}
      </ul>
    </div>
  )
}
