// lib/audit.ts: an audited event reaches the log once, and only once it is committed.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { logAudit, writeAudit } from '@/lib/audit'
import { db, writeTransaction } from '@/lib/db'
import { logger } from '@/lib/log/logger.mjs'

afterEach(() => vi.restoreAllMocks())

describe('audit log lines', () => {
  it('a row written outside a transaction is logged as it is written: what, by whom, on what, and nothing else', async () => {
    const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined)
    await writeAudit(db, { action: 'role-change', actorUserId: 'u1', targetType: 'user', targetId: 'u2', ip: '192.0.2.1', userAgent: 'x', detail: { from: 'editor' } })
    expect(info).toHaveBeenCalledTimes(1)
    expect(info).toHaveBeenCalledWith({ event: 'role-change', editorId: 'u1', target: 'user:u2' }, 'audit')
  })

  it('a row written in a transaction is not logged there (the caller logs after the commit), and a rolled-back one never', async () => {
    const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined)
    await expect(
      writeTransaction(async (tx) => {
        await writeAudit(tx, { action: 'record-update', actorUserId: 'u1', targetType: 'case', targetId: '1' })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(info).not.toHaveBeenCalled()
    expect(await db.auditLog.count({ where: { action: 'record-update' } })).toBe(0)
    logAudit({ action: 'record-update', actorUserId: 'u1', targetType: 'case', targetId: '1' })
    expect(info).toHaveBeenCalledTimes(1)
  })
})
