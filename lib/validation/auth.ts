// Schemas for the sign-in, account and user-management forms. Shared by browser and
// server: no server imports here.
import { z } from '@/lib/validation/zod'

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

/** Why a new password is refused, or null. better-auth's admin createUser and
 *  setUserPassword skip its own length check, so every path calls this. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`
  if (password.trim().length === 0) return 'The password cannot be only spaces.'
  return null
}

const email = z.string().trim().toLowerCase().min(1, 'Enter an email address.').max(254, 'That email address is too long.').pipe(z.email('Enter a valid email address, like name@example.org.'))

export const newPassword = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX, 'Wrong email or password.'),
})

/**
 * The authenticator's 6 digits, or a backup code as better-auth stores it: ten letters
 * and digits in two groups of five, `abcDE-12345` (case matters). Typed with or without
 * the dash, or with spaces, it is put back in that form, or it could never match.
 */
export function normaliseSignInCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, '')
  if (/^\d{6}$/.test(compact)) return compact
  if (/^[A-Za-z0-9]{10}$/.test(compact)) return `${compact.slice(0, 5)}-${compact.slice(5)}`
  return null
}

export const TotpCodeSchema = z.object({
  code: z.string().transform((v, ctx) => {
    const code = normaliseSignInCode(v)
    if (code === null) ctx.addIssue({ code: 'custom', message: 'Enter the 6-digit code from your app, or a backup code (like abcDE-12345).' })
    return code ?? ''
  }),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })

export const EnableTotpSchema = z.object({ password: z.string().min(1, 'Enter your password to confirm.') })
export const ConfirmTotpSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code your app shows.')),
})

export const RoleSchema = z.enum(['admin', 'editor'], 'Choose admin or editor.')
const userId = z.string().trim().min(1, 'No user given.').max(64)

export const CreateUserSchema = z.object({
  email,
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.'),
  role: RoleSchema,
})
export const SetRoleSchema = z.object({ userId, role: RoleSchema })
export const SetBannedSchema = z.object({
  userId,
  banned: z.enum(['true', 'false']).transform((v) => v === 'true'),
  reason: z.string().trim().max(200).optional(),
})
export const UserIdSchema = z.object({ userId })
