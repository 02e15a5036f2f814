import 'server-only'
import path from 'node:path'
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { admin, twoFactor } from 'better-auth/plugins'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/validation/auth'
import { ac, roles } from './roles'
import { resolveAuthSecret } from './secret'

// better-auth is used only through auth.api.* from server actions and server
// components: no /api/auth route is mounted, so none of its HTTP endpoints exist
// (docs/decisions/007-authentication.md).
function createAuth() {
  return betterAuth({
    appName: 'Casebook',
    baseURL: env.BETTER_AUTH_URL,
    secret: resolveAuthSecret({
      fromEnv: env.BETTER_AUTH_SECRET,
      nodeEnv: env.NODE_ENV,
      dataDir: path.join(/* turbopackIgnore: true */ process.cwd(), 'data'),
    }),
    // The app's one Prisma client (lib/db.ts), not a second connection.
    database: prismaAdapter(db, { provider: 'sqlite' }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true, // accounts are made by admins and `npm run user:create`
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No cookieCache: every getSession reads the database, so a revoked session is dead at once.
    },
    user: { deleteUser: { enabled: false } },
    // Its limiter only guards the HTTP handler we do not mount: lib/auth/throttle.ts instead.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      // HttpOnly and SameSite=Lax always; Secure and the __Secure- prefix in production.
      useSecureCookies: env.NODE_ENV === 'production',
      cookiePrefix: 'casebook',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    plugins: [
      twoFactor({ issuer: 'Casebook', totpOptions: { digits: 6, period: 30 } }),
      admin({ defaultRole: 'editor', adminRoles: ['admin'], ac, roles }),
      nextCookies(), // must stay last: it writes the cookies auth.api sets from server actions
    ],
  })
}

export type Auth = ReturnType<typeof createAuth>

const globalForAuth = globalThis as unknown as { casebookAuth?: Auth }

/** Built on first use, so that `next build` and public pages never need the secret. */
export function getAuth(): Auth {
  globalForAuth.casebookAuth ??= createAuth()
  return globalForAuth.casebookAuth
}
