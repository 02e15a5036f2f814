// The dashboard: filters live in the URL, work through a plain GET form (with or
// without JavaScript), and a filter the page cannot read is reported, not fatal.
import { year } from '@/lib/domain/partial-date'
import { createCase, createPerson } from '../support/factories'
import { expect, test } from './support/db'
import { ART_174, BILASH, CASE_174_2019, CASE_174_2020, SEEDED_CASES } from './support/seed'

type Page = import('@playwright/test').Page
const rows = (page: Page) => page.getByTestId('case-row')
/** A filter <select>: its accessible name is its label followed by the chosen option. */
const select = (page: Page, label: string) => page.getByRole('search', { name: 'Filter cases' }).getByRole('combobox', { name: new RegExp(`^${label}\\b`) })
const rowTitles = async (page: Page) => (await rows(page).getByRole('heading', { level: 3 }).allInnerTexts()).map((t) => t.trim())

test('lists the seeded cases, latest first, each linking to its page', async ({ page }) => {
  const response = await page.goto('/')
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Political prosecutions, case by case')
  const titles = await rowTitles(page)
  for (const c of SEEDED_CASES) expect(titles).toContain(c.title)
  const link = page.getByRole('link', { name: CASE_174_2020.title, exact: true })
  await expect(link).toHaveAttribute('href', `/cases/${CASE_174_2020.slug}`)
  // The status counts link to the filtered views.
  await expect(page.getByRole('navigation', { name: 'Cases by status' }).getByRole('link', { name: /^Dropped \d+$/ })).toHaveAttribute('href', '/?status=dropped')
})

test('filters by status through the form, into a shareable URL', async ({ page }) => {
  await page.goto('/')
  await select(page, 'Status').selectOption({ label: 'Dropped' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL((url) => url.searchParams.get('status') === 'dropped')
  await expect(page.getByRole('heading', { name: /(1 case matches|cases match) these filters/ })).toBeVisible()
  await expect(select(page, 'Status')).toHaveValue('dropped')
  const titles = await rowTitles(page)
  expect(titles).toContain(CASE_174_2020.title)
  expect(titles).not.toContain(CASE_174_2019.title)
  // Every listed case is dropped.
  const badges = rows(page).getByTestId('status-badge')
  expect(await badges.count()).toBeGreaterThan(0)
  for (const text of await badges.allInnerTexts()) expect(text.trim()).toBe('Dropped')
})

test('a shared link /?status=dropped&year=2020 shows exactly the 2020 article 174 case', async ({ page }) => {
  const response = await page.goto('/?status=dropped&year=2020')
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { name: '1 case matches these filters' })).toBeVisible()
  expect(await rowTitles(page)).toEqual([CASE_174_2020.title])
  // The form shows the filters it came with.
  await expect(select(page, 'Status')).toHaveValue('dropped')
  await expect(select(page, 'Active in year')).toHaveValue('2020')
})

test('a status count is a link that filters the list', async ({ page }) => {
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Cases by status' })
    .getByRole('link', { name: /^Dropped \d+$/ })
    .click()
  await expect(page).toHaveURL((url) => url.search === '?status=dropped')
  await expect(page.getByRole('heading', { name: /(1 case matches|cases match) these filters/ })).toBeVisible()
  for (const text of await rows(page).getByTestId('status-badge').allInnerTexts()) expect(text.trim()).toBe('Dropped')
})

test('filtered views are served from the page cache, whatever the order of the filters', async ({ request }) => {
  const first = await request.get('/?year=2019&status=plea-deal')
  expect(first.status()).toBe(200)
  const again = await request.get('/?status=plea-deal&year=2019')
  expect(again.headers()['x-nextjs-cache']).toBe('HIT')
  expect(await again.text()).toContain(CASE_174_2019.title)
  // Searches are rendered per request: too varied to cache.
  const search = await request.get(`/?q=${encodeURIComponent('Bayzhanov')}`)
  expect(search.status()).toBe(200)
  expect(search.headers()['x-nextjs-cache']).toBeUndefined()
})

test('filters by provision: every published case charging article 174', async ({ page, db }) => {
  const expected = await db.case.findMany({
    where: { publishedAt: { not: null }, charges: { some: { provision: { slug: ART_174.slug } } } },
    select: { title: true },
  })
  expect(expected.map((c) => c.title)).toEqual(expect.arrayContaining([CASE_174_2019.title, CASE_174_2020.title]))

  await page.goto('/')
  await select(page, 'Charged under').selectOption(ART_174.slug)
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL((url) => url.searchParams.get('provision') === ART_174.slug)
  expect((await rowTitles(page)).sort()).toEqual(expected.map((c) => c.title).sort())
})

test('filters by person from the person page’s "All cases involving" link', async ({ page, db }) => {
  const expected = await db.case.findMany({
    where: { publishedAt: { not: null }, parties: { some: { person: { slug: BILASH.slug } } } },
    select: { title: true },
  })
  expect(expected.length).toBeGreaterThan(1)

  await page.goto(`/people/${BILASH.slug}`)
  await page.getByRole('link', { name: `All cases involving ${BILASH.name}` }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/' && url.searchParams.get('person') === BILASH.slug)
  await expect(page.getByText(`Showing cases involving ${BILASH.name}`)).toBeVisible()
  expect((await rowTitles(page)).sort()).toEqual(expected.map((c) => c.title).sort())
  // The person filter survives another filter applied through the form.
  await select(page, 'Kind').selectOption('criminal')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL((url) => url.searchParams.get('person') === BILASH.slug && url.searchParams.get('kind') === 'criminal')
})

test('an impossible combination shows a helpful empty state', async ({ page }) => {
  const response = await page.goto('/?status=dropped&jurisdiction=un')
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { name: '0 cases match these filters' })).toBeVisible()
  await expect(rows(page)).toHaveCount(0)
  await expect(page.getByText('No case matches these filters.')).toBeVisible()
  await expect(page.getByText(/Try fewer filters, another spelling of a name/)).toBeVisible()
  await page.getByRole('link', { name: 'clear all filters', exact: true }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/' && url.search === '')
  await expect(rows(page).first()).toBeVisible()
})

test('a filter it cannot read is ignored and reported, with status 200', async ({ page }) => {
  const response = await page.goto('/?status=nonsense')
  expect(response?.status()).toBe(200)
  const notice = page.getByRole('status').filter({ hasText: 'were not understood and were ignored' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('Ignored status “nonsense”')
  // The rest of the page works: the unfiltered list.
  expect(await rowTitles(page)).toContain(CASE_174_2020.title)
})

test('paginates, 25 cases a page', async ({ page, db }) => {
  // Factory-made cases of one person, ended in 1995, so that the seeded views the
  // other specs check (2020, latest first) are unchanged.
  const person = await createPerson(db, { name: `Paginated Defendant ${Date.now()}` })
  for (let i = 0; i < 30; i++) {
    await createCase(db, {
      title: `Paginated case ${String(i + 1).padStart(2, '0')}`,
      kind: 'CIVIL',
      defendant: { personId: person.id },
      events: [{ kind: 'CASE_TERMINATED', date: year(1995) }],
    })
  }

  await page.goto(`/?person=${person.slug}&sort=title`)
  await expect(page.getByRole('heading', { name: '30 cases match these filters' })).toBeVisible()
  await expect(rows(page)).toHaveCount(25)
  const pages = page.getByRole('navigation', { name: 'Pages' })
  await expect(pages).toContainText('Page 1 of 2')
  expect((await rowTitles(page))[0]).toBe('Paginated case 01')

  await pages.getByRole('link', { name: 'Next' }).click()
  await expect(page).toHaveURL((url) => url.searchParams.get('page') === '2' && url.searchParams.get('person') === person.slug)
  await expect(pages).toContainText('Page 2 of 2')
  expect(await rowTitles(page)).toEqual([26, 27, 28, 29, 30].map((n) => `Paginated case ${n}`))
  await expect(pages.getByRole('link', { name: 'Next' })).toHaveCount(0)

  await pages.getByRole('link', { name: 'Previous' }).click()
  await expect(pages).toContainText('Page 1 of 2')
  await expect(rows(page)).toHaveCount(25)

  // A page past the end says so and links back.
  await page.goto(`/?person=${person.slug}&page=9`)
  await expect(page.getByText('There is no page 9 for these filters.')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the filter form still works', async ({ page }) => {
    await page.goto('/')
    await select(page, 'Status').selectOption('dropped')
    await select(page, 'Active in year').selectOption('2020')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page).toHaveURL((url) => url.searchParams.get('status') === 'dropped' && url.searchParams.get('year') === '2020')
    expect(await rowTitles(page)).toEqual([CASE_174_2020.title])
  })
})

test('behind a TLS-terminating reverse proxy the cached dashboard views still answer (decision 012)', async ({ request }) => {
  for (const path of ['/', '/?status=dropped', '/?year=2020&status=dropped']) {
    const response = await request.get(path, { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'casebook.example.org' } })
    expect(response.status(), path).toBe(200)
    expect(await response.text(), path).toContain('Political prosecutions, case by case')
  }
})
