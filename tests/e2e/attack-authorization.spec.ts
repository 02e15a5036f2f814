// The authorization half of the attack battery (issue 8): who may open the editor's
// pages and call its server actions, and what no trick gets past.
//
// First the browser-level checks (a real sign-in, real redirects, React's encoding of
// an action call): anonymous visitors and admins without a second factor are refused
// every record page and action, an editor every admin action, a cross-site post is
// refused before it runs. Each action is called directly, as a script with a stolen
// form would (the action id from the build, React's encoding of (state, FormData)), so
// the test proves the check inside the action — not the page that hides the form.
//
// Then the matrix, over raw HTTP (tests/e2e/support/raw-http.ts: the request line goes
// out byte for byte, nothing is followed):
//  - every editor page (every route of app/(editor), every kind of record) for every
//    identity that must be refused — anonymous, a forged cookie, a real session token
//    without its signature or with another's, a revoked, an expired and a banned
//    user's session, a user whose role is unknown, an admin without TOTP, an editor
//    for the admin pages — must answer the refusal (the redirect to /sign-in, to the
//    TOTP setup, to /editor?denied=admin) and leak nothing: no record content (every
//    record holds a secret marker) and no editor interface;
//  - the Next.js header and path tricks (x-middleware-subrequest, RSC, prefetch,
//    segment prefetch, router state tree, .rsc, /_next/data, ?_rsc=, trailing and
//    double slashes, case, %2F and %65 encodings, /editor/..;/, dot segments, NUL,
//    route-group names, the image optimizer…), each on one page of every route, for
//    anonymous visitors (all tricks), editors on the admin pages (all tricks) and
//    admins without TOTP (the header tricks): no leak;
//  - every server action (lib/actions/*) for every identity that must be refused,
//    delivered every way (React's fetch call, a no-JavaScript form post, to other
//    addresses, as text/plain), with forged action ids, and cross-site (Origin of
//    another site, `null`, Sec-Fetch-Site) with a valid editor session: refused,
//    nothing leaked, nothing written.
// Positive controls (an editor's own requests) show the markers are found where they
// are shown, so "no leak" means something. "Nothing written": the rows the calls aim
// at, the attackers' accounts and sessions, and every row that would name them, before
// and after; with one worker (CI) also the row count of every table.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { day } from '@/lib/domain/partial-date'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { createCase, createCaseRelation, createConflict, createOrganisation, createPerson, createProvision, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { postAction, serverActionId, signIn } from './support/editor'
import { multipart, rawRequest, rawRequestFollowingRsc, type RawResponse } from './support/raw-http'
import { adminWithTotpCookieValue, cookieHeader, signedInCookieValue } from './support/sessions'
import { CASE_174_2020 } from './support/seed'
import { countAllTables, countChanges } from '../support/table-counts'

const EDITOR_PAGES = (caseId: number, personId: number) => [
  '/editor/records/case',
  '/editor/records/person',
  '/editor/records/source',
  '/editor/records/case/new',
  '/editor/records/person/new',
  `/editor/records/party/new?caseId=${caseId}`,
  `/editor/cases/${caseId}`,
  `/editor/cases/${caseId}/preview`,
  `/editor/records/person/${personId}`,
  `/editor/records/case/${caseId}/history`,
  `/editor/records/person/${personId}/history`,
  '/editor/sources/new',
]

test('anonymous visitors and admins without a second factor are refused every record page and action; nothing changes', async ({ browser, db }) => {
  test.setTimeout(60_000)
  const token = uniqueToken()
  const c = await createCase(db, { title: `Access target ${token}`, defendant: { name: `Access defendant ${token}` } })
  const person = await db.party.findFirstOrThrow({ where: { caseId: c.id }, select: { personId: true } })
  const personId = person.personId!
  const source = await createSource(db)
  // One real revision to try restoring: made by an editor through the app.
  const editor = await createUser(db, { role: 'editor' })
  const editorPage = await (await browser.newContext()).newPage()
  await signIn(editorPage, editor.email, editor.password)
  await expect(editorPage).toHaveURL(/\/editor$/)
  const before = await db.case.findUniqueOrThrow({ where: { id: c.id } })
  const editorSave = await postAction(editorPage, 'saveRecordAction', {
    entity: 'case',
    id: String(c.id),
    version: String(before.version),
    title: `Access target ${token} (edited)`,
    kind: 'CRIMINAL',
    jurisdiction: 'KZ',
  })
  expect(editorSave.status()).toBeLessThan(400)
  // Positive control: the editor's direct call did reach the action and change the case.
  const edited = await db.case.findUniqueOrThrow({ where: { id: c.id } })
  expect(edited.title).toBe(`Access target ${token} (edited)`)
  const revision = await db.revision.findFirstOrThrow({ where: { entity: 'case', entityId: c.id } })

  const admin = await createUser(db, { role: 'admin' }) // no TOTP yet: may only set it up
  const anonymousPage = await (await browser.newContext()).newPage()
  const adminPage = await (await browser.newContext()).newPage()
  await signIn(adminPage, admin.email, admin.password)

  const snapshot = async () => ({
    case: await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { title: true, version: true, publishedAt: true, deletedAt: true } }),
    person: await db.person.findUniqueOrThrow({ where: { id: personId }, select: { name: true, version: true, deletedAt: true } }),
    revisions: await db.revision.count({ where: { OR: [{ caseId: c.id }, { entity: 'person', entityId: personId }] } }),
    created: await db.person.count({ where: { name: { contains: `Intruder ${token}` } } }),
    parts: [await db.citation.count({ where: { quote: `Intruder ${token}` } }), await db.charge.count({ where: { caseId: c.id } })],
  })
  const unchanged = await snapshot()

  // One page each in the browser, followed to where it lands; every page, for these and
  // every other identity, is in the matrix below (raw HTTP, the redirect's Location).
  for (const [who, page, refusedTo] of [
    ['anonymous', anonymousPage, /\/sign-in$/],
    ['admin without TOTP', adminPage, /\/editor\/account\?setup=totp$/],
  ] as const) {
    for (const path of [EDITOR_PAGES(c.id, personId)[0]!, EDITOR_PAGES(c.id, personId).at(-1)!]) {
      await page.goto(path)
      await expect(page, `${who} ${path}`).toHaveURL(refusedTo)
    }
    const attempts: [string, Record<string, string>][] = [
      ['saveRecordAction', { entity: 'person', name: `Intruder ${token}` }],
      ['saveRecordAction', { entity: 'case', id: String(c.id), version: String(edited.version), title: 'Defaced', kind: 'CRIMINAL', jurisdiction: 'KZ' }],
      ['deleteRecordAction', { entity: 'person', id: String(personId), version: '1' }],
      ['deleteRecordAction', { entity: 'case', id: String(c.id), version: String(edited.version) }],
      ['publishCaseAction', { id: String(c.id), version: String(edited.version), publish: 'false' }],
      ['restoreRevisionAction', { revisionId: String(revision.id) }],
      ['saveRecordsAction', { entity: 'citation', caseId: String(c.id), targets: 'case:summary', sourceId: String(source.id), quote: `Intruder ${token}` }],
      ['saveRecordsAction', { entity: 'charge', caseId: String(c.id), partyIds: String(c.defendant!.partyId), description: `Intruder ${token}`, disposition: 'PENDING' }],
    ]
    for (const [action, fields] of attempts) {
      const response = await postAction(page, action, fields)
      expect(response.status(), `${who} ${action}`).toBeLessThan(500)
      expect(await snapshot(), `${who} ${action}`).toEqual(unchanged)
    }
  }
})

test('a cross-site form post to a record action is refused before it runs', async ({ page, db }) => {
  const token = uniqueToken()
  const editor = await createUser(db, { role: 'editor' })
  await signIn(page, editor.email, editor.password)
  await expect(page).toHaveURL(/\/editor$/)
  const body = new FormData()
  body.append('_1_entity', 'person')
  body.append('_1_name', `Cross-site ${token}`)
  body.append('0', '["$undefined","$K1"]')
  const response = await page.request.post('/editor', {
    headers: { 'next-action': serverActionId('saveRecordAction'), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    multipart: body,
    maxRedirects: 0,
  })
  expect(response.status()).toBe(403)
  expect(await db.person.count({ where: { name: `Cross-site ${token}` } })).toBe(0)
})

test('an editor is refused every admin action, called directly; no account changes', async ({ browser, db }) => {
  const token = uniqueToken()
  const editor = await createUser(db, { role: 'editor' })
  const other = await createUser(db, { role: 'editor' })
  const [editorPage, otherPage] = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()]
  await signIn(editorPage, editor.email, editor.password)
  await signIn(otherPage, other.email, other.password)
  await expect(otherPage).toHaveURL(/\/editor$/)
  const sessionsBefore = await db.session.count({ where: { userId: other.id } })
  const attempts: [string, Record<string, string>][] = [
    ['createUserAction', { email: `intruder-${token}@example.org`, name: 'Intruder', role: 'admin' }],
    ['setRoleAction', { userId: other.id, role: 'admin' }],
    ['setBannedAction', { userId: other.id, banned: 'true' }],
    ['revokeSessionsAction', { userId: other.id }],
  ]
  for (const [action, fields] of attempts) {
    const response = await postAction(editorPage, action, fields)
    expect(response.status(), action).toBeLessThan(500)
    expect(await response.text(), action).toContain('Only an admin can do this')
  }
  expect(await db.user.count({ where: { email: `intruder-${token}@example.org` } })).toBe(0)
  expect(await db.user.findUniqueOrThrow({ where: { id: other.id }, select: { role: true, banned: true } })).toEqual({ role: 'editor', banned: false })
  expect(await db.session.count({ where: { userId: other.id } })).toBe(sessionsBefore)
})

test('the article reader refuses anonymous visitors: nothing is read or looked up', async ({ browser, db }) => {
  const fields = { url: 'https://example.org/a', content: '<html><head><title>Secret title</title></head><body><p>Text.</p></body></html>' }
  const page = await (await browser.newContext()).newPage()
  const response = await postAction(page, 'readArticleAction', fields)
  expect(response.status()).toBeLessThan(500)
  expect(await response.text()).not.toContain('Secret title')
  // Control: an editor's identical call is read, so the refusal above was the check's.
  const editor = await createUser(db, { role: 'editor' })
  const editorPage = await (await browser.newContext()).newPage()
  await signIn(editorPage, editor.email, editor.password)
  await expect(editorPage).toHaveURL(/\/editor$/)
  expect(await (await postAction(editorPage, 'readArticleAction', fields)).text()).toContain('Secret title')
})

// ===========================================================================
// The matrix, over raw HTTP.

const SECRET = `zsecret${uniqueToken()}`
/** Editor interface that must never reach someone refused: forms, admin pages, the signed-in shell. */
const EDITOR_UI = ['record-form-', 'Save case details', 'Create account', 'entries, newest first', 'data-testid="case-state"', 'Signed in as']

/** Who asks. `refusal`: what every page must answer them (the account page for an admin without TOTP aside). */
type Who = { name: string; cookie: string | null; kind: 'nobody' | 'pendingTotp' | 'editor' | 'admin'; password?: string }

type Arranged = {
  pages: EditorPage[]
  identities: Who[]
  editor: Who
  admin: Who
  ids: { case: number; draftCase: number; victim: number; targetUser: string; targetEmail: string; revision: number; userIds: string[]; publicSlug: string }
}

/** An editor page: its route (app/(editor)), an address of it, who may open it, and whether it shows a record (its secret). */
type EditorPage = { route: string; path: string; access: 'account' | 'editor' | 'admin'; showsSecret: boolean; alsoTo?: string }

const ENTITY_IDS = ['case', 'person', 'organisation', 'provision', 'source', 'alias', 'party', 'charge', 'event', 'citation', 'relation', 'conflict', 'conflictVersion'] as const

async function arrange(db: PrismaClient, baseURL: string): Promise<Arranged> {
  const cite = async () => ({ sourceId: source.id, quote: `${SECRET} quote`, locator: `${SECRET} locator` })
  const source = await createSource(db, { title: `${SECRET} source`, text: `${SECRET} text` })
  const org = await createOrganisation(db, { name: `${SECRET} court`, description: SECRET, aliases: [{ name: `${SECRET} court alias` }] })
  const provision = await createProvision(db, { title: `${SECRET} provision`, description: SECRET })
  const person = await createPerson(db, { name: `${SECRET} person`, description: SECRET, aliases: [{ name: `${SECRET} alias` }] })
  const victim = await createPerson(db, { name: `${SECRET} victim` })
  const c = await createCase(db, {
    published: false,
    title: `${SECRET} draft case`,
    summary: SECRET,
    authorityId: org.id,
    defendant: { personId: person.id },
    charges: [{ provisionId: provision.id, description: `${SECRET} charge`, citations: [await cite()] }],
    events: [{ kind: 'ARREST', date: day(2030, 1, 1), title: `${SECRET} event`, citations: [await cite()] }],
    summaryCitations: [await cite()],
  })
  const related = await createCase(db, { published: false, title: `${SECRET} related case`, defendant: null })
  const relation = await createCaseRelation(db, { fromCaseId: c.id, toCaseId: related.id, note: SECRET })
  const conflict = await createConflict(db, {
    caseId: c.id,
    subject: `${SECRET} subject`,
    versions: [
      { statement: `${SECRET} one`, citations: [await cite()] },
      { statement: `${SECRET} two`, citations: [await cite()] },
    ],
  })
  const alias = await db.alias.findFirstOrThrow({ where: { personId: person.id }, select: { id: true } })
  const citation = await db.citation.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true } })
  const id: Record<(typeof ENTITY_IDS)[number], number> = {
    case: c.id,
    person: person.id,
    organisation: org.id,
    provision: provision.id,
    source: source.id,
    alias: alias.id,
    party: c.defendant!.partyId,
    charge: c.chargeIds[0]!,
    event: c.eventIds[0]!,
    citation: citation.id,
    relation: relation.id,
    conflict: conflict.id,
    conflictVersion: conflict.versionIds[0]!,
  }
  // The admin pages' own secrets: an account and an audit entry.
  const target = await createUser(db, { role: 'editor', email: `${SECRET}-target@example.org` })
  await db.auditLog.create({ data: { action: 'attack-marker', detail: JSON.stringify({ marker: SECRET }) } })

  const pages: EditorPage[] = [
    { route: '/editor', path: '/editor', access: 'editor', showsSecret: true },
    { route: '/editor/account', path: '/editor/account', access: 'account', showsSecret: false },
    { route: '/editor/users', path: '/editor/users', access: 'admin', showsSecret: true },
    { route: '/editor/audit', path: '/editor/audit', access: 'admin', showsSecret: true },
    { route: '/editor/sources/new', path: '/editor/sources/new', access: 'editor', showsSecret: false },
    { route: '/editor/cases/[id]', path: `/editor/cases/${c.id}`, access: 'editor', showsSecret: true },
    { route: '/editor/cases/[id]/preview', path: `/editor/cases/${c.id}/preview`, access: 'editor', showsSecret: true },
    ...(['case', 'person', 'organisation', 'provision', 'source'] as const).map((e) => ({ route: '/editor/records/[entity]', path: `/editor/records/${e}`, access: 'editor' as const, showsSecret: true })),
    ...ENTITY_IDS.map((e) => ({
      route: '/editor/records/[entity]/new',
      path:
        e === 'alias'
          ? `/editor/records/alias/new?owner=person:${person.id}`
          : ['case', 'person', 'organisation', 'provision', 'source'].includes(e)
            ? `/editor/records/${e}/new`
            : `/editor/records/${e}/new?caseId=${c.id}`,
      access: 'editor' as const,
      showsSecret: false,
      alsoTo: e === 'source' ? '/editor/sources/new' : undefined,
    })),
    ...ENTITY_IDS.map((e) => ({
      route: '/editor/records/[entity]/[id]',
      path: `/editor/records/${e}/${id[e]}`,
      access: 'editor' as const,
      showsSecret: e !== 'case',
      alsoTo: e === 'case' ? `/editor/cases/${c.id}` : undefined,
    })),
    ...ENTITY_IDS.map((e) => ({ route: '/editor/records/[entity]/[id]/history', path: `/editor/records/${e}/${id[e]}/history`, access: 'editor' as const, showsSecret: false })),
  ]

  // The identities. Sessions are made by better-auth itself (support/sessions.ts), then
  // spoiled in the database the way each case arises in life.
  const session = async (role: 'editor' | 'admin') => {
    const user = await createUser(db, { role })
    return { user, value: await signedInCookieValue(db, user) }
  }
  const editor = await session('editor')
  const pendingAdmin = await session('admin')
  const revoked = await session('editor')
  await db.session.deleteMany({ where: { userId: revoked.user.id } })
  const expired = await session('editor')
  await db.session.updateMany({ where: { userId: expired.user.id }, data: { expiresAt: new Date(Date.now() - 60_000) } })
  const banned = await session('editor')
  await db.user.update({ where: { id: banned.user.id }, data: { banned: true } })
  const unknownRole = await session('editor')
  await db.user.update({ where: { id: unknownRole.user.id }, data: { role: 'superuser' } })
  const admin = await createUser(db, { role: 'admin' })
  const adminValue = await adminWithTotpCookieValue(db, admin)
  const [editorToken, editorSignature] = decodeURIComponent(editor.value).split('.') as [string, string]
  const [, adminSignature] = decodeURIComponent(adminValue).split('.') as [string, string]
  expect(editorSignature && adminSignature && adminSignature !== editorSignature, 'session cookies are signed token values').toBeTruthy()

  // One real revision to try restoring, made by the editor through the action (a positive control of the delivery).
  const made = await callAction(baseURL, cookieHeader(editor.value), 'saveRecordAction', { entity: 'person', id: String(victim.id), version: '1', name: `${SECRET} victim (edited)` })
  expect(made.status, 'the editor’s own call reaches the action').toBeLessThan(400)
  const revision = await db.revision.findFirstOrThrow({ where: { entity: 'person', entityId: victim.id }, select: { id: true } })

  const nobody = (name: string, cookie: string | null, password?: string): Who => ({ name, cookie, kind: 'nobody', password })
  return {
    pages,
    identities: [
      nobody('anonymous', null),
      nobody('forged cookie', cookieHeader(encodeURIComponent(`${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64')}`))),
      nobody('real token without its signature', cookieHeader(encodeURIComponent(editorToken))),
      nobody('real token with another session’s signature', cookieHeader(encodeURIComponent(`${editorToken}.${adminSignature}`))),
      nobody('revoked session', cookieHeader(revoked.value), revoked.user.password),
      nobody('expired session', cookieHeader(expired.value), expired.user.password),
      nobody('banned user’s session', cookieHeader(banned.value), banned.user.password),
      nobody('user of an unknown role', cookieHeader(unknownRole.value), unknownRole.user.password),
      { name: 'admin without TOTP', cookie: cookieHeader(pendingAdmin.value), kind: 'pendingTotp', password: pendingAdmin.user.password },
    ],
    editor: { name: 'editor', cookie: cookieHeader(editor.value), kind: 'editor', password: editor.user.password },
    admin: { name: 'admin with TOTP', cookie: cookieHeader(adminValue), kind: 'admin', password: admin.password },
    ids: {
      case: c.id,
      draftCase: c.id,
      victim: victim.id,
      targetUser: target.id,
      targetEmail: target.email,
      publicSlug: CASE_174_2020.slug,
      revision: revision.id,
      userIds: [editor.user.id, pendingAdmin.user.id, revoked.user.id, expired.user.id, banned.user.id, unknownRole.user.id, admin.id, target.id],
    },
  }
}

/** Calls a server action the way React's fetch does: Next-Action header, (state, FormData) as multipart. */
function callAction(baseURL: string, cookie: string | null, name: string, fields: Record<string, string>, extra: { path?: string; headers?: Record<string, string> } = {}) {
  const { body, contentType } = multipart([...Object.entries(fields).map(([k, v]) => [`_1_${k}`, v] as [string, string]), ['0', '["$undefined","$K1"]']])
  return rawRequest(baseURL, {
    method: 'POST',
    path: extra.path ?? '/editor',
    headers: { 'content-type': contentType, 'next-action': serverActionId(name), accept: 'text/x-component', ...(cookie ? { cookie } : {}), ...extra.headers },
    body,
  })
}

/** The markers of `body` that must not be there. */
function leaksIn(body: string, who: Who, allowShell: boolean): string[] {
  const found = body.includes(SECRET) ? [`record content (${SECRET})`] : []
  for (const marker of EDITOR_UI) if (body.includes(marker) && !(allowShell && marker === 'Signed in as')) found.push(`editor interface (“${marker}”)`)
  return found.map((f) => `${who.name}: ${f}`)
}

/** Runs `tasks` `parallel` at a time: four alone (CI's one worker), two beside another spec's worker, so as not to starve its browser. */
async function pool<T>(tasks: (() => Promise<T>)[], parallel = test.info().config.workers === 1 ? 4 : 2): Promise<T[]> {
  const out: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < tasks.length) {
        const i = next++
        out[i] = await tasks[i]!()
      }
    }),
  )
  return out
}

/** A GET as `who`; an RSC trick follows Next.js's redirect to its `_rsc` cache-buster (support/raw-http.ts). */
function getAs(baseURL: string, who: Who, path: string | Buffer, headers: Record<string, string> = {}) {
  return rawRequestFollowingRsc(baseURL, { path, headers: { ...(who.cookie ? { cookie: who.cookie } : {}), ...headers } })
}

const locationPath = (r: { headers: Record<string, string[]> }, baseURL: string) => {
  const l = r.headers.location?.[0]
  if (!l) return null
  const u = new URL(l, baseURL)
  return u.pathname + u.search
}

/** What `who` must be answered for `page` (no tricks): a path to be redirected to, or 200. */
function refusalFor(who: Who, page: EditorPage): string | 200 {
  if (who.kind === 'nobody') return '/sign-in'
  if (who.kind === 'pendingTotp') return page.access === 'account' ? 200 : '/editor/account?setup=totp'
  if (who.kind === 'editor') return page.access === 'admin' ? '/editor?denied=admin' : 200
  return 200
}

// Header tricks: each sent on its own, on top of the identity's cookie.
const stateTree = encodeURIComponent(JSON.stringify(['', { children: ['(editor)', { children: ['editor', { children: ['users', { children: ['__PAGE__', {}] }] }] }] }, null, null, true]))
const HEADER_TRICKS: [string, Record<string, string>][] = [
  ['RSC: 1', { rsc: '1' }],
  ['RSC prefetch', { rsc: '1', 'next-router-prefetch': '1' }],
  ['RSC segment prefetch', { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' }],
  ['RSC with a router state tree', { rsc: '1', 'next-router-state-tree': stateTree }],
  ['Accept: text/x-component', { accept: 'text/x-component' }],
  ['x-middleware-subrequest: proxy', { 'x-middleware-subrequest': 'proxy' }],
  ['x-middleware-subrequest: proxy ×5', { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }],
  ['x-middleware-subrequest: middleware ×5', { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }],
  ['x-middleware-subrequest: src/proxy ×5', { 'x-middleware-subrequest': 'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy' }],
  ['x-middleware-subrequest: pages/_middleware', { 'x-middleware-subrequest': 'pages/_middleware' }],
  ['x-nextjs-data', { 'x-nextjs-data': '1' }],
  ['Next.js internal routing headers', { 'x-matched-path': '/editor', 'x-invoke-path': '/editor', 'x-invoke-status': '200', 'x-invoke-query': '{}', 'x-now-route-matches': 'nxtPid=1' }],
  ['draft-mode cookies', { cookie: `__prerender_bypass=${randomBytes(16).toString('hex')}; __next_preview_data=${randomBytes(16).toString('hex')}` }],
  ['x-prerender-revalidate', { 'x-prerender-revalidate': randomBytes(16).toString('hex') }],
  ['Purpose/Sec-Purpose: prefetch', { purpose: 'prefetch', 'sec-purpose': 'prefetch' }],
  ['X-Forwarded-Host/Proto', { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '127.0.0.1' }],
  ['Next-Action on a GET', { 'next-action': '7f' + '0'.repeat(40) }],
]

// Path tricks: each a function of the page's address.
const PATH_TRICKS: [string, (path: string, buildId: string) => string][] = [
  ['trailing slash', (p) => `${p.split('?')[0]}/`],
  ['double slash', (p) => `/${p}`],
  ['double slash inside', (p) => p.replace('/editor', '/editor/')],
  ['/Editor', (p) => p.replace('/editor', '/Editor')],
  ['upper case', (p) => p.toUpperCase()],
  ['.rsc suffix', (p) => `${p.split('?')[0]}.rsc`],
  ['.txt suffix', (p) => `${p.split('?')[0]}.txt`],
  ['segment prefetch file', (p) => `${p.split('?')[0]}.segments/_tree.segment.rsc`],
  ['/_next/data', (p, id) => `/_next/data/${id}${p.split('?')[0]}.json`],
  ['?_rsc=', (p) => `${p}${p.includes('?') ? '&' : '?'}_rsc=${randomBytes(4).toString('hex')}`],
  ['%2F for /', (p) => `/${p.slice(1).replaceAll('/', '%2F')}`],
  ['%65 for e', (p) => p.replace('/editor', '/%65ditor')],
  ['/editor/..;/', (p) => p.replace('/editor', '/editor/..;')],
  ['dot segments', (p) => `/x/..${p}`],
  ['/./', (p) => p.replace('/editor', '/editor/.')],
  [';parameter', (p) => `${p.split('?')[0]};jsessionid=1`],
  ['%00 suffix', (p) => `${p.split('?')[0]}%00`],
  ['%20 suffix', (p) => `${p.split('?')[0]}%20`],
  ['route group name', (p) => `/(editor)${p}`],
  ['page file name', (p) => `${p.split('?')[0]}/page`],
  ['image optimizer', (p) => `/_next/image?url=${encodeURIComponent(p)}&w=64&q=75`],
]

/** The first address of each route: the tricks run on these. */
const onePerRoute = (pages: EditorPage[]) => pages.filter((p, i) => pages.findIndex((q) => q.route === p.route) === i)

test.describe('the matrix', () => {
  let arranged: Arranged
  test.beforeAll(async ({ db }, info) => {
    info.setTimeout(60_000)
    arranged = await arrange(db, info.project.use.baseURL!)
  })

  test('every editor page refuses every identity it must, and its answer leaks nothing; the editor’s own requests show what a leak would be', async ({ baseURL }) => {
    test.setTimeout(90_000)
    const { pages, identities, editor, admin } = arranged
    const problems: string[] = []
    const tasks = []
    // Every page for anonymous visitors, revoked sessions, admins without TOTP, editors and
    // admins; one page of every route for the other refused identities.
    const routes = new Set(onePerRoute(pages))
    const everywhere = new Set(['anonymous', 'revoked session', 'admin without TOTP'])
    for (const page of pages) {
      for (const who of [...identities, editor, admin].filter((w) => routes.has(page) || everywhere.has(w.name) || w.kind === 'editor' || w.kind === 'admin')) {
        tasks.push(async () => {
          const r = await getAs(baseURL!, who, page.path)
          const want = refusalFor(who, page)
          const to = locationPath(r, baseURL!)
          const label = `${who.name} GET ${page.path}`
          if (want === 200) {
            // Positive control: allowed, answered, and (for pages showing a record) showing its marker.
            const redirectedWithin = r.status === 307 && page.alsoTo !== undefined && to === page.alsoTo
            if (r.status !== 200 && !redirectedWithin) problems.push(`${label}: ${r.status} ${to ?? ''}, expected 200`)
            if (r.status === 200 && page.showsSecret && who.kind !== 'pendingTotp' && !r.body.includes(SECRET)) problems.push(`${label}: the control does not show the record's marker`)
            if (who.kind === 'pendingTotp') problems.push(...leaksIn(r.body, who, true).map((l) => `${label}: ${l}`))
          } else {
            if (r.status !== 307 || (to !== want && to !== page.alsoTo)) problems.push(`${label}: ${r.status} ${to ?? ''}, expected 307 to ${want}`)
            problems.push(...leaksIn(r.body, who, who.kind !== 'nobody').map((l) => `${label}: ${l}`))
          }
        })
      }
    }
    await pool(tasks)
    expect(problems).toEqual([])
    test.info().annotations.push({ type: 'requests', description: String(tasks.length) })
  })

  test('no header or path trick opens an editor page: anonymous visitors (every trick), editors on the admin pages (every trick), admins without TOTP (the header tricks)', async ({ baseURL }) => {
    test.setTimeout(90_000)
    const { pages, identities, editor } = arranged
    const anonymous = identities[0]!
    const pendingAdmin = identities.find((w) => w.kind === 'pendingTotp')!
    const buildId = readFileSync('.next/BUILD_ID', 'utf8').trim()
    const problems: string[] = []
    const statuses = new Map<number, number>()
    const tasks: (() => Promise<void>)[] = []
    const attempt = (who: Who, page: EditorPage, trick: string, path: string, headers: Record<string, string> = {}) =>
      tasks.push(async () => {
        const r = await getAs(baseURL!, who, path, headers)
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
        const label = `${who.name}, ${trick}: GET ${path}`
        problems.push(...leaksIn(r.body, who, who.kind !== 'nobody').map((l) => `${label}: ${l}`))
        // Refused means not answered: a 2xx is a page (or part of one) for someone who may not see it. Two
        // exceptions: an RSC answer is always 200, a refusal being a redirect inside the flight data
        // (NEXT_REDIRECT to where the identity is sent); and an RSC prefetch of a dynamic page is the
        // route tree alone, no element.
        const flightRedirect = /NEXT_REDIRECT;(?:replace|push);([^;]+);/.exec(r.body)?.[1]
        const routeTreeOnly = r.body.length < 2000 && r.body.includes('"__PAGE__"') && !r.body.includes('["$","')
        const mayOpen = who.kind === 'pendingTotp' && page.access === 'account'
        if (r.status >= 200 && r.status < 300 && !routeTreeOnly && !mayOpen) {
          const want = refusalFor(who, page)
          if (flightRedirect === undefined || (flightRedirect !== want && flightRedirect !== page.alsoTo))
            problems.push(`${label}: answered ${r.status} (${r.body.length} bytes${flightRedirect ? `, redirect to ${flightRedirect}` : ''})`)
        }
      })
    for (const page of onePerRoute(pages)) {
      for (const [trick, headers] of HEADER_TRICKS) {
        attempt(anonymous, page, trick, page.path, headers)
        attempt(pendingAdmin, page, trick, page.path, headers)
      }
      for (const [trick, make] of PATH_TRICKS) attempt(anonymous, page, trick, make(page.path, buildId))
    }
    for (const page of pages.filter((p) => p.access === 'admin')) {
      for (const [trick, headers] of HEADER_TRICKS) attempt(editor, page, trick, page.path, headers)
      for (const [trick, make] of PATH_TRICKS) attempt(editor, page, trick, make(page.path, buildId))
    }
    await pool(tasks)
    test.info().annotations.push({ type: 'requests', description: `${tasks.length}; statuses ${JSON.stringify(Object.fromEntries(statuses))}` })
    expect(problems).toEqual([])
  })

  test('no identity that must be refused gets a server action to run, whatever the delivery; forged action ids run nothing; cross-site posts are refused with a valid session; nothing is written', async ({
    db,
    baseURL,
  }) => {
    test.setTimeout(90_000)
    const { identities, editor, admin, ids } = arranged
    const intruder = `${SECRET}-intruder`
    // Each call is one an allowed caller would see succeed (the controls below show some do).
    const calls = (who: Who): { action: string; access: 'public' | 'account' | 'editor' | 'admin'; fields: Record<string, string> }[] => [
      { action: 'changePasswordAction', access: 'account', fields: { currentPassword: who.password ?? 'not-the-password', newPassword: `${intruder}-password`, confirmPassword: `${intruder}-password` } },
      { action: 'enableTotpAction', access: 'account', fields: { password: who.password ?? 'not-the-password' } },
      { action: 'confirmTotpAction', access: 'account', fields: { code: '123456' } },
      { action: 'saveRecordAction', access: 'editor', fields: { entity: 'person', name: `${intruder} person` } },
      { action: 'saveRecordAction', access: 'editor', fields: { entity: 'case', id: String(ids.draftCase), version: '1', title: `${intruder} defaced`, kind: 'CRIMINAL', jurisdiction: 'KZ' } },
      { action: 'deleteRecordAction', access: 'editor', fields: { entity: 'person', id: String(ids.victim), version: '2' } },
      { action: 'restoreRevisionAction', access: 'editor', fields: { revisionId: String(ids.revision), side: 'before' } },
      { action: 'publishCaseAction', access: 'editor', fields: { id: String(ids.draftCase), version: '1', publish: 'true' } },
      {
        action: 'readArticleAction',
        access: 'editor',
        fields: { url: `https://news.example.org/${intruder}`, content: `<html><head><title>${intruder} article</title></head><body><p>Text.</p></body></html>` },
      },
      { action: 'createUserAction', access: 'admin', fields: { email: `${intruder}@example.org`, name: 'Intruder', role: 'admin' } },
      { action: 'setRoleAction', access: 'admin', fields: { userId: ids.targetUser, role: 'admin' } },
      { action: 'setBannedAction', access: 'admin', fields: { userId: ids.targetUser, banned: 'true' } },
      { action: 'revokeSessionsAction', access: 'admin', fields: { userId: ids.targetUser } },
    ]
    const refused = (who: Who, access: string) => who.kind === 'nobody' || (who.kind === 'pendingTotp' && access !== 'account') || (who.kind === 'editor' && access === 'admin')

    const snapshot = async () => ({
      draftCase: await db.case.findUniqueOrThrow({ where: { id: ids.draftCase }, select: { title: true, version: true, publishedAt: true, deletedAt: true, withdrawnAt: true } }),
      victim: await db.person.findUniqueOrThrow({ where: { id: ids.victim }, select: { name: true, version: true, deletedAt: true } }),
      users: await db.user.findMany({ where: { id: { in: ids.userIds } }, orderBy: { id: 'asc' }, select: { id: true, role: true, banned: true, twoFactorEnabled: true, updatedAt: true } }),
      passwords: await db.account.findMany({ where: { userId: { in: ids.userIds } }, orderBy: { userId: 'asc' }, select: { userId: true, password: true, updatedAt: true } }),
      // Live sessions: better-auth itself deletes an expired one when it is presented (the expired identity's).
      sessions: await db.session.findMany({ where: { userId: { in: ids.userIds }, expiresAt: { gt: new Date() } }, orderBy: { id: 'asc' }, select: { id: true, expiresAt: true } }),
      expiredSessions: await db.session.count({ where: { userId: { in: ids.userIds }, expiresAt: { lte: new Date() } } }),
      twoFactors: await db.twoFactor.count({ where: { userId: { in: ids.userIds } } }),
      revisionsByThem: await db.revision.count({ where: { OR: [{ actorUserId: { in: ids.userIds } }, { entity: 'case', entityId: ids.draftCase }] } }),
      auditAboutThem: await db.auditLog.count({ where: { OR: [{ actorUserId: { in: ids.userIds } }, { targetId: { in: ids.userIds } }, { detail: { contains: intruder } }] } }),
      intruders: [
        await db.person.count({ where: { name: { contains: intruder } } }),
        await db.user.count({ where: { email: { contains: intruder } } }),
        await db.case.count({ where: { title: { contains: intruder } } }),
      ],
    })
    const oneWorker = test.info().config.workers === 1
    const tablesBefore = oneWorker ? await countAllTables(db) : null
    const before = await snapshot()

    const problems: string[] = []
    const tasks: (() => Promise<void>)[] = []
    /** `who`: the caller whose answer must leak nothing; null for allowed callers (forged ids, cross-site), where only writes matter. */
    const judge = (label: string, who: Who | null, r: RawResponse, want?: (r: RawResponse) => string | null) => {
      if (who) problems.push(...leaksIn(r.body, who, who.kind !== 'nobody').map((l) => `${label}: ${l}`))
      if (r.body.includes(`${intruder} article`)) problems.push(`${label}: the article reader answered (it read the pasted article)`)
      const wrong = want?.(r)
      if (wrong) problems.push(`${label}: ${wrong}`)
    }
    const mpa = (actionName: string, fields: Record<string, string>) => multipart([[`$ACTION_ID_${serverActionId(actionName)}`, ''], ...Object.entries(fields)])

    // 1. Every identity that must be refused, every action it must be refused, as React calls it.
    for (const who of [...identities, editor]) {
      for (const call of calls(who).filter((c) => refused(who, c.access))) {
        tasks.push(async () => {
          const r = await callAction(baseURL!, who.cookie, call.action, call.fields)
          judge(`${who.name} → ${call.action}`, who, r, (res) => (who.kind === 'editor' && !res.body.includes('Only an admin can do this') ? `answered ${res.status} without “Only an admin can do this”` : null))
        })
      }
    }
    // 2. Anonymous, every other way to deliver the same calls: to other addresses (every page
    //    runs any action), as a no-JavaScript form post, as text/plain or urlencoded.
    const anonymous = identities[0]!
    const elsewhere = ['/', '/about', `/cases/${ids.publicSlug}`, '/sign-in', '/editor/users', `/editor/cases/${ids.case}`, '/api/health', '/no-such-page', '/_next/static/x.js']
    for (const call of calls(anonymous)) {
      for (const path of elsewhere) tasks.push(async () => judge(`anonymous → ${call.action} at ${path}`, anonymous, await callAction(baseURL!, null, call.action, call.fields, { path })))
      tasks.push(async () => {
        const { body, contentType } = mpa(call.action, call.fields)
        judge(`anonymous → ${call.action} as a form post`, anonymous, await rawRequest(baseURL!, { method: 'POST', path: '/editor', headers: { 'content-type': contentType }, body }))
      })
      tasks.push(async () => {
        const body = JSON.stringify(['$undefined', call.fields])
        judge(
          `anonymous → ${call.action} as text/plain`,
          anonymous,
          await rawRequest(baseURL!, { method: 'POST', path: '/editor', headers: { 'content-type': 'text/plain;charset=UTF-8', 'next-action': serverActionId(call.action), accept: 'text/x-component' }, body }),
        )
      })
      tasks.push(async () => {
        const body = new URLSearchParams(Object.entries(call.fields).map(([k, v]) => [`_1_${k}`, v])).toString()
        judge(
          `anonymous → ${call.action} urlencoded`,
          anonymous,
          await rawRequest(baseURL!, {
            method: 'POST',
            path: '/editor',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'next-action': serverActionId(call.action), accept: 'text/x-component' },
            body,
          }),
        )
      })
    }
    // 3. Forged action ids, with the editor's and the admin's valid sessions: nothing runs. (Spaces
    //    around a real id are no forgery: HTTP strips them from a header value.)
    const realId = serverActionId('saveRecordAction')
    const forgedIds = [
      'zzz',
      '0',
      '7f' + '0'.repeat(40),
      realId.toUpperCase(),
      `${realId}00`,
      realId.slice(0, -2),
      `${realId}\t${realId}`,
      `${realId},${realId}`,
      '../' + realId,
      '%37' + realId.slice(1),
      '$ACTION_ID_' + realId,
    ]
    for (const who of [editor, admin]) {
      for (const forged of forgedIds) {
        tasks.push(async () => {
          const { body, contentType } = multipart([
            ['_1_entity', 'person'],
            ['_1_name', `${intruder} forged id`],
            ['0', '["$undefined","$K1"]'],
          ])
          const r = await rawRequest(baseURL!, { method: 'POST', path: '/editor', headers: { 'content-type': contentType, 'next-action': forged, accept: 'text/x-component', cookie: who.cookie! }, body })
          judge(`${who.name}, forged action id ${JSON.stringify(forged)}`, null, r, (res) =>
            res.status >= 200 && res.status < 300 && res.body.includes('"$undefined"') ? `answered ${res.status} like an action` : null,
          )
        })
      }
      for (const forged of ['zzz', '7f' + '0'.repeat(40), realId.toUpperCase()]) {
        tasks.push(async () => {
          const { body, contentType } = multipart([
            [`$ACTION_ID_${forged}`, ''],
            ['entity', 'person'],
            ['name', `${intruder} forged form`],
          ])
          judge(`${who.name}, forged form action id ${forged}`, null, await rawRequest(baseURL!, { method: 'POST', path: '/editor', headers: { 'content-type': contentType, cookie: who.cookie! }, body }))
        })
      }
    }
    // 4. Cross-site, with valid sessions (a browser would not even send the SameSite=Lax cookie):
    //    refused with 403 before any action runs, however the origin is spelled.
    const host = new URL(baseURL!).host
    const crossSite: [string, Record<string, string>][] = [
      ['Origin of another site and Sec-Fetch-Site: cross-site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
      ['Origin of another site alone', { origin: 'https://evil.example' }],
      ['Origin: null (a sandboxed frame)', { origin: 'null' }],
      ['Sec-Fetch-Site: same-site (a sibling subdomain)', { origin: `http://sub.${host}`, 'sec-fetch-site': 'same-site' }],
      ['Sec-Fetch-Site: cross-site alone', { 'sec-fetch-site': 'cross-site' }],
      ['Origin on another port', { origin: `http://${new URL(baseURL!).hostname}:1` }],
      ['Origin with our host as a prefix', { origin: `http://${host}.evil.example` }],
      ['Origin with our host as user info', { origin: `http://${host}@evil.example` }],
      ['an unparsable Origin', { origin: 'http://[' }],
      ['Origin of another site and x-middleware-subrequest', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }],
    ]
    for (const [how, headers] of crossSite) {
      for (const [who, call] of [
        [editor, calls(editor)[3]!],
        [editor, calls(editor)[5]!],
        [editor, calls(editor)[7]!],
        [admin, calls(admin)[10]!],
      ] as const) {
        tasks.push(async () => {
          const r = await callAction(baseURL!, who.cookie, call.action, call.fields, { headers })
          judge(`${who.name} → ${call.action}, cross-site (${how})`, null, r, (res) => (res.status === 403 ? null : `answered ${res.status}, expected 403`))
        })
        tasks.push(async () => {
          const { body, contentType } = mpa(call.action, call.fields)
          const r = await rawRequest(baseURL!, { method: 'POST', path: '/editor', headers: { 'content-type': contentType, cookie: who.cookie!, ...headers }, body })
          judge(`${who.name} → ${call.action} as a form post, cross-site (${how})`, null, r, (res) => (res.status === 403 ? null : `answered ${res.status}, expected 403`))
        })
      }
    }
    await pool(tasks)

    expect(problems).toEqual([])
    const after = await snapshot()
    expect({ ...after, expiredSessions: 0 }, 'nothing written').toEqual({ ...before, expiredSessions: 0 })
    if (tablesBefore) {
      const changed = countChanges(tablesBefore, await countAllTables(db))
      delete changed.PageCacheEntry
      if (changed.Session === after.expiredSessions - before.expiredSessions) delete changed.Session
      expect(changed, 'no table gained or lost a row').toEqual({})
    }
    // Controls: the same calls with an allowed session do reach the actions.
    const read = await callAction(baseURL!, editor.cookie, 'readArticleAction', calls(editor)[8]!.fields)
    expect(read.body, 'control: the editor’s article reading answers').toContain(`${intruder} article`)
    const role = await callAction(baseURL!, admin.cookie, 'setRoleAction', { userId: ids.targetUser, role: 'admin' })
    expect(role.body, 'control: the admin’s role change answers').toContain('is now an admin')
    expect((await db.user.findUniqueOrThrow({ where: { id: ids.targetUser }, select: { role: true } })).role).toBe('admin')
    test.info().annotations.push({ type: 'requests', description: String(tasks.length + 2) })
  })
})
