// The pictures (case timeline, a person's proceedings, the dashboard's cases by year
// and status), drawn on the server as SVG and read with JavaScript on and off; the
// facet counts of every dashboard filter against the list a click on that choice
// gives; the filters folding away on a phone. Read through the same addresses and
// page cache as readers, on the production build.
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect, test } from './support/db'
import { BILASH, CASE_174_2019, CASE_174_2020 } from './support/seed'

const require = createRequire(import.meta.url)
const AXE_PATH = require.resolve('axe-core/axe.min.js')

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH })
  const result = await page.evaluate(() => (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe.run(document, { resultTypes: ['violations'] }))
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
}

/** The svg's accessible picture: role img, named by its <title>, described by its <desc>. */
async function expectAccessibleSvg(page: Page, testId: string) {
  const svg = page.getByTestId(testId).locator('svg[role="img"]').first()
  await expect(svg).toBeVisible()
  const titleId = await svg.getAttribute('aria-labelledby')
  const descId = await svg.getAttribute('aria-describedby')
  expect(titleId && descId).toBeTruthy()
  await expect(svg.locator(`title#${titleId}`)).toHaveText(/\S/)
  await expect(svg.locator(`desc#${descId}`)).toHaveText(/\S{3}/)
  await expect(page.getByRole('img', { name: (await svg.locator(`title#${titleId}`).textContent())! })).toBeVisible()
  return svg
}

/** The number in the results heading: "6 cases", "1 case matches these filters". */
async function listedTotal(page: Page): Promise<number> {
  const text = await page.locator('#results-heading').innerText()
  const n = /^([\d,]+) cases?/.exec(text.trim())
  if (!n) throw new Error(`No count in the results heading: ${text}`)
  return Number(n[1]!.replaceAll(',', ''))
}

async function checkCaseChart(page: Page) {
  await page.goto(`/cases/${CASE_174_2020.slug}`)
  const svg = await expectAccessibleSvg(page, 'case-timeline-chart')
  await expect(svg.locator('desc')).toContainText('Dropped from 27 May 2020')
  // Status bands, in order, the current one last.
  expect(await svg.getByTestId('status-band').evaluateAll((bands) => bands.map((b) => b.getAttribute('data-status')))).toEqual(['INVESTIGATION', 'DROPPED'])
  // One mark per dated event of the textual timeline, each linking to its entry there.
  const entries = page.getByTestId('timeline').locator('> li')
  const dated = await entries.evaluateAll((lis) => lis.filter((li) => li.querySelector('time')).map((li) => `#${li.id}`))
  const chart = page.getByTestId('case-timeline-chart')
  // The links lie over the picture (not inside the role="img" svg, whose content is presentational).
  const marks = chart.getByRole('group', { name: 'Events in the picture' }).getByTestId('event-mark')
  const hrefs = await marks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  expect(hrefs.sort()).toEqual(dated.sort())
  expect(dated.length).toBeGreaterThan(2)
  // The undated event is listed under the picture, not placed on it.
  const undated = await entries.evaluateAll((lis) => lis.filter((li) => !li.querySelector('time')).map((li) => `#${li.id}`))
  expect(undated.length).toBeGreaterThan(0)
  for (const id of undated) {
    expect(hrefs).not.toContain(id)
    await expect(page.getByTestId('case-timeline-chart').locator(`figcaption a[href="${id}"]`)).toBeVisible()
  }
  // A disputed event is named so in its mark.
  await expect(chart.locator('a[aria-label$="(sources disagree)"]').first()).toBeAttached()
  // The picture points to its full text alternative.
  await expect(page.getByTestId('case-timeline-chart').getByRole('link', { name: /Every event in words/ })).toHaveAttribute('href', '#timeline')
  return { chart, first: hrefs[0]! }
}

test('the case page draws its timeline as SVG whose marks link to the events', async ({ page }) => {
  const { chart, first } = await checkCaseChart(page)
  await chart
    .getByTestId('event-mark')
    .and(page.locator(`[href="${first}"]`))
    .click()
  await expect(page).toHaveURL(new RegExp(`${first}$`))
  await expect(page.locator(first)).toBeInViewport()
  await page.getByTestId('case-timeline-chart').screenshot({ path: 'test-results/charts-case-timeline.png' })

  // A month-precision date is a span over the month; a "c." date is dashed.
  await page.goto(`/cases/${CASE_174_2019.slug}`)
  const picture = page.getByTestId('case-timeline-chart').locator('svg[role="img"]')
  await expect(picture.locator('rect[height="8"]').first()).toBeAttached()
  await expect(picture.locator('circle[stroke-dasharray]').first()).toBeAttached()
  expect(
    await page
      .getByTestId('case-timeline-chart')
      .getByTestId('status-band')
      .evaluateAll((b) => b.map((x) => x.getAttribute('data-status'))),
  ).toEqual(['CHARGED', 'PLEA_DEAL'])
  // Printed: the picture stays, its bands labelled in words.
  await page.emulateMedia({ media: 'print' })
  await expect(picture).toBeVisible()
  await expect(picture.locator('text', { hasText: 'Charged' })).toBeAttached()
})

test('with JavaScript off, the charts are all there', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const page = await context.newPage()
  try {
    await checkCaseChart(page)
    await page.goto(`/people/${BILASH.slug}`)
    await expectAccessibleSvg(page, 'person-proceedings-chart')
    await page.goto('/')
    await expectAccessibleSvg(page, 'cases-by-year')
    expect(await page.getByTestId('year-status-segment').count()).toBeGreaterThan(0)
  } finally {
    await context.close()
  }
})

test('the person page draws each case as a row, with house arrest and exile as bands', async ({ page, db }) => {
  await page.goto(`/people/${BILASH.slug}`)
  const chart = page.getByTestId('person-proceedings-chart')
  const svg = await expectAccessibleSvg(page, 'person-proceedings-chart')
  const person = await db.person.findUniqueOrThrow({ where: { slug: BILASH.slug }, select: { id: true } })
  const cases = await db.case.count({ where: { publishedAt: { not: null }, parties: { some: { personId: person.id } } } })
  // One row per case, after the row of life events.
  await expect(svg.getByTestId('proceeding-row')).toHaveCount(cases + 1)
  // 2019: arrested on 10 March, house arrest from 11 March, released in August.
  const row2019 = svg.getByTestId('proceeding-row').filter({ hasText: 'inciting discord (2019)' })
  expect(await row2019.getByTestId('spell').evaluateAll((s) => s.map((x) => [x.getAttribute('data-kind'), x.getAttribute('data-open')]))).toEqual([
    ['DETENTION', 'false'],
    ['HOUSE_ARREST', 'false'],
    ['EXILE', 'true'],
  ])
  // Exile has no reported end: drawn open, and said so in words.
  await expect(svg.locator('[data-testid="spell"][data-kind="EXILE"][data-open="true"]').first()).toBeAttached()
  await expect(chart.locator('figcaption')).toContainText('House arrest from 11 March 2019, to August 2019')
  await expect(chart.locator('figcaption')).toContainText('until at least 10 September 2020; its end is not reported')
  // Marks link to the events on the case pages.
  const href = await chart
    .getByTestId('event-mark')
    .and(page.locator(`[href^="/cases/${CASE_174_2019.slug}#"]`))
    .first()
    .getAttribute('href')
  expect(href).toMatch(new RegExp(`^/cases/${CASE_174_2019.slug}#event-\\d+$`))
  await page.goto(href!)
  await expect(page.locator(`#${href!.split('#')[1]}`)).toBeVisible()
  await page.goto(`/people/${BILASH.slug}`)
  await chart.screenshot({ path: 'test-results/charts-person.png' })
})

test('each segment of the dashboard chart gives as many cases as it says', async ({ page }) => {
  test.setTimeout(90_000)
  for (const base of ['/', '/?kind=criminal']) {
    await page.goto(base)
    await expectAccessibleSvg(page, 'cases-by-year')
    const segments = await page
      .getByTestId('year-status-segment')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, count: Number(a.getAttribute('data-count')), label: a.getAttribute('aria-label') })))
    expect(segments.length).toBeGreaterThan(3)
    for (const s of segments) {
      await page.goto(s.href)
      expect([s.label, await listedTotal(page)]).toEqual([s.label, s.count])
    }
  }
  await page.goto('/')
  await page.getByTestId('cases-by-year').screenshot({ path: 'test-results/charts-dashboard.png' })
})

test('each filter choice says how many cases it leaves, under the other filters', async ({ page }) => {
  test.setTimeout(150_000)
  const FILTERS = ['status', 'kind', 'jurisdiction', 'provision', 'year', 'sentence']
  for (const base of ['/', '/?year=2020', '/?kind=criminal&status=dropped']) {
    const form = page.getByRole('search', { name: 'Filter cases' })
    let checked = 0
    for (const name of FILTERS) {
      await page.goto(base)
      const options = await form.locator(`select[name="${name}"] option`).evaluateAll((os) =>
        os.flatMap((o) => {
          const m = /\(([\d,]+)\)$/.exec(o.textContent ?? '')
          return m && (o as HTMLOptionElement).value ? [{ value: (o as HTMLOptionElement).value, count: Number(m[1]!.replaceAll(',', '')), text: o.textContent }] : []
        }),
      )
      expect(options.length, `${name} options with counts on ${base}`).toBeGreaterThan(0)
      for (const o of options) {
        // What choosing it in the form gives: the other filters kept, this one replaced.
        const params = new URLSearchParams(base.slice(2))
        params.set(name, o.value)
        await page.goto(`/?${params}`)
        expect([base, name, o.text, await listedTotal(page)]).toEqual([base, name, o.text, o.count])
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(20)
  }
})

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('the filters fold away above the list: the first case is on the first screen', async ({ page }) => {
    await page.goto('/')
    const fold = page.getByTestId('filter-fold')
    await expect(fold).not.toHaveAttribute('open')
    await expect(fold.locator('summary')).toHaveText('Filters (none active)')
    await expect(page.getByRole('search', { name: 'Filter cases' })).toBeHidden()
    const first = page.getByTestId('case-row').first()
    const box = (await first.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeLessThan(844)
    await expect(first.getByRole('heading', { level: 3 })).toBeInViewport()
    await page.screenshot({ path: 'test-results/charts-phone-dashboard.png' })

    // Opened with a tap; the count of filters in use is on the fold.
    await fold.locator('summary').tap()
    await expect(page.getByRole('search', { name: 'Filter cases' })).toBeVisible()
    await page.goto('/?status=dropped&year=2020')
    await expect(page.getByTestId('filter-fold').locator('summary')).toHaveText('Filters (2 active)')
    await expect(page.getByTestId('case-row').first()).toBeInViewport()
  })
})

test('on a wide screen the filters are open, with no fold to open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  await expect(page.getByRole('search', { name: 'Filter cases' })).toBeVisible()
  await expect(page.getByTestId('filter-fold').locator('summary')).toBeHidden()
})

for (const path of ['/', `/cases/${CASE_174_2020.slug}`, `/cases/${CASE_174_2019.slug}`, `/people/${BILASH.slug}`]) {
  test(`${path}: no serious axe violation with the charts`, async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto(path)
    expect(await seriousAxeViolations(page)).toEqual([])
  })
}
