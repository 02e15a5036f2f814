// lib/auth/totp-replay.ts on a real database: a TOTP code opens one session, not two.
import { describe, expect, it } from 'vitest'
import { claimTotpCode, TOTP_CODE_MEMORY_MS } from '@/lib/auth/totp-replay'
import { db } from '@/lib/db'

describe('claimTotpCode', () => {
  it('lets a code open one session per user, stores no code in clear, and forgets it once it cannot be valid', async () => {
    const t0 = new Date('2026-11-30T12:00:00Z')
    expect(await claimTotpCode(db, 'user-a', '123456', t0)).toBe(true)
    expect(await claimTotpCode(db, 'user-a', '123456', new Date(t0.getTime() + 20_000))).toBe(false)
    // Another user's identical code, and the same user's next code, are their own.
    expect(await claimTotpCode(db, 'user-b', '123456', t0)).toBe(true)
    expect(await claimTotpCode(db, 'user-a', '654321', t0)).toBe(true)
    expect((await db.totpCodeUse.findMany()).every((row) => row.codeHash.length === 64 && !row.codeHash.includes('123456'))).toBe(true)
    // Long after: the old rows are gone, and the code (valid again only by coincidence) passes.
    expect(await claimTotpCode(db, 'user-a', '123456', new Date(t0.getTime() + TOTP_CODE_MEMORY_MS + 1))).toBe(true)
    expect(await db.totpCodeUse.count()).toBe(1)
  })

  it('lets exactly one of simultaneous sign-ins with one code through', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => claimTotpCode(db, 'user-c', '111222')))
    expect(results.filter(Boolean)).toHaveLength(1)
  })
})
