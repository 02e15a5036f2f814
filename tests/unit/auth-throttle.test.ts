// lib/auth/throttle.ts on a real database, with an injected clock.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { checkThrottle, delaySeconds, FREE_FAILURES, GLOBAL_FAILURES_PER_MINUTE, LOCK_AFTER, LOCK_MINUTES, PASSWORD_CHECK_QUEUE, recordFailure, recordSuccess, withPasswordCheckSlot } from '@/lib/auth/throttle'

const T0 = new Date('2026-01-01T12:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const EMAIL = 'Editor@Example.org'

async function fail(times: number, start = 0, ip: string | null = null) {
  let locked = false
  for (let i = 0; i < times; i++) locked = (await recordFailure(db, EMAIL, ip, at(start + i * 1000))).locked
  return locked
}

describe('delaySeconds', () => {
  it('is free for two failures of an email, then doubles from 1 s up to 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map((n) => delaySeconds(n))).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60])
  })

  it('is free for ten failures from one address', () => {
    expect([10, 11, 12, 13].map((n) => delaySeconds(n, FREE_FAILURES.ip))).toEqual([0, 1, 2, 4])
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

  it("a success clears the email's count and the address's", async () => {
    await fail(5)
    for (let i = 0; i < FREE_FAILURES.ip + 1; i++) await recordFailure(db, `other${i}@example.org`, '203.0.113.9', at(5000))
    await recordSuccess(db, EMAIL, '203.0.113.9')
    expect(await checkThrottle(db, EMAIL, '203.0.113.9', at(5000))).toEqual({ ok: true })
    expect(await db.signInThrottle.count({ where: { key: { in: ['email:editor@example.org', 'ip:203.0.113.9'] } } })).toBe(0)
  })

  it(`counts per client address, across emails, when there is one: ${FREE_FAILURES.ip} free failures, then delays`, async () => {
    for (let i = 0; i < FREE_FAILURES.ip; i++) await recordFailure(db, `user${i}@example.org`, '203.0.113.9', at(i))
    expect(await checkThrottle(db, 'someone-else@example.org', '203.0.113.9', at(FREE_FAILURES.ip))).toEqual({ ok: true })
    await recordFailure(db, 'one-more@example.org', '203.0.113.9', at(FREE_FAILURES.ip))
    expect(await checkThrottle(db, 'someone-else@example.org', '203.0.113.9', at(FREE_FAILURES.ip))).toEqual({ ok: false, retryAfterSeconds: 1, locked: false })
    expect(await checkThrottle(db, 'someone-else@example.org', '203.0.113.10', at(FREE_FAILURES.ip))).toEqual({ ok: true })
    expect(await checkThrottle(db, 'someone-else@example.org', null, at(2))).toEqual({ ok: true })
    expect(await db.signInThrottle.count({ where: { key: { startsWith: 'ip:' } } })).toBe(1)
  })

  it('never writes an IP key without an IP', async () => {
    await fail(3)
    expect(await db.signInThrottle.count({ where: { key: { startsWith: 'ip:' } } })).toBe(0)
  })

  it(`holds every attempt, from any email or address, until the next minute after ${GLOBAL_FAILURES_PER_MINUTE} failures in one`, async () => {
    const minute = new Date('2026-01-01T12:07:00Z')
    const second = (s: number) => new Date(minute.getTime() + s * 1000)
    for (let i = 0; i < GLOBAL_FAILURES_PER_MINUTE - 1; i++) await recordFailure(db, `flood${i}@example.org`, `198.51.100.${i % 250}`, second(i % 50))
    expect(await checkThrottle(db, 'fresh@example.org', '192.0.2.1', second(50))).toEqual({ ok: true })
    await recordFailure(db, 'last@example.org', '192.0.2.200', second(50))
    expect(await checkThrottle(db, 'fresh@example.org', '192.0.2.1', second(50))).toEqual({ ok: false, retryAfterSeconds: 10, locked: false, everyone: true })
    expect(await checkThrottle(db, 'fresh@example.org', null, second(59.5))).toMatchObject({ ok: false, retryAfterSeconds: 1, everyone: true })
    // The next minute starts afresh, and the old minute's count is cleared by its first failure.
    expect(await checkThrottle(db, 'fresh@example.org', '192.0.2.1', second(60))).toEqual({ ok: true })
    await recordFailure(db, 'next@example.org', null, second(61))
    expect(await db.signInThrottle.findMany({ where: { key: { startsWith: 'all:' } }, select: { key: true, failures: true } })).toEqual([{ key: 'all:2026-01-01T12:08', failures: 1 }])
  })
})

describe('withPasswordCheckSlot', () => {
  it('runs one check at a time, in order, and refuses once the queue is full', async () => {
    let running = 0
    let most = 0
    const order: number[] = []
    const release: Array<() => void> = []
    const check = (n: number) => () =>
      new Promise<number>((resolve) => {
        running++
        most = Math.max(most, running)
        order.push(n)
        release.push(() => {
          running--
          resolve(n)
        })
      })
    const first = withPasswordCheckSlot(check(0))
    const queued = Array.from({ length: PASSWORD_CHECK_QUEUE }, (_, i) => withPasswordCheckSlot(check(i + 1)))
    expect(await withPasswordCheckSlot(check(-1))).toBeNull()
    for (let finished = 0; finished < PASSWORD_CHECK_QUEUE + 1;) {
      await new Promise((r) => setTimeout(r, 0))
      const finish = release.shift()
      if (finish) {
        finish()
        finished++
      }
    }
    expect(await first).toBe(0)
    expect(await Promise.all(queued)).toEqual(Array.from({ length: PASSWORD_CHECK_QUEUE }, (_, i) => i + 1))
    expect(most).toBe(1)
    expect(order).toEqual(Array.from({ length: PASSWORD_CHECK_QUEUE + 1 }, (_, i) => i))
    // A check that throws gives its slot back.
    await expect(withPasswordCheckSlot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await withPasswordCheckSlot(async () => 'free')).toBe('free')
  })
})
