import 'server-only'
import path from 'node:path'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { buildAuth, type Auth } from './build'
import { resolveAuthSecret } from './secret'

export type { Auth }

const globalForAuth = globalThis as unknown as { casebookAuth?: Auth }

/** The app's instance, on the one Prisma client (lib/db.ts). Built on first use, so
 *  that `next build` and the public pages never need the secret. */
export function getAuth(): Auth {
  globalForAuth.casebookAuth ??= buildAuth({
    prisma: db,
    secret: resolveAuthSecret({
      fromEnv: env.BETTER_AUTH_SECRET,
      nodeEnv: env.NODE_ENV,
      dataDir: path.join(/* turbopackIgnore: true */ process.cwd(), 'data'),
    }),
    baseURL: env.BETTER_AUTH_URL,
    production: env.NODE_ENV === 'production',
  })
  return globalForAuth.casebookAuth
}
