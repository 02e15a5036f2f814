// Print: a paper copy of a case page keeps its sources' addresses and drops the
// navigation. Small screens: no horizontal scrolling.
import { expect, test } from '@playwright/test'
import { BILASH, CASE_174_2020 } from './support/seed'

const CASE_URL = `/cases/${CASE_174_2020.slug}`

test('printing a case page hides the navigation and prints source URLs', async ({ page }) => {
  await page.goto(CASE_URL)
  const mainNav = page.getByRole('navigation', { name: 'Main' })
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(mainNav).toBeVisible()
  await expect(breadcrumb).toBeVisible()

  await page.emulateMedia({ media: 'print' })
  await expect(mainNav).toBeHidden()
  await expect(breadcrumb).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Notes' })).toBeVisible()

  const printed = await page.locator('a.print-url[href^="http"]').evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content })))
  expect(printed.length).toBeGreaterThan(0)
  for (const { href, after } of printed) expect(after).toContain(href)

  // On screen the addresses are not repeated.
  await page.emulateMedia({ media: 'screen' })
  const onScreen = await page
    .locator('a.print-url[href^="http"]')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content)
  expect(onScreen === 'none' || onScreen === 'normal').toBe(true)
})

test.describe('on a 375px-wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

  for (const path of ['/', '/?status=nonsense', CASE_URL, `/people/${BILASH.slug}`]) {
    test(`${path} has no horizontal scrollbar`, async ({ page }) => {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }))
      expect(clientWidth).toBe(375)
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    })
  }
})
