import 'server-only'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { logger } from '@/lib/log/logger.mjs'

// The audit log is append-only: this module is the only writer and it only inserts.
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-in-throttled'
  | 'sign-in-locked'
  | 'sign-out'
  | 'password-change'
  | 'totp-enabled'
  | 'user-create'
  | 'role-change'
  | 'user-ban'
  | 'user-unban'
  | 'sessions-revoked'
  // Every record write (lib/editing/write.ts); the revision holds the details.
  | 'record-create'
  | 'record-update'
  | 'record-delete'
  | 'record-restore'
  | 'record-publish'
  | 'record-unpublish'

export type AuditEntry = {
  action: AuditAction
  actorUserId?: string | null
  targetType?: string | null
  targetId?: string | null
  ip?: string | null
  userAgent?: string | null
  detail?: Record<string, unknown> | null
}

type Writer = PrismaClient | Prisma.TransactionClient

/**
 * Inserts the audit row. On the root client the row is committed when this returns, so
 * the log line goes out too; inside a transaction the caller logs once it has
 * committed (`logAudit`), so that a rolled-back write never reaches the log.
 */
export async function writeAudit(tx: Writer, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      action: entry.action,
      actorUserId: entry.actorUserId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 400) ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    },
    select: { id: true },
  })
  if (tx === db) logAudit(entry)
}

/**
 * The log line for an audited event: what, by whom, on what. Not the address, the
 * user agent or the detail (they stay in the audit table, which only admins read).
 */
export function logAudit(entry: AuditEntry): void {
  logger.info({ event: entry.action, editorId: entry.actorUserId ?? null, target: entry.targetType ? `${entry.targetType}:${entry.targetId ?? ''}` : null }, 'audit')
}
