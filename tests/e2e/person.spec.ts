// Person pages: other spellings, cases with roles, and a life timeline.
import { comparePartialDates, formatPartialDate } from '@/lib/domain/partial-date'
import { PARTY_ROLE_LABELS } from '@/lib/domain/labels'
import { expect, test } from './support/db'
import { BAIZHANOV, BILASH, BILASH_LIFE_EVENTS, CASE_174_2020 } from './support/seed'

test('Bilash: his cases with his role in each, and his life timeline', async ({ page, db }) => {
  const response = await page.goto(`/people/${BILASH.slug}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BILASH.name)

  const parties = await db.party.findMany({
    where: { person: { slug: BILASH.slug }, case: { publishedAt: { not: null } } },
    select: { role: true, case: { select: { slug: true, title: true } } },
  })
  expect(parties.length).toBeGreaterThanOrEqual(4)
  const cases = page.locator('section', { has: page.getByRole('heading', { name: 'Cases and roles' }) })
  await expect(cases.locator(':scope > ul > li')).toHaveCount(new Set(parties.map((p) => p.case.slug)).size)
  for (const p of parties) {
    const item = cases.locator(':scope > ul > li').filter({ has: page.getByRole('link', { name: p.case.title, exact: true }) })
    await expect(item.getByRole('link', { name: p.case.title, exact: true })).toHaveAttribute('href', `/cases/${p.case.slug}`)
    await expect(item).toContainText(`Role${PARTY_ROLE_LABELS[p.role]}`)
  }
  await expect(cases.getByRole('link', { name: CASE_174_2020.title })).toBeVisible()

  // Aliases, if the seed gives him any, are listed.
  for (const a of BILASH.aliases as readonly { name: string }[]) await expect(page.getByText(a.name, { exact: true })).toBeVisible()

  const life = page.locator('section', { has: page.getByRole('heading', { name: 'Life events' }) })
  const items = life.locator('ol > li')
  await expect(items).toHaveCount(BILASH_LIFE_EVENTS.length)
  const shown = await items.evaluateAll((lis) => lis.map((li) => li.textContent ?? ''))
  const sorted = [...BILASH_LIFE_EVENTS].sort((a, b) => comparePartialDates(a.date, b.date))
  sorted.forEach((e, i) => {
    expect(shown[i]).toContain(formatPartialDate(e.date))
    expect(shown[i]).toContain(e.title)
  })
  await expect(life).toContainText('20 January 2021')
  await expect(life).toContainText('Leaves Turkey for the United States')
})

test('Baizhanov: the other spelling the sources use is shown', async ({ page }) => {
  await page.goto(`/people/${BAIZHANOV.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BAIZHANOV.name)
  const aliases = page.locator('section', { has: page.getByRole('heading', { name: 'Also written as' }) })
  expect(BAIZHANOV.aliases.length).toBeGreaterThan(0)
  for (const a of BAIZHANOV.aliases) await expect(aliases).toContainText(a.name)
  await expect(aliases).toContainText('Shynkuat Bayzhanov')
})

test('searching the dashboard by another spelling finds the person’s case', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Search titles, names and case numbers').fill('Bayzhanov')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === 'Bayzhanov')
  await expect(page.getByTestId('case-row').getByRole('link', { name: CASE_174_2020.title })).toBeVisible()
})
