import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SignOutButton } from '@/components/editor/sign-in-forms'
import { getCurrentUser } from '@/lib/auth/session'

export const metadata: Metadata = { robots: { index: false } }

// A convenience gate: signed-out visitors go to /sign-in. It is not the security
// boundary: every page's data function and every action checks the session again.
// Only this layout reads cookies, so public pages stay cached (decision 005).
export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser()
  if (!user) redirect('/sign-in')
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded border border-stone-300 bg-white px-4 py-2">
        <nav aria-label="Editor">
          <ul className="flex flex-wrap gap-4 text-sm">
            <li>
              <Link href="/editor" className="text-blue-800 underline-offset-2 hover:underline">
                Editor
              </Link>
            </li>
            <li>
              <Link href="/editor/records/case" className="text-blue-800 underline-offset-2 hover:underline">
                Cases
              </Link>
            </li>
            <li>
              <Link href="/editor/records/source" className="text-blue-800 underline-offset-2 hover:underline">
                Sources
              </Link>
            </li>
            <li>
              <Link href="/editor/records/person" className="text-blue-800 underline-offset-2 hover:underline">
                People
              </Link>
            </li>
            <li>
              <Link href="/editor/records/organisation" className="text-blue-800 underline-offset-2 hover:underline">
                Organisations
              </Link>
            </li>
            <li>
              <Link href="/editor/records/provision" className="text-blue-800 underline-offset-2 hover:underline">
                Provisions
              </Link>
            </li>
            <li>
              <Link href="/editor/account" className="text-blue-800 underline-offset-2 hover:underline">
                Account
              </Link>
            </li>
            {user.role === 'admin' && (
              <>
                <li>
                  <Link href="/editor/users" className="text-blue-800 underline-offset-2 hover:underline">
                    Users
                  </Link>
                </li>
                <li>
                  <Link href="/editor/audit" className="text-blue-800 underline-offset-2 hover:underline">
                    Audit log
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span>
            Signed in as <strong>{user.email}</strong> ({user.role})
          </span>
          <SignOutButton />
        </div>
      </div>
      {children}
    </div>
  )
}
