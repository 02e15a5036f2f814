// Who may open the editor's record pages and call its record actions. Each action is
// called directly, as a script with a stolen form would (the action id from the
// build, React's encoding of (state, FormData)), so the test proves the check inside
// the action — not the page that hides the form. Afterwards the database is unchanged.
import { createCase, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { postAction, serverActionId, signIn } from './support/editor'

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

  for (const [who, page, refusedTo] of [
    ['anonymous', anonymousPage, /\/sign-in$/],
    ['admin without TOTP', adminPage, /\/editor\/account\?setup=totp$/],
  ] as const) {
    for (const path of EDITOR_PAGES(c.id, personId)) {
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
