// The case workspace an editor can find their way in, and quotes held to their source:
// the table of contents with each section's count, forms named by what they add, a
// save's notice shown once, the warning for a quote the source's text does not hold
// (and none for one typed with other quote marks), and a translation beside the
// original on the public page.
import type { Page } from '@playwright/test'
import { createCase, createPerson, createSource, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { openAddForm, pick, signInAsEditor, tick } from './support/editor-forms'
import type { PrismaClient } from '@/lib/generated/prisma/client'

const day = (iso: string) => ({ at: new Date(iso), precision: 'DAY' as const, approx: false })

async function signedIn(page: Page, db: PrismaClient) {
  await signInAsEditor(page, await createUser(db, { role: 'editor' }))
}

const notice = (page: Page) => page.getByTestId('save-notice')
const quoteWarning = (page: Page) => page.getByTestId('quote-warning')

test('the table of contents counts each section and jumps to it; every add-form is named by what it adds', async ({ page, db }) => {
  // Six forms opened one after another: on a busy two-core machine it runs near the 30 s default.
  test.setTimeout(60_000)
  const token = uniqueToken()
  const source = await createSource(db, { title: `Report ${token}` })
  const lawyer = await createPerson(db, { name: `Lawyer ${token}` })
  const c = await createCase(db, {
    published: false,
    title: `Workspace ${token}`,
    defendant: { name: `Defendant ${token}` },
    parties: [{ personId: lawyer.id, role: 'LAWYER' }],
    charges: [{ description: `Inciting discord ${token}` }, { description: `Insulting officials ${token}` }],
    events: [
      { kind: 'ARREST', title: `Arrested ${token}`, date: day('2019-03-10'), citations: [{ sourceId: source.id }, { sourceId: source.id, quote: 'second quote' }] },
      { kind: 'CHARGE', title: `Charged ${token}`, date: day('2019-03-12') },
      { kind: 'HEARING', title: `Heard ${token}`, date: day('2019-05-01') },
    ],
    summaryCitations: [{ sourceId: source.id }],
  })
  await signedIn(page, db)
  await page.goto(`/editor/cases/${c.id}`)

  const contents = page.getByRole('navigation', { name: 'On this page' })
  const expected = ['Case details', 'Parties 2', 'Charges 2', 'Stages of the proceeding 0', 'Events 3', 'Citations 3', 'Related cases 0', 'Conflicting accounts 0']
  await expect(contents.getByRole('link')).toHaveText(expected.map((t) => new RegExp(`^${t.replace(/ (\d+)$/, '\\s*$1')}$`)))
  await page.screenshot({ path: 'test-results/editor-workspace-contents.png' })

  for (const [name, id] of [
    ['Events', 'events'],
    ['Citations', 'citations'],
    ['Parties', 'parties'],
  ] as const) {
    await contents.getByRole('link', { name: new RegExp(`^${name}\\b`) }).click()
    await expect(page).toHaveURL(new RegExp(`#${id}$`))
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeInViewport()
  }

  // Each add-form is a form named by its heading, not only a list of "Title", "Note"…
  for (const name of ['Add a party', 'Add a charge', 'Add a stage of the proceeding', 'Add an event', 'Add a citation', 'Add a related case', 'Add a disputed fact']) {
    await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible()
    await expect(page.getByRole('form', { name, exact: true })).toBeHidden()
    await openAddForm(page, name)
    const form = page.getByRole('form', { name, exact: true })
    await expect(form).toBeVisible()
    await expect(form.getByRole('button', { name, exact: true })).toBeVisible()
  }
  await page.getByRole('form', { name: 'Add a citation' }).screenshot({ path: 'test-results/editor-workspace-citation-form.png' })
})

test('a quote is checked against the source’s text: curly for straight quotes is no mismatch, other words are; the notice is shown once; readers see the translation', async ({ page, db }) => {
  test.setTimeout(60_000)
  const token = uniqueToken()
  const source = await createSource(db, {
    title: `Билаш ${token}`,
    publisher: 'Azattyq',
    language: 'ru',
    text: `Суд в Алматы ${token}.\n\n«Я не признаю вину», — сказал Серикжан Билаш после\u00a0заседания.`,
  })
  const c = await createCase(db, { title: `Quotes ${token}`, defendant: { name: `Serikzhan Bilash ${token}` }, summary: 'A summary in our words.' })
  await signedIn(page, db)
  await page.goto(`/editor/cases/${c.id}`)

  // Straight quotes and a hyphen for « » and a dash: the same passage. With its translation.
  let form = await openAddForm(page, 'Add a citation')
  await tick(form, 'targets', 'case:summary')
  await pick(form, 'Source', { text: source.title, value: String(source.id) })
  const quote = '"Я не признаю вину", - сказал Серикжан Билаш после заседания'
  await form.getByLabel('Quote').fill(quote)
  await form.getByLabel('Translation into English').fill('I do not admit guilt, Serikzhan Bilash said after the hearing')
  await form.getByRole('button', { name: 'Add a citation' }).click()
  await expect(notice(page)).toHaveText('Created the citation.')
  await expect(quoteWarning(page)).toHaveCount(0)
  const details = page.getByTestId('section-details')
  const listed = page.getByTestId('listed-citation').filter({ hasText: 'Я не признаю вину' })
  await expect(listed).toContainText('(“I do not admit guilt, Serikzhan Bilash said after the hearing”)')
  await expect(listed.getByTestId('quote-check-warning')).toHaveCount(0)
  // The notice has left the address: a reload does not show it again.
  await expect(page).toHaveURL((url) => !url.searchParams.has('notice') && !url.searchParams.has('rev'))
  await page.reload()
  await expect(page.getByTestId('section-citations')).toBeVisible()
  await expect(notice(page)).toHaveCount(0)

  // Words the source does not say: saved anyway, with a warning after saving and beside it.
  form = await openAddForm(page, 'Add a citation')
  await tick(form, 'targets', 'case:summary')
  await pick(form, 'Source', { text: source.title, value: String(source.id) })
  await form.getByLabel('Quote').fill('Я признаю вину')
  await form.getByRole('button', { name: 'Add a citation' }).click()
  await expect(notice(page)).toHaveText('Created the citation.')
  await expect(quoteWarning(page)).toHaveText('⚠ The quote was not found in the source’s stored text. Check it against the source.')
  const mismatched = details.getByTestId('listed-citation').filter({ hasText: '“Я признаю вину”' })
  await expect(mismatched.getByTestId('quote-check-warning')).toHaveText('⚠ The quote was not found in the source’s stored text. Check it against the source.')
  await expect(details.getByTestId('quote-check-warning')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/editor-workspace-quote-warning.png', fullPage: true })

  // The notice belongs to the last action: sending another form takes it away, Back does not bring it back.
  form = await openAddForm(page, 'Add an event')
  await form.getByRole('button', { name: 'Add an event' }).click()
  await expect(form.getByRole('alert')).toBeVisible()
  await expect(notice(page)).toHaveCount(0)
  await expect(quoteWarning(page)).toHaveCount(0)
  await page.goto(`/cases/${c.slug}`)
  await page.goBack()
  await expect(page.getByTestId('section-citations')).toBeVisible()
  await expect(notice(page)).toHaveCount(0)

  // Readers: the original marked with its language, the translation beside it said to be one; no warning.
  await page.goto(`/cases/${c.slug}`)
  const notes = page.getByRole('region', { name: 'Notes' })
  const passage = notes.getByTestId('quoted-passage').filter({ hasText: 'Я не признаю вину' })
  await expect(passage.locator('blockquote')).toHaveAttribute('lang', 'ru')
  await expect(passage.locator('blockquote')).toHaveText(`“${quote}”`)
  await expect(passage.getByTestId('quote-translation')).toHaveText('Translation from Russian: “I do not admit guilt, Serikzhan Bilash said after the hearing”')
  await expect(passage.getByTestId('quote-translation').locator('[lang="en"]')).toHaveCount(1)
  await expect(page.locator('body')).not.toContainText('stored text')
  await passage.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/editor-workspace-public-translation.png' })

  // The source's page shows it too.
  await page.goto(`/sources/${source.id}`)
  const cited = page.locator('#cited-by').getByTestId('quoted-passage').filter({ hasText: 'Я не признаю вину' })
  await expect(cited.locator('blockquote')).toHaveAttribute('lang', 'ru')
  await expect(cited.getByTestId('quote-translation')).toContainText('I do not admit guilt')
  await expect(page.locator('body')).not.toContainText('stored text')
})
