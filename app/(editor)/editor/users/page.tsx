import type { Metadata } from 'next'
import { CreateUserForm, UserRowActions } from '@/components/editor/user-admin-forms'
import { UtcDate } from '@/components/ui/utc-date'
import { requireAdmin } from '@/lib/auth/session'
import { listUsers } from '@/lib/data/users'

export const metadata: Metadata = { title: 'Users' }

export default async function UsersPage() {
  const me = await requireAdmin()
  const users = await listUsers()
  return (
    <div>
      <h1 className="text-2xl font-bold">Users</h1>
      <table className="mt-4 w-full border-collapse text-left text-sm">
        <caption className="sr-only">Accounts</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-3">
              Email
            </th>
            <th scope="col" className="py-2 pr-3">
              Role
            </th>
            <th scope="col" className="py-2 pr-3">
              Two-factor
            </th>
            <th scope="col" className="py-2 pr-3">
              Last sign-in
            </th>
            <th scope="col" className="py-2 pr-3">
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-stone-200 align-top" data-testid={`user-${u.email}`}>
              <td className="py-2 pr-3">
                {u.email}
                <br />
                <span className="text-stone-600">{u.name}</span>
                {u.banned && <strong className="ml-1 text-red-800">(disabled)</strong>}
              </td>
              <td className="py-2 pr-3">{u.role}</td>
              <td className="py-2 pr-3">{u.twoFactorEnabled ? 'On' : 'Off'}</td>
              <td className="py-2 pr-3">{u.lastSignInAt ? <UtcDate date={u.lastSignInAt} withTime /> : 'Never'}</td>
              <td className="py-2 pr-3">
                <UserRowActions userId={u.id} email={u.email} role={u.role} banned={u.banned} isSelf={u.id === me.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="create-user-title" className="mt-8 max-w-xl">
        <h2 id="create-user-title" className="text-lg font-semibold">
          Create an account
        </h2>
        <p className="mb-3 text-sm text-stone-700">A one-time password is generated and shown once.</p>
        <CreateUserForm />
      </section>
    </div>
  )
}
