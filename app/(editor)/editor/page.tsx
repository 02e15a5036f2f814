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
      <p className="mt-3">
        Forms to add and correct cases, people, organisations, provisions and sources are not built yet: they come in
        the next phase, with a full history of every change. Until then records are changed through the seed.
      </p>
      <h2 className="mt-6 text-lg font-semibold">What you can do now</h2>
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
