// Entering a case in few submissions: on the case editor page, two parties at once,
// six charges (two defendants × three articles) cited in one submission, and a
// disputed fact with two versions, each cited, in one; all of it cited on the public
// page at the next request once the case is published. With and without JavaScript.
import type { Locator, Page } from '@playwright/test'
import { createCase, createPerson, createProvision, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { addToCase, openAddForm, pick, publishCase, signInAsEditor, tick } from './support/editor-forms'

const notice = (page: Page) => page.getByTestId('save-notice')
const sourceGroup = (form: Locator, name = 'Source (optional)') => form.getByRole('group', { name })

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('two parties, six cited charges and a disputed fact with two cited versions: three submissions, cited on the public page', async ({ page, db }) => {
      test.setTimeout(120_000)
      const token = uniqueToken()
      const shot = (name: string) => `test-results/editor-cite-on-add-${name}-${javaScriptEnabled ? 'js' : 'nojs'}.png`
      const verdict = await createSource(db, { title: `Verdict report ${token}`, published: { at: new Date('2020-05-01'), precision: 'DAY', approx: false } })
      const other = await createSource(db, { title: `Defence statement ${token}`, published: { at: new Date('2020-05-03'), precision: 'DAY', approx: false } })
      const [first, second] = [await createPerson(db, { name: `First activist ${token}` }), await createPerson(db, { name: `Second activist ${token}` })]
      const provisions = [await createProvision(db), await createProvision(db), await createProvision(db)]
      const c = await createCase(db, { published: false, title: `Two activists ${token}`, defendant: null })
      const editor = await createUser(db, { role: 'editor' })
      await signInAsEditor(page, editor)
      await page.goto(`/editor/cases/${c.id}`)

      // 1. Two parties at once, cited.
      const partyQuote = `Two activists stood trial ${token}`
      let form = await openAddForm(page, 'Add a party')
      const people = form.getByRole('group', { name: 'People and organisations' })
      await people.getByRole('checkbox', { name: first.name, exact: true }).check()
      await people.getByRole('checkbox', { name: second.name, exact: true }).check()
      await form.getByLabel('Role').selectOption('DEFENDANT')
      await pick(sourceGroup(form), 'Source', { text: verdict.title, value: String(verdict.id) }, { javaScript: javaScriptEnabled })
      await sourceGroup(form).getByLabel('Quote').fill(partyQuote)
      await form.getByRole('button', { name: 'Add a party', exact: true }).click()
      await expect(notice(page)).toHaveText('Created 2 parties.')
      const parties = await db.party.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' }, include: { citations: true } })
      expect(parties.map((p) => p.personId)).toEqual([first.id, second.id])
      expect(parties.map((p) => p.citations.map((x) => [x.sourceId, x.quote]))).toEqual([[[verdict.id, partyQuote]], [[verdict.id, partyQuote]]])

      // 2. Six charges in one submission. A source without a quote is refused next to the quote, nothing typed is lost.
      const chargeQuote = `Both were charged under three articles ${token}`
      form = await openAddForm(page, 'Add a charge')
      for (const p of parties) await tick(form, 'partyIds', String(p.id))
      for (const p of provisions) await tick(form, 'provisionIds', String(p.id))
      await form.getByLabel('Outcome of the charge').selectOption('CONVICTED')
      await pick(sourceGroup(form), 'Source', { text: verdict.title, value: String(verdict.id) }, { javaScript: javaScriptEnabled })
      await sourceGroup(form).getByLabel('Where in the source').fill('para. 4')
      await form.getByRole('button', { name: 'Add a charge', exact: true }).click()
      await expect(form.locator('#charge-new-field-citeQuote-error')).toHaveText('Enter a short quote from the source.')
      await expect(form.getByRole('alert')).toContainText('Source (optional) — Quote: Enter a short quote from the source.')
      // The value posted (with JavaScript the picker's hidden field, without it the select).
      await expect(form.locator('[name="citeSourceId"]')).toHaveValue(String(verdict.id))
      await expect(sourceGroup(form).getByLabel('Where in the source')).toHaveValue('para. 4')
      for (const p of provisions) await expect(form.locator(`input[name="provisionIds"][value="${p.id}"]`)).toBeChecked()
      await expect(form.getByLabel('Outcome of the charge')).toHaveValue('CONVICTED')
      expect(await db.charge.count({ where: { caseId: c.id } })).toBe(0)
      await sourceGroup(form).getByLabel('Quote').fill(chargeQuote)
      await form.screenshot({ path: shot('charge-form') })
      await form.getByRole('button', { name: 'Add a charge', exact: true }).click()
      await expect(notice(page)).toHaveText('Created 6 charges.')
      const charges = await db.charge.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' }, include: { citations: true } })
      // One per pair, in the order the boxes are listed.
      const pairs = (list: (number | null)[][]) => list.map((pair) => pair.join(':')).sort()
      expect(pairs(charges.map((ch) => [ch.partyId, ch.provisionId]))).toEqual(pairs(parties.flatMap((party) => provisions.map((p) => [party.id, p.id]))))
      expect(charges.map((ch) => ch.citations.map((x) => [x.sourceId, x.quote, x.locator]))).toEqual(Array(6).fill([[verdict.id, chargeQuote, 'para. 4']]))
      expect(await db.revision.count({ where: { entity: 'citation', entityId: { in: charges.flatMap((ch) => ch.citations.map((x) => x.id)) }, action: 'create' } })).toBe(6)
      // Six charges listed, each with its citation under it.
      await expect(page.getByTestId('section-charges').getByRole('link', { name: new RegExp(`^Edit (First|Second) activist ${token}: Article `) })).toHaveCount(6)
      await expect(page.getByTestId('section-charges').getByRole('link', { name: /^Edit citation / })).toHaveCount(6)

      // 3. A disputed fact with its two versions, each with its own source. One version is not enough.
      const subject = `What the activists were convicted of ${token}`
      const [one, two] = [`Inciting discord ${token}`, `Leading an unregistered group ${token}`]
      const [quoteOne, quoteTwo] = [`convicted of inciting discord ${token}`, `the group was never registered ${token}`]
      form = await openAddForm(page, 'Add a disputed fact')
      await form.getByLabel('The fact in question').fill(subject)
      const v1 = form.getByRole('group', { name: 'Version 1' })
      const v2 = form.getByRole('group', { name: 'Version 2' })
      await v1.getByLabel('What this version says').fill(one)
      await pick(v1, 'Source', { text: verdict.title, value: String(verdict.id) }, { javaScript: javaScriptEnabled })
      await v1.getByLabel('Quote').fill(quoteOne)
      await form.getByRole('button', { name: 'Add a disputed fact', exact: true }).click()
      await expect(form.locator('#conflict-new-field-version2Statement-error')).toHaveText('A disputed fact needs at least two versions: say what this one says.')
      await expect(v1.getByLabel('Quote')).toHaveValue(quoteOne)
      await expect(form.getByLabel('The fact in question')).toHaveValue(subject)
      expect(await db.conflict.count({ where: { caseId: c.id } })).toBe(0)
      await v2.getByLabel('What this version says').fill(two)
      await v2.getByLabel(/^Preferred version/).check()
      await pick(v2, 'Source', { text: other.title, value: String(other.id) }, { javaScript: javaScriptEnabled })
      await v2.getByLabel('Quote').fill(quoteTwo)
      await form.screenshot({ path: shot('conflict-form') })
      await form.getByRole('button', { name: 'Add a disputed fact', exact: true }).click()
      await expect(notice(page)).toHaveText('Created the conflicting account.')
      const conflict = await db.conflict.findFirstOrThrow({ where: { caseId: c.id }, include: { versions: { orderBy: { position: 'asc' }, include: { citations: true } } } })
      expect(conflict.versions.map((v) => [v.statement, v.preferred, v.citations.map((x) => [x.sourceId, x.quote])])).toEqual([
        [one, false, [[verdict.id, quoteOne]]],
        [two, true, [[other.id, quoteTwo]]],
      ])

      // What is left to cite is the case's own summary.
      await expect(page.getByTestId('unsourced-facts').locator('li')).toHaveText(['Case: summary'])
      await addToCase(
        page,
        c.id,
        'Add a citation',
        async (f) => {
          await tick(f, 'targets', 'case:summary')
          await pick(f, 'Source', { text: verdict.title, value: String(verdict.id) }, { javaScript: javaScriptEnabled })
          await f.getByLabel('Quote').fill(`The court convicted both ${token}`)
        },
        'Created the citation.',
      )
      await publishCase(page, c.id)

      await page.goto(`/cases/${c.slug}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Two activists ${token}`)
      const cited = [...parties.flatMap((p) => p.citations), ...charges.flatMap((ch) => ch.citations), ...conflict.versions.flatMap((v) => v.citations)]
      expect(cited).toHaveLength(10)
      // Every record created is a fact with its footnote: the quotes are in the footnotes.
      for (const x of cited) await expect(page.locator(`[data-citation-id="${x.id}"]`)).toHaveCount(1)
      for (const q of [partyQuote, chargeQuote, quoteOne, quoteTwo]) await expect(page.getByText(q)).not.toHaveCount(0)
      await expect(page.getByText(subject)).not.toHaveCount(0)
      await page.screenshot({ path: shot('public-case'), fullPage: true })
    })
  })
}
