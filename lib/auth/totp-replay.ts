import 'server-only'
import { createHash } from 'node:crypto'
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client'

// A TOTP code opens one session, not two (RFC 6238 §5.2). better-auth accepts a code for
// as long as it is valid (its 30-second step, and the steps either side for clock
// drift), so whoever sees a code typed can reuse it within that time. We remember each
// code that opened a session until it cannot be valid any more.

/** Longer than any code stays valid: three 30-second steps, with a margin. */
export const TOTP_CODE_MEMORY_MS = 5 * 60_000

function hashOf(code: string): string {
  return createHash('sha256').update(code).digest('hex')
}

/**
 * Records that `code` opened a session for `userId`. False when it already did within
 * the code's validity: the caller must then refuse the sign-in. Atomic: of two
 * simultaneous sign-ins with one code, one claims it.
 */
export async function claimTotpCode(db: PrismaClient, userId: string, code: string, now: Date = new Date()): Promise<boolean> {
  await db.totpCodeUse.deleteMany({ where: { usedAt: { lt: new Date(now.getTime() - TOTP_CODE_MEMORY_MS) } } })
  try {
    await db.totpCodeUse.create({ data: { userId, codeHash: hashOf(code), usedAt: now }, select: { userId: true } })
    return true
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false
    throw error
  }
}
