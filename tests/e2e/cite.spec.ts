// "Cite this page", version permalinks, share images, JSON-LD, the sitemap and canonical
// links, read as readers read them: the production build, through the page cache,
// proxy.ts's redirects and statuses (docs/decisions/026-case-versions.md, 027-citing-a-page.md).
import { day } from '@/lib/domain/partial-date'
import { createCase, renameCaseSlug, withdrawCase } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { editRecord, signInAsEditor } from './support/editor-forms'
import { CASE_174_2019 } from './support/seed'

// The site's public address in these tests: BETTER_AUTH_URL's default.
const SITE = 'http://localhost:3000'
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

test('the demo case cites its absolute address and its version in every format, selectable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  expect((await page.goto(`/cases/${CASE_174_2019.slug}`))?.status()).toBe(200)
  const block = page.getByTestId('cite-block')
  await expect(block.getByRole('heading', { name: 'Cite this page' })).toBeVisible()
  await expect(block.getByTestId('cite-address')).toHaveText(`${SITE}/cases/${CASE_174_2019.slug}`)
  const permalink = await block.getByTestId('cite-permalink').getAttribute('href')
  expect(permalink).toMatch(new RegExp(`^${SITE}/cases/${CASE_174_2019.slug}/versions/\\d+$`))
  await expect(block.getByTestId('cite-version')).toContainText(/Version \d+ of \d+ \w+ \d{4}/)
  // The cached page cannot know the reader's day: without JavaScript it says to add it.
  await expect(block.getByTestId('accessed-date')).toContainText('the date you read it')

  await expect(block.getByTestId('cite-apa')).toContainText(`Casebook. (`)
  await expect(block.getByTestId('cite-apa')).toContainText(`${CASE_174_2019.title}. Casebook. ${permalink}`)
  await expect(block.getByTestId('cite-mla')).toContainText(/^Casebook\. “Serikzhan Bilash: Inciting Discord \(2019\)\.” Casebook, Version \d+, /)
  await expect(block.getByTestId('cite-chicago')).toContainText('Casebook. 20')
  await expect(block.getByTestId('cite-plain')).toContainText(`Casebook, “${CASE_174_2019.title}”`)
  await block.getByText('For reference managers').click()
  await expect(block.getByTestId('cite-bibtex')).toContainText('@misc{')
  await expect(block.getByTestId('cite-ris')).toContainText(`UR  - ${permalink}`)
  const csl = JSON.parse((await block.getByTestId('cite-csl-json').textContent()) ?? '') as { URL: string; title: string }[]
  expect(csl[0]).toMatchObject({ URL: permalink, title: CASE_174_2019.title })

  // No copy button without JavaScript, but one click selects the whole citation.
  await expect(block.getByRole('button', { name: /^Copy/ })).toHaveCount(0)
  await block.getByTestId('cite-apa').click()
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(await block.getByTestId('cite-apa').textContent())
  await context.close()
})

test('with JavaScript, the copy button copies the citation and the access date is today', async ({ browser, baseURL }) => {
  const context = await browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const page = await context.newPage()
  await page.goto(`/cases/${CASE_174_2019.slug}`)
  const block = page.getByTestId('cite-block')
  await block.getByRole('button', { name: 'Copy APA' }).click()
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await block.getByTestId('cite-apa').textContent())
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  await expect(block.getByTestId('accessed-date')).toContainText(`today, ${today}`)
  await context.close()
})

test('every timeline event has a visible link to its own anchor', async ({ page }) => {
  await page.goto(`/cases/${CASE_174_2019.slug}`)
  const events = page.getByTestId('timeline').locator(':scope > li')
  const count = await events.count()
  expect(count).toBeGreaterThan(2)
  for (let i = 0; i < count; i++) {
    const li = events.nth(i)
    const id = await li.getAttribute('id')
    await expect(li.getByTestId('event-anchor')).toHaveAttribute('href', `#${id}`)
    await expect(li.getByTestId('event-anchor')).toBeVisible()
  }
})

test('an editor edits a case: the old version keeps the old text with a notice, the page cites the new version', async ({ page, db, request }) => {
  const tok = Date.now().toString(36)
  const c = await createCase(db, { title: `Cited case ${tok}`, summary: `Old summary ${tok}.`, events: [{ kind: 'INVESTIGATION_OPENED', date: day(2020, 4, 1), title: `Opened ${tok}` }] })
  // The first reading records version 1 (the factory wrote behind the app's back).
  const before = await request.get(`/cases/${c.slug}`)
  const v1 = /\/versions\/(\d+)/.exec(await before.text())?.[1]
  expect(v1).toBe('1')

  const editor = await createUser(db, { role: 'editor' })
  await signInAsEditor(page, editor)
  await editRecord(page, 'case', c.id, (f) => f.getByLabel('Summary', { exact: true }).fill(`New summary ${tok}.`), 'Saved the case.')

  const current = await request.get(`/cases/${c.slug}`)
  const html = await current.text()
  expect(html).toContain(`New summary ${tok}.`)
  expect(html).toContain(`${SITE}/cases/${c.slug}/versions/2`)
  expect(html).not.toContain(`Old summary ${tok}.`)

  // Read twice: rendered, then from the page cache.
  for (const attempt of ['rendered', 'cached']) {
    const old = await request.get(`/cases/${c.slug}/versions/1`)
    expect(old.status(), attempt).toBe(200)
    const oldHtml = await old.text()
    expect(oldHtml).toContain(`Old summary ${tok}.`)
    expect(oldHtml).not.toContain(`New summary ${tok}.`)
    expect(oldHtml).toContain('the current page has changed since')
    expect(oldHtml).toContain(`href="/cases/${c.slug}"`)
    expect(oldHtml).toContain(`${SITE}/cases/${c.slug}/versions/1`)
    expect(oldHtml).toMatch(/<li id="event-(\d+)"[^>]*>.*?href="#event-\1"/s)
  }
  await page.goto(`/cases/${c.slug}/versions/1`)
  await expect(page.getByTestId('version-notice')).toContainText('You are reading the version of')
  await page.getByTestId('version-notice').getByRole('link', { name: 'Read the current page' }).click()
  await expect(page).toHaveURL(new RegExp(`/cases/${c.slug}$`))
  await expect(page.getByText(`New summary ${tok}.`)).toBeVisible()

  expect((await request.get(`/cases/${c.slug}/versions/3`)).status()).toBe(404)
  expect((await request.get(`/cases/${c.slug}/versions/abc`)).status()).toBe(404)
})

test('a renamed case’s versions follow it (308); a withdrawn case’s versions answer 410 and show nothing of it', async ({ request, db }) => {
  const tok = Date.now().toString(36)
  const c = await createCase(db, { title: `Versioned case ${tok}`, summary: `Versioned summary ${tok}.` })
  await request.get(`/cases/${c.slug}`)
  expect((await request.get(`/cases/${c.slug}/versions/1`)).status()).toBe(200)

  const renamed = `renamed-${tok}`
  await renameCaseSlug(db, c.id, renamed)
  const moved = await request.get(`/cases/${c.slug}/versions/1`, { maxRedirects: 0 })
  expect(moved.status()).toBe(308)
  expect(moved.headers()['location']).toMatch(new RegExp(`/cases/${renamed}/versions/1$`))
  const followed = await (await request.get(`/cases/${renamed}/versions/1`)).text()
  expect(followed).toContain(`Versioned summary ${tok}.`)
  expect(followed).toContain(`${SITE}/cases/${renamed}/versions/1`)

  await withdrawCase(db, c.id)
  for (const attempt of ['rendered', 'cached']) {
    const gone = await request.get(`/cases/${renamed}/versions/1`, { maxRedirects: 0 })
    expect(gone.status(), attempt).toBe(410)
    const html = await gone.text()
    expect(html).toContain('This case has been withdrawn')
    expect(html).not.toContain(`Versioned summary ${tok}.`)
    expect(html).not.toContain(`Versioned case ${tok}`)
  }
})

test('the share image is a PNG, named by the page’s og:image and twitter:image', async ({ request }) => {
  const html = await (await request.get(`/cases/${CASE_174_2019.slug}`)).text()
  const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]
  expect(og).toMatch(new RegExp(`^${SITE}/cases/${CASE_174_2019.slug}/share-image\\?v=\\d+$`))
  expect(html).toContain(`<meta name="twitter:image" content="${og}"`)
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image"')
  const image = await request.get(new URL(og!).pathname + new URL(og!).search)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
  expect([...(await image.body()).subarray(0, 8)]).toEqual(PNG_SIGNATURE)

  const person = await request.get('/people/serikzhan-bilash/share-image')
  expect(person.headers()['content-type']).toBe('image/png')
  expect([...(await person.body()).subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  expect((await request.get('/cases/no-such-case/share-image')).status()).toBe(404)
})

test('JSON-LD parses and describes the page; a title cannot close its script', async ({ request, db }) => {
  const html = await (await request.get(`/cases/${CASE_174_2019.slug}`)).text()
  const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1]
  const data = JSON.parse(json!) as Record<string, unknown>
  expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'WebPage', name: CASE_174_2019.title, url: `${SITE}/cases/${CASE_174_2019.slug}` })

  const hostile = await createCase(db, { title: `</script><script>window.pwned=1</script> ${Date.now()}` })
  const hostileHtml = await (await request.get(`/cases/${hostile.slug}`)).text()
  const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(hostileHtml)?.[1]
  expect((JSON.parse(ld!) as { name: string }).name).toBe(hostile.title)

  const personHtml = await (await request.get('/people/serikzhan-bilash')).text()
  const personLd = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(personHtml)![1]!) as { '@type': string; mainEntity: { name: string } }
  expect(personLd['@type']).toBe('ProfilePage')
  expect(personLd.mainEntity.name).toBe('Serikzhan Bilash')
})

test('sitemap.xml lists the demo case and no draft; every public page names its canonical address', async ({ request, db }) => {
  const draft = await createCase(db, { title: `Draft for the sitemap ${Date.now()}`, published: false })
  const sitemap = await request.get('/sitemap.xml')
  expect(sitemap.status()).toBe(200)
  expect(sitemap.headers()['content-type']).toContain('xml')
  const xml = await sitemap.text()
  expect(xml).toContain(`<loc>${SITE}/cases/${CASE_174_2019.slug}</loc>`)
  expect(xml).toContain(`<loc>${SITE}/people/serikzhan-bilash</loc>`)
  expect(xml).toContain(`<loc>${SITE}/about</loc>`)
  expect(xml).not.toContain(draft.slug)

  for (const path of [`/cases/${CASE_174_2019.slug}`, '/people/serikzhan-bilash', '/about', '/', '/?status=dropped']) {
    const html = await (await request.get(path)).text()
    expect(html, path).toMatch(/<link rel="canonical" href="http:\/\/localhost:3000(\/[^"]*)?"/)
  }
  const versionHtml = await (await request.get(`/cases/${CASE_174_2019.slug}/versions/1`)).text()
  expect(versionHtml).toContain(`<link rel="canonical" href="${SITE}/cases/${CASE_174_2019.slug}"`)
})
