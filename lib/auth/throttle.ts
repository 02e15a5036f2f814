import 'server-only'
// Sign-in throttle. better-auth's rateLimit only guards its HTTP handler, not the
// auth.api calls our server actions make, so the sign-in action keeps its own count of
// failures per email (and per client IP when a trusted proxy sets it):
//   failures 1–2: no delay; from the 3rd, the next attempt must wait 1, 2, 4, … s
//   (at most 60 s) and is refused unchecked until then, even with the right password;
//   at LOCK_AFTER failures: refused for LOCK_MINUTES. A success clears the email's count.
// Anyone can lock a known email out for 15 minutes: accepted (decision 007).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export const LOCK_AFTER = { email: 10, ip: 50 } as const
export const LOCK_MINUTES = 15
const FREE_FAILURES = 2
const MAX_DELAY_S = 60

type Db = PrismaClient | Prisma.TransactionClient

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; locked: boolean }

export function throttleKeys(email: string, ip: string | null) {
  return [{ key: `email:${email.trim().toLowerCase()}`, lockAfter: LOCK_AFTER.email }, ...(ip ? [{ key: `ip:${ip}`, lockAfter: LOCK_AFTER.ip }] : [])]
}

/** Seconds the next attempt must wait after `failures` consecutive failures. */
export function delaySeconds(failures: number): number {
  if (failures <= FREE_FAILURES) return 0
  return Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_S)
}

/** Before checking a password: may this attempt go ahead? `ip` only when trusted. */
export async function checkThrottle(db: Db, email: string, ip: string | null, now: Date): Promise<ThrottleVerdict> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: throttleKeys(email, ip).map((k) => k.key) } },
    select: { failures: true, lastFailure: true, lockedUntil: true },
  })
  let worst: ThrottleVerdict = { ok: true }
  for (const row of rows) {
    let wait = 0
    let locked = false
    if (row.lockedUntil && row.lockedUntil > now) {
      wait = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000)
      locked = true
    } else if (!row.lockedUntil) {
      const until = row.lastFailure.getTime() + delaySeconds(row.failures) * 1000
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
  return { locked: lockedEmail }
}

/** After a correct password: forget the email's failures (not the IP's). */
export async function recordSuccess(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } })
}
