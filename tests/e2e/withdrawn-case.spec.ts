// A case that was published and then withdrawn (unpublished or deleted) answers 410
// Gone with a short notice in the site's layout, readable without JavaScript; a draft
// never published stays a 404 (docs/decisions/009-withdrawn-cases-410.md).
//
// Factory writes clear the page cache (tests/e2e/support/db.ts); the staleness spec
// covers withdrawals made through the editor, with pages cached before.
//
// The notice names nothing the case has now: a withdrawn case can be a draft again,
// with a title or address that is not public.
import { createCase, renameCaseSlug, withdrawCase } from '../support/factories'
import { expect, test } from './support/db'

const NOTICE = 'This case has been withdrawn'

test('a withdrawn case answers 410 with the notice in the HTML, on every request', async ({ request, db }) => {
  const c = await createCase(db, { title: `Withdrawn case ${Date.now()}` })
  await withdrawCase(db, c.id, { at: new Date('2026-11-30T12:00:00Z') })

  // The first answer renders the page, the second comes from the cache.
  for (const attempt of ['rendered', 'cached']) {
    const response = await request.get(`/cases/${c.slug}`, { maxRedirects: 0 })
    expect(response.status(), attempt).toBe(410)
    expect(response.headers()['content-type']).toContain('text/html')
    const html = await response.text()
    expect(html).toContain(NOTICE)
    expect(html).not.toContain(c.title)
    expect(html).toContain('30 November 2026')
    expect(html).toMatch(/<meta name="robots" content="noindex"\/>/)
    expect(html).toContain('<title>Case withdrawn · Casebook</title>')
  }
})

test('the notice is a page of the site, the same with and without JavaScript', async ({ browser, db }) => {
  const c = await createCase(db, { title: `Deleted case ${Date.now()}` })
  await withdrawCase(db, c.id, { deleted: true })

  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    const response = await page.goto(`/cases/${c.slug}`)
    expect(response?.status()).toBe(410)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOTICE)
    await expect(page.getByTestId('withdrawn-notice')).not.toContainText(c.title)
    // The site's header, and ways on: a search and the dashboard.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Casebook' })).toBeVisible()
    await expect(page.getByRole('main').getByRole('search').getByRole('searchbox')).toBeVisible()
    await expect(page.getByRole('main').getByRole('link', { name: /dashboard/i })).toHaveAttribute('href', '/')
    await context.close()
  }
})

test('a draft that was never published answers 404, not 410', async ({ request, db }) => {
  const draft = await createCase(db, { title: `Draft case ${Date.now()}`, published: false })
  const response = await request.get(`/cases/${draft.slug}`, { maxRedirects: 0 })
  expect(response.status()).toBe(404)
  const html = await response.text()
  expect(html).toContain('No case at this address')
  expect(html).not.toContain(NOTICE)
  expect(html).not.toContain(draft.title)
})

test('a published case answers 200 with its page', async ({ request, db }) => {
  const c = await createCase(db, { title: `Published case ${Date.now()}` })
  const response = await request.get(`/cases/${c.slug}`, { maxRedirects: 0 })
  expect(response.status()).toBe(200)
  const html = await response.text()
  expect(html).toContain(c.title)
  expect(html).not.toContain(NOTICE)
})

test('every old slug of a withdrawn case answers 410 itself, never revealing the address it has now', async ({ request, db }) => {
  const c = await createCase(db, { title: `Renamed then withdrawn ${Date.now()}` })
  const { oldSlug, newSlug } = await renameCaseSlug(db, c.id)
  await withdrawCase(db, c.id)

  for (const slug of [oldSlug, newSlug]) {
    const gone = await request.get(`/cases/${slug}`, { maxRedirects: 0 })
    expect(gone.status(), slug).toBe(410)
    expect(gone.headers()['location']).toBeUndefined()
    const html = await gone.text()
    expect(html).toContain(NOTICE)
    if (slug === oldSlug) expect(html).not.toContain(newSlug)
    expect(html).not.toContain(c.title)
  }
})
