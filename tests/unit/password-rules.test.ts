// The password and form rules in lib/validation/auth.ts (shared by browser and server).
import { describe, expect, it } from 'vitest'
import { ChangePasswordSchema, CreateUserSchema, passwordProblem, SignInSchema, TotpCodeSchema } from '@/lib/validation/auth'

describe('passwordProblem', () => {
  it('refuses fewer than 12 characters, more than 128, and only spaces', () => {
    expect(passwordProblem('a'.repeat(11))).toMatch(/at least 12/)
    expect(passwordProblem('a'.repeat(129))).toMatch(/at most 128/)
    expect(passwordProblem(' '.repeat(20))).toMatch(/spaces/)
  })
  it('accepts 12 to 128 characters, including a passphrase with spaces', () => {
    expect(passwordProblem('a'.repeat(12))).toBeNull()
    expect(passwordProblem('a'.repeat(128))).toBeNull()
    expect(passwordProblem('correct horse battery staple')).toBeNull()
  })
})

describe('form schemas', () => {
  it('normalises the sign-in email and refuses a malformed one', () => {
    expect(SignInSchema.parse({ email: '  Ed@Example.ORG ', password: 'x' }).email).toBe('ed@example.org')
    expect(SignInSchema.safeParse({ email: 'not-an-email', password: 'x' }).success).toBe(false)
  })
  it('refuses a short new password and two different new passwords, naming the field', () => {
    const short = ChangePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'short', confirmPassword: 'short' })
    expect(short.success).toBe(false)
    expect(short.error?.issues[0]?.path).toEqual(['newPassword'])
    const differ = ChangePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'a'.repeat(12), confirmPassword: 'b'.repeat(12) })
    expect(differ.error?.issues[0]?.path).toEqual(['confirmPassword'])
  })
  it('accepts a 6-digit code with spaces, or a backup code; refuses anything else', () => {
    expect(TotpCodeSchema.parse({ code: '123 456' }).code).toBe('123456')
    // Backup codes keep better-auth's stored form (five, a dash, five), however typed.
    for (const typed of ['abcDE-12345', 'abcDE12345', ' abcDE 12345 ', 'abcDE - 12345']) expect(TotpCodeSchema.parse({ code: typed }).code).toBe('abcDE-12345')
    expect(TotpCodeSchema.safeParse({ code: 'abcde12345xy' }).success).toBe(false)
    expect(TotpCodeSchema.safeParse({ code: '12345' }).success).toBe(false)
    expect(TotpCodeSchema.safeParse({ code: '<script>' }).success).toBe(false)
  })
  it('accepts only the roles admin and editor', () => {
    expect(CreateUserSchema.safeParse({ email: 'a@b.org', name: 'A', role: 'owner' }).success).toBe(false)
    expect(CreateUserSchema.safeParse({ email: 'a@b.org', name: 'A', role: 'editor' }).success).toBe(true)
  })
})
