// Accessibility smoke tests: one h1 per page, a name for every form control, and no
// serious or critical axe-core violation. axe-core is injected as a plain script (the
// @axe-core/playwright wrapper's current release needs Node 22).
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect, test } from './support/db'
import { ART_174, BILASH, CASE_174_2020 } from './support/seed'

const require = createRequire(import.meta.url)
const AXE_PATH = require.resolve('axe-core/axe.min.js')

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }

/** `targetSize`: also run axe's target-size rule (WCAG 2.2 AA 2.5.8, off in axe by default): 24×24 px tap targets, or space around them. */
async function axeViolations(page: Page, { targetSize = false } = {}) {
  await page.addScriptTag({ path: AXE_PATH })
  const result = await page.evaluate(
    (targetSize) =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe.run(document, {
        resultTypes: ['violations'],
        ...(targetSize ? { rules: { 'target-size': { enabled: true } } } : {}),
      }) as Promise<AxeResult>,
    targetSize,
  )
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
}

const pages: { name: string; path: (db: import('@/lib/db/client').PrismaClient) => Promise<string>; axe: boolean; targetSize?: boolean }[] = [
  { name: 'dashboard', path: async () => '/', axe: true },
  { name: 'filtered dashboard', path: async () => '/?status=dropped&year=2020', axe: false },
  { name: 'case page', path: async () => `/cases/${CASE_174_2020.slug}`, axe: true, targetSize: true },
  { name: 'person page', path: async () => `/people/${BILASH.slug}`, axe: true },
  { name: 'provision page', path: async () => `/provisions/${ART_174.slug}`, axe: true },
  {
    name: 'source page',
    path: async (db) => `/sources/${(await db.source.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true } })).id}`,
    axe: true,
  },
  {
    name: 'organisation page',
    path: async (db) => `/organisations/${(await db.organisation.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { slug: true } })).slug}`,
    axe: false,
  },
  { name: 'not-found page', path: async () => '/cases/no-such-case-anywhere', axe: true },
]

for (const p of pages) {
  test(`${p.name}: one h1, named form controls${p.axe ? ', no serious axe violations' : ''}`, async ({ page, db }) => {
    await page.goto(await p.path(db))
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    expect((await page.title()).length).toBeGreaterThan(0)

    const controls = page.locator('input:not([type="hidden"]), select, textarea, button')
    for (const control of await controls.all()) {
      if (!(await control.isVisible())) continue
      await expect(control).toHaveAccessibleName(/\S/)
    }
    const links = page.locator('a[href]')
    for (const link of await links.all()) {
      if (!(await link.isVisible())) continue
      await expect(link).toHaveAccessibleName(/\S/)
    }

    if (p.axe) expect(await axeViolations(page, { targetSize: p.targetSize })).toEqual([])
  })
}

test('editor pages: the case workspace with every form open, a form showing errors, a history page', async ({ page, db }) => {
  // axe over a workspace with every form open takes tens of seconds on a busy two-core machine.
  test.setTimeout(120_000)
  const { createUser } = await import('../support/users')
  const editor = await createUser(db, { role: 'editor' })
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(editor.email)
  await page.getByLabel('Password').fill(editor.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/editor$/)
  const c = await db.case.findUniqueOrThrow({ where: { slug: CASE_174_2020.slug }, select: { id: true } })

  await page.goto(`/editor/cases/${c.id}`)
  for (const summary of await page.locator('details > summary').all()) await summary.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  expect(await axeViolations(page)).toEqual([])

  await page.goto('/editor/records/case/new')
  await page.getByRole('button', { name: 'Create case' }).click()
  await expect(page.getByRole('alert', { name: 'Please correct the following:' })).toContainText('Title: Enter a title.')
  expect(await axeViolations(page)).toEqual([])

  await page.goto(`/editor/records/case/${c.id}/history`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('History of the case')
  expect(await axeViolations(page)).toEqual([])
})
