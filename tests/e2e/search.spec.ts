// Search on the production server: the header's box, the results page grouped by kind
// with the words marked, the demo data's questions, hostile input, pagination, and a
// write through the editor's forms found by the next search (the index is written in
// the save's own transaction).
import type { Page } from '@playwright/test'
import { createCase, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { editRecord, signInAsEditor, unpublishCase } from './support/editor-forms'
import { KIND_PARAMS } from '@/lib/search/query'

const ERROR_PAGE = 'Sorry, this page could not be shown'

async function search(page: Page, q: string, extra = ''): Promise<void> {
  const response = await page.goto(`/search?q=${encodeURIComponent(q)}${extra}`)
  expect(response?.status(), `/search?q=${q.slice(0, 30)}`).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
}

/** The addresses of the results of one kind's group. */
async function resultLinks(page: Page, kind: string): Promise<string[]> {
  return page
    .getByTestId(`results-${kind}`)
    .getByTestId('search-result')
    .getByRole('heading')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
}

test.describe('search', () => {
  test('from the header box to results grouped by kind, the words marked, with and without JavaScript', async ({ page, browser }, testInfo) => {
    await page.goto('/')
    const box = page.getByRole('search', { name: 'Site search' })
    await box.getByRole('searchbox').fill('Xinjiang')
    await box.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/search\?q=Xinjiang$/)
    await expect(page.getByTestId('search-summary')).toContainText('found for “Xinjiang”')
    for (const kind of ['case', 'person', 'source']) await expect(page.getByTestId(`results-${kind}`)).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: /^People \(\d+\)$/ })).toBeVisible()
    const marks = page.locator('[data-testid="search-result"] mark')
    expect(await marks.count()).toBeGreaterThan(3)
    for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toBe('xinjiang')
    // Counts per kind, and the way to one kind's results.
    const nav = page.getByRole('navigation', { name: 'Results by kind' })
    await expect(nav.getByText(/^All kinds \(\d+\)$/)).toHaveAttribute('aria-current', 'page')
    await nav.getByRole('link', { name: /^Sources \(\d+\)$/ }).click()
    await expect(page).toHaveURL(/kind=sources/)
    await expect(page.getByTestId('results-case')).toHaveCount(0)
    await expect(page.getByTestId('results-source')).toBeVisible()
    // Not for search engines; a canonical address.
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/search\?q=Xinjiang&kind=sources$/)
    await page.screenshot({ path: testInfo.outputPath('search-desktop.png'), fullPage: true })

    // A phone: the box is under the site's name, full width; without JavaScript it still searches.
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false })
    try {
      const p = await phone.newPage()
      await p.goto('/')
      const phoneBox = p.getByRole('search', { name: 'Site search' }).getByRole('searchbox')
      const width = (await phoneBox.boundingBox())!.width
      expect(width).toBeGreaterThan(200)
      await phoneBox.fill('Билаш')
      await phoneBox.press('Enter')
      await expect(p).toHaveURL(/\/search\?q=/)
      // Other specs' people named after the demo's share this database: any of them will do.
      await expect(
        p
          .getByTestId('results-person')
          .getByRole('link', { name: /^Serikzhan Bilash/ })
          .first(),
      ).toBeVisible()
      await p.screenshot({ path: testInfo.outputPath('search-phone.png'), fullPage: true })
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, 'no sideways scrolling on a phone').toBeLessThanOrEqual(0)
    } finally {
      await phone.close()
    }
  })

  test('answers the demo data’s questions', async ({ page }) => {
    const expectations: [string, string, string[]][] = [
      ['house arrest', 'case', ['/cases/bilash-2019-inciting-discord']],
      ['Xinjiang', 'person', ['/people/serikzhan-bilash']],
      ['April 2020', 'case', ['/cases/bilash-2020-art-174-blue-flag-speech']],
      ['Atazhurt', 'case', ['/cases/bilash-2020-art-389-atajurt-accounts']],
      ['Атажұрт', 'case', ['/cases/bilash-2020-art-389-atajurt-accounts']],
      ['174', 'case', ['/cases/bilash-2020-art-174-blue-flag-speech', '/cases/bilash-2019-inciting-discord']],
      ['174', 'provision', ['/provisions/kz-criminal-code-174']],
      ['Bilash', 'person', ['/people/serikzhan-bilash']],
      ['Билаш', 'person', ['/people/serikzhan-bilash']],
    ]
    // Read through every page of the kind's results: other specs' cases share this
    // database, and some of them rank above the demo's for a common phrase.
    for (const [q, kind, hrefs] of expectations) {
      await search(page, q, `&kind=${KIND_PARAMS[kind as keyof typeof KIND_PARAMS]}`)
      const found = await resultLinks(page, kind)
      for (let pages = 1; pages < 20 && !hrefs.every((h) => found.includes(h)); pages++) {
        const next = page.locator('a[rel="next"]')
        if (!(await next.count())) break
        await next.first().click()
        await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
        found.push(...(await resultLinks(page, kind)))
      }
      expect(found, `“${q}” finds ${hrefs.join(', ')}`).toEqual(expect.arrayContaining(hrefs))
    }
    // "judge": the report quoting the lawyer on what the judge ordered, the word marked in its text.
    await search(page, 'judge')
    const report = page.getByTestId('results-source').getByTestId('search-result').filter({ hasText: 'Astana Tries to Silence China Critics' })
    await expect(report.locator('mark', { hasText: /^judge$/ })).toBeVisible()
    // "Atazhurt" marks the spelling each text uses.
    await search(page, 'Atazhurt')
    const marked = await page.locator('[data-testid="search-result"] mark').allTextContents()
    expect(marked).toContain('Atajurt')
    // The dashboard's own text filter finds both cases under article 174 too.
    await page.goto('/?q=174')
    await expect(page.getByTestId('case-row')).toHaveCount(2)
  })

  test('anything typed gives results or a clear message, never an error', async ({ page, request }) => {
    const inputs = ['"house arrest', 'Bilash AND OR NOT', 'NEAR(Bilash Xinjiang)', 'bil*', '^Bilash', 'title:Bilash', '(((', ')', '{names}: x', '🙂🙂', '<script>alert(1)</script>', '%', '\u0000', ' ', '']
    for (const q of inputs) {
      const response = await request.get(`/search?q=${encodeURIComponent(q)}`)
      expect(response.status(), JSON.stringify(q)).toBe(200)
      expect(await response.text(), JSON.stringify(q)).not.toContain(ERROR_PAGE)
    }
    // Lone surrogates and broken percent-encoding in the address itself.
    for (const raw of ['%ED%A0%80', '%F0%9F', '%uD800', '%', 'x&q=y', 'a&kind=nonsense&page=-4', 'a&kind=cases&page=99999999']) {
      const response = await request.get(`/search?q=${raw}`)
      expect(response.status(), raw).toBe(200)
      expect(await response.text(), raw).not.toContain(ERROR_PAGE)
    }
    await search(page, '🙂 *** !!!')
    await expect(page.getByTestId('search-notice')).toContainText('nothing to search for')
    await search(page, 'Bilash '.repeat(714) + 'xx')
    await expect(page.getByTestId('search-notice')).toContainText('5,000 characters long')
    await expect(page.getByTestId('results-person')).toBeVisible()
    await search(page, 'Qzxwvk nothing like it')
    await expect(page.getByTestId('search-nothing')).toContainText('Nothing found for “Qzxwvk nothing like it”')
    // Markup typed is shown as text.
    await search(page, '<i>Bilash</i>')
    await expect(page.getByRole('main')).toContainText('for “<i>Bilash</i>”')
    expect(await page.locator('main i').count()).toBe(0)
  })

  test('pages through one kind of results', async ({ page, db }) => {
    const token = `Pagetok${uniqueToken().replace(/[^a-z0-9]/gi, '')}`
    const source = await createSource(db)
    for (let i = 0; i < 25; i++) await createCase(db, { title: `${token} case ${String(i).padStart(2, '0')}`, summaryCitations: [{ sourceId: source.id, quote: 'q' }] })
    await search(page, token)
    await expect(page.getByTestId('results-case').getByTestId('search-result')).toHaveCount(5)
    await page.getByRole('link', { name: 'All 25 cases found' }).click()
    await expect(page).toHaveURL(/kind=cases/)
    const results = page.getByTestId('results-case').getByTestId('search-result')
    await expect(results).toHaveCount(20)
    const firstPage = await results.getByRole('link').allTextContents()
    const pages = page.getByRole('navigation', { name: 'Pages' })
    await expect(pages).toContainText('Page 1 of 2')
    await pages.getByRole('link', { name: 'Next' }).click()
    await expect(page).toHaveURL(/page=2/)
    await expect(results).toHaveCount(5)
    const secondPage = await results.getByRole('link').allTextContents()
    expect(new Set([...firstPage, ...secondPage]).size).toBe(25)
    await pages.getByRole('link', { name: 'Previous' }).click()
    await expect(results).toHaveCount(20)
    // A page past the last says so.
    await search(page, token, '&kind=cases&page=7')
    await expect(page.getByText('There is no page 7 of cases.')).toBeVisible()
  })

  test('an editor’s save is found by the next search, and an unpublished case no longer', async ({ page, db }) => {
    const token = uniqueToken().replace(/[^a-z0-9]/gi, '')
    const word = `Ptarmigan${token}`
    const source = await createSource(db)
    const c = await createCase(db, { title: `Search sync case ${token}`, summary: 'Nothing yet.', summaryCitations: [{ sourceId: source.id, quote: 'Nothing yet.' }] })
    const editor = await createUser(db, { role: 'editor' })
    // The factories wrote behind the app's back: this search rebuilds the index first.
    await search(page, `Search sync case ${token}`)
    await expect(page.getByTestId('results-case').getByTestId('search-result')).toHaveCount(1)

    await signInAsEditor(page, editor)
    await editRecord(page, 'case', c.id, (f) => f.getByLabel('Summary', { exact: true }).fill(`Held under ${word} supervision since April 2020.`), 'Saved the case.')
    // Already in the index when the save answered: written in its transaction, no rebuild.
    const stored = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "SearchDocument" WHERE "fields" LIKE ?`, `%${word}%`)
    expect(Number(stored[0]!.n)).toBe(1)
    const state = await db.$queryRawUnsafe<{ value: string }[]>(`SELECT "value" FROM "SearchIndexState" WHERE "key" = 'format'`)
    expect(state).toHaveLength(1)

    await search(page, word.toUpperCase())
    const result = page.getByTestId('results-case').getByTestId('search-result')
    await expect(result).toHaveCount(1)
    await expect(result.getByRole('link', { name: `Search sync case ${token}` })).toHaveAttribute('href', `/cases/${c.slug}`)
    await expect(result.locator('mark')).toHaveText([word])

    await unpublishCase(page, c.id)
    await search(page, word)
    await expect(page.getByTestId('search-nothing')).toBeVisible()
  })
})
