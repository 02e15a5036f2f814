import 'server-only'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { APIError } from 'better-auth/api'
import { writeAudit } from '@/lib/audit'
import { db } from '@/lib/db'
import { passwordProblem } from '@/lib/validation/auth'
import { getAuth } from './config'
import { isRole, type Role } from './roles'

// The logic behind `npm run user:create` (scripts/user-create.ts), kept here so that
// tests can run it on a real database.

export const USER_CREATE_USAGE = 'Usage: npm run user:create -- --email you@example.org --role admin|editor [--name NAME] [--generate]'

export type UserCreateArgs = { email: string; role: Role; name: string; generate: boolean }

export function parseUserCreateArgs(argv: string[]): { ok: true; args: UserCreateArgs } | { ok: false; error: string } {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, generate: { type: 'boolean', default: false } },
      strict: true,
    }))
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
  const email = values.email?.trim().toLowerCase()
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return { ok: false, error: '--email is required and must be an email address.' }
  if (!isRole(values.role)) return { ok: false, error: '--role is required: admin or editor.' }
  const name = values.name?.trim() || email.split('@')[0]!
  return { ok: true, args: { email, role: values.role, name, generate: values.generate ?? false } }
}

/** 24 characters from 18 random bytes (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}

export async function createUserAccount(input: { email: string; role: Role; name: string; password: string }): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  const problem = passwordProblem(input.password)
  if (problem) return { ok: false, error: `Password refused: ${problem}` }
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) return { ok: false, error: `An account with the email ${input.email} already exists.` }
  try {
    // No headers: admin.createUser skips its session check, as a command run on the
    // server should. It does not check the password length: passwordProblem above does.
    const { user } = await getAuth().api.createUser({ body: { email: input.email, password: input.password, name: input.name, role: input.role } })
    await writeAudit(db, { action: 'user-create', targetType: 'user', targetId: user.id, detail: { email: input.email, role: input.role, via: 'npm run user:create' } })
    return { ok: true, id: user.id }
  } catch (error) {
    if (error instanceof APIError) return { ok: false, error: `Could not create the user: ${error.body?.message ?? error.message}` }
    throw error
  }
}
