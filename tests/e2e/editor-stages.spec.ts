// Stages of a proceeding (issue 9): one submission adds a first-instance verdict with a
// sentence per defendant, another an appeal that changes both; cited with one quote
// each, the public case page shows each defendant's sentence history on the next
// request, and the dashboard filters by the sentence in force.
import type { Locator } from '@playwright/test'
import { createCase, createPerson, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { addToCase, citeOnCase, signInAsEditor } from './support/editor-forms'

const block = (form: Locator, name: string) => form.getByRole('group', { name: `Decision for ${name} (defendant)` })

async function decide(form: Locator, name: string, d: { decision: string; kind?: string; years?: string; banYears?: string }) {
  const b = block(form, name)
  await b.getByRole('combobox', { name: 'Decision' }).selectOption({ label: d.decision })
  if (d.kind) await b.getByRole('combobox', { name: 'Main penalty' }).selectOption({ label: d.kind })
  if (d.years) await b.getByLabel('Length: years').fill(d.years)
  if (d.banYears) await b.getByLabel('Ban on activity: years').fill(d.banYears)
}

test('a verdict and an appeal that changes both sentences: two submissions, a cited sentence history on the public page', async ({ page, db }) => {
  const token = uniqueToken()
  const source = await createSource(db, { title: `Appeal court softens sentences ${token}`, published: { at: new Date('2020-04-01'), precision: 'DAY', approx: false } })
  const second = await createPerson(db, { name: `Aigerim ${token}` })
  const c = await createCase(db, { title: `Two activists ${token}`, defendant: { name: `Serik ${token}` }, parties: [{ personId: second.id, role: 'DEFENDANT' }] })
  const [first, other] = c.partyIds as [number, number]
  const editor = await createUser(db, { role: 'editor' })
  await signInAsEditor(page, editor)

  // A wrong length is refused next to its field; nothing is written and the form keeps what was typed.
  await page.goto(`/editor/cases/${c.id}`)
  const details = page.locator('details', { has: page.locator('summary', { hasText: 'Add a stage of the proceeding' }) })
  await details.locator('summary').click()
  const form = details.locator('form')
  await form.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'First instance' })
  await decide(form, `Serik ${token}`, { decision: 'Convicted', kind: 'Imprisonment', years: 'three' })
  await form.getByRole('button', { name: 'Add a stage of the proceeding' }).click()
  await expect(block(form, `Serik ${token}`).getByText('Give the sentence’s years as a whole number, or leave it empty.')).toBeVisible()
  await expect(block(form, `Serik ${token}`).getByLabel('Length: years')).toHaveValue('three')
  expect(await db.stage.count({ where: { caseId: c.id } })).toBe(0)

  await addToCase(
    page,
    c.id,
    'Add a stage of the proceeding',
    async (f) => {
      await f.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'First instance' })
      await f.getByLabel('Court’s name as the sources give it').fill('Almaty District Court')
      await f.getByRole('group', { name: 'Date of the decision' }).getByLabel('Date', { exact: true }).fill('10 January 2020')
      await decide(f, `Serik ${token}`, { decision: 'Convicted', kind: 'Imprisonment', years: '3' })
      await decide(f, `Aigerim ${token}`, { decision: 'Convicted', kind: 'Imprisonment', years: '2', banYears: '5' })
    },
    'Created the stage of the proceeding.',
  )
  await addToCase(
    page,
    c.id,
    'Add a stage of the proceeding',
    async (f) => {
      await f.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Appeal' })
      await f.getByLabel('Court’s name as the sources give it').fill('Almaty City Court')
      await f.getByRole('group', { name: 'Date of the decision' }).getByLabel('Date', { exact: true }).fill('March 2020')
      await decide(f, `Serik ${token}`, { decision: 'Changed', kind: 'Restricted freedom', years: '3' })
      await decide(f, `Aigerim ${token}`, { decision: 'Changed', kind: 'Suspended sentence', years: '2' })
    },
    'Created the stage of the proceeding.',
  )
  const stages = await db.stage.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' }, include: { decisions: { orderBy: { partyId: 'asc' } } } })
  expect(stages.map((s) => [s.kind, s.courtName, s.decisions.map((d) => [d.partyId, d.decision, d.sentenceKind, d.sentenceMonths, d.activityBanMonths])])).toEqual([
    [
      'FIRST_INSTANCE',
      'Almaty District Court',
      [
        [first, 'CONVICTED', 'IMPRISONMENT', 36, null],
        [other, 'CONVICTED', 'IMPRISONMENT', 24, 60],
      ],
    ],
    [
      'APPEAL',
      'Almaty City Court',
      [
        [first, 'CHANGED', 'RESTRICTED_FREEDOM', 36, null],
        [other, 'CHANGED', 'SUSPENDED', 24, null],
      ],
    ],
  ])
  const [verdict, appeal] = stages as [(typeof stages)[0], (typeof stages)[0]]

  // The public page is cached: load it before citing, so that the check below is of a fresh render.
  await page.goto(`/cases/${c.slug}`)
  await expect(page.getByTestId('sentence-history')).toHaveCount(2)

  // One quote per stage supports the stage and both its decisions.
  await citeOnCase(page, c.id, [`stage:${verdict.id}`, ...verdict.decisions.map((d) => `decision:${d.id}`)], source, `The district court jailed both activists ${token}`)
  await citeOnCase(page, c.id, [`stage:${appeal.id}`, ...appeal.decisions.map((d) => `decision:${d.id}`)], source, `On appeal the sentences were softened ${token}`)

  await page.goto(`/cases/${c.slug}`)
  const serik = page.getByTestId('sentence-history').filter({ hasText: `Serik ${token}` })
  await expect(serik).toContainText('3 years’ imprisonment')
  await expect(serik).toContainText('→')
  await expect(serik).toContainText('3 years’ restricted freedom (appeal: changed, March 2020)')
  // Every step links to its footnote.
  await expect(serik.getByRole('link', { name: /^Note \d+[a-z]*: source \d+/ })).toHaveCount(2)
  const aigerim = page.getByTestId('sentence-history').filter({ hasText: `Aigerim ${token}` })
  await expect(aigerim).toContainText('2 years’ imprisonment; 5-year ban on activity')
  await expect(aigerim).toContainText('2 years’ suspended sentence')
  await expect(page.getByTestId('defendant').filter({ hasText: `Serik ${token}` })).toContainText('Sentence in force3 years’ restricted freedom')
  await page.getByRole('heading', { name: 'Stages and sentences' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/editor-stages-public.png', fullPage: true })

  // The dashboard filters by the sentence in force: the appeal's, not the first instance's.
  await page.goto('/?sentence=restricted-freedom')
  await expect(page.getByRole('link', { name: `Two activists ${token}` })).toBeVisible()
  await page.goto('/?sentence=imprisonment')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: `Two activists ${token}` })).toHaveCount(0)
})
