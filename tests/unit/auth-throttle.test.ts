// lib/auth/throttle.ts on a real database, with an injected clock.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { checkThrottle, delaySeconds, LOCK_AFTER, LOCK_MINUTES, recordFailure, recordSuccess } from '@/lib/auth/throttle'

const T0 = new Date('2026-01-01T12:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const EMAIL = 'Editor@Example.org'

async function fail(times: number, start = 0, ip: string | null = null) {
  let locked = false
  for (let i = 0; i < times; i++) locked = (await recordFailure(db, EMAIL, ip, at(start + i * 1000))).locked
  return locked
}

describe('delaySeconds', () => {
  it('is free for two failures, then doubles from 1 s up to 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map(delaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60])
  })
})

describe('sign-in throttle', () => {
  it('lets the first attempts through', async () => {
    expect(await checkThrottle(db, EMAIL, null, T0)).toEqual({ ok: true })
    await fail(2)
    expect(await checkThrottle(db, EMAIL, null, at(1001))).toEqual({ ok: true })
  })

  it('delays the attempt after the 3rd failure, and frees it once the delay has passed', async () => {
    await recordFailure(db, EMAIL, null, at(0))
    await recordFailure(db, EMAIL, null, at(1))
    await recordFailure(db, EMAIL, null, at(2))
    expect(await checkThrottle(db, EMAIL, null, at(2))).toEqual({ ok: false, retryAfterSeconds: 1, locked: false })
    expect(await checkThrottle(db, EMAIL, null, at(3))).toEqual({ ok: true })
    await recordFailure(db, EMAIL, null, at(3))
    expect(await checkThrottle(db, EMAIL, null, at(3))).toEqual({ ok: false, retryAfterSeconds: 2, locked: false })
  })

  it('counts the email case-insensitively', async () => {
    await fail(3)
    expect((await checkThrottle(db, 'editor@example.ORG ', null, at(2000))).ok).toBe(false)
  })

  it(`locks for ${LOCK_MINUTES} minutes after ${LOCK_AFTER.email} failures, then starts the count again`, async () => {
    expect(await fail(LOCK_AFTER.email - 1, 0)).toBe(false)
    const last = at(LOCK_AFTER.email * 1000)
    expect((await recordFailure(db, EMAIL, null, last)).locked).toBe(true)
    expect(await checkThrottle(db, EMAIL, null, last)).toEqual({ ok: false, retryAfterSeconds: LOCK_MINUTES * 60, locked: true })
    const almost = new Date(last.getTime() + (LOCK_MINUTES * 60 - 1) * 1000)
    expect(await checkThrottle(db, EMAIL, null, almost)).toMatchObject({ ok: false, locked: true, retryAfterSeconds: 1 })
    const after = new Date(last.getTime() + LOCK_MINUTES * 60_000)
    expect(await checkThrottle(db, EMAIL, null, after)).toEqual({ ok: true })
    // The next failure after the lock counts as the first again: no delay yet.
    await recordFailure(db, EMAIL, null, after)
    expect(await checkThrottle(db, EMAIL, null, after)).toEqual({ ok: true })
    const row = await db.signInThrottle.findUnique({ where: { key: 'email:editor@example.org' } })
    expect(row).toMatchObject({ failures: 1, lockedUntil: null })
  })

  it('a success clears the email count', async () => {
    await fail(5)
    await recordSuccess(db, EMAIL)
    expect(await checkThrottle(db, EMAIL, null, at(5000))).toEqual({ ok: true })
  })

  it('counts per IP only when given one (trusted proxy), across emails', async () => {
    for (let i = 0; i < 3; i++) await recordFailure(db, `user${i}@example.org`, '203.0.113.9', at(i))
    expect(await checkThrottle(db, 'someone-else@example.org', '203.0.113.9', at(2))).toMatchObject({ ok: false, locked: false })
    expect(await checkThrottle(db, 'someone-else@example.org', null, at(2))).toEqual({ ok: true })
    expect(await db.signInThrottle.count({ where: { key: { startsWith: 'ip:' } } })).toBe(1)
  })

  it('never writes an IP key without an IP', async () => {
    await fail(3)
    expect(await db.signInThrottle.count({ where: { key: { startsWith: 'ip:' } } })).toBe(0)
  })
})
