// lib/validation/sources.ts: how what the intake read fills the source form, and the
// note next to each field on where its value came from.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticle } from '@/lib/domain/article-metadata'
import { SOURCE_FIELDS, SourceSchema } from '@/lib/validation/records'
import { fieldsWithNotes, intakeNotes, missingFields, readIntakeNotes, sourceFormDefaults } from '@/lib/validation/sources'

const fixture = (file: string) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'articles', file), 'utf8')

describe('the source form filled in from a page', () => {
  const url = 'https://steppe-courier.example/news/police-close-case'
  const read = readArticle({ url, content: fixture('dateline-after-earlier-date.html') })

  it('fills the published and the updated date, and the form’s own schema accepts the values', () => {
    const defaults = sourceFormDefaults(url, read)
    expect(defaults).toMatchObject({ published: '4 February 2021', revised: '5 February 2021', publisher: 'Steppe Courier' })
    const parsed = SourceSchema.safeParse({ ...defaults, language: 'en' })
    expect(parsed.success).toBe(true)
    expect(parsed.data!.revised).toMatchObject({ precision: 'DAY', at: new Date(Date.UTC(2021, 1, 5)) })
  })

  it('says next to each field where its value came from, or that nothing was found', () => {
    const notes = intakeNotes(read)
    expect(notes).toEqual({
      title: 'From the article’s headline (<h1>).',
      publisher: 'From the page’s og:site_name.',
      authors: 'From the byline.',
      language: 'From the page’s lang attribute.',
      published: 'From the dateline.',
      revised: 'From the “Updated” line under the headline.',
    })
    const fields = fieldsWithNotes(SOURCE_FIELDS, notes)
    expect(fields.find((f) => f.name === 'published')!.hint).toBe('From the dateline.')
    // A field's own hint stays, after the note.
    expect(fields.find((f) => f.name === 'language')!.hint).toBe('From the page’s lang attribute. Language tag: en, ru, kk.')
    expect(fields.find((f) => f.name === 'url')).toEqual(SOURCE_FIELDS.find((f) => f.name === 'url'))

    const bare = readArticle({ url: 'https://almaty-evening.example/news/8812', content: fixture('title-with-outlet.html') })
    expect(intakeNotes(bare)).toMatchObject({ publisher: 'Not found: type it.', authors: 'Not found: type them, if the article names any.', revised: 'Not found: type it, if the page says it was updated.' })
    expect(missingFields(bare)).toEqual(['publisher', 'authors'])
    const ambiguous = readArticle({ url: 'https://x.example/a', content: fixture('ambiguous-date.html') })
    expect(intakeNotes(ambiguous).published).toBe('The date printed reads two ways: type it (see the note above).')
  })

  it('reads back the notes a refused save posts, and nothing else', () => {
    const notes = intakeNotes(read)
    expect(readIntakeNotes(JSON.stringify(notes))).toEqual(notes)
    expect(readIntakeNotes(undefined)).toEqual({})
    expect(readIntakeNotes('{not json')).toEqual({})
    expect(readIntakeNotes(JSON.stringify({ title: 'x', script: '<b>' }))).toEqual({})
    expect(readIntakeNotes(JSON.stringify({ title: 'x'.repeat(301) }))).toEqual({})
  })
})
