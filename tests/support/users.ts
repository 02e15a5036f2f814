// Accounts for tests, made through better-auth's own API (so the password hash, the
// credential account and the role are exactly what the app makes), on whatever
// Prisma client the test gives: the unit tests' database or the e2e one.
import { buildAuth, type Auth } from '@/lib/auth/build'
import type { Role } from '@/lib/auth/roles'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { uniqueToken } from './factories'

const authByClient = new WeakMap<PrismaClient, Auth>()

/**
 * better-auth on the test's database. The secret must be the server's for anything
 * the server later decrypts (TOTP secrets): playwright.config.ts shares one per run
 * as E2E_AUTH_SECRET. Creating users alone needs none.
 */
export function testAuth(prisma: PrismaClient): Auth {
  let auth = authByClient.get(prisma)
  if (!auth) {
    const secret = process.env.E2E_AUTH_SECRET ?? 'unit-test-secret-that-signs-nothing-the-app-reads'
    auth = buildAuth({ prisma, secret, baseURL: 'http://127.0.0.1', production: false })
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

/** Turns on TOTP for a user as the account page would, and returns the TOTP secret. */
export async function enrolTotp(prisma: PrismaClient, user: TestUser, codeFor: (secret: string) => string): Promise<string> {
  const auth = testAuth(prisma)
  const signedIn = await auth.api.signInEmail({ body: { email: user.email, password: user.password }, returnHeaders: true })
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const headers = new Headers({ cookie })
  const enabled = await auth.api.enableTwoFactor({ body: { password: user.password }, headers })
  if (enabled.method !== 'totp') throw new Error('TOTP was not offered')
  const secret = new URL(enabled.totpURI).searchParams.get('secret')
  if (!secret) throw new Error('No secret in the otpauth URI')
  await auth.api.verifyTOTP({ body: { code: codeFor(secret) }, headers })
  await prisma.session.deleteMany({ where: { userId: user.id } })
  return secret
}
