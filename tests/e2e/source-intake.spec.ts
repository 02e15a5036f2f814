// The source intake (/editor/sources/new) against the production server: an editor
// pastes an article, checks what was read from it, saves it; the same article pasted
// again (tracking parameters, "www.", http) is offered as the stored source and never
// stored twice. Once with JavaScript, once without (the server renders each step).
// Next to each field the form says where its value was found, or that it was not.
import type { Locator, Page } from '@playwright/test'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { uniqueToken } from '../support/factories'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { signIn as submitSignIn } from './support/editor'
import { dateInput } from './support/editor-forms'

async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password)
  await expect(page).toHaveURL(/\/editor$/)
}

type Article = {
  url: string
  canonical: string
  html: string
  title: string
  publisher: string
  date: string
  printed: string
  /** The update date the page gives, '' for none. */
  updated: string
  language: string
  paragraph: string
  /** What the form says next to each field about where its value was found. */
  notes: Record<'title' | 'publisher' | 'published' | 'revised' | 'language', string>
}

/** An English news page with Open Graph and article:* tags, at an address of its own. */
function englishArticle(): Article {
  const token = uniqueToken()
  const title = `Activist’s case dropped after expert review (${token})`
  const paragraph = `Police in Almaty closed the case against the activist after a linguistic expert found nothing in his speech that “incited discord” (${token}).`
  return {
    url: `https://steppe-herald.example/news/2021/02/case-dropped-${token}`,
    canonical: `https://steppe-herald.example/news/2021/02/case-dropped-${token}`,
    title,
    publisher: 'The Steppe Herald',
    date: '5 February 2021',
    printed: '5 February 2021, 10:30',
    updated: '6 February 2021',
    language: 'en',
    paragraph,
    notes: {
      title: 'From the page’s og:title.',
      publisher: 'From the page’s og:site_name.',
      published: 'From the page’s article:published_time.',
      revised: 'From the page’s article:modified_time.',
      language: 'From the page’s lang attribute.',
    },
    html: `<!doctype html>
<html lang="en-GB">
<head>
<title>${title} | The Steppe Herald</title>
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="The Steppe Herald">
<meta property="article:published_time" content="2021-02-05T10:30:00+06:00">
<meta property="article:modified_time" content="2021-02-06T08:00:00+06:00">
<meta name="author" content="Aigerim Example">
<script>window.track = 1</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>${title}</h1>
<p>By Aigerim Example | <time datetime="2021-02-05T10:30:00+06:00">5 February 2021, 10:30</time></p>
<p>${paragraph}</p>
<p>A second case, over the use of the organisation&#39;s name, remains open; the lawyer said the activist would not return until it is closed too.</p>
</article>
</body>
</html>`,
  }
}

/** A Russian page without a language attribute: the script tells. */
function russianArticle(): Article {
  const token = uniqueToken()
  const title = `Суд оштрафовал активиста за незарегистрированную организацию (${token})`
  const paragraph = `Районный суд Алматы оштрафовал активиста за руководство организацией, которую власти отказались регистрировать (${token}).`
  return {
    url: `https://vesti-stepi.example/news/${token}`,
    canonical: `https://vesti-stepi.example/news/${token}`,
    title,
    publisher: 'Вести степи',
    date: '12 February 2021',
    printed: '12 февраля 2021 года',
    updated: '',
    language: 'ru',
    paragraph,
    notes: {
      title: 'From the article’s headline (<h1>).',
      publisher: 'From the page’s og:site_name.',
      published: 'From the dateline.',
      revised: 'Not found: type it, if the page says it was updated.',
      language: 'From the script of the text (a guess from its letters).',
    },
    html: `<html><head><meta property="og:site_name" content="Вести степи"><title>${title}</title></head>
<body><h1>${title}</h1><p>12 февраля 2021 года</p><p>Автор: Иван Примеров</p><p>${paragraph}</p>
<p>Активист заявил, что обжалует решение суда. Несколько членов группы также были оштрафованы.</p></body></html>`,
  }
}

/** The same address as readers share it: tracking parameters, "www.", http, a trailing slash, a fragment. */
function sharedForm(canonical: string): string {
  const url = new URL(canonical)
  return `http://www.${url.host}${url.pathname}/?utm_source=newsletter&utm_medium=email&fbclid=abc123#comments`
}

async function paste(page: Page, url: string, content: string) {
  await page.goto('/editor/sources/new')
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: paste the article' })).toBeVisible()
  await page.getByLabel('Address (URL)').fill(url)
  await page.getByLabel('Article text or HTML').fill(content)
  await page.getByRole('button', { name: 'Read the article' }).click()
}

/** The note next to each field the intake filled in: in the field's hint, which the field is described by. */
async function expectNotes(form: Locator, notes: Article['notes']) {
  for (const [name, note] of Object.entries(notes)) await expect(form.locator(`#field-${name}-hint`)).toContainText(note)
  await expect(form.getByLabel('Title')).toHaveAccessibleDescription(new RegExp(`^${notes.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
}

async function intakeAndDuplicate(page: Page, db: PrismaClient, article: Article) {
  const editor = await createUser(db, { role: 'editor' })
  await signIn(page, editor.email, editor.password)

  // Step 1 → step 2: the form is filled in with what the page says.
  await paste(page, article.url, article.html)
  await expect(page.getByRole('heading', { name: 'Step 2 of 2: check and save' })).toBeVisible()
  const form = page.getByTestId('record-form-source')
  await expect(form.getByLabel('Address (URL)')).toHaveValue(article.canonical)
  await expect(form.getByLabel('Title')).toHaveValue(article.title)
  await expect(form.getByLabel('Publisher')).toHaveValue(article.publisher)
  await expect(dateInput(form, 'Published')).toHaveValue(article.date)
  await expect(form.getByLabel('Date as printed on the page')).toHaveValue(article.printed)
  await expect(dateInput(form, 'Updated')).toHaveValue(article.updated)
  await expectNotes(form, article.notes)
  await expect(form.getByLabel('Language')).toHaveValue(article.language)
  await expect(form.getByLabel('Text of the article')).toHaveValue(new RegExp(article.paragraph.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  await expect(form.getByLabel('Text of the article')).not.toHaveValue(/window\.track|Home/)

  // Save: the source's edit page, with the notice.
  await form.getByLabel('What the document is').fill('A news report on the case, for the test.')
  await form.getByRole('button', { name: 'Create source' }).click()
  // The source's own page; with JavaScript the notice then leaves the address (it is one-shot).
  await expect(page).toHaveURL(/\/editor\/records\/source\/\d+(\?notice=created-source&rev=\d+)?$/)
  await expect(page.getByTestId('save-notice')).toHaveText('Created the source.')
  const id = Number(/\/source\/(\d+)/.exec(page.url())![1])
  const stored = await db.source.findUniqueOrThrow({
    where: { id },
    select: { url: true, title: true, publisher: true, language: true, publishedAt: true, publishedAsPrinted: true, revisedAt: true, revisedPrecision: true, text: true },
  })
  expect(stored).toMatchObject({ url: article.canonical, title: article.title, publisher: article.publisher, language: article.language, publishedAsPrinted: article.printed })
  expect(stored.revisedPrecision).toBe(article.updated ? 'DAY' : null)
  expect(stored.text).toContain(article.paragraph)
  await expect(page.getByLabel('Title')).toHaveValue(article.title)
  await expect(dateInput(page.getByTestId('record-form-source'), 'Updated')).toHaveValue(article.updated)

  // The public page shows the update date when the source gives one.
  await page.goto(`/sources/${id}`)
  const updatedTerm = page.locator('dt', { hasText: /^Updated$/ })
  if (article.updated) await expect(updatedTerm.locator('xpath=following-sibling::dd[1]')).toHaveText(article.updated)
  else await expect(updatedTerm).toHaveCount(0)

  // The same article again, as readers share it: offered, not stored twice.
  const total = await db.source.count()
  await paste(page, sharedForm(article.canonical), `${article.title}\n\nThe same article, pasted as text this time.`)
  const offer = page.getByTestId('source-already-stored')
  await expect(offer).toBeVisible()
  await expect(offer).toContainText('Already stored:')
  const link = offer.getByRole('link', { name: `${article.publisher}: “${article.title}”` })
  await expect(link).toHaveAttribute('href', `/editor/records/source/${id}`)
  await expect(page.getByTestId('record-form-source')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Create source' })).toHaveCount(0)
  expect(await db.source.count()).toBe(total)
  expect(await db.source.count({ where: { url: article.canonical } })).toBe(1)

  await link.click()
  await expect(page).toHaveURL(new RegExp(`/editor/records/source/${id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(article.title)
}

test('an editor pastes an HTML article, confirms what was read, saves it; the same address again is offered, not stored', async ({ page, db }) => {
  await intakeAndDuplicate(page, db, englishArticle())
})

test('a refused save keeps the form: the address stored meanwhile is named on the field', async ({ page, db }) => {
  const editor = await createUser(db, { role: 'editor' })
  await signIn(page, editor.email, editor.password)
  const article = englishArticle()
  await paste(page, article.url, article.html)
  const form = page.getByTestId('record-form-source')
  await expect(form.getByLabel('Title')).toHaveValue(article.title)
  // Someone else stores the article while this editor checks the form.
  const other = await db.source.create({ data: { url: article.canonical, title: 'Stored meanwhile', publisher: 'The Steppe Herald', language: 'en' }, select: { id: true } })
  await form.getByRole('button', { name: 'Create source' }).click()
  await expect(form.getByRole('alert')).toContainText(`Already stored as source #${other.id}: “Stored meanwhile”.`)
  await expect(form.getByLabel('Title')).toHaveValue(article.title)
  expect(await db.source.count({ where: { url: article.canonical } })).toBe(1)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same intake works: read, confirm, save; the same address again is offered', async ({ page, db }) => {
    await intakeAndDuplicate(page, db, russianArticle())
  })

  test('a refused save comes back to the form with the input and the error', async ({ page, db }) => {
    const editor = await createUser(db, { role: 'editor' })
    await signIn(page, editor.email, editor.password)
    const article = russianArticle()
    await paste(page, article.url, article.html)
    const form = page.getByTestId('record-form-source')
    await form.getByLabel('Title').fill('')
    await form.getByLabel('Publisher').fill('Вести степи (проверено)')
    await form.getByRole('button', { name: 'Create source' }).click()
    await expect(page.getByRole('heading', { name: 'Step 2 of 2: check and save' })).toBeVisible()
    await expect(form.getByText('Enter the title.', { exact: true })).toBeVisible()
    await expect(form.getByLabel('Publisher')).toHaveValue('Вести степи (проверено)')
    // Where each value came from is still said next to it.
    await expectNotes(form, article.notes)
    await expect(form.getByLabel('Text of the article')).toHaveValue(new RegExp(article.paragraph.slice(0, 40)))
    expect(await db.source.count({ where: { url: article.canonical } })).toBe(0)
  })

  test('a bad address or an empty paste is refused with the input kept', async ({ page, db }) => {
    const editor = await createUser(db, { role: 'editor' })
    await signIn(page, editor.email, editor.password)
    await paste(page, 'javascript:alert(1)', '')
    await expect(page.getByRole('heading', { name: 'Step 1 of 2: paste the article' })).toBeVisible()
    const form = page.getByTestId('source-intake-read')
    await expect(form.getByText('The address of the article must start with https:// or http://.', { exact: true })).toBeVisible()
    await expect(form.getByText('Paste the article’s text or HTML.', { exact: true })).toBeVisible()
    await expect(page.getByLabel('Address (URL)')).toHaveValue('javascript:alert(1)')
  })
})
