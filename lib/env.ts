import 'server-only'
import { z } from 'zod'
import { DEFAULT_DATABASE_URL } from '@/lib/db/client'

// The only reader of process.env in the app: parsed once, typed, fails fast.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .startsWith('file:', 'DATABASE_URL must be a SQLite "file:" URL, e.g. file:./data/casebook.db')
    .default(DEFAULT_DATABASE_URL),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
})

export const env = EnvSchema.parse(process.env)
