import 'server-only'
import { requireAdmin } from '@/lib/auth/session'
import { db } from '@/lib/db'

export type UserRow = {
  id: string
  email: string
  name: string
  role: string
  twoFactorEnabled: boolean
  banned: boolean
  lastSignInAt: Date | null
  createdAt: Date
}

/** Every account, for /editor/users. Admins only: checked here, not only by the page. */
export async function listUsers(): Promise<UserRow[]> {
  await requireAdmin()
  const users = await db.user.findMany({
    orderBy: [{ role: 'asc' }, { email: 'asc' }],
    select: { id: true, email: true, name: true, role: true, twoFactorEnabled: true, banned: true, lastSignInAt: true, createdAt: true },
  })
  return users.map((u) => ({ ...u, role: u.role ?? 'none', twoFactorEnabled: Boolean(u.twoFactorEnabled), banned: Boolean(u.banned) }))
}

export type AuditRow = {
  id: number
  at: Date
  action: string
  actorEmail: string | null
  targetType: string | null
  targetId: string | null
  targetEmail: string | null
  ip: string | null
  detail: string | null
}

export const AUDIT_PAGE_SIZE = 50

/** One page of the audit log, newest first. Admins only. */
export async function listAuditLog(page: number): Promise<{ rows: AuditRow[]; total: number; pages: number }> {
  await requireAdmin()
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, action: true, actorUserId: true, targetType: true, targetId: true, ip: true, detail: true },
    }),
    db.auditLog.count(),
  ])
  const ids = [...new Set(rows.flatMap((r) => [r.actorUserId, r.targetType === 'user' ? r.targetId : null]).filter((v): v is string => !!v))]
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : []
  const emailOf = new Map(users.map((u) => [u.id, u.email]))
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actorEmail: r.actorUserId ? (emailOf.get(r.actorUserId) ?? r.actorUserId) : null,
      targetType: r.targetType,
      targetId: r.targetId,
      targetEmail: r.targetType === 'user' && r.targetId ? (emailOf.get(r.targetId) ?? null) : null,
      ip: r.ip,
      detail: r.detail,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  }
}
