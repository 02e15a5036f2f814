// Reading a case page (issue 10, "Read it"): notes grouped by source with their passages
// beneath and links back to the claims, 24 px markers, the status's date in words with a
// warning a year on, disputed facts flagged, who tries the case, and no JavaScript the
// page does not use. On the demo case, and on cases the factories make.
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { month } from '@/lib/domain/partial-date'
import { expect, test } from './support/db'
import { CASE_174_2020 } from './support/seed'
import { createCase, createPerson, createSource, uniqueToken } from '../support/factories'

const require = createRequire(import.meta.url)
const AXE_PATH = require.resolve('axe-core/axe.min.js')
const CASE_URL = `/cases/${CASE_174_2020.slug}`
const CASE_389 = '/cases/bilash-2020-art-389-atajurt-accounts'

/** A month `n` months before now, as a partial date. */
function monthsAgo(n: number) {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - n)
  return month(d.getUTCFullYear(), d.getUTCMonth() + 1)
}

test('notes: one entry per source, its passages beneath, every marker leading to its passage', async ({ page }) => {
  await page.goto(CASE_URL)
  const notes = page.getByTestId('notes')
  const sources = notes.getByTestId('source-note')
  const sourceCount = await sources.count()
  expect(sourceCount).toBeGreaterThanOrEqual(3)
  // One entry per article: each links to its own source page, none twice.
  const sourceLinks = await sources.evaluateAll((lis) => lis.map((li) => li.querySelector(':scope > div > p > a[href^="/sources/"]')?.getAttribute('href')))
  expect(sourceLinks.every(Boolean)).toBe(true)
  expect(new Set(sourceLinks).size).toBe(sourceCount)
  // More passages than sources: they are grouped, not one note each.
  const quotes = notes.getByTestId('quote-note')
  expect(await quotes.count()).toBeGreaterThan(sourceCount)

  const markers = page.getByTestId('cite-ref')
  expect(await markers.count()).toBeGreaterThan(10)
  for (const marker of await markers.all()) {
    const [href, text, title] = await Promise.all([marker.getAttribute('href'), marker.innerText(), marker.getAttribute('title')])
    expect(href).toMatch(/^#note-\d+[a-z]*$/)
    expect(text).toBe(`[${href!.slice('#note-'.length)}]`)
    // The note the marker names shows the passage its tooltip quotes.
    const target = page.locator(href!)
    await expect(target).toHaveCount(1)
    const quote = /^“(.*?)”/s.exec(title!)![1]!
    await expect(target.locator('blockquote').filter({ hasText: quote }).first()).toBeAttached()
    // A lettered marker names a passage inside its numbered source.
    const [, n, letter] = /^#note-(\d+)([a-z]*)$/.exec(href!)!
    if (letter) await expect(page.locator(`#note-${n}`).locator(href!)).toHaveCount(1)
  }
  await sources.first().screenshot({ path: 'test-results/reading-notes-first-source.png' })
  await page.locator('#summary').screenshot({ path: 'test-results/reading-summary.png' })
})

test('a passage links back to each fact it supports, and the backlink jumps to the fact', async ({ page }) => {
  await page.goto(CASE_URL)
  const event = page.getByTestId('timeline').locator(':scope > li').filter({ hasText: 'Pre-trial investigation terminated' })
  const eventId = (await event.getAttribute('id'))!
  expect(eventId).toMatch(/^event-\d+$/)
  const marker = event.getByTestId('cite-ref').first()
  const href = (await marker.getAttribute('href'))!
  await marker.click()
  await expect(page).toHaveURL(new RegExp(`${href}$`))
  const note = page.locator(href)
  await expect(note).toBeInViewport()

  const back = note
    .getByTestId('backlink')
    .and(page.locator(`[href="#${eventId}"]`))
    .first()
  await expect(back).toContainText('Event:')
  await expect(back).toContainText('Pre-trial investigation terminated')
  await back.click()
  await expect(page).toHaveURL(new RegExp(`#${eventId}$`))
  await expect(event).toBeInViewport()

  // Every backlink on the page leads to an element that exists: the status, the charges, the parties…
  const targets = await page.getByTestId('backlink').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  expect(targets.length).toBeGreaterThan(5)
  for (const t of new Set(targets)) await expect(page.locator(t), t).toHaveCount(1)
  expect(targets).toContain('#fact-opened')
  expect(targets.some((t) => /^#charge-\d+$/.test(t))).toBe(true)
  expect(targets.some((t) => /^#party-\d+$/.test(t))).toBe(true)
})

async function targetSizeViolations(page: Page) {
  await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['target-size'] } })
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${JSON.stringify(n.target)}`))
  })
}

test('footnote markers are tap targets of at least 24×24 px, and axe’s target-size passes', async ({ page }) => {
  await page.goto(CASE_URL)
  const markers = page.getByTestId('cite-ref')
  for (const marker of await markers.all()) {
    const box = (await marker.boundingBox())!
    expect(box.width, await marker.innerText()).toBeGreaterThanOrEqual(24)
    expect(box.height, await marker.innerText()).toBeGreaterThanOrEqual(24)
  }
  // The markers do not stretch the lines of text they sit in.
  const summary = page.locator('#summary')
  const lineHeight = await summary.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight))
  const lines = await summary.evaluate((p) => p.getClientRects()[0]!.height)
  expect(lines % lineHeight).toBeLessThan(2)
  expect(await targetSizeViolations(page)).toEqual([])

  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  expect(await targetSizeViolations(page)).toEqual([])
  await page.getByTestId('case-facts').screenshot({ path: 'test-results/reading-facts-phone.png' })
})

test('the status says what its date means: "since" the event that set it, "last confirmed" by a source', async ({ page }) => {
  await page.goto(CASE_URL)
  const status = page.getByTestId('case-status')
  await expect(status.getByTestId('status-badge')).toHaveText('Dropped')
  await expect(status.getByTestId('status-as-of')).toHaveText('since 27 May 2020')
  await expect(status).not.toContainText('as of')
  // A dropped case does not lapse: no warning, however old.
  await expect(page.getByTestId('status-stale')).toHaveCount(0)
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Dropped, since 27 May 2020\. /)

  // The seeded 2020 article 389 case: an editor's status from a February 2021 report, years ago.
  await page.goto(CASE_389)
  await expect(page.getByTestId('case-status').getByTestId('status-as-of')).toHaveText('last confirmed February 2021')
  await expect(page.getByTestId('status-stale')).toHaveText('⚠ Not confirmed since February 2021: more than a year ago.')
})

test('a running case last confirmed more than a year ago says so, on its page and its dashboard card; one confirmed last month does not', async ({ page, db }) => {
  const token = uniqueToken()
  const source = await createSource(db)
  const old = monthsAgo(14)
  const stale = await createCase(db, {
    title: `Stale status ${token}`,
    statusOverride: { status: 'AWAITING_TRIAL', date: old },
    statusCitations: [{ sourceId: source.id, quote: `still awaiting trial ${token}` }],
    events: [{ kind: 'CHARGE', date: monthsAgo(20) }],
  })
  const fresh = await createCase(db, { title: `Fresh status ${token}`, events: [{ kind: 'INDICTMENT', date: monthsAgo(1) }] })

  await page.goto(`/cases/${stale.slug}`)
  const oldText = (await page.getByTestId('case-status').locator('time').first().innerText()).trim()
  await expect(page.getByTestId('case-status').getByTestId('status-as-of')).toHaveText(`last confirmed ${oldText}`)
  await expect(page.getByTestId('status-stale')).toHaveText(`⚠ Not confirmed since ${oldText}: more than a year ago.`)
  await page.getByTestId('case-facts').screenshot({ path: 'test-results/reading-stale-status.png' })

  await page.goto(`/cases/${fresh.slug}`)
  await expect(page.getByTestId('case-status').getByTestId('status-as-of')).toContainText('since ')
  await expect(page.getByTestId('status-stale')).toHaveCount(0)

  await page.goto(`/?q=${token}`)
  await expect(page.getByTestId('case-row')).toHaveCount(2)
  await expect(page.getByTestId('case-row').filter({ hasText: 'Stale status' }).getByTestId('status-stale')).toHaveText(`⚠ Not confirmed since ${oldText}: more than a year ago.`)
  await expect(page.getByTestId('case-row').filter({ hasText: 'Fresh status' }).getByTestId('status-stale')).toHaveCount(0)
  // The cached dashboard says the same words as the case page.
  await page.goto('/?status=awaiting-trial')
  await expect(
    page
      .getByTestId('case-row')
      .filter({ hasText: `Stale status ${token}` })
      .getByTestId('status-as-of'),
  ).toHaveText(`last confirmed ${oldText}`)
})

test('disputed facts are flagged in the status box, leading to the disagreement, and on the dashboard card', async ({ page }) => {
  await page.goto(CASE_URL)
  const conflicts = await page.getByTestId('conflict').count()
  expect(conflicts).toBeGreaterThan(0)
  const flagText = conflicts === 1 ? '1 fact is disputed between sources' : `${conflicts} facts are disputed between sources`
  const flag = page.getByTestId('case-facts').getByTestId('disputed-flag')
  await expect(flag).toContainText(flagText)
  await flag.getByRole('link', { name: 'see where sources disagree' }).click()
  await expect(page).toHaveURL(/#conflict-\d+$/)
  await expect(page.getByTestId('conflict').first()).toBeInViewport()

  await page.goto('/')
  const card = page.getByTestId('case-row').filter({ hasText: CASE_174_2020.title })
  await expect(card.getByTestId('disputed-flag')).toHaveText(`⚠ ${flagText}`)
  // A case without a recorded disagreement has no flag.
  await expect(page.getByTestId('case-row').filter({ hasNot: page.getByTestId('disputed-flag') })).not.toHaveCount(0)
})

test('the court, the judge and the prosecutor are shown near the top, or said not to be reported', async ({ page, db }) => {
  await page.goto(CASE_URL)
  for (const fact of ['fact-court', 'fact-judge', 'fact-prosecutor']) await expect(page.getByTestId(fact)).toHaveText('not reported')

  const token = uniqueToken()
  const source = await createSource(db)
  const judge = await createPerson(db, { name: `Judge Aliya ${token}` })
  const prosecutor = await createPerson(db, { name: `Prosecutor Nurlan ${token}` })
  const c = await createCase(db, {
    title: `Tried case ${token}`,
    parties: [
      { personId: judge.id, role: 'JUDGE', citations: [{ sourceId: source.id, quote: `presided ${token}` }] },
      { personId: prosecutor.id, role: 'PROSECUTOR' },
    ],
  })
  await db.stage.create({ data: { caseId: c.id, kind: 'FIRST_INSTANCE', courtName: `Medeu District Court ${token}` } })
  await page.goto(`/cases/${c.slug}`)
  await expect(page.getByTestId('fact-court')).toHaveText(`Medeu District Court ${token}`)
  await expect(page.getByTestId('fact-judge').getByRole('link', { name: `Judge Aliya ${token}` })).toHaveAttribute('href', `/people/${judge.slug}`)
  await expect(page.getByTestId('fact-judge').getByTestId('cite-ref')).toHaveCount(1)
  await expect(page.getByTestId('fact-prosecutor')).toHaveText(`Prosecutor Nurlan ${token}`)
  // Near the top: in the facts box, on the first screen.
  await expect(page.getByTestId('fact-judge')).toBeInViewport()
})

test('public pages load only Next.js’s runtime: no link or prefetch code, no prefetch requests', async ({ browser }) => {
  const report: string[] = []
  for (const path of [CASE_URL, '/', '/people/serikzhan-bilash']) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const scripts: { url: string; bytes: number; body: string }[] = []
    const fetches: string[] = []
    page.on('response', async (response) => {
      const request = response.request()
      if (request.resourceType() === 'script') {
        const body = await response.text().catch(() => '')
        scripts.push({ url: new URL(response.url()).pathname, bytes: body.length, body })
      }
      if (request.resourceType() === 'fetch' || new URL(response.url()).searchParams.has('_rsc')) fetches.push(response.url())
    })
    await page.goto(path)
    await page.waitForLoadState('networkidle')
    await page.mouse.wheel(0, 10_000)
    await page.waitForTimeout(1_000)
    // next/link's module (its useLinkStatus export) is not among them; nothing is prefetched.
    expect(scripts.filter((s) => s.body.includes('useLinkStatus')).map((s) => s.url)).toEqual([])
    expect(fetches).toEqual([])
    expect(scripts.length).toBeGreaterThan(0)
    report.push(`${path}: ${scripts.length} scripts, ${scripts.reduce((n, s) => n + s.bytes, 0)} bytes: ${scripts.map((s) => `${s.url.split('/').pop()} ${s.bytes}`).join(', ')}`)
    await context.close()
  }
  console.log(`JS on public pages\n${report.join('\n')}`)
})
