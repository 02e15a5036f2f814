// Taking the record out (lib/api/): the dashboard's view downloaded as CSV and JSON is
// the view on screen, every page of it; each case downloads as JSON; the read-only
// API under /api/v1 pages, validates (ETag, CORS, 308/404/410 as JSON problems), is
// described by a valid OpenAPI document, and shows an editor's write at the next call.
// All through the production server, as readers and programs reach it.
import { readFileSync } from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { parse } from 'csv-parse/sync'
import type { Page } from '@playwright/test'
import { day } from '@/lib/domain/partial-date'
import { createCase, createPerson, renameCaseSlug, uniqueToken, withdrawCase } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { editRecord, signInAsEditor } from './support/editor-forms'

const rowTitles = async (page: Page) => (await page.getByTestId('case-row').getByRole('heading', { level: 3 }).allInnerTexts()).map((t) => t.trim())

/** What a download link gives: the file's name and its text. */
async function download(page: Page, name: string): Promise<{ filename: string; body: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()])
  return { filename: file.suggestedFilename(), body: readFileSync((await file.path())!, 'utf8') }
}

test('the CSV and JSON downloads of a filtered view are the rows on screen, every page, in order', async ({ page, db }) => {
  const tok = uniqueToken()
  const person = await createPerson(db, { name: `Defendant ${tok}` })
  // 30 cases: more than a page (25). Cyrillic, a quote, a line break and a formula among the titles.
  const titles = Array.from({ length: 30 }, (_, i) => (i === 3 ? `Дело ${tok} «Атажұрт»` : i === 5 ? `=HYPERLINK("x") ${tok}` : i === 7 ? `He said "no" ${tok}` : `Case ${String(i).padStart(2, '0')} ${tok}`))
  for (const [i, title] of titles.entries()) await createCase(db, { title, defendant: { personId: person.id }, events: [{ kind: 'INVESTIGATION_OPENED', date: day(2020, 1 + (i % 12), 1 + (i % 27)) }] })
  await createCase(db, { title: `Draft ${tok}`, published: false, defendant: { personId: person.id } })

  await page.goto(`/?person=${person.slug}`)
  const onScreen = [...(await rowTitles(page))]
  await page.goto(`/?person=${person.slug}&page=2`)
  onScreen.push(...(await rowTitles(page)))
  expect(onScreen).toHaveLength(30)
  await page.goto(`/?person=${person.slug}`)
  await expect(page.getByText('Download this view:')).toBeVisible()

  const csv = await download(page, 'CSV')
  expect(csv.filename).toMatch(new RegExp(`^casebook-cases-person-${person.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
  expect(csv.body.charCodeAt(0)).toBe(0xfeff)
  const [header, ...rows] = parse(csv.body, { bom: true }) as string[][]
  expect(header!.slice(0, 2)).toEqual(['Case', 'Status'])
  // The formula is text (a leading apostrophe); every other title exactly as on screen.
  expect(rows.map((r) => r[0]!.replace(/^'(?==)/, ''))).toEqual(onScreen)
  expect(rows.find((r) => r[0]!.includes('HYPERLINK'))![0]).toBe(`'=HYPERLINK("x") ${tok}`)
  expect(rows.every((r) => r[3] === person.name)).toBe(true)

  const json = await download(page, 'JSON')
  expect(json.filename).toMatch(/^casebook-cases-person-.*\.json$/)
  const doc = JSON.parse(json.body) as { view: string; total: number; cases: { title: string; slug: string }[] }
  expect(doc.cases.map((c) => c.title)).toEqual(onScreen)
  expect(doc.total).toBe(30)
  expect(doc.view).toBe(`/?person=${person.slug}`)

  // The same view sorted another way downloads in that order.
  await page.goto(`/?person=${person.slug}&sort=title`)
  const byTitle = await rowTitles(page)
  const sorted = JSON.parse((await download(page, 'JSON')).body) as { cases: { title: string }[] }
  expect(sorted.cases.slice(0, byTitle.length).map((c) => c.title)).toEqual(byTitle)
})

test('a case downloads as JSON from its page; a bad view is a clear 400', async ({ page, request, db }) => {
  const c = await createCase(db, { title: `Downloadable ${uniqueToken()}` })
  await page.goto(`/cases/${c.slug}`)
  const file = await download(page, 'JSON')
  expect(file.filename).toMatch(new RegExp(`^casebook-case-${c.slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`))
  const body = JSON.parse(file.body) as { slug: string; title: string; parties: unknown[] }
  expect(body).toMatchObject({ slug: c.slug, title: c.title })
  expect(body.parties.length).toBe(1)

  const bad = await request.get('/exports/cases.csv?status=nonsense')
  expect(bad.status()).toBe(400)
  expect(bad.headers()['content-type']).toContain('application/problem+json')
  expect((await bad.json()).problems.join(' ')).toContain('nonsense')
})

test('the API pages with links.next, answers 304 to its ETag, and any origin may read it', async ({ request, db }) => {
  const person = await createPerson(db)
  for (let i = 0; i < 7; i++) await createCase(db, { title: `Paged ${i}`, defendant: { personId: person.id } })
  const seen: string[] = []
  let next: string | null = `/api/v1/cases?person=${person.slug}&sort=title&limit=3`
  let pages = 0
  while (next) {
    const response = await request.get(next)
    expect(response.status()).toBe(200)
    const body = (await response.json()) as { data: { title: string }[]; links: { next: string | null }; total: number }
    expect(body.total).toBe(7)
    seen.push(...body.data.map((c) => c.title))
    next = body.links.next
    pages++
  }
  expect(pages).toBe(3)
  expect(seen).toEqual(['Paged 0', 'Paged 1', 'Paged 2', 'Paged 3', 'Paged 4', 'Paged 5', 'Paged 6'])

  const first = await request.get(`/api/v1/cases?person=${person.slug}`, { headers: { origin: 'https://elsewhere.example' } })
  const headers = first.headers()
  expect(headers['access-control-allow-origin']).toBe('*')
  expect(headers['access-control-allow-credentials']).toBeUndefined()
  expect(headers['cache-control']).toBe('public, max-age=0, s-maxage=60, must-revalidate')
  expect(headers['content-type']).toBe('application/json; charset=utf-8')
  const again = await request.get(`/api/v1/cases?person=${person.slug}`, { headers: { 'if-none-match': headers.etag! } })
  expect(again.status()).toBe(304)
  const preflight = await request.fetch(`/api/v1/cases`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } })
  expect(preflight.status()).toBe(204)
  expect(preflight.headers()['access-control-allow-methods']).toContain('GET')
  expect((await request.head(`/api/v1/people`)).status()).toBe(200)

  const bad = await request.get('/api/v1/cases?year=abc&limit=1000')
  expect(bad.status()).toBe(400)
  expect((await bad.json()) as { problems: string[] }).toMatchObject({ status: 400, problems: [expect.stringContaining('limit'), expect.stringContaining('year')] })
})

test('a record the API cannot give is a JSON problem: unknown 404, renamed 308, withdrawn 410', async ({ request, db }) => {
  const renamed = await createCase(db)
  const { oldSlug, newSlug } = await renameCaseSlug(db, renamed.id)
  const withdrawn = await createCase(db, { title: `Withdrawn ${uniqueToken()}` })
  await withdrawCase(db, withdrawn.id)

  const moved = await request.get(`/api/v1/cases/${oldSlug}`, { maxRedirects: 0 })
  expect(moved.status()).toBe(308)
  expect(moved.headers().location).toBe(`/api/v1/cases/${newSlug}`)
  expect((await request.get(`/api/v1/cases/${oldSlug}`)).status()).toBe(200)

  for (const [path, status] of [
    [`/api/v1/cases/${withdrawn.slug}`, 410],
    [`/cases/${withdrawn.slug}/case.json`, 410],
    ['/api/v1/cases/never-was-a-case', 404],
    ['/api/v1/people/never-was-a-person', 404],
    ['/api/v1/sources/999999', 404],
  ] as const) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(status)
    expect(response.headers()['content-type'], path).toContain('application/problem+json')
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({ status })
    expect(text).not.toContain('Withdrawn')
  }
})

test('the OpenAPI document is valid OpenAPI 3.1, cached by its ETag', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json')
  expect(response.status()).toBe(200)
  const doc = await response.json()
  const result = await new Validator().validate(doc)
  expect(result.errors ?? []).toEqual([])
  expect(result.valid).toBe(true)
  expect(doc.openapi).toBe('3.1.0')
  expect(Object.keys(doc.paths)).toContain('/api/v1/cases/{slug}')
  expect((await request.get('/api/v1/openapi.json', { headers: { 'if-none-match': response.headers().etag! } })).status()).toBe(304)
})

test('an editor’s write is in the next API answer and the next download', async ({ page, request, db }) => {
  const c = await createCase(db, { title: `Before ${uniqueToken()}` })
  const before = await request.get(`/api/v1/cases/${c.slug}`)
  expect((await before.json()).title).toBe(c.title)
  const etag = before.headers().etag!
  // The list too, from a warm start.
  expect(JSON.stringify(await (await request.get('/api/v1/cases?limit=200')).json())).toContain(c.title)

  const after = `After ${uniqueToken()}`
  await signInAsEditor(page, await createUser(db, { role: 'editor' }))
  await editRecord(page, 'case', c.id, (f) => f.getByLabel('Title').fill(after), 'Saved the case.')

  const changed = await request.get(`/api/v1/cases/${c.slug}`, { headers: { 'if-none-match': etag } })
  expect(changed.status()).toBe(200)
  expect((await changed.json()).title).toBe(after)
  const list = JSON.stringify(await (await request.get('/api/v1/cases?limit=200')).json())
  expect(list).toContain(after)
  expect(list).not.toContain(c.title)
  expect(await (await request.get('/exports/cases.csv')).text()).toContain(after)
})
