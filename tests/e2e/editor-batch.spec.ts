// Fewer submissions for the same case (issue 9): on the case editor page one quote is
// cited for every fact it supports in one submission, and one charge is added for
// several defendants at once; with and without JavaScript.
import type { Page } from '@playwright/test'
import { createCase, createPerson, createProvision, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { openAddForm, pick, publishCase, signInAsEditor, tick } from './support/editor-forms'
import type { PrismaClient } from '@/lib/generated/prisma/client'

/** A draft case with two defendants, a charge and an event, none of it sourced yet. */
async function draftCase(db: PrismaClient, token: string) {
  const source = await createSource(db, { title: `Activists charged ${token}`, published: { at: new Date('2020-05-01'), precision: 'DAY', approx: false } })
  const codefendant = await createPerson(db, { name: `Codefendant ${token}` })
  const c = await createCase(db, {
    published: false,
    title: `Two activists ${token}`,
    defendant: { name: `Defendant ${token}` },
    parties: [{ personId: codefendant.id, role: 'DEFENDANT' }],
    charges: [{ description: `Inciting discord ${token}` }],
    events: [{ kind: 'ARREST', title: `Arrested ${token}`, date: { at: new Date('2020-04-10'), precision: 'DAY', approx: false } }],
  })
  return { source, codefendant, c }
}

async function signedIn(page: Page, db: PrismaClient) {
  const editor = await createUser(db, { role: 'editor' })
  await signInAsEditor(page, editor)
}

const notice = (page: Page) => page.getByTestId('save-notice')

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('one quote for four facts is one submission: four citations, shown on the public page once published', async ({ page, db }) => {
      const token = uniqueToken()
      const { source, c } = await draftCase(db, token)
      await signedIn(page, db)
      await page.goto(`/editor/cases/${c.id}`)

      // Nothing ticked: the error is next to the boxes, nothing is written, the quote stays.
      let form = await openAddForm(page, 'Add a citation')
      const quote = `Both activists were detained and charged ${token}`
      await pick(form, 'Source', { text: source.title, value: String(source.id) }, { javaScript: javaScriptEnabled })
      await form.getByLabel('Quote').fill(quote)
      await form.getByRole('button', { name: 'Add a citation' }).click()
      const supports = form.getByRole('group', { name: 'Supports' })
      await expect(form.locator('#citation-new-field-targets-error')).toHaveText('Tick at least one fact this quote supports.')
      await expect(supports).toHaveAttribute('aria-invalid', 'true')
      await expect(form.getByRole('alert')).toContainText('Supports: Tick at least one fact this quote supports.')
      await expect(form.getByLabel('Quote')).toHaveValue(quote)
      // The choice is posted under the field's name: by the picker's hidden input, or the select without JavaScript.
      await expect(form.locator('[name="sourceId"]')).toHaveValue(String(source.id))
      expect(await db.citation.count({ where: { quote } })).toBe(0)

      // The facts are grouped by kind and named as everywhere else; those without a source say so.
      await expect(supports.getByRole('checkbox', { name: 'Case: summary (no source yet)' })).toBeVisible()
      await expect(supports.getByRole('checkbox', { name: `Party: Defendant ${token} (defendant) (no source yet)`, exact: true })).toBeVisible()
      await expect(supports.getByRole('group', { name: 'Events' }).getByRole('checkbox')).toHaveCount(1)
      if (javaScriptEnabled) await form.screenshot({ path: 'test-results/editor-batch-citation-form.png' })

      const targets = ['case:summary', `party:${c.defendant!.partyId}`, `charge:${c.chargeIds[0]}`, `event:${c.eventIds[0]}`]
      for (const t of targets) await tick(form, 'targets', t)
      await form.getByLabel('Where in the source').fill('para. 3')
      await form.getByRole('button', { name: 'Add a citation' }).click()
      await expect(notice(page)).toHaveText('Created 4 citations.')
      const rows = await db.citation.findMany({ where: { quote }, orderBy: { id: 'asc' } })
      expect(rows).toHaveLength(4)
      expect(rows.map((r) => [r.sourceId, r.locator])).toEqual(Array(4).fill([source.id, 'para. 3']))
      expect(await db.revision.count({ where: { entity: 'citation', entityId: { in: rows.map((r) => r.id) }, action: 'create' } })).toBe(4)

      // The codefendant is the only fact left; the source now comes first, as cited on this case.
      await expect(page.getByTestId('unsourced-facts')).toHaveText(/Codefendant/)
      await expect(page.getByTestId('unsourced-facts').locator('li')).toHaveCount(1)
      form = await openAddForm(page, 'Add a citation')
      if (javaScriptEnabled) {
        // The picker lists each choice with its group.
        await form.getByRole('combobox', { name: 'Source' }).and(page.locator('input')).fill(source.title)
        await expect(page.getByRole('option').filter({ hasText: 'Cited on this case' })).toHaveCount(1)
        await expect(page.getByRole('option').filter({ hasText: 'Cited on this case' })).toContainText(source.title)
      } else {
        await expect(form.locator('optgroup[label="Cited on this case"] option')).toHaveCount(1)
        await expect(form.locator('optgroup[label="Cited on this case"] option')).toContainText(source.title)
      }
      await pick(form, 'Source', { text: source.title, value: String(source.id) }, { javaScript: javaScriptEnabled })
      await tick(form, 'targets', `party:${c.partyIds[1]}`)
      await form.getByLabel('Quote').fill(`The second activist ${token}`)
      await form.getByRole('button', { name: 'Add a citation' }).click()
      await expect(notice(page)).toHaveText('Created the citation.')

      await publishCase(page, c.id)
      await page.goto(`/cases/${c.slug}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Two activists ${token}`)
      // One footnote for the passage, referred to from each of the four facts.
      for (const r of rows) await expect(page.locator(`[data-citation-id="${r.id}"]`)).toHaveCount(1)
      await expect(page.getByText(quote)).not.toHaveCount(0)
    })

    test('one charge for two defendants is one submission: two charges, each its own', async ({ page, db }) => {
      const token = uniqueToken()
      const { c, codefendant } = await draftCase(db, token)
      const provision = await createProvision(db)
      await signedIn(page, db)
      await page.goto(`/editor/cases/${c.id}`)

      let form = await openAddForm(page, 'Add a charge')
      await tick(form, 'provisionIds', String(provision.id))
      await form.getByLabel('Outcome of the charge').selectOption('PENDING')
      await form.getByRole('button', { name: 'Add a charge' }).click()
      await expect(form.locator('#charge-new-field-partyIds-error')).toHaveText('Tick at least one defendant.')
      await expect(form.locator(`input[name="provisionIds"][value="${provision.id}"]`)).toBeChecked()
      expect(await db.charge.count({ where: { caseId: c.id } })).toBe(1)

      const defendants = form.getByRole('group', { name: 'Defendants' })
      if (javaScriptEnabled) await form.screenshot({ path: 'test-results/editor-batch-charge-form.png' })
      await defendants.getByRole('checkbox', { name: `Defendant ${token} (defendant)`, exact: true }).check()
      await defendants.getByRole('checkbox', { name: `${codefendant.name} (defendant)`, exact: true }).check()
      await form.getByRole('button', { name: 'Add a charge' }).click()
      await expect(notice(page)).toHaveText('Created 2 charges.')
      const charges = await db.charge.findMany({ where: { caseId: c.id, provisionId: provision.id }, orderBy: { id: 'asc' } })
      expect(charges.map((ch) => ch.partyId)).toEqual(c.partyIds)
      expect(charges.map((ch) => ch.disposition)).toEqual(['PENDING', 'PENDING'])
      const section = page.getByTestId('section-charges')
      await expect(section.getByRole('link', { name: /^Edit / })).toHaveCount(3)
      await expect(section).toContainText(`${codefendant.name}: Article ${provision.article}`)
      form = page.locator('details', { has: page.locator('summary', { hasText: /^Add a charge$/ }) })
      await expect(form).not.toHaveAttribute('open')
    })
  })
}
