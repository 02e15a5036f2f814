import 'server-only'
// Sign-in throttle. better-auth's rateLimit only guards its HTTP handler, not the
// auth.api calls our server actions make, so the sign-in action keeps its own counts,
// in the database (so every app server shares them):
// - per email and per client address (the socket's, or a trusted proxy's; see
//   lib/http/client-address.mjs): the first FREE_FAILURES failures cost nothing; after
//   them the next attempt must wait 1, 2, 4, … s (at most 60 s) and is refused
//   unchecked until then, even with the right password; at LOCK_AFTER failures:
//   refused for LOCK_MINUTES. An address is allowed more (several editors may share
//   one office's address). A success clears the email's and the address's counts.
// - for everyone: after GLOBAL_FAILURES_PER_MINUTE failures in a calendar minute, every
//   attempt waits for the next minute (a flood from many addresses).
// - per process: one password check at a time (PASSWORD_CHECKS_AT_ONCE), at most
//   PASSWORD_CHECK_QUEUE waiting; hashing is CPU work on the main thread, and a burst of
//   sign-ins must not take the cores from readers.
// Anyone can lock a known email out for 15 minutes, or everyone for a minute: accepted
// (decision 007).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export const LOCK_AFTER = { email: 10, ip: 50 } as const
export const FREE_FAILURES = { email: 2, ip: 10 } as const
export const LOCK_MINUTES = 15
export const GLOBAL_FAILURES_PER_MINUTE = 60
export const PASSWORD_CHECKS_AT_ONCE = 1
export const PASSWORD_CHECK_QUEUE = 20
const MAX_DELAY_S = 60

type Db = PrismaClient | Prisma.TransactionClient

/** `everyone`: the site-wide limit, not this email's or address's. */
export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; locked: boolean; everyone?: true }

export function throttleKeys(email: string, ip: string | null) {
  return [
    { key: `email:${email.trim().toLowerCase()}`, lockAfter: LOCK_AFTER.email, freeFailures: FREE_FAILURES.email },
    ...(ip ? [{ key: `ip:${ip}`, lockAfter: LOCK_AFTER.ip, freeFailures: FREE_FAILURES.ip }] : []),
  ]
}

/** Seconds the next attempt must wait after `failures` consecutive failures. */
export function delaySeconds(failures: number, freeFailures: number = FREE_FAILURES.email): number {
  if (failures <= freeFailures) return 0
  return Math.min(2 ** (failures - freeFailures - 1), MAX_DELAY_S)
}

/** The key counting this calendar minute's failures, site-wide. */
export function globalKey(now: Date): string {
  return `all:${now.toISOString().slice(0, 16)}`
}

/** Before checking a password: may this attempt go ahead? */
export async function checkThrottle(db: Db, email: string, ip: string | null, now: Date): Promise<ThrottleVerdict> {
  const everyone = await db.signInThrottle.findUnique({ where: { key: globalKey(now) }, select: { failures: true } })
  if (everyone && everyone.failures >= GLOBAL_FAILURES_PER_MINUTE) {
    const nextMinute = Math.floor(now.getTime() / 60_000 + 1) * 60_000
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((nextMinute - now.getTime()) / 1000)), locked: false, everyone: true }
  }
  const keys = throttleKeys(email, ip)
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) } },
    select: { key: true, failures: true, lastFailure: true, lockedUntil: true },
  })
  let worst: ThrottleVerdict = { ok: true }
  for (const row of rows) {
    let wait = 0
    let locked = false
    if (row.lockedUntil && row.lockedUntil > now) {
      wait = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000)
      locked = true
    } else if (!row.lockedUntil) {
      const freeFailures = keys.find((k) => k.key === row.key)!.freeFailures
      const until = row.lastFailure.getTime() + delaySeconds(row.failures, freeFailures) * 1000
      if (until > now.getTime()) wait = Math.ceil((until - now.getTime()) / 1000)
    }
    if (wait <= 0) continue
    // A lock outranks a delay; between two of a kind the longer wait wins.
    const worse = worst.ok || (locked && !worst.locked) || (locked === worst.locked && wait > worst.retryAfterSeconds)
    if (worse) worst = { ok: false, retryAfterSeconds: wait, locked }
  }
  return worst
}

/** After a failed password check. Returns true when this failure locked the email. */
export async function recordFailure(db: Db, email: string, ip: string | null, now: Date): Promise<{ locked: boolean }> {
  let lockedEmail = false
  for (const { key, lockAfter } of throttleKeys(email, ip)) {
    const existing = await db.signInThrottle.findUnique({ where: { key }, select: { failures: true, lockedUntil: true } })
    // A lock that has run out starts the count again.
    const expired = existing?.lockedUntil != null && existing.lockedUntil <= now
    const failures = !existing || expired ? 1 : existing.failures + 1
    const lockedUntil = failures >= lockAfter ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null
    await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures, lastFailure: now, lockedUntil },
      update: { failures, lastFailure: now, lockedUntil },
      select: { key: true },
    })
    if (lockedUntil && key.startsWith('email:')) lockedEmail = true
  }
  const minute = globalKey(now)
  await db.signInThrottle.upsert({
    where: { key: minute },
    create: { key: minute, failures: 1, lastFailure: now },
    update: { failures: { increment: 1 }, lastFailure: now },
    select: { key: true },
  })
  await db.signInThrottle.deleteMany({ where: { key: { startsWith: 'all:', lt: minute } } })
  return { locked: lockedEmail }
}

/** After a correct password: forget the email's failures and the address's. */
export async function recordSuccess(db: Db, email: string, ip: string | null): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: throttleKeys(email, ip).map((k) => k.key) } } })
}

let checksRunning = 0
const waiting: Array<() => void> = []

/**
 * Runs a password check when this process has a free slot; null (without running it)
 * when too many are already waiting.
 */
export async function withPasswordCheckSlot<T>(check: () => Promise<T>): Promise<T | null> {
  if (checksRunning >= PASSWORD_CHECKS_AT_ONCE) {
    if (waiting.length >= PASSWORD_CHECK_QUEUE) return null
    await new Promise<void>((resolve) => waiting.push(resolve))
  } else {
    checksRunning++
  }
  try {
    return await check()
  } finally {
    // The slot passes straight to the next in line, or is given back.
    const next = waiting.shift()
    if (next) next()
    else checksRunning--
  }
}
