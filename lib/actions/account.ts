'use server'
import { APIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { writeAudit } from '@/lib/audit'
import { getAuth } from '@/lib/auth/config'
import { db } from '@/lib/db'
import { ChangePasswordSchema, ConfirmTotpSchema, EnableTotpSchema } from '@/lib/validation/auth'
import { safeAction } from './safe-action'

export const changePasswordAction = safeAction({
  access: 'account',
  schema: ChangePasswordSchema,
  async run({ currentPassword, newPassword }, { user, request }) {
    try {
      // revokeOtherSessions: every other device is signed out; this one gets a new token.
      await getAuth().api.changePassword({
        body: { currentPassword, newPassword, revokeOtherSessions: true },
        headers: await headers(),
      })
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      if (error.body?.code === 'INVALID_PASSWORD') return { ok: false, fieldErrors: { currentPassword: ['That is not your current password.'] } }
      return { ok: false, formError: error.body?.message ?? 'The password could not be changed.' }
    }
    await writeAudit(db, { action: 'password-change', actorUserId: user.id, targetType: 'user', targetId: user.id, ...request, detail: { otherSessionsRevoked: true } })
    // This session got a new token: redirect, so the next page is rendered with the new
    // cookie (re-rendering in this request would still see the old, revoked one).
    redirect('/editor/account?password=changed')
  },
})

export type TotpSetup = { totpURI: string; secret: string; backupCodes: string[] }

export const enableTotpAction = safeAction({
  access: 'account',
  schema: EnableTotpSchema,
  async run({ password }, { user }) {
    if (user.twoFactorEnabled) return { ok: false, formError: 'Two-factor sign-in is already on.' }
    try {
      const result = await getAuth().api.enableTwoFactor({ body: { password }, headers: await headers() })
      if (result.method !== 'totp') return { ok: false, formError: 'Two-factor sign-in could not be set up.' }
      const secret = new URL(result.totpURI).searchParams.get('secret') ?? ''
      // Shown once: the secret is stored encrypted and the backup codes hashed/encrypted.
      return { ok: true, message: 'Add this account to your authenticator app, then enter its code below.', data: { totpURI: result.totpURI, secret, backupCodes: result.backupCodes } satisfies TotpSetup }
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      if (error.body?.code === 'INVALID_PASSWORD') return { ok: false, fieldErrors: { password: ['That is not your password.'] } }
      return { ok: false, formError: error.body?.message ?? 'Two-factor sign-in could not be set up.' }
    }
  },
})

export const confirmTotpAction = safeAction({
  access: 'account',
  schema: ConfirmTotpSchema,
  async run({ code }, { user, request }) {
    try {
      await getAuth().api.verifyTOTP({ body: { code }, headers: await headers() })
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      return { ok: false, fieldErrors: { code: ['That code is not right. Enter the code your app shows now.'] } }
    }
    await writeAudit(db, { action: 'totp-enabled', actorUserId: user.id, targetType: 'user', targetId: user.id, ...request })
    // A fresh page: the setup forms give way to the "on" state, with or without JavaScript.
    redirect('/editor/account?totp=on')
  },
})
