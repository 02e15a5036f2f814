// Session cookies for the attack specs without a browser: better-auth's own sign-in
// (tests/support/users.ts's instance, on the e2e database and with the server's
// secret), so the session row and the signed cookie value are exactly what the app
// makes. Only the cookie's name differs: the test instance runs without the
// production `__Secure-` prefix, which the server expects, so it is renamed.
// Sign-in through the form is covered by editor-auth.spec.ts; the attack specs need
// many identities fast.
import type { BrowserContext } from '@playwright/test'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { enrolTotp, testAuth, type TestUser } from '../../support/users'
import { totp } from './totp'

export const SESSION_COOKIE = '__Secure-casebook.session_token'

function cookiesOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ')
}

function sessionValue(headers: Headers): string {
  for (const cookie of headers.getSetCookie()) {
    const pair = cookie.split(';')[0]!
    const eq = pair.indexOf('=')
    if (pair.slice(0, eq).endsWith('session_token') && pair.slice(eq + 1)) return pair.slice(eq + 1)
  }
  throw new Error('better-auth set no session cookie')
}

/** The (URL-encoded, signed) value of a new session cookie for `user`, who has no second factor. */
export async function signedInCookieValue(db: PrismaClient, user: TestUser): Promise<string> {
  const signedIn = await testAuth(db).api.signInEmail({ body: { email: user.email, password: user.password }, returnHeaders: true })
  return sessionValue(signedIn.headers)
}

/** An admin with TOTP turned on, signed in with a code: the session cookie's value. */
export async function adminWithTotpCookieValue(db: PrismaClient, admin: TestUser): Promise<string> {
  const secret = await enrolTotp(db, admin, (s) => totp(s))
  const auth = testAuth(db)
  const first = await auth.api.signInEmail({ body: { email: admin.email, password: admin.password }, returnHeaders: true })
  // The same 30-second code enrolTotp just used: better-auth accepts it again (the app's
  // own replay guard is in its server action, not here); the next window's code if not.
  const headers = new Headers({ cookie: cookiesOf(first.headers) })
  const verified = await auth.api
    .verifyTOTP({ body: { code: totp(secret) }, headers, returnHeaders: true })
    .catch(() => auth.api.verifyTOTP({ body: { code: totp(secret, { at: Date.now() + 30_000 }) }, headers, returnHeaders: true }))
  return sessionValue(verified.headers)
}

/** A `Cookie:` header carrying this session cookie value. */
export const cookieHeader = (value: string) => `${SESSION_COOKIE}=${value}`

/** Puts the session cookie into a browser context (for 127.0.0.1, the e2e baseURL's host). */
export async function addSessionCookie(context: BrowserContext, baseURL: string, value: string): Promise<void> {
  await context.addCookies([{ name: SESSION_COOKIE, value, domain: new URL(baseURL).hostname, path: '/', httpOnly: true, secure: true, sameSite: 'Lax' }])
}
