// lib/db.ts's writeTransaction: the write lock from the first statement, and reads on
// `db` that never see a transaction's uncommitted rows (decision 016).
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { db, writeTransaction } from '@/lib/db'
import { sqlitePathFromUrl } from '@/lib/db/sqlite-url'

const file = () => sqlitePathFromUrl(process.env.DATABASE_URL!)

describe('writeTransaction', () => {
  it('holds the write lock before the body reads anything, so a read-then-write cannot fail on a newer snapshot', async () => {
    const other = new Database(file(), { timeout: 0 })
    try {
      await writeTransaction(async (tx) => {
        // Another connection cannot commit in between: the lock is already held.
        expect(() => other.prepare(`INSERT INTO "SignInThrottle" (key, failures, lastFailure) VALUES ('other', 1, 0)`).run()).toThrow(/SQLITE_BUSY|database is locked/)
        const before = await tx.signInThrottle.count()
        await tx.signInThrottle.create({ data: { key: 'mine', failures: 1, lastFailure: new Date() } })
        expect(await tx.signInThrottle.count()).toBe(before + 1)
      })
      other.prepare(`INSERT INTO "SignInThrottle" (key, failures, lastFailure) VALUES ('other', 1, 0)`).run()
      expect((await db.signInThrottle.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((r) => r.key)).toEqual(['mine', 'other'])
    } finally {
      other.close()
    }
  })

  it('a read on db while a transaction is open sees only what was committed', async () => {
    let seenDuring = -1
    await expect(
      writeTransaction(async (tx) => {
        await tx.signInThrottle.create({ data: { key: 'uncommitted', failures: 1, lastFailure: new Date() } })
        seenDuring = await db.signInThrottle.count({ where: { key: 'uncommitted' } })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(seenDuring).toBe(0)
    expect(await db.signInThrottle.count({ where: { key: 'uncommitted' } })).toBe(0)
  })
})
