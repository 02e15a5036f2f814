'use server'
import { APIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { logAudit, writeAudit } from '@/lib/audit'
import { getAuth } from '@/lib/auth/config'
import { checkThrottle, recordFailure, recordSuccess, withPasswordCheckSlot } from '@/lib/auth/throttle'
import { db, writeTransaction } from '@/lib/db'
import { claimTotpCode } from '@/lib/auth/totp-replay'
import { SignInSchema, TotpCodeSchema } from '@/lib/validation/auth'
import { z } from '@/lib/validation/zod'
import { safeAction } from './safe-action'

const BUSY_MESSAGE = 'Too many sign-in attempts on this site right now: try again in a few seconds.'

function waitMessage(seconds: number, locked: boolean, everyone = false): string {
  if (everyone) return `Too many sign-in attempts on this site right now: wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`
  if (locked) {
    const minutes = Math.ceil(seconds / 60)
    return `Too many failed attempts: sign-in for this account is locked for ${minutes} minute${minutes === 1 ? '' : 's'}. Try again later or ask an admin.`
  }
  return `Too many failed attempts: wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`
}

async function markSignedIn(userId: string, email: string, request: { ip: string | null; userAgent: string | null }, step: string) {
  const entry = { action: 'sign-in', actorUserId: userId, targetType: 'user', targetId: userId, ...request, detail: { email, step } } as const
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() }, select: { id: true } })
    await writeAudit(tx, entry)
  })
  logAudit(entry)
}

export const signInAction = safeAction({
  access: 'public',
  schema: SignInSchema,
  async run({ email, password }, { request }) {
    const now = new Date()
    const verdict = await checkThrottle(db, email, request.ip, now)
    if (!verdict.ok) {
      await writeAudit(db, { action: 'sign-in-throttled', ...request, detail: { email, retryAfterSeconds: verdict.retryAfterSeconds, locked: verdict.locked, everyone: verdict.everyone ?? false } })
      return { ok: false, formError: waitMessage(verdict.retryAfterSeconds, verdict.locked, verdict.everyone) }
    }
    const requestHeaders = await headers()
    let result
    try {
      const checked = await withPasswordCheckSlot(() => getAuth().api.signInEmail({ body: { email, password, rememberMe: true }, headers: requestHeaders }))
      if (checked === null) {
        await writeAudit(db, { action: 'sign-in-throttled', ...request, detail: { email, busy: true } })
        return { ok: false, formError: BUSY_MESSAGE }
      }
      result = checked
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      if (error.body?.code === 'BANNED_USER') {
        await writeAudit(db, { action: 'sign-in-failed', ...request, detail: { email, reason: 'banned' } })
        return { ok: false, formError: 'This account is disabled. Ask an admin.' }
      }
      if (error.statusCode !== 401) throw error
      const { locked } = await writeTransaction(async (tx) => {
        const outcome = await recordFailure(tx, email, request.ip, now)
        await writeAudit(tx, { action: 'sign-in-failed', ...request, detail: { email, reason: 'wrong email or password' } })
        if (outcome.locked) await writeAudit(tx, { action: 'sign-in-locked', ...request, detail: { email } })
        return outcome
      })
      // Committed: one line per audit row written above.
      logAudit({ action: 'sign-in-failed' })
      if (locked) logAudit({ action: 'sign-in-locked' })
      if (locked) return { ok: false, formError: waitMessage(15 * 60, true) }
      return { ok: false, formError: 'Wrong email or password.' }
    }
    await recordSuccess(db, email, request.ip)
    if ('twoFactorRedirect' in result && result.twoFactorRedirect) redirect('/sign-in?step=totp')
    if ('user' in result && result.user) await markSignedIn(result.user.id, email, request, 'password')
    redirect('/editor')
  },
})

export const verifySignInTotpAction = safeAction({
  access: 'public',
  schema: TotpCodeSchema,
  async run({ code }, { request }) {
    const h = await headers()
    let user: { id: string; email: string }
    let sessionToken: string | null = null
    try {
      // 6 digits: the app's code; anything else: one of the backup codes (single-use already).
      if (code.length === 6) {
        const result = await getAuth().api.verifyTOTP({ body: { code }, headers: h })
        user = result.user
        sessionToken = result.token
      } else {
        user = (await getAuth().api.verifyBackupCode({ body: { code }, headers: h })).user
      }
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      await writeAudit(db, { action: 'sign-in-failed', ...request, detail: { step: 'totp', reason: error.body?.code ?? 'invalid' } })
      const code_ = error.body?.code ?? ''
      if (/INVALID_TWO_FACTOR_COOKIE|TWO_FACTOR|COOKIE/i.test(code_) && !/INVALID_CODE|BACKUP/i.test(code_)) {
        return { ok: false, formError: 'Your sign-in has expired. Start again with your email and password.' }
      }
      if (/TOO_MANY|LOCK/i.test(code_)) {
        return { ok: false, formError: 'Too many wrong codes. Start again with your email and password, or wait 15 minutes.' }
      }
      return { ok: false, fieldErrors: { code: ['That code is not right. Check the time on your device and try the current code.'] } }
    }
    if (sessionToken !== null && !(await claimTotpCode(db, user.id, code))) {
      // A code that already opened a session: close the one just opened.
      await db.session.deleteMany({ where: { token: sessionToken } })
      await writeAudit(db, { action: 'sign-in-failed', actorUserId: user.id, targetType: 'user', targetId: user.id, ...request, detail: { step: 'totp', reason: 'code-reused' } })
      return { ok: false, formError: 'That code was already used to sign in. Start again with your email and password, and use the next code from your app.' }
    }
    await markSignedIn(user.id, user.email, request, 'totp')
    redirect('/editor')
  },
})

export const signOutAction = safeAction({
  access: 'public',
  schema: z.object({}),
  async run(_input, { user, request }) {
    await getAuth().api.signOut({ headers: await headers() })
    if (user) await writeAudit(db, { action: 'sign-out', actorUserId: user.id, targetType: 'user', targetId: user.id, ...request })
    redirect('/sign-in?signed-out=1')
  },
})
