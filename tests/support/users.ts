// Accounts for tests, made through better-auth's own API (so the password hash, the
// credential account and the role are exactly what the app makes), on whatever
// Prisma client the test gives: the unit tests' database or the e2e one.
import { buildAuth, type Auth } from '@/lib/auth/build'
import type { Role } from '@/lib/auth/roles'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { uniqueToken } from './factories'

const authByClient = new WeakMap<PrismaClient, Auth>()

export function testAuth(prisma: PrismaClient): Auth {
  let auth = authByClient.get(prisma)
  if (!auth) {
    // Creating users needs no secret shared with the server: nothing here is signed.
    auth = buildAuth({ prisma, secret: 'test-only-secret-not-used-for-anything-0123456789', baseURL: 'http://127.0.0.1', production: false })
    authByClient.set(prisma, auth)
  }
  return auth
}

export type TestUser = { id: string; email: string; password: string; role: Role }

export async function createUser(prisma: PrismaClient, opts: { role?: Role; email?: string; password?: string } = {}): Promise<TestUser> {
  const role = opts.role ?? 'editor'
  const email = opts.email ?? `${role}-${uniqueToken()}@example.org`
  const password = opts.password ?? `pw-${uniqueToken()}-${uniqueToken()}`
  const { user } = await testAuth(prisma).api.createUser({ body: { email, password, name: `Test ${role}`, role } })
  return { id: user.id, email, password, role }
}
