// Provisions as a tree, in a real browser on the production build: an editor adds a
// part under an article through the provision form, charges a published case under
// the part, and readers find the case on the article's page (saying under which part)
// and in the dashboard filtered by the article.
import { createCase, createProvision, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { addToCase, signInAsEditor, tick } from './support/editor-forms'

test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 })

test('a part created under its article: a case charged under it is on the article’s page and in the dashboard filtered by the article', async ({ page, db }) => {
  test.slow()
  const tok = uniqueToken()
  // An article number no other spec uses, in the factories' code (Criminal Code of the Republic of Kazakhstan).
  const article = await createProvision(db, { title: `Article offence ${tok}` })
  const source = await createSource(db, { title: `Report ${tok}` })
  const c = await createCase(db, { title: `Case ${tok}`, defendant: { name: `Defendant ${tok}` }, summaryCitations: [{ sourceId: source.id, quote: `Summary quote ${tok}` }] })
  const editor = await createUser(db, { role: 'editor' })
  await signInAsEditor(page, editor)

  // The part, through the editor's provision form: only the parent, the number and the title typed.
  await page.goto('/editor/records/provision/new')
  const form = page.getByTestId('record-form-provision')
  const parent = form.getByLabel('Parent provision')
  await expect(parent.locator('option', { hasText: `Article ${article.article}, Criminal Code of the Republic of Kazakhstan: Article offence ${tok}` })).toHaveCount(1)
  await parent.selectOption(String(article.id))
  await form.getByLabel('Part', { exact: true }).fill('1')
  await form.getByLabel('Title').fill(`Part offence ${tok}`)
  await form.screenshot({ path: 'test-results/provision-tree-part-form.png' })
  await form.getByRole('button', { name: 'Create legal provision' }).click()
  await expect(page.getByTestId('save-notice')).toHaveText('Created the legal provision.')
  const part = await db.legalProvision.findFirstOrThrow({ where: { parentId: article.id, part: '1' } })
  // Jurisdiction, code and article came from the article.
  expect(part).toMatchObject({ jurisdiction: 'KZ', code: 'Criminal Code of the Republic of Kazakhstan', article: article.article, paragraph: null, title: `Part offence ${tok}` })

  // The charge, through the case's "Add a charge" form: the part is listed under its article.
  await addToCase(
    page,
    c.id,
    'Add a charge',
    async (f) => {
      await tick(f, 'partyIds', String(c.defendant!.partyId))
      // The part is listed under its article, named as its place in the tree.
      const box = f.getByRole('checkbox', { name: `Article ${article.article} › part 1, Criminal Code of the Republic of Kazakhstan: Part offence ${tok}`, exact: true })
      await expect(box).toHaveValue(String(part.id))
      await box.check()
      await f.getByLabel('Outcome of the charge').selectOption('PENDING')
    },
    'Created the charge.',
  )

  // The article's public page: its part, and the case, charged under part 1.
  await page.goto(`/provisions/${article.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Article ${article.article}, Criminal Code of the Republic of Kazakhstan`)
  const parts = page.locator('section', { has: page.getByRole('heading', { name: `Parts of Article ${article.article}` }) })
  await expect(parts.getByRole('link', { name: `Article ${article.article}, part 1` })).toHaveAttribute('href', `/provisions/${part.slug}`)
  const cases = page.locator('#cases')
  const entry = cases.getByRole('listitem').filter({ hasText: `Case ${tok}` })
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText(`Charged under: Article ${article.article}, part 1`)
  await expect(entry.getByRole('link', { name: `Defendant ${tok}` })).toBeVisible()
  await page.screenshot({ path: 'test-results/provision-tree-article-page.png', fullPage: true })

  // The part's page links up to its article.
  await entry.getByRole('link', { name: `Article ${article.article}, part 1` }).click()
  await expect(page).toHaveURL(new RegExp(`/provisions/${part.slug}$`))
  await expect(page.getByRole('navigation', { name: 'Provisions above this one' }).getByRole('link')).toHaveAttribute('href', `/provisions/${article.slug}`)
  await expect(page.locator('#cases')).toContainText(`Case ${tok}`)
  await page.screenshot({ path: 'test-results/provision-tree-part-page.png', fullPage: true })

  // The dashboard filtered by the article lists the case; the menu offers the article, then its part.
  await page.goto(`/?provision=${article.slug}`)
  await expect(page.getByTestId('case-row').filter({ hasText: `Case ${tok}` })).toHaveCount(1)
  const menu = page.getByRole('combobox', { name: 'Charged under' })
  await expect(menu).toHaveValue(article.slug)
  const offered = await menu.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
  expect(offered.indexOf(part.slug)).toBe(offered.indexOf(article.slug) + 1)
  await page.screenshot({ path: 'test-results/provision-tree-dashboard.png', fullPage: true })
})
