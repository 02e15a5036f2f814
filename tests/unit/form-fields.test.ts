// The record forms' field rules, shared by the browser and the server actions.
import { describe, expect, it } from 'vitest'
import { readDateField } from '@/lib/validation/form-fields'
import { CaseSchema, CitationSchema, SourceSchema } from '@/lib/validation/records'

const read = (text: string, extra: Partial<{ order: string; precision: string; approx: boolean }> = {}) =>
  readDateField({ text, order: extra.order ?? '', precision: extra.precision ?? '', approx: extra.approx ?? false }, 'the date', false)

describe('readDateField', () => {
  it('keeps the precision the editor typed', () => {
    expect(read('10 March 2019')).toEqual({ ok: true, date: { at: new Date('2019-03-10T00:00:00Z'), precision: 'DAY', approx: false } })
    expect(read('March 2019')).toMatchObject({ ok: true, date: { precision: 'MONTH' } })
    expect(read('spring 2020')).toMatchObject({ ok: true, date: { precision: 'SEASON', at: new Date('2020-03-01T00:00:00Z') } })
    expect(read('2017', { approx: true })).toMatchObject({ ok: true, date: { precision: 'YEAR', approx: true } })
    expect(read('')).toEqual({ ok: true, date: null })
  })

  it('refuses an ambiguous numeric date until the order is given', () => {
    const refused = read('04/02/2021')
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.message).toContain('4 February 2021 (day first) or 2 April 2021 (month first)')
    expect(read('04/02/2021', { order: 'DMY' })).toMatchObject({ ok: true, date: { at: new Date('2021-02-04T00:00:00Z'), precision: 'DAY' } })
    expect(read('04/02/2021', { order: 'MDY' })).toMatchObject({ ok: true, date: { at: new Date('2021-04-02T00:00:00Z') } })
    // Not ambiguous: 25 can only be a day.
    expect(read('25/02/2021')).toMatchObject({ ok: true, date: { at: new Date('2021-02-25T00:00:00Z') } })
  })

  it('coarsens to a chosen precision, and refuses a finer one than typed', () => {
    expect(read('10 March 2019', { precision: 'MONTH' })).toEqual({ ok: true, date: { at: new Date('2019-03-01T00:00:00Z'), precision: 'MONTH', approx: false } })
    expect(read('10 March 2019', { precision: 'YEAR' })).toMatchObject({ ok: true, date: { at: new Date('2019-01-01T00:00:00Z'), precision: 'YEAR' } })
    const finer = read('March 2019', { precision: 'DAY' })
    expect(finer).toMatchObject({ ok: false })
    if (!finer.ok) expect(finer.message).toBe('You chose day precision but typed only a month. Type the full date, or choose “As typed”.')
    expect(read('10 March 2019', { precision: 'SEASON' })).toEqual({ ok: false, message: 'To give a season, type it: “spring 2020”.' })
  })

  it('says what is wrong with impossible dates', () => {
    expect(read('31 February 2021')).toMatchObject({ ok: false })
    expect(read('sometime')).toMatchObject({ ok: false })
    expect(read('x'.repeat(200))).toEqual({ ok: false, message: 'The date is too long to be a date.' })
  })
})

describe('record schemas', () => {
  const base = { title: 'A case', kind: 'CRIMINAL', jurisdiction: 'kz' }

  it('reports each problem on its own field', () => {
    const r = CaseSchema.safeParse({ title: '  ', kind: 'TREASON', jurisdiction: 'K-Z', opened: '04/02/2021', slug: 'Not A Slug' })
    expect(r.success).toBe(false)
    if (r.success) return
    const fields = Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
    expect(fields).toMatchObject({
      title: 'Enter a title.',
      kind: 'Choose the kind of proceeding.',
      jurisdiction: 'Use a two-letter country code such as “KZ”, or “UN”.',
      slug: 'Use lowercase letters, digits and single hyphens only, like “bilash-2020-inciting-discord”.',
    })
    expect(fields.opened).toContain('day first')
  })

  it('trims, upper-cases codes and turns empty optional fields into null', () => {
    const r = CaseSchema.parse({ ...base, title: '  A case  ', caseNumber: '  ', authorityId: '', statusOverride: '' })
    expect(r).toMatchObject({ title: 'A case', jurisdiction: 'KZ', caseNumber: null, authorityId: null, statusOverride: null, opened: null })
  })

  it('refuses a status date without a status', () => {
    const r = CaseSchema.safeParse({ ...base, statusOverrideAsOf: 'February 2021' })
    expect(r.success).toBe(false)
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ path: ['statusOverride'] })
  })

  it('accepts only web addresses for sources: never javascript: or data:', () => {
    const source = { title: 'T', publisher: 'P', language: 'en' }
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org/a']) {
      const r = SourceSchema.safeParse({ ...source, url })
      expect(r.success, url).toBe(false)
    }
    expect(SourceSchema.safeParse({ ...source, url: 'https://rus.azattyq.org/a/31098245.html' }).success).toBe(true)
  })

  it('reads what a citation supports', () => {
    expect(CitationSchema.parse({ caseId: '3', target: 'event:12', sourceId: '4', quote: ' said so ' })).toMatchObject({ target: { kind: 'event', id: 12 }, quote: 'said so', caseId: 3, sourceId: 4 })
    expect(CitationSchema.parse({ caseId: '3', target: 'case:summary', sourceId: '4', quote: 'q' }).target).toEqual({ kind: 'case', field: 'summary' })
    expect(CitationSchema.safeParse({ caseId: '3', target: 'user:1', sourceId: '4', quote: 'q' }).success).toBe(false)
  })
})

describe('ReturnToSchema', () => {
  it('keeps our own editor pages and drops anything else', async () => {
    const { ReturnToSchema } = await import('@/lib/validation/records')
    expect(ReturnToSchema.parse('/editor/cases/12')).toBe('/editor/cases/12')
    expect(ReturnToSchema.parse('/editor/records/person/3/history?page=2')).toBe('/editor/records/person/3/history?page=2')
    for (const hostile of ['https://evil.example/editor', '//evil.example', '/editor//evil.example', '/\\evil.example', '/editor/../sign-in', 'javascript:alert(1)', '/cases/x', '', undefined, 42]) {
      expect(ReturnToSchema.parse(hostile), String(hostile)).toBeNull()
    }
  })
})

describe('requiredText', () => {
  it('refuses a name made only of invisible characters, with a message, and keeps names in any script', async () => {
    const { requiredText } = await import('@/lib/validation/form-fields')
    const name = requiredText('a name', 200)
    for (const invisible of ['\u200B', '\u200B\u200C\u200D', '\u202E\u202D', '\uFEFF', '\u2066\u2069', '\u00A0\u3000', '\u0301']) {
      const result = name.safeParse(invisible)
      expect(result.success, JSON.stringify(invisible)).toBe(false)
      if (!result.success) expect(result.error.issues[0]!.message).toMatch(/invisible characters|Enter a name/)
    }
    for (const visible of ['Serikzhan Bilash', 'Серікжан Білаш', '\u202BБілаш\u202C', 'Ə', '李']) expect(name.safeParse(visible).success, visible).toBe(true)
  })
})
