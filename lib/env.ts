import 'server-only'
import { z } from '@/lib/validation/zod'
import { DEFAULT_DATABASE_URL } from '@/lib/db/client'

// The only reader of process.env in the app: parsed once, typed, fails fast.
const EnvSchema = z.object({
  DATABASE_URL: z.string().startsWith('file:', 'DATABASE_URL must be a SQLite "file:" URL, e.g. file:./data/casebook.db').default(DEFAULT_DATABASE_URL),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Signs session cookies and encrypts TOTP secrets: keep it stable, keep it secret.
  // Required in production; elsewhere one is generated into data/auth-secret
  // (lib/auth/secret.ts). Empty counts as unset.
  BETTER_AUTH_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional()),
  // The site's public address; better-auth wants one (no effect on our action-only use).
  BETTER_AUTH_URL: z.url().default('http://localhost:3000'),
})

export const env = EnvSchema.parse(process.env)
