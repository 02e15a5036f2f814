// The editor's forms, driven as an editor drives them (the browser, the real buttons),
// for specs that need many writes: open a case's "add" form, edit a record on its
// page, delete it, publish or unpublish a case. Each waits for the save notice, so
// that the write (and the invalidation of the pages it changed) is done on return.
import { expect, type Locator, type Page } from '@playwright/test'
import { ENTITY_LABELS, type Entity } from '@/lib/validation/records'
import { signIn } from './editor'

export type EditorAccount = { email: string; password: string }

/** Signs in through /sign-in and waits for the editor's home. */
export async function signInAsEditor(page: Page, account: EditorAccount): Promise<void> {
  await signIn(page, account.email, account.password)
  // A server's first editor page after a start is slow on a busy CI machine.
  await expect(page).toHaveURL(/\/editor$/, { timeout: 15_000 })
}

/** A date field: its fieldset is named by the field's label. */
export function dateInput(form: Locator, label: string): Locator {
  return form.getByRole('group', { name: label }).getByLabel('Date', { exact: true })
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Opens an "add" form's <details> (closed after every save) and returns the form. */
export async function openAddForm(page: Page, summary: string): Promise<Locator> {
  const details = page.locator('details', { has: page.locator('summary', { hasText: new RegExp(`^${escapeRegExp(summary)}$`) }) })
  await expect(details).not.toHaveAttribute('open')
  await details.locator('summary').click()
  return details.locator('form')
}

const ERROR_PAGE = 'Sorry, this page could not be shown'

async function expectNotice(page: Page, notice: string): Promise<void> {
  const saved = page.getByTestId('save-notice')
  const failed = page.getByRole('heading', { level: 1, name: ERROR_PAGE })
  await expect(saved.or(failed), `after the write, the editor sees “${notice}”`).toBeVisible({ timeout: 15_000 })
  expect(await failed.count(), `the write answered the error page (“${ERROR_PAGE}”, a server error) instead of “${notice}”`).toBe(0)
  await expect(saved).toHaveText(notice)
}

/** On the case's page: opens the "add" form `summary` (also its button's label), fills it, saves. */
export async function addToCase(page: Page, caseId: number, summary: string, fill: (form: Locator) => Promise<void>, notice: string): Promise<void> {
  await page.goto(`/editor/cases/${caseId}`)
  const form = await openAddForm(page, summary)
  await fill(form)
  await form.getByRole('button', { name: summary, exact: true }).click()
  // A notice shown now is this save's: sending a form takes the last one away (OneShotNotice).
  await expectNotice(page, notice)
}

const submitLabel = (entity: Entity) => (entity === 'case' ? 'Save case details' : `Save ${ENTITY_LABELS[entity]}`)

/** On the record's own editor page: fills its form and saves. */
export async function editRecord(page: Page, entity: Entity, id: number, fill: (form: Locator) => Promise<void>, notice: string): Promise<void> {
  await page.goto(entity === 'case' ? `/editor/cases/${id}` : `/editor/records/${entity}/${id}`)
  const form = page.getByTestId(`record-form-${entity}`).first()
  await fill(form)
  await form.getByRole('button', { name: submitLabel(entity), exact: true }).click()
  await expectNotice(page, notice)
}

/** The "Delete this …" button of a record's own editor page. */
export async function deleteRecord(page: Page, entity: Entity, id: number, notice: string): Promise<void> {
  await page.goto(entity === 'case' ? `/editor/cases/${id}` : `/editor/records/${entity}/${id}`)
  const danger = page.locator('section').filter({ has: page.getByRole('heading', { name: /^Delete this / }) })
  await danger.getByRole('button', { name: /^Delete / }).click()
  await expectNotice(page, notice)
}

export async function publishCase(page: Page, caseId: number): Promise<void> {
  await page.goto(`/editor/cases/${caseId}`)
  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  await expectNotice(page, 'Published: readers see the case now.')
  await expect(page.getByTestId('case-state')).toHaveText('Published')
}

export async function unpublishCase(page: Page, caseId: number): Promise<void> {
  await page.goto(`/editor/cases/${caseId}`)
  await page.getByRole('button', { name: 'Unpublish (withdraw)', exact: true }).click()
  await expectNotice(page, 'Unpublished: the public address now says the case was withdrawn.')
  await expect(page.getByTestId('case-state')).toHaveText('Withdrawn')
}

/**
 * Chooses a record in one of the searchable pickers (people and organisations, provisions,
 * sources, cases): types `text` and clicks the choice whose posted value is `value`
 * (or, with none given, the first that lists `text`). Without JavaScript the picker is
 * the native select: `value` is selected there.
 */
export async function pick(scope: Locator, label: string, choice: { text: string; value?: string }, { javaScript = true } = {}): Promise<void> {
  // The label says “(required)” after the name of a required field.
  const control = scope.getByRole('combobox', { name: label })
  if (!javaScript) {
    await control.selectOption(choice.value ?? { label: choice.text })
    return
  }
  // The picker replaces the select once React runs.
  const box = control.and(scope.page().locator('input'))
  await box.fill(choice.text)
  const options = scope.page().getByRole('option')
  await (choice.value ? options.and(scope.page().locator(`[data-value="${choice.value}"]`)) : options.filter({ hasText: choice.text }).first()).click()
}

/** Ticks the box of a checkbox group (a batch form's list field) by its value: `tick(form, 'targets', 'event:12')`. */
export async function tick(form: Locator, name: string, value: string): Promise<void> {
  await form.locator(`input[type="checkbox"][name="${name}"][value="${value}"]`).check()
}

/**
 * Adds a citation from the case's page, in one submission: `targets` are the values of
 * the "Supports" boxes to tick (`event:12`, `case:summary`, `party:3`…), one citation each.
 */
export async function citeOnCase(page: Page, caseId: number, targets: string | string[], source: { id: number; title: string }, quote: string): Promise<void> {
  const list = typeof targets === 'string' ? [targets] : targets
  await addToCase(
    page,
    caseId,
    'Add a citation',
    async (form) => {
      for (const target of list) await tick(form, 'targets', target)
      await pick(form, 'Source', { text: source.title, value: String(source.id) })
      await form.getByLabel('Quote').fill(quote)
      await form.getByLabel('Where in the source').fill('para. 1')
    },
    list.length > 1 ? `Created ${list.length} citations.` : 'Created the citation.',
  )
}
