// The better-auth instance, built from explicit inputs: lib/auth/config.ts builds the
// app's from lib/db.ts and lib/env.ts; tests build one on their own database.
//
// better-auth is used only through auth.api.* from server actions and server
// components: no /api/auth route is mounted, so none of its HTTP endpoints exist
// (docs/decisions/007-authentication.md).
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { admin, twoFactor } from 'better-auth/plugins'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/validation/auth'
import { ac, roles } from './roles'

export type AuthInputs = { prisma: PrismaClient; secret: string; baseURL: string; production: boolean }

export function buildAuth({ prisma, secret, baseURL, production }: AuthInputs) {
  return betterAuth({
    appName: 'Casebook',
    baseURL,
    secret,
    database: prismaAdapter(prisma, { provider: 'sqlite' }),
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
      useSecureCookies: production,
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

export type Auth = ReturnType<typeof buildAuth>
