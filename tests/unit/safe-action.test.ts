// lib/actions/safe-action.ts: who may run an action, and what bad input gets back.
// The actions write to the real database; the session lookup is the one injected part.
import { beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { writeAudit } from '@/lib/audit'
import type { CurrentUser } from '@/lib/auth/session'
import { createSafeAction, FORBIDDEN_MESSAGE, type Access } from '@/lib/actions/safe-action'
import { db } from '@/lib/db'
import { createUser } from '../support/users'

let current: CurrentUser | null = null
const safeAction = createSafeAction({
  getUser: async () => current,
  getRequest: async () => ({ ip: '198.51.100.7', userAgent: 'vitest' }),
})

const Schema = z.object({
  title: z.string().trim().min(3, 'Use at least 3 characters.'),
  password: z.string().min(1, 'Enter your password.'),
})

function writingAction(access: Access) {
  return safeAction({
    access,
    schema: Schema,
    async run(input, { user }) {
      await writeAudit(db, { action: 'role-change', actorUserId: user?.id ?? null, detail: { title: input.title } })
      return { ok: true, message: 'done' }
    },
  })
}

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(values)) data.append(k, v)
  return data
}

const GOOD = { title: 'A title', password: 'secret-value-123' }

async function asUser(role: 'admin' | 'editor', twoFactorEnabled = true): Promise<CurrentUser> {
  const u = await createUser(db, { role })
  return { id: u.id, email: u.email, name: 'T', role, twoFactorEnabled }
}

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? ''
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? ''
    throw error
  }
  throw new Error('expected a redirect')
}

beforeEach(() => {
  current = null
})

describe('safeAction authorization', () => {
  it.each(['account', 'editor', 'admin'] as const)('sends an anonymous %s-action request to /sign-in and writes nothing', async (access) => {
    expect(await redirectOf(writingAction(access)(null, form(GOOD)))).toBe('/sign-in')
    expect(await db.auditLog.count()).toBe(0)
  })

  it('refuses an editor on an admin action, writes nothing, keeps no input', async () => {
    current = await asUser('editor')
    const result = await writingAction('admin')(null, form(GOOD))
    expect(result).toEqual({ ok: false, formError: FORBIDDEN_MESSAGE, fieldErrors: {}, values: {} })
    expect(await db.auditLog.count()).toBe(0)
  })

  it('lets an editor run an editor action', async () => {
    current = await asUser('editor')
    expect(await writingAction('editor')(null, form(GOOD))).toEqual({ ok: true, message: 'done' })
    expect(await db.auditLog.count()).toBe(1)
  })

  it('sends an admin without TOTP to set it up, except on account actions', async () => {
    current = await asUser('admin', false)
    expect(await redirectOf(writingAction('admin')(null, form(GOOD)))).toBe('/editor/account?setup=totp')
    expect(await redirectOf(writingAction('editor')(null, form(GOOD)))).toBe('/editor/account?setup=totp')
    expect(await db.auditLog.count()).toBe(0)
    expect((await writingAction('account')(null, form(GOOD)))?.ok).toBe(true)
  })

  it('lets an admin with TOTP run an admin action, recording who', async () => {
    current = await asUser('admin')
    expect((await writingAction('admin')(null, form(GOOD)))?.ok).toBe(true)
    expect(await db.auditLog.findFirst({ select: { actorUserId: true } })).toEqual({ actorUserId: current.id })
  })

  it('lets anyone run a public action', async () => {
    expect((await writingAction('public')(null, form(GOOD)))?.ok).toBe(true)
  })
})

describe('safeAction input', () => {
  it('returns field errors and the input (but never a password), and writes nothing', async () => {
    current = await asUser('admin')
    const result = await writingAction('admin')(null, form({ title: ' x ', password: '' }))
    expect(result).toEqual({
      ok: false,
      formError: undefined,
      fieldErrors: { title: ['Use at least 3 characters.'], password: ['Enter your password.'] },
      values: { title: ' x ' },
    })
    expect(await db.auditLog.count()).toBe(0)
  })

  it('treats missing fields and files as bad input, not a crash', async () => {
    current = await asUser('admin')
    const data = new FormData()
    data.append('title', new Blob(['file']), 'x.txt')
    const result = await writingAction('admin')(null, data)
    expect(result?.ok).toBe(false)
    expect(result && !result.ok && Object.keys(result.fieldErrors).sort()).toEqual(['password', 'title'])
    expect(await db.auditLog.count()).toBe(0)
  })

  it('ignores Next.js action bookkeeping fields', async () => {
    current = await asUser('admin')
    const result = await writingAction('admin')(null, form({ ...GOOD, title: '', $ACTION_ID_abc: '' }))
    expect(result && !result.ok && result.values).toEqual({ title: '' })
  })
})

describe('safeAction list fields', () => {
  const seen: unknown[] = []
  const listAction = safeAction({
    access: 'editor',
    schema: z.object({ quote: z.string().min(3, 'Enter a quote.'), targets: z.array(z.string()).min(1, 'Tick one.') }).loose(),
    keepAllValues: true,
    listFields: ['targets'],
    async run(input) {
      seen.push(input)
      return { ok: true, message: 'done' }
    },
  })
  const plainAction = safeAction({
    access: 'editor',
    schema: z.object({ targets: z.string() }).loose(),
    async run(input) {
      seen.push(input)
      return { ok: true, message: 'done' }
    },
  })
  const ticked = (quote: string, ...targets: string[]) => {
    const data = form({ quote })
    for (const t of targets) data.append('targets', t)
    return data
  }

  beforeEach(() => {
    seen.length = 0
  })

  it('gives a declared list field every value posted, and other fields one string', async () => {
    current = await asUser('editor')
    expect(await listAction(null, ticked('a quote', 'case:summary', 'event:3'))).toEqual({ ok: true, message: 'done' })
    expect(seen).toEqual([{ quote: 'a quote', targets: ['case:summary', 'event:3'] }])
  })

  it('gives none ticked as an empty list, and sends the ticked boxes back with a refusal', async () => {
    current = await asUser('editor')
    expect(await listAction(null, ticked('a quote'))).toEqual({ ok: false, fieldErrors: { targets: ['Tick one.'] }, values: { quote: 'a quote' }, lists: { targets: [] } })
    expect(await listAction(null, ticked('x', 'event:3'))).toEqual({ ok: false, fieldErrors: { quote: ['Enter a quote.'] }, values: { quote: 'x' }, lists: { targets: ['event:3'] } })
    expect(seen).toEqual([])
  })

  it('changes nothing for a form that declares no list field: the first value, no lists', async () => {
    current = await asUser('editor')
    await plainAction(null, ticked('q', 'first', 'second'))
    expect(seen).toEqual([{ quote: 'q', targets: 'first' }])
    const refused = await plainAction(null, form({ quote: 'q' }))
    expect(refused && !refused.ok && 'lists' in refused).toBe(false)
  })
})
