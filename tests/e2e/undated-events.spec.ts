// An event the sources report without a date, added through the editor's form in a
// real browser on the production build: it sits right after the event it "comes
// after" on the published case page, reads "date not reported", and sets the status
// "since a date not reported" — on the very next request to each page that shows it,
// although each came from the page cache before the write (as staleness.spec.ts checks).
import { month, year } from '@/lib/domain/partial-date'
import { createCase, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { addToCase, signInAsEditor } from './support/editor-forms'
import { prime, problemsWith, read, type Reader, type View } from './support/page-checks'

test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 })

test('an undated event added after a dated one shows in place, "date not reported", on the published case page', async ({ page, request, db, baseURL }) => {
  const tok = uniqueToken()
  // Factory writes first: each clears the page cache (support/db.ts).
  const editor = await createUser(db, { role: 'editor' })
  const source = await createSource(db, { title: `Report ${tok}` })
  const cite = [{ sourceId: source.id, quote: `Quoted ${tok}` }]
  const c = await createCase(db, {
    title: `Parole case ${tok}`,
    defendant: { name: `Defendant ${tok}` },
    events: [
      { kind: 'CHARGE', date: month(2019, 3), title: `Charged ${tok}`, citations: cite },
      { kind: 'VERDICT', date: month(2019, 8), title: `Convicted ${tok}`, citations: cite },
      { kind: 'OTHER', date: year(2021), title: `Interviewed ${tok}`, citations: cite },
    ],
  })
  const verdictId = c.eventIds[1]!
  const reader: Reader = { name: 'main server', base: baseURL! }
  const casePath = `/cases/${c.slug}`
  const personPath = `/people/${c.defendant!.slug}`
  const before: View[] = [
    { path: casePath, want: { has: [`Convicted ${tok}`], lacks: [`Appeal rejected ${tok}`, 'date not reported'] } },
    { path: personPath, want: { has: [`Parole case ${tok}`], lacks: ['date not reported'] } },
  ]
  await prime(request, [reader], before, 'before the undated event')

  await signInAsEditor(page, editor)
  await addToCase(
    page,
    c.id,
    'Add an event',
    async (form) => {
      await form.getByLabel('Kind of event').selectOption('APPEAL_DECISION')
      // "Comes after" is offered only once the date is marked as not reported.
      await expect(form.getByLabel('Comes after')).toHaveCount(0)
      await form.getByLabel('Date not reported').check()
      const after = form.getByLabel('Comes after')
      await expect(after).toBeVisible()
      await after.selectOption(String(verdictId))
      await form.getByLabel('Title', { exact: false }).first().fill(`Appeal rejected ${tok}`)
      await form.screenshot({ path: 'test-results/undated-event-form.png' })
    },
    'Created the event.',
  )
  // The editor's own list shows it in place too.
  const listed = await page.getByTestId('section-events').innerText()
  const at = (text: string) => listed.indexOf(text)
  expect(at(`August 2019: Convicted ${tok}`)).toBeGreaterThan(-1)
  expect(at(`date not reported: Appeal rejected ${tok}`)).toBeGreaterThan(at(`August 2019: Convicted ${tok}`))
  expect(at(`2021: Interviewed ${tok}`)).toBeGreaterThan(at(`date not reported: Appeal rejected ${tok}`))

  // The very next request of each page (both were cached): the new event and status.
  for (const view of [
    { path: casePath, want: { has: [`Appeal rejected ${tok}`, 'date not reported'] } },
    { path: personPath, want: { has: [`Parole case ${tok}`, 'date not reported'] } },
  ]) {
    const answer = await read(request, reader, view.path)
    expect(problemsWith(answer, view.want), `${view.path} on the next request (x-nextjs-cache: ${answer.cache ?? 'none'})`).toEqual([])
  }

  await page.goto(casePath)
  const items = page.getByTestId('timeline').locator(':scope > li')
  await expect(items).toHaveCount(4)
  // Each item's text without its "#" link to itself (which names the event first).
  const texts = await items.evaluateAll((lis) =>
    lis.map((li) => {
      const copy = li.cloneNode(true) as HTMLElement
      for (const anchor of Array.from(copy.querySelectorAll('[data-testid="event-anchor"]'))) anchor.remove()
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
    }),
  )
  expect(texts[0]).toContain(`Charged ${tok}`)
  expect(texts[1]).toContain(`Convicted ${tok}`)
  expect(texts[2]).toContain(`Appeal rejected ${tok}`)
  expect(texts[2]).toMatch(/^date not reported · Appeal decision/)
  expect(texts[3]).toContain(`Interviewed ${tok}`)
  // No made-up date: the undated item has no <time> at all.
  await expect(items.nth(2).locator('time')).toHaveCount(0)
  const status = page.getByTestId('case-status')
  await expect(status.getByTestId('status-badge')).toHaveText('Appeal decided')
  await expect(status).toContainText('since a date not reported')
  await expect(status.locator('time')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/undated-event-case-page.png', fullPage: true })
})
