'use server'
import { randomBytes } from 'node:crypto'
import { APIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { writeAudit } from '@/lib/audit'
import { getAuth } from '@/lib/auth/config'
import { db } from '@/lib/db'
import { CreateUserSchema, SetBannedSchema, SetRoleSchema, UserIdSchema } from '@/lib/validation/auth'
import { safeAction } from './safe-action'

// Admin-only actions. better-auth's admin plugin checks the caller's permissions
// too, but the wrapper's `access: 'admin'` is the check we rely on.

/** 24 characters, 144 bits: shown once to the admin who hands it over. */
function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}

async function targetExists(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, banned: true } })
}

const NO_SUCH_USER = { ok: false as const, formError: 'No such user.' }

export const createUserAction = safeAction({
  access: 'admin',
  schema: CreateUserSchema,
  async run({ email, name, role }, { user, request }) {
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } })
    if (existing) return { ok: false, fieldErrors: { email: ['An account with this email already exists.'] } }
    const password = generatePassword()
    let created
    try {
      ;({ user: created } = await getAuth().api.createUser({ body: { email, name, role, password }, headers: await headers() }))
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      return { ok: false, formError: error.body?.message ?? 'The account could not be created.' }
    }
    await writeAudit(db, { action: 'user-create', actorUserId: user.id, targetType: 'user', targetId: created.id, ...request, detail: { email, role } })
    revalidatePath('/editor/users')
    return { ok: true, message: `Created ${role} ${email}.`, data: { email, password } }
  },
})

export const setRoleAction = safeAction({
  access: 'admin',
  schema: SetRoleSchema,
  async run({ userId, role }, { user, request }) {
    if (userId === user.id) return { ok: false, formError: 'You cannot change your own role. Ask another admin.' }
    const target = await targetExists(userId)
    if (!target) return NO_SUCH_USER
    await getAuth().api.setRole({ body: { userId, role }, headers: await headers() })
    await writeAudit(db, { action: 'role-change', actorUserId: user.id, targetType: 'user', targetId: userId, ...request, detail: { from: target.role, to: role } })
    revalidatePath('/editor/users')
    return { ok: true, message: `${target.email} is now ${role === 'admin' ? 'an admin' : 'an editor'}.` }
  },
})

export const setBannedAction = safeAction({
  access: 'admin',
  schema: SetBannedSchema,
  async run({ userId, banned, reason }, { user, request }) {
    if (userId === user.id) return { ok: false, formError: 'You cannot disable your own account.' }
    const target = await targetExists(userId)
    if (!target) return NO_SUCH_USER
    const h = await headers()
    // banUser also deletes the user's sessions.
    if (banned) await getAuth().api.banUser({ body: { userId, banReason: reason || undefined }, headers: h })
    else await getAuth().api.unbanUser({ body: { userId }, headers: h })
    await writeAudit(db, { action: banned ? 'user-ban' : 'user-unban', actorUserId: user.id, targetType: 'user', targetId: userId, ...request, detail: reason ? { reason } : null })
    revalidatePath('/editor/users')
    return { ok: true, message: banned ? `${target.email} is disabled and signed out.` : `${target.email} can sign in again.` }
  },
})

export const revokeSessionsAction = safeAction({
  access: 'admin',
  schema: UserIdSchema,
  async run({ userId }, { user, request }) {
    const target = await targetExists(userId)
    if (!target) return NO_SUCH_USER
    await getAuth().api.revokeUserSessions({ body: { userId }, headers: await headers() })
    await writeAudit(db, { action: 'sessions-revoked', actorUserId: user.id, targetType: 'user', targetId: userId, ...request })
    revalidatePath('/editor/users')
    return { ok: true, message: `${target.email} was signed out everywhere.` }
  },
})
