// A renamed case keeps answering at its old address: a permanent redirect, so that
// links journalists published keep working.
import { day, month } from '@/lib/domain/partial-date'
import { createCase, renameCaseSlug } from '../support/factories'
import { expect, test } from './support/db'

test('an old case slug answers 308 with the new URL, and the browser lands there', async ({ page, request, db }) => {
  const c = await createCase(db, {
    title: `Renamed case ${Date.now()}`,
    events: [
      { kind: 'INVESTIGATION_OPENED', date: month(2020, 6) },
      { kind: 'CHARGE', date: day(2020, 7, 1) },
    ],
  })
  const { oldSlug, newSlug } = await renameCaseSlug(db, c.id)
  expect(oldSlug).not.toBe(newSlug)

  const response = await request.get(`/cases/${oldSlug}`, { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  const locations = new Set(
    response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'location')
      .map((h) => new URL(h.value, 'http://127.0.0.1').pathname),
  )
  expect([...locations]).toEqual([`/cases/${newSlug}`])

  await page.goto(`/cases/${oldSlug}`)
  await expect(page).toHaveURL((url) => url.pathname === `/cases/${newSlug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.title)
})

// Next.js 16.4 sends a redirect rendered on demand in an ISR route with two identical
// `Location` headers the first time (vercel/next.js#82117). Old slugs are now answered
// by proxy.ts before any page renders (lib/data/addresses.ts), with one.
test('the first answer for an old slug carries one Location header', async ({ request, db }) => {
  const c = await createCase(db, { title: `Renamed once ${Date.now()}` })
  const { oldSlug } = await renameCaseSlug(db, c.id)
  const response = await request.get(`/cases/${oldSlug}`, { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  expect(response.headersArray().filter((h) => h.name.toLowerCase() === 'location')).toHaveLength(1)
})

test('a slug that never existed is not redirected', async ({ request }) => {
  const response = await request.get('/cases/never-existed-anywhere', { maxRedirects: 0 })
  expect(response.status()).toBe(404)
})
