// The production server as an operator runs it (server/main.mjs): its logs, its
// shutdown, the client address it gives the sign-in throttle and the audit log, the
// bodies it refuses, and editor forms that outlive a deploy.
import http from 'node:http'
import { FREE_FAILURES } from '@/lib/auth/throttle'
import { MAX_REQUEST_BODY_BYTES } from '@/lib/http/limits.mjs'
import { SITE_UPDATED_MESSAGE } from '@/lib/actions/safe-action-types'
import { createPerson, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { serverActionId } from './support/editor'
import { editRecord, signInAsEditor } from './support/editor-forms'
import { startSecondServer } from './support/second-server'

type Answer = { status: number; body: string }

/** A raw HTTP request, optionally from another loopback address (its own client address). */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; localAddress?: string; agent?: http.Agent | false }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, agent: options.agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The sign-in form's action, posted as a script would (React's encoding of the form). */
async function signInRequest(baseURL: string, email: string, password: string, extra: { localAddress?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const form = new FormData()
  form.append('_1_email', email)
  form.append('_1_password', password)
  form.append('0', '["$undefined","$K1"]')
  // The standard library writes the multipart body; the request itself needs node:http (localAddress).
  const encoded = new Request(baseURL, { method: 'POST', body: form })
  const body = Buffer.from(await encoded.arrayBuffer())
  return request(`${baseURL}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': encoded.headers.get('content-type')!, 'next-action': serverActionId('signInAction'), accept: 'text/x-component', origin: baseURL, ...extra.headers },
    body,
    localAddress: extra.localAddress,
  })
}

test.describe('the client address', () => {
  // Another loopback address than every other test's 127.0.0.1, so that throttling it
  // slows no other test down.
  const ADDRESS = '127.0.0.2'
  test.afterEach(async ({ db }) => {
    await db.signInThrottle.deleteMany({ where: { key: `ip:${ADDRESS}` } })
  })

  test('without a trusted proxy, failed sign-ins are counted per socket address, whatever X-Forwarded-For claims', async ({ baseURL, db }) => {
    const token = uniqueToken()
    const forged = { 'x-forwarded-for': '203.0.113.66', 'x-casebook-client-address': '203.0.113.67' }
    for (let i = 1; i <= FREE_FAILURES.ip; i++) {
      const answer = await signInRequest(baseURL!, `nobody-${i}-${token}@example.org`, 'not-a-password', { localAddress: ADDRESS, headers: forged })
      expect(answer.status).toBe(200)
      expect(answer.body).toContain('Wrong email or password.')
    }
    // One more failure from the address: a new email is still refused unchecked.
    await signInRequest(baseURL!, `nobody-last-${token}@example.org`, 'not-a-password', { localAddress: ADDRESS, headers: forged })
    expect(await db.signInThrottle.findUnique({ where: { key: `ip:${ADDRESS}` }, select: { failures: true } })).toEqual({ failures: FREE_FAILURES.ip + 1 })
    // That failure imposes a 1-second wait, which a busy machine can outlast before the next
    // request is checked: with four more on record just now the wait is 16 s (exact delays: unit tests).
    await db.signInThrottle.update({ where: { key: `ip:${ADDRESS}` }, data: { failures: FREE_FAILURES.ip + 5, lastFailure: new Date() } })
    const held = await signInRequest(baseURL!, `someone-new-${token}@example.org`, 'not-a-password', { localAddress: ADDRESS, headers: { 'x-forwarded-for': '198.51.100.1' } })
    expect(held.body).toMatch(/wait \d+ seconds? before trying again/)
    // From another address, the same kind of attempt is checked as usual.
    const elsewhere = await signInRequest(baseURL!, `someone-new-${token}@example.org`, 'not-a-password')
    expect(elsewhere.body).toContain('Wrong email or password.')

    // The audit log has the socket's address, never the forged ones.
    const rows = await db.auditLog.findMany({ where: { detail: { contains: token } }, select: { ip: true } })
    expect(rows.length).toBe(FREE_FAILURES.ip + 3)
    expect(new Set(rows.map((r) => r.ip))).toEqual(new Set([ADDRESS, '127.0.0.1']))
    expect(await db.signInThrottle.count({ where: { key: { in: ['ip:203.0.113.66', 'ip:203.0.113.67', 'ip:198.51.100.1'] } } })).toBe(0)
  })
})

test('a body larger than the app takes is answered 413 before it is read, at any address, chunked or not', async ({ baseURL }) => {
  const body = Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1, 'a')
  for (const path of ['/editor/sources/new', '/sign-in', '/']) {
    const answer = await request(`${baseURL}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain', 'next-action': 'x'.repeat(42) }, body })
    expect(answer.status, path).toBe(413)
    expect(answer.body).toContain('larger than 3 MB')
  }
  // A chunked body has no length to check first: Next.js reads it and stops at the limit; the answer is still 413.
  const chunked = await request(`${baseURL}/editor/sources/new`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'transfer-encoding': 'chunked', 'next-action': serverActionId('readArticleAction'), origin: baseURL! },
    body: Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1024, 'a'),
  })
  expect(chunked.status).toBe(413)
  // The largest body it takes still reaches the app (which refuses the made-up action).
  const fits = await request(`${baseURL}/`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(MAX_REQUEST_BODY_BYTES, 'a') })
  expect(fits.status).not.toBe(413)
  expect(fits.status).toBeLessThan(500)
})

test('an open form whose action the server no longer knows (a deploy) keeps the text and says so; nothing is saved', async ({ page, db }) => {
  const editor = await createUser(db, { role: 'editor' })
  const person = await createPerson(db, { description: 'Before the deploy.' })
  await signInAsEditor(page, editor)
  await page.goto(`/editor/records/person/${person.id}`)
  const form = page.getByTestId('record-form-person').first()
  const typed = `Typed while the site was redeployed ${uniqueToken()}`
  await form.getByLabel('Description', { exact: true }).fill(typed)
  // As after a deploy that renamed the action: the page still posts the old id.
  await page.route('**/editor/records/**', (route) => {
    const headers = route.request().headers()
    if (route.request().method() !== 'POST' || !headers['next-action']) return route.continue()
    return route.continue({ headers: { ...headers, 'next-action': '7f' + '0'.repeat(40) } })
  })
  await form.getByRole('button', { name: 'Save person', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: SITE_UPDATED_MESSAGE })).toBeVisible()
  await expect(form.getByLabel('Description', { exact: true })).toHaveValue(typed)
  expect(await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { description: true, version: true } })).toEqual({ description: 'Before the deploy.', version: 1 })
})

test.describe('on its own server', () => {
  test('logs one JSON line per request and per write, without colour codes, passwords or cookies', async ({ browser, db }) => {
    const server = await startSecondServer({ keepOutput: true })
    try {
      const editor = await createUser(db, { role: 'editor' })
      const person = await createPerson(db)
      const context = await browser.newContext({ baseURL: server.url })
      const page = await context.newPage()
      await signInAsEditor(page, editor)
      await editRecord(page, 'person', person.id, (form) => form.getByLabel('Description', { exact: true }).fill(`Logged ${uniqueToken()}`), 'Saved the person.')
      const cookies = (await context.cookies()).map((c) => c.value).filter((v) => v.length >= 16)
      expect(cookies.length).toBeGreaterThan(0)
      await context.close()
      await server.stop()

      const lines = server.output()
      expect(lines.join('\n')).not.toContain('\u001b[')
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
      const requests = entries.filter((e) => e.msg === 'request')
      const signInPage = requests.find((e) => (e.req as { path: string }).path === '/sign-in')
      expect(signInPage).toMatchObject({ level: 'info', req: { method: 'GET', path: '/sign-in' }, res: { status: 200 } })
      expect(typeof signInPage!.responseTime).toBe('number')
      expect(requests.some((e) => (e.req as { method: string }).method === 'POST' && (e.req as { path: string }).path === `/editor/records/person/${person.id}`)).toBe(true)
      expect(entries).toContainEqual(expect.objectContaining({ msg: 'audit', event: 'sign-in', editorId: editor.id }))
      expect(entries).toContainEqual(expect.objectContaining({ msg: 'audit', event: 'record-update', editorId: editor.id, target: `person:${person.id}` }))
      expect(entries).toContainEqual(expect.objectContaining({ msg: 'shut down' }))
      const text = lines.join('\n')
      expect(text).not.toContain(editor.password)
      for (const cookie of cookies) expect(text).not.toContain(cookie)
    } finally {
      await server.stop()
    }
  })

  test('on SIGTERM under load it answers every request it had accepted, then exits 0', async () => {
    const server = await startSecondServer({ keepOutput: true })
    const outcomes = new Map<string, number | string>()
    let sent = 0
    let stopping: Promise<void> | null = null
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 4 })
    // Eight clients in a loop, half on kept-alive connections, half on a new one each time.
    const client = async (n: number) => {
      while (true) {
        const id = `sigterm-${n}-${sent++}`
        try {
          const answer = await request(`${server.url}${sent % 5 === 0 ? '/api/health' : '/'}`, { headers: { 'x-request-id': id }, agent: n % 2 ? keepAlive : false })
          outcomes.set(id, answer.status)
        } catch (error) {
          outcomes.set(id, (error as NodeJS.ErrnoException).code ?? String(error))
          if (stopping) return
        }
      }
    }
    try {
      const clients = Array.from({ length: 8 }, (_, n) => client(n))
      await new Promise((r) => setTimeout(r, 3_000))
      const sentBeforeSignal = sent
      stopping = server.stop()
      await stopping
      await Promise.all(clients)
      keepAlive.destroy()

      expect(server.exitCode).toBe(0)
      const entries = server.output().map((line) => JSON.parse(line) as { msg: string; reqId?: string; res?: { status: number } })
      expect(entries.some((e) => e.msg === 'shutdown timed out: closing the remaining connections')).toBe(false)
      const accepted = entries.filter((e) => e.msg === 'request' || e.msg === 'request failed').filter((e) => e.reqId?.startsWith('sigterm-'))
      expect(accepted.length).toBeGreaterThan(20)
      // Every request the server took was answered with what it logged: none cut off.
      for (const entry of accepted) expect(outcomes.get(entry.reqId!), entry.reqId).toBe(entry.res!.status)
      // Requests answered after the signal: health says the server is going away.
      const afterSignal = accepted.filter((e) => Number(e.reqId!.split('-')[2]) >= sentBeforeSignal)
      for (const entry of afterSignal) expect([200, 503]).toContain(entry.res!.status)
      // Everything else was refused at connect (never accepted), not reset mid-answer.
      const failures = [...outcomes.entries()].filter(([id, outcome]) => typeof outcome === 'string' && !accepted.some((e) => e.reqId === id))
      for (const [, outcome] of failures) expect(['ECONNREFUSED', 'ECONNRESET']).toContain(outcome)
    } finally {
      await server.stop()
    }
  })
})
