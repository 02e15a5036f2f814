// lib/auth/create-user.ts, the logic of `npm run user:create`, on a real database.
import { describe, expect, it } from 'vitest'
import { createUserAccount, generatePassword, parseUserCreateArgs } from '@/lib/auth/create-user'
import { db } from '@/lib/db'
import { testAuth } from '../support/users'

describe('parseUserCreateArgs', () => {
  it('reads email (lower-cased), role, name and --generate', () => {
    expect(parseUserCreateArgs(['--email', ' Ann@Example.org', '--role', 'admin', '--name', 'Ann', '--generate'])).toEqual({
      ok: true,
      args: { email: 'ann@example.org', role: 'admin', name: 'Ann', generate: true },
    })
    expect(parseUserCreateArgs(['--email', 'bo@example.org', '--role', 'editor'])).toMatchObject({ ok: true, args: { name: 'bo', generate: false } })
  })
  it.each([
    [['--role', 'admin']],
    [['--email', 'nope', '--role', 'admin']],
    [['--email', 'a@b.org']],
    [['--email', 'a@b.org', '--role', 'owner']],
    [['--email', 'a@b.org', '--role', 'admin', '--password', 'x']],
  ])('refuses %j', (argv) => {
    expect(parseUserCreateArgs(argv).ok).toBe(false)
  })
})

describe('generatePassword', () => {
  it('makes 24 characters, different every time', () => {
    const a = generatePassword()
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(generatePassword()).not.toBe(a)
  })
})

describe('createUserAccount', () => {
  it('creates an account that signs in with that password, stores only a hash, and audits it', async () => {
    const password = generatePassword()
    const result = await createUserAccount({ email: 'first@example.org', role: 'admin', name: 'First', password })
    expect(result.ok).toBe(true)
    const user = await db.user.findUniqueOrThrow({ where: { email: 'first@example.org' }, select: { id: true, role: true, accounts: { select: { providerId: true, password: true } } } })
    expect(user.role).toBe('admin')
    expect(user.accounts).toHaveLength(1)
    expect(user.accounts[0]!.providerId).toBe('credential')
    expect(user.accounts[0]!.password).not.toContain(password)
    const signIn = await testAuth(db).api.signInEmail({ body: { email: 'first@example.org', password } })
    expect(signIn.user.id).toBe(user.id)
    expect(await db.auditLog.findFirst({ select: { action: true, targetId: true, actorUserId: true } })).toEqual({ action: 'user-create', targetId: user.id, actorUserId: null })
  })

  it('refuses a password under 12 characters and creates nothing', async () => {
    expect(await createUserAccount({ email: 'x@example.org', role: 'editor', name: 'X', password: 'elevenchars' })).toEqual({
      ok: false,
      error: 'Password refused: Use at least 12 characters.',
    })
    expect(await db.user.count()).toBe(0)
  })

  it('refuses a second account with the same email', async () => {
    await createUserAccount({ email: 'twice@example.org', role: 'editor', name: 'T', password: generatePassword() })
    const again = await createUserAccount({ email: 'twice@example.org', role: 'admin', name: 'T', password: generatePassword() })
    expect(again).toEqual({ ok: false, error: 'An account with the email twice@example.org already exists.' })
    expect(await db.user.count()).toBe(1)
  })
})
