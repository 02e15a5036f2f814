// Unknown addresses answer 404 with a page that helps: what was not found, a search,
// and a way back to the dashboard.
import { expect, test } from '@playwright/test'

const cases = [
  { path: '/cases/no-such-case-anywhere', h1: 'No case at this address' },
  { path: '/people/no-such-person-anywhere', h1: 'No person at this address' },
  { path: '/organisations/no-such-organisation', h1: 'No organisation at this address' },
  { path: '/provisions/no-such-article', h1: 'No legal provision at this address' },
  { path: '/sources/99999999', h1: 'No source at this address' },
  { path: '/sources/not-a-number', h1: 'No source at this address' },
  { path: '/this/path/does-not-exist', h1: 'This page does not exist' },
]

for (const { path, h1 } of cases) {
  test(`${path} is a helpful 404`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1)
    // Somewhere to go: the dashboard, and a search of the cases.
    const back = page.getByRole('main').getByRole('link', { name: /dashboard|all cases/i })
    await expect(back).toHaveAttribute('href', '/')
    const search = page.getByRole('main').getByRole('search')
    await expect(search.getByRole('searchbox')).toBeVisible()
    await search.getByRole('searchbox').fill('Bilash')
    await search.getByRole('button').click()
    await expect(page).toHaveURL((url) => url.pathname === '/' && url.searchParams.get('q') === 'Bilash')
    await expect(page.getByTestId('case-row').first()).toBeVisible()
  })
}

test('an address that is not valid percent-encoding answers 400, never 500', async ({ request }) => {
  for (const path of ['/cases/%ZZ', '/people/%E0%A4%A', '/organisations/%C3', '/provisions/%', '/sources/%ZZ']) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(400)
    expect(await response.text()).toContain('not valid percent-encoding')
  }
})

test('the health check answers 200 with fixed words only', async ({ request }) => {
  const response = await request.get('/api/health')
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toContain('no-store')
  expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', pageCache: 'ok' } })
})
