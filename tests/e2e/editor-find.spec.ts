// Finding before creating, in a real browser on the production build: the editor's
// list finds a person under an alias, a party's picker finds them by typing another
// spelling (with the keyboard), and creating a person who looks already recorded
// shows the likely duplicate first and creates on "Create anyway"; the list and the
// duplicate check work without JavaScript too.
import type { Page } from '@playwright/test'
import { createCase, createPerson, uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { signInAsEditor } from './support/editor-forms'
import type { PrismaClient } from '@/lib/generated/prisma/client'

async function signedIn(page: Page, db: PrismaClient) {
  const editor = await createUser(db, { role: 'editor' })
  await signInAsEditor(page, editor)
}

/** A person stored under one spelling, with a Cyrillic alias and another name sources use. */
async function bilash(db: PrismaClient, token: string) {
  return createPerson(db, {
    name: `Serikzhan Bilash ${token}`,
    aliases: [
      { name: `Серикжан Билаш ${token}`, script: 'Cyrl' },
      { name: `Serik Bilashuly ${token}`, kind: 'OTHER' },
    ],
  })
}

const countNamed = (db: PrismaClient, token: string) => db.person.count({ where: { name: { contains: token } } })

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('the people list finds a person under an alias, and keeps the search in the address', async ({ page, db }) => {
      const token = uniqueToken()
      const person = await bilash(db, token)
      await signedIn(page, db)
      await page.goto('/editor/records/person')
      const search = page.getByRole('main').getByRole('search')
      await search.getByLabel('Search people').fill(`Bilashuly ${token}`)
      await search.getByRole('button', { name: 'Search' }).click()
      await expect(page).toHaveURL(new RegExp(`/editor/records/person\\?q=Bilashuly(\\+|%20)${token}$`))
      const results = page.getByRole('list').filter({ hasText: person.name })
      await expect(results.getByRole('listitem')).toHaveCount(1)
      await expect(results.getByRole('link', { name: person.name })).toHaveAttribute('href', `/editor/records/person/${person.id}`)
      await expect(results).toContainText(`Found as “Serik Bilashuly ${token}”`)
      await expect(search.getByLabel('Search people')).toHaveValue(`Bilashuly ${token}`)
      if (javaScriptEnabled) await page.screenshot({ path: 'test-results/editor-find-list.png', fullPage: true })

      // Cyrillic and the words in another order find the same record.
      await page.goto(`/editor/records/person?q=${encodeURIComponent(`${token} Билаш`)}`)
      await expect(page.getByRole('link', { name: person.name })).toBeVisible()
    })

    test('creating a person who looks already recorded shows them first, and “Create anyway” creates', async ({ page, db }) => {
      const token = uniqueToken()
      const existing = await bilash(db, token)
      await signedIn(page, db)
      await page.goto('/editor/records/person/new')
      const form = page.getByTestId('record-form-person')
      const typed = `Bilash Serikzhan ${token}`
      await form.getByLabel('Name').fill(typed)
      await form.getByLabel('Description').fill(`Activist, as Azattyq spells him ${token}`)
      await form.getByRole('button', { name: 'Create person' }).click()

      const warning = form.getByTestId('likely-duplicates')
      await expect(warning).toBeVisible()
      await expect(form.locator('#field-name-error')).toContainText('may already be recorded')
      await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')
      await expect(warning.getByRole('link', { name: existing.name })).toHaveAttribute('href', `/editor/records/person/${existing.id}`)
      await expect(warning).toContainText(`“${existing.name}” and “${typed}” are the same names in another order`)
      // Nothing typed is lost, nothing is written yet.
      await expect(form.getByLabel('Name')).toHaveValue(typed)
      await expect(form.getByLabel('Description')).toHaveValue(`Activist, as Azattyq spells him ${token}`)
      expect(await countNamed(db, token)).toBe(1)
      if (javaScriptEnabled) await form.screenshot({ path: 'test-results/editor-find-duplicate.png' })

      await warning.getByRole('button', { name: 'Create anyway' }).click()
      await expect(page.getByTestId('save-notice')).toHaveText('Created the person.')
      expect(await countNamed(db, token)).toBe(2)
      const created = await db.person.findFirstOrThrow({ where: { name: typed } })
      expect(created.description).toBe(`Activist, as Azattyq spells him ${token}`)
    })
  })
}

test.describe('with JavaScript', () => {
  test('a party’s picker finds the person by an alias, with the keyboard, and posts their id', async ({ page, db }) => {
    const token = uniqueToken()
    const person = await bilash(db, token)
    // The party's own form names one person (the case's add form ticks several instead).
    const c = await createCase(db, { title: `Speech case ${token}`, published: false, defendant: { name: `Someone else ${token}` } })
    const partyId = c.defendant!.partyId
    await signedIn(page, db)
    await page.goto(`/editor/records/party/${partyId}`)
    const form = page.getByTestId('record-form-party')
    const picker = form.getByRole('combobox', { name: 'Person or organisation' }).and(page.locator('input'))

    // A name that is nobody's: said at once, and refused with the field's own message, the text kept.
    await picker.fill(`Nobody ${token}`)
    await expect(page.getByText(`Nothing matches “Nobody ${token}”.`)).toBeVisible()
    await picker.press('Escape')
    await expect(form.getByText(`“Nobody ${token}” is not one of the choices`)).toBeVisible()
    await form.getByRole('button', { name: 'Save party' }).click()
    await expect(form.locator('[id$="field-who-error"]')).toHaveText('Choose a person or an organisation.')
    await expect(picker).toHaveAttribute('aria-invalid', 'true')
    await expect(picker).toHaveValue(`Nobody ${token}`)

    // Cyrillic, the words in another order: the name itself answers, folded.
    await picker.fill(`${token} Билаш`)
    const option = page.getByRole('option', { name: new RegExp(person.name) })
    await expect(option).toHaveCount(1)
    await expect(option).toHaveText(person.name)
    // Another name sources use: the list offers the person, saying under which name.
    await picker.fill(`${token} Bilashuly`)
    await expect(option).toHaveCount(1)
    await expect(option).toContainText(`also written “Serik Bilashuly ${token}”`)
    await expect(picker).toHaveAttribute('aria-expanded', 'true')
    await page.screenshot({ path: 'test-results/editor-find-picker.png', fullPage: true })
    // The first match is active as one types; Enter picks it.
    await picker.press('Enter')
    await expect(picker).toHaveValue(person.name)
    await expect(form.locator('input[type="hidden"][name="who"]')).toHaveValue(`person:${person.id}`)
    await form.getByRole('button', { name: 'Save party' }).click()
    await expect(page.getByTestId('save-notice')).toHaveText('Saved the party.')
    await expect(page.getByTestId('section-parties')).toContainText(`${person.name} — Defendant`)
    expect(await db.party.findMany({ where: { caseId: c.id }, select: { personId: true } })).toEqual([{ personId: person.id }])
  })
})
