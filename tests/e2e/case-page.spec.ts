// The case page of the seeded 2020 article 174 case: status, a timeline as precise as
// its sources, footnotes that lead to quotes grouped under their sources, and the
// conflict between sources shown side by side (more on the notes: reading.spec.ts).
import { comparePartialDates, formatPartialDate } from '@/lib/domain/partial-date'
import { expect, test } from '@playwright/test'
import { CASE_174_2020 } from './support/seed'

const URL = `/cases/${CASE_174_2020.slug}`
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim()

test.beforeEach(async ({ page }) => {
  const response = await page.goto(URL)
  expect(response?.status()).toBe(200)
})

test('shows the title, the status badge and the date it holds since', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CASE_174_2020.title)
  const status = page.getByTestId('case-status')
  await expect(status.getByTestId('status-badge')).toHaveText('Dropped')
  await expect(status).toContainText('since 27 May 2020')
  await expect(status.locator('time')).toHaveAttribute('datetime', '2020-05-27')
})

test('dates the timeline no more precisely than the sources', async ({ page }) => {
  const timeline = page.getByTestId('timeline')
  // Only dated events have a <time>; an undated one reads "date not reported" (undated-events.spec.ts).
  const dated = CASE_174_2020.events.flatMap((e) => (e.date ? [e.date] : []))
  const expected = dated.sort(comparePartialDates).map((d) => formatPartialDate(d))
  const shown = (await timeline.locator(':scope > li > p:first-of-type time').allInnerTexts()).map(normalise)
  expect(shown).toEqual(expected)
  expect(shown).toContain('April 2020')
  expect(shown).toContain('27 May 2020')
  // Month-precise dates are never given an invented day.
  await expect(timeline).not.toContainText(/\b1 April 2020\b/)
  await expect(timeline).not.toContainText(/\b1 May 2020\b/)
  await expect(timeline.locator('time[datetime="2020-04"]').first()).toHaveText('April 2020')
  await expect(timeline.locator('time[datetime="2020-05-27"]')).toHaveText('27 May 2020')
})

test('a footnote leads to its quote, under its source', async ({ page }) => {
  const event = page.getByTestId('timeline').locator(':scope > li').filter({ hasText: 'Pre-trial investigation terminated' })
  const ref = event.locator('a[href^="#note-"]').first()
  const href = (await ref.getAttribute('href'))!
  expect(href).toMatch(/^#note-\d+[a-z]*$/)
  await expect(ref).toHaveText(`[${href.slice('#note-'.length)}]`)
  // The link's tooltip carries the quote, so the note must show the same one.
  const title = (await ref.getAttribute('title'))!
  const quote = /^“(.*)” — /s.exec(title)?.[1]
  expect(quote).toBeTruthy()

  await ref.click()
  await expect(page).toHaveURL(new RegExp(`${href}$`))
  const note = page.locator(href)
  await expect(note).toBeInViewport()
  await expect(note.locator('blockquote')).toHaveText(`“${quote}”`)
  expect(quote!.toLowerCase()).toMatch(/terminated|dropped/)

  // The passage sits in its source's entry ("3b" in source 3), which names and links the article.
  const number = /^#note-(\d+)/.exec(href)![1]
  const source = page.locator(`#note-${number}`)
  if (href !== `#note-${number}`) await expect(source.locator(href)).toHaveCount(1)
  const toSource = source.locator('a[href^="/sources/"]').first()
  const sourceTitle = normalise(await toSource.innerText())
  await toSource.click()
  await expect(page).toHaveURL(/\/sources\/\d+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sourceTitle)
})

test('lists its sources, each linking to the source’s page', async ({ page }) => {
  const sources = page.locator('section', { has: page.getByRole('heading', { name: 'Notes and sources', exact: true }) })
  const links = sources.getByTestId('source-note').locator(':scope > div > p > a[href^="/sources/"]')
  const count = await links.count()
  expect(count).toBeGreaterThanOrEqual(3)
  for (const link of await links.all()) await expect(link).toHaveAttribute('href', /^\/sources\/\d+$/)

  const first = links.first()
  const title = normalise(await first.innerText())
  await first.click()
  await expect(page).toHaveURL(/\/sources\/\d+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
})

test('shows the sources’ disagreement on the April 2020 charges side by side, each version with its own footnotes', async ({ page }) => {
  const conflict = page.getByTestId('conflict').filter({ hasText: 'What Bilash was charged with in April 2020' })
  await expect(conflict).toHaveCount(1)
  const versions = conflict.getByTestId('conflict-version')
  await expect(versions).toHaveCount(2)
  await expect(versions.nth(0)).toContainText('desecration of the state flag')
  await expect(versions.nth(1)).toContainText('article 174')

  const notesOf = async (i: number) =>
    versions
      .nth(i)
      .locator('a[href^="#note-"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  const [a, b] = [await notesOf(0), await notesOf(1)]
  expect(a.length).toBeGreaterThan(0)
  expect(b.length).toBeGreaterThan(0)
  expect(a.filter((n) => b.includes(n))).toEqual([])

  // Side by side on a desktop screen: same row, two columns.
  const [boxA, boxB] = [await versions.nth(0).boundingBox(), await versions.nth(1).boundingBox()]
  expect(boxA && boxB).toBeTruthy()
  expect(Math.abs(boxA!.y - boxB!.y)).toBeLessThan(2)
  expect(boxB!.x).toBeGreaterThan(boxA!.x + boxA!.width - 1)

  // The disputed timeline entry points to it.
  const opened = page.getByTestId('timeline').locator(':scope > li').filter({ hasText: 'Criminal case opened' })
  await opened.getByRole('link', { name: /Sources disagree about this/ }).click()
  await expect(conflict).toBeInViewport()
})

test('the dates the case was opened and closed cite their sources', async ({ page }) => {
  for (const term of ['Opened', 'Closed']) {
    const value = page.locator('dl dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]')
    await expect(value.locator('a[href^="#"]').first(), term).toBeAttached()
  }
})

test('a status an editor set (no event says it) cites its sources', async ({ page }) => {
  // The 2020 article 389 case: "still under investigation" as of February 2021.
  await page.goto('/cases/bilash-2020-art-389-atajurt-accounts')
  await expect(page.getByTestId('case-status').locator('a[href^="#"]').first()).toBeAttached()
})
