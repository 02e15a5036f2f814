// The editor's record forms against the production server: a case built from a
// source, published, edited, its history diffed and restored; a stale save refused
// with the editor's input kept.
import type { Locator, Page } from '@playwright/test'
import { createCase, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { signIn as submitSignIn } from './support/editor'
import { pick } from './support/editor-forms'

async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password)
  await expect(page).toHaveURL(/\/editor$/)
}

/** A date field: its fieldset is named by the field's label. */
function dateInput(form: Locator, label: string): Locator {
  return form.getByRole('group', { name: label }).getByLabel('Date', { exact: true })
}

/** Opens an "add" form's <details> (closed after every save) and returns the form. */
async function openAddForm(page: Page, summary: string): Promise<Locator> {
  const details = page.locator('details', { has: page.locator('summary', { hasText: summary }) })
  await expect(details).not.toHaveAttribute('open')
  await details.locator('summary').click()
  return details.locator('form')
}

test.describe('an editor builds a case', () => {
  test('create from a source, add parties, a charge and events with citations, publish, edit, diff, restore', async ({ page, db }) => {
    // About twenty forms in one test: on a busy two-core machine it runs near the 30 s default.
    test.slow()
    const token = uniqueToken()
    const editor = await createUser(db, { role: 'editor' })
    await signIn(page, editor.email, editor.password)

    // The article the case is built from, pasted into the source intake.
    const sourceTitle = `Activist detained in Almaty ${token}`
    await page.goto('/editor/sources/new')
    await page.getByLabel('Address (URL)').fill(`https://rus.azattyq.example/a/${token}.html?utm_source=share`)
    await page
      .getByLabel('Article text or HTML')
      .fill(
        `<html lang="en"><head><title>${sourceTitle}</title><meta property="og:site_name" content="Azattyq">` +
          `<meta property="article:published_time" content="2019-03-12T09:00:00+06:00"></head>` +
          `<body><h1>${sourceTitle}</h1><p>The activist was detained in Almaty on Sunday, 10 March, his lawyer said.</p></body></html>`,
      )
    await page.getByRole('button', { name: 'Read the article' }).click()
    const sourceForm = page.getByTestId('record-form-source')
    await expect(sourceForm.getByLabel('Title')).toHaveValue(sourceTitle)
    await expect(dateInput(sourceForm, 'Published')).toHaveValue('12 March 2019')
    await sourceForm.getByRole('button', { name: 'Create source' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Created the source.')
    const source = { id: Number(/\/source\/(\d+)/.exec(page.url())![1]), title: sourceTitle }

    // A new case: an ambiguous numeric date is refused until the order is given.
    await page.goto('/editor/records/case/new')
    let form = page.getByTestId('record-form-case')
    const title = `Test prosecution ${token}`
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('Kind of proceeding').selectOption('CRIMINAL')
    await form.getByLabel('Jurisdiction').fill('KZ')
    await form.getByLabel('Summary', { exact: true }).fill('First summary of the case.')
    await dateInput(form, 'Opened').fill('04/03/2019')
    await form.getByRole('button', { name: 'Create case' }).click()
    const openedError = form.getByRole('group', { name: 'Opened' }).locator('#field-opened-error')
    await expect(openedError).toContainText('4 March 2019 (day first) or 3 April 2019 (month first)')
    await expect(form.getByLabel('Title')).toHaveValue(title)
    await form.getByRole('group', { name: 'Opened' }).getByLabel('Numeric dates read').selectOption('DMY')
    await form.getByRole('button', { name: 'Create case' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Created the case.')
    await expect(page.getByTestId('case-state')).toHaveText('Draft')
    const caseUrl = page.url().replace(/\?.*$/, '')
    const caseId = Number(caseUrl.split('/').pop())
    const stored = await db.case.findUniqueOrThrow({ where: { id: caseId } })
    expect(stored.openedAt?.toISOString()).toBe('2019-03-04T00:00:00.000Z')

    // Drafts are for editors only, and listed on their home page.
    expect((await page.request.get(`/cases/${stored.slug}`)).status()).toBe(404)
    await page.goto('/editor')
    await expect(page.getByTestId('drafts')).toContainText(title)
    await expect(page.getByTestId('recent-changes')).toContainText(`${editor.email} created the case ${title}`)

    // A person, then the person as defendant.
    await page.goto('/editor/records/person/new')
    form = page.getByTestId('record-form-person')
    const name = `Defendant ${token}`
    await form.getByLabel('Name').fill(name)
    await form.getByRole('button', { name: 'Create person' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Created the person.')

    await page.goto(caseUrl)
    form = await openAddForm(page, 'Add a party')
    await form.getByRole('group', { name: 'People and organisations' }).getByRole('checkbox', { name, exact: true }).check()
    await form.getByLabel('Role').selectOption('DEFENDANT')
    await form.getByLabel('Outcome for this defendant').fill('Convicted on a plea deal')
    await form.getByRole('button', { name: 'Add a party' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Created the party.')
    await expect(page.getByTestId('section-parties')).toContainText(`${name} — Defendant`)

    // A charge without an article: the offence as the sources describe it.
    form = await openAddForm(page, 'Add a charge')
    await form.getByRole('checkbox', { name: `${name} (defendant)` }).check()
    await form.getByLabel('Outcome of the charge').selectOption('PLEA_DEAL')
    await form.getByRole('button', { name: 'Add a charge' }).click()
    await expect(form.locator('#charge-new-field-description-error')).toHaveText('Describe the offence when the sources give no article.')
    await form.getByLabel('The offence as the sources describe it').fill('Inciting discord')
    await form.getByRole('button', { name: 'Add a charge' }).click()
    await expect(page.getByTestId('section-charges')).toContainText(`${name}: Inciting discord`)

    // An event, then its citation.
    form = await openAddForm(page, 'Add an event')
    await form.getByLabel('Kind of event').selectOption('ARREST')
    await dateInput(form, 'Date').fill('10 March 2019')
    await form.getByLabel('Title', { exact: false }).first().fill('Arrested in Almaty')
    await form.getByRole('button', { name: 'Add an event' }).click()
    await expect(page.getByTestId('section-events')).toContainText('10 March 2019: Arrested in Almaty')

    // One submission cites the quote for every fact ticked.
    const cite = async (supports: string[], quote: string, locator = '') => {
      const citeForm = await openAddForm(page, 'Add a citation')
      for (const fact of supports) await citeForm.getByRole('group', { name: 'Supports' }).getByRole('checkbox', { name: fact }).check()
      await pick(citeForm, 'Source', { text: source.title, value: String(source.id) })
      await citeForm.getByLabel('Quote').fill(quote)
      await citeForm.getByLabel('Where in the source').fill(locator)
      await citeForm.getByRole('button', { name: 'Add a citation' }).click()
      // This save's notice: sending the form took the previous one away.
      await expect(page.getByTestId('save-notice')).toHaveText(supports.length > 1 ? `Created ${supports.length} citations.` : 'Created the citation.')
    }
    await cite(['Event: 10 March 2019 — Arrested in Almaty'], 'was detained in Almaty on Sunday', 'para. 2')
    await expect(page.getByTestId('section-events')).toContainText('“was detained in Almaty on Sunday” — Azattyq, para. 2')

    // Publishing waits until every fact readers would see has a source.
    const unsourced = page.getByTestId('unsourced-facts')
    // Named as the "Supports" menu names them, so the editor knows what to pick.
    await expect(unsourced).toContainText('Case: date opened')
    await expect(unsourced).toContainText('Case: summary')
    await expect(unsourced).toContainText(`Party: ${name} (defendant)`)
    await expect(unsourced).toContainText(`Charge against ${name}: Inciting discord`)
    await page.getByRole('button', { name: 'Publish' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Not published' })).toContainText('every fact readers see needs a source')
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).publishedAt).toBeNull()
    await page.goto(caseUrl)
    await cite(['Case: date opened', 'Case: summary', `Party: ${name} (defendant)`, `Charge against ${name}: Inciting discord`], 'the activist, his lawyer said, is accused of inciting discord')
    await expect(unsourced).toHaveCount(0)

    // The preview shows the draft as readers will see it, with its quote.
    await page.getByRole('link', { name: 'Preview as readers will see it' }).click()
    await expect(page.getByTestId('preview-banner')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.getByText('was detained in Almaty on Sunday')).toBeAttached()
    await page.goto(caseUrl)

    // Publish: the public page and the dashboard show it on the next request.
    await page.getByRole('button', { name: 'Publish' }).click()
    await expect(page.getByTestId('case-state')).toHaveText('Published')
    await page.goto(`/cases/${stored.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    // In the timeline's text (the drawn timeline and the notes' backlinks name it too).
    await expect(page.locator('main p').filter({ hasText: 'Arrested in Almaty' }).first()).toBeVisible()
    await expect(page.locator(`a[href="/sources/${source.id}"]`).first()).toBeAttached()
    await page.goto(`/?q=${encodeURIComponent(token)}`)
    await expect(page.getByRole('link', { name: title })).toBeVisible()

    // Edit the summary; the public page follows; the history shows the diff.
    await page.goto(caseUrl)
    form = page.getByTestId('record-form-case')
    await form.getByLabel('Summary', { exact: true }).fill('Second summary of the case.')
    await form.getByLabel('Edit summary').fill('Reworded after a second report')
    await form.getByRole('button', { name: 'Save case details' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Saved the case.')
    await page.goto(`/cases/${stored.slug}`)
    await expect(page.getByText('Second summary of the case.')).toBeVisible()

    await page.goto(`/editor/records/case/${caseId}/history`)
    const edit = page.locator('li', { hasText: 'Reworded after a second report' })
    await expect(edit.locator('del')).toContainText('First summary of the case.')
    await expect(edit.locator('ins')).toContainText('Second summary of the case.')

    // Restore the version the case was created with.
    const created = page
      .locator('li[data-testid^="revision-"]', { hasText: /^case created|created by/ })
      .filter({ hasText: title })
      .last()
    await created.getByRole('button', { name: /Restore this version/ }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Restored the case.')
    await page.goto(`/cases/${stored.slug}`)
    await expect(page.getByText('First summary of the case.')).toBeVisible()
    expect(await db.revision.count({ where: { caseId } })).toBeGreaterThanOrEqual(8)
  })

  test("a second editor's stale save is refused, shows what changed and keeps their input", async ({ browser, db }) => {
    const token = uniqueToken()
    const [alice, bob] = [await createUser(db, { role: 'editor' }), await createUser(db, { role: 'editor' })]
    const alicePage = await (await browser.newContext()).newPage()
    const bobPage = await (await browser.newContext()).newPage()
    await signIn(alicePage, alice.email, alice.password)
    await signIn(bobPage, bob.email, bob.password)

    await alicePage.goto('/editor/records/person/new')
    await alicePage.getByTestId('record-form-person').getByLabel('Name').fill(`Aiman ${token}`)
    await alicePage.getByRole('button', { name: 'Create person' }).click()
    await expect(alicePage.getByTestId('save-notice')).toBeVisible()
    const personUrl = alicePage.url().replace(/\?.*$/, '')

    // Both open the same version.
    await bobPage.goto(personUrl)
    const aliceForm = alicePage.getByTestId('record-form-person')
    const bobForm = bobPage.getByTestId('record-form-person')
    await aliceForm.getByLabel('Name').fill(`Ayman ${token}`)
    await aliceForm.getByRole('button', { name: 'Save person' }).click()
    await expect(alicePage.getByTestId('save-notice')).toHaveText('Saved the person.')

    await bobForm.getByLabel('Description').fill('Bob’s careful description')
    await bobForm.getByRole('button', { name: 'Save person' }).click()
    const conflict = bobPage.getByTestId('edit-conflict')
    await expect(conflict).toContainText('Name')
    await expect(conflict).toContainText(`Aiman ${token}`)
    await expect(conflict).toContainText(`Ayman ${token}`)
    await expect(conflict).toContainText(alice.email)
    await expect(bobForm.getByLabel('Description')).toHaveValue('Bob’s careful description')
    const person = await db.person.findFirstOrThrow({ where: { name: `Ayman ${token}` } })
    expect(person.description).toBe('')
    expect(person.version).toBe(2)
  })
})

test('an event dated after the publication of a source cited for it is flagged on the case page', async ({ page, db }) => {
  const editor = await createUser(db, { role: 'editor' })
  const source = await createSource(db, { published: { at: new Date('2021-02-04'), precision: 'DAY', approx: false } })
  // Updated in March 2021: what happened until then it may report.
  const updated = await createSource(db, { published: { at: new Date('2021-02-04'), precision: 'DAY', approx: false }, revised: { at: new Date('2021-03-01'), precision: 'MONTH', approx: false } })
  const c = await createCase(db, {
    published: false,
    events: [
      { kind: 'HEARING', title: 'Hearing before the report', date: { at: new Date('2021-02-01'), precision: 'DAY', approx: false }, citations: [{ sourceId: source.id }] },
      { kind: 'VERDICT', title: 'Verdict after the report', date: { at: new Date('2021-05-01'), precision: 'MONTH', approx: false }, citations: [{ sourceId: source.id }] },
      { kind: 'HEARING', title: 'Hearing before the update', date: { at: new Date('2021-03-15'), precision: 'DAY', approx: false }, citations: [{ sourceId: updated.id }] },
      { kind: 'SENTENCE', title: 'Sentence after the update', date: { at: new Date('2021-04-02'), precision: 'DAY', approx: false }, citations: [{ sourceId: updated.id }] },
    ],
  })
  await signIn(page, editor.email, editor.password)
  await page.goto(`/editor/cases/${c.id}`)
  const warnings = page.getByTestId('date-warnings')
  await expect(warnings).toContainText('“Verdict after the report” is dated May 2021, after its source')
  await expect(warnings).toContainText('(4 February 2021)')
  await expect(warnings).not.toContainText('Hearing before the report')
  await expect(warnings).toContainText('“Sentence after the update” is dated 2 April 2021, after its source')
  await expect(warnings).toContainText('(4 February 2021, updated March 2021)')
  await expect(warnings).not.toContainText('Hearing before the update')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server shows the errors next to the fields, keeps the input, then saves', async ({ page, db }) => {
    const token = uniqueToken()
    const editor = await createUser(db, { role: 'editor' })
    await signIn(page, editor.email, editor.password)
    await page.goto('/editor/records/provision/new')
    const form = page.getByTestId('record-form-provision')
    await form.getByLabel('Jurisdiction').fill('K-Z')
    await form.getByLabel('Code', { exact: false }).first().fill(`Criminal Code ${token}`)
    await form.getByLabel('Title').fill('Inciting discord')
    await form.getByRole('button', { name: 'Create legal provision' }).click()
    await expect(page.locator('#field-jurisdiction-error')).toHaveText('Use a two-letter country code such as “KZ”, or “UN”.')
    await expect(page.locator('#field-article-error')).toHaveText('Enter the article number.')
    await expect(page.getByRole('alert')).toContainText('Please correct the following')
    await expect(page.getByTestId('record-form-provision').getByLabel('Title')).toHaveValue('Inciting discord')
    expect(await db.legalProvision.count({ where: { code: `Criminal Code ${token}` } })).toBe(0)

    await page.getByTestId('record-form-provision').getByLabel('Jurisdiction').fill('KZ')
    await page.getByTestId('record-form-provision').getByLabel('Article').fill('174')
    await page.getByTestId('record-form-provision').getByRole('button', { name: 'Create legal provision' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Created the legal provision.')
    expect(await db.legalProvision.count({ where: { code: `Criminal Code ${token}`, article: '174', jurisdiction: 'KZ' } })).toBe(1)
  })
})
