// Following the record, on the production build: the Atom feeds (a case's, a person's,
// the site's) answer as Atom with the demo case's events and are advertised on the
// pages; /timeline shows what the demo data says happened in April 2020, and says so
// when a period cannot be read; /changes lists a change an editor just made through
// the forms, and not a draft's.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { day, year } from '@/lib/domain/partial-date'
import { CASES } from '@/prisma/seed/bilash'
import { createCase, createSource, renameCaseSlug, uniqueToken, withdrawCase } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { addToCase, dateInput, signInAsEditor } from './support/editor-forms'
import { BILASH, CASE_174_2020 } from './support/seed'

test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 })

type Link = { '@_href': string; '@_rel'?: string }
type Entry = { id: string; title: { '#text': string }; updated: string; link: Link[] }
type Feed = { id: string; title: string; updated: string; link: Link[]; entry?: Entry[] }

function parseAtom(xml: string): { feed: Feed; titles: string[] } {
  expect(XMLValidator.validate(xml)).toBe(true)
  const feed = (new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml) as { feed: Feed & { '@_xmlns': string } }).feed
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
  expect(feed.id).toMatch(/^tag:/)
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false)
  expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toMatch(/^https?:\/\/[^/]+\/.*feed\.xml$/)
  for (const e of feed.entry ?? []) {
    expect(e.id).toMatch(/^tag:/)
    expect(Number.isNaN(Date.parse(e.updated))).toBe(false)
    expect(e.link[0]!['@_href']).toMatch(/^https?:\/\//)
  }
  return { feed, titles: (feed.entry ?? []).map((e) => e.title['#text']) }
}

/** The seeded events of a case, as its entries name them (the date in words, never a made-up day). */
function seededEventTitles(slug: string): string[] {
  const c = CASES.find((x) => x.slug === slug)!
  return c.events.map((e) => e.title)
}

test('the feeds answer Atom with the demo case’s events, and a 304 when unchanged', async ({ request }) => {
  const casePath = `/cases/${CASE_174_2020.slug}/feed.xml`
  const answer = await request.get(casePath)
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
  const { feed, titles } = parseAtom(await answer.text())
  expect(feed.title).toBe(`${CASE_174_2020.title} — Casebook`)
  for (const t of seededEventTitles(CASE_174_2020.slug))
    expect(
      titles.some((x) => x.endsWith(`: ${t}`)),
      `an entry for “${t}”`,
    ).toBe(true)
  // Dated as the sources date it: "April 2020", "date not reported", never an invented day.
  expect(titles).toContain('Investigation: April 2020: Criminal case opened over the “blue pants” remark')
  expect(titles.some((t) => t.endsWith('date not reported: Police question Bilash about Atajurt’s members'))).toBe(true)
  expect(feed.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toMatch(new RegExp(`/cases/${CASE_174_2020.slug}$`))

  const etag = answer.headers()['etag']!
  expect(etag).toMatch(/^"/)
  expect((await request.get(casePath, { headers: { 'if-none-match': etag } })).status()).toBe(304)

  const person = await request.get(`/people/${BILASH.slug}/feed.xml`)
  expect(person.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
  const personTitles = parseAtom(await person.text()).titles
  expect(personTitles).toContain(`${CASE_174_2020.title} — April 2020: Criminal case opened over the “blue pants” remark`)

  const site = await request.get('/feed.xml')
  expect(site.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
  expect(parseAtom(await site.text()).titles).toContain(`${CASE_174_2020.title} — Case published`)

  expect((await request.get('/cases/no-such-case/feed.xml')).status()).toBe(404)
})

test('a draft has no feed, a withdrawn case’s feed is gone, a renamed case’s follows it', async ({ request, db }) => {
  const draft = await createCase(db, { published: false, events: [{ kind: 'ARREST', date: day(2020, 4, 3), title: `Draft arrest ${uniqueToken()}` }] })
  const draftFeed = await request.get(`/cases/${draft.slug}/feed.xml`)
  expect(draftFeed.status()).toBe(404)
  expect(await draftFeed.text()).not.toContain('Draft arrest')

  const renamed = await createCase(db, {})
  const { oldSlug, newSlug } = await renameCaseSlug(db, renamed.id)
  const moved = await request.get(`/cases/${oldSlug}/feed.xml`, { maxRedirects: 0 })
  expect(moved.status()).toBe(308)
  expect(moved.headers()['location']).toMatch(new RegExp(`/cases/${newSlug}/feed\\.xml$`))

  const withdrawn = await createCase(db, {})
  await withdrawCase(db, withdrawn.id)
  expect((await request.get(`/cases/${withdrawn.slug}/feed.xml`)).status()).toBe(410)
})

test('the case page, the person page and the dashboard advertise their feeds', async ({ page }) => {
  const feedLink = 'link[rel="alternate"][type="application/atom+xml"]'
  await page.goto(`/cases/${CASE_174_2020.slug}`)
  await expect(page.locator(feedLink)).toHaveAttribute('href', new RegExp(`/cases/${CASE_174_2020.slug}/feed\\.xml$`))
  await page.goto(`/people/${BILASH.slug}`)
  await expect(page.locator(feedLink)).toHaveAttribute('href', new RegExp(`/people/${BILASH.slug}/feed\\.xml$`))
  await page.goto('/')
  await expect(page.locator(feedLink)).toHaveAttribute('href', /\/feed\.xml$/)
  await page.goto('/?status=dropped')
  await expect(page.locator(feedLink)).toHaveAttribute('href', /\/feed\.xml$/)
})

test('/timeline shows what happened in April 2020, one click from the header, and not what is dated only to 2020', async ({ page, db }) => {
  const tok = uniqueToken()
  const source = await createSource(db, { title: `Yearbook ${tok}` })
  // Dated only to the year: under 2020, never under April.
  await createCase(db, { title: `Year-only case ${tok}`, events: [{ kind: 'SEARCH', date: year(2020), title: `Searched in 2020 ${tok}`, citations: [{ sourceId: source.id, quote: `in 2020 ${tok}` }] }] })

  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click()
  await expect(page).toHaveURL(/\/timeline$/)
  await page.getByRole('link', { name: /^April 2020: \d+ events?$/ }).click()
  await expect(page).toHaveURL(/\/timeline\?from=2020-04&to=2020-04$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What happened: April 2020')

  const entries = page.getByTestId('timeline-entry')
  // The demo data: the “blue pants” case was opened in April 2020; the questioning that
  // followed has no date. (Other specs' cases, in the same database, may add entries.)
  const opened = entries.filter({ hasText: CASE_174_2020.title })
  await expect(opened).toHaveCount(1)
  await expect(entries.filter({ hasText: `Searched in 2020 ${tok}` })).toHaveCount(0)
  await expect(opened).toContainText('April 2020')
  await expect(opened).not.toContainText('1 April')
  await expect(opened.getByRole('link', { name: CASE_174_2020.title })).toHaveAttribute('href', `/cases/${CASE_174_2020.slug}`)
  const eventLink = opened.getByRole('link', { name: 'Criminal case opened over the “blue pants” remark' })
  await expect(eventLink).toHaveAttribute('href', new RegExp(`^/cases/${CASE_174_2020.slug}#event-\\d+$`))
  // Every fact links to its source: the footnote markers, and the notes with the sources.
  await expect(opened.getByRole('link', { name: /^Note \d+[a-z]*: source \d+/ })).toHaveCount(3)
  await expect(page.locator('#sources-heading')).toBeVisible()
  await expect(page.getByRole('link', { name: /^\d+ events? dated only to 2020$/ })).toBeVisible()
  await expect(page.getByTestId('timeline-undated')).toContainText('no date in the sources')
  await expect(page.getByTestId('timeline-entries')).not.toContainText(`Searched in 2020 ${tok}`)
  await page.screenshot({ path: 'test-results/follow-timeline-april-2020.png', fullPage: true })

  // The event's link lands on it in its case's timeline.
  const href = (await eventLink.getAttribute('href'))!
  await eventLink.click()
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
  await expect(page.locator(href.slice(href.indexOf('#')))).toContainText('Criminal case opened')

  // A cached view has one address: asked for directly, it answers 308 there.
  const direct = await page.request.get('/timeline/view/from%3D2020-04%26to%3D2020-04', { maxRedirects: 0 })
  expect(direct.status()).toBe(308)
  expect(direct.headers()['location']).toMatch(/\/timeline\?from=2020-04&to=2020-04$/)

  // The year lists it.
  await page.goto('/timeline?from=2020&to=2020')
  await expect(page.getByTestId('timeline-entries')).toContainText(`Searched in 2020 ${tok}`)
})

test('/timeline says what is wrong with a period it cannot read', async ({ page }) => {
  for (const [query, message] of [
    ['from=2020-13', '“2020-13” (from) is not a month: months run from 01 (January) to 12 (December).'],
    ['from=2020-05&to=2020-04', 'The period starts (May 2020) after it ends (April 2020): swap “from” and “to”.'],
    ['to=april', '“april” (to) is not a year or a month we can read'],
  ] as const) {
    const answer = await page.goto(`/timeline?${query}`)
    expect(answer?.status()).toBe(200)
    await expect(page.getByTestId('timeline-problems')).toContainText(message)
    await expect(page.getByTestId('timeline-entry')).toHaveCount(0)
  }
  // What was typed stays in the form, beside the message.
  await page.goto('/timeline?from=2020-13')
  await expect(page.getByLabel('From (year or month)')).toHaveValue('2020-13')
  await page.screenshot({ path: 'test-results/follow-timeline-bad-range.png', fullPage: true })
})

test('/changes lists an event an editor just added to a published case, and not one added to a draft', async ({ page, db, request }) => {
  const tok = uniqueToken()
  const editor = await createUser(db, { role: 'editor' })
  const published = await createCase(db, { title: `Followed case ${tok}` })
  const draft = await createCase(db, { title: `Draft case ${tok}`, published: false })
  // Both pages come from the page cache before the write (the second request is a hit).
  const aprilPath = '/timeline?from=2021-04&to=2021-04'
  for (const path of ['/changes', aprilPath, '/changes', aprilPath]) expect((await request.get(path)).status()).toBe(200)
  expect((await request.get('/changes')).headers()['x-nextjs-cache']).toBe('HIT')

  await signInAsEditor(page, editor)
  for (const [c, title] of [
    [published, `Charged in court ${tok}`],
    [draft, `Secret draft event ${tok}`],
  ] as const) {
    await addToCase(
      page,
      c.id,
      'Add an event',
      async (form) => {
        await form.getByLabel('Kind of event').selectOption('CHARGE')
        await dateInput(form, 'Date').fill('April 2021')
        await form.getByLabel('Title', { exact: false }).first().fill(title)
      },
      'Created the event.',
    )
  }

  // A reader's view: no session.
  const reader = await page.context().browser()!.newPage()
  await reader.goto('/changes')
  const first = reader.getByTestId('change').first()
  await expect(first).toContainText('Event added')
  await expect(first.getByRole('link', { name: `April 2021, Charged in court ${tok}` })).toHaveAttribute('href', new RegExp(`^/cases/${published.slug}#event-\\d+$`))
  await expect(first.getByRole('link', { name: `Followed case ${tok}` })).toBeVisible()
  await expect(reader.getByTestId('changes')).not.toContainText(`Draft case ${tok}`)
  await expect(reader.getByTestId('changes')).not.toContainText(`Secret draft event ${tok}`)
  await expect(reader.getByTestId('changes')).not.toContainText(editor.email)
  await reader.screenshot({ path: 'test-results/follow-changes.png', fullPage: true })
  await reader.close()

  // The cached timeline of April 2021 shows the new event at the next request, and not the draft's.
  const april = await (await request.get(aprilPath)).text()
  expect(april).toContain(`Charged in court ${tok}`)
  expect(april).not.toContain(`Secret draft event ${tok}`)
  expect((await request.get('/changes/100000')).status()).toBe(404)

  const feed = await (await request.get('/feed.xml')).text()
  expect(parseAtom(feed).titles[0]).toBe(`Followed case ${tok} — Event added: April 2021, Charged in court ${tok}`)
  expect(feed).not.toContain('Secret draft event')
})
