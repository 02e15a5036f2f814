// lib/api/csv.ts: the CSV export as a spreadsheet reads it, parsed back with csv-parse.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { caseCsvRow, CSV_COLUMNS, toCsv } from '@/lib/api/csv'
import { exportFilename } from '@/lib/api/exports'
import type { CaseListItemDTO } from '@/lib/data/dto'
import { day, month } from '@/lib/domain/partial-date'
import { parseCaseQuery } from '@/lib/validation/case-filters'

const SITE = 'https://casebook.example'

function item(partial: Partial<CaseListItemDTO> = {}): CaseListItemDTO {
  return {
    slug: 'bilash-2020',
    title: 'Inciting discord (2020)',
    kind: 'CRIMINAL',
    jurisdiction: 'KZ',
    status: 'DROPPED',
    statusAsOf: day(2020, 5, 27),
    statusUndated: false,
    statusBasis: 'event',
    conflictCount: 0,
    defendants: [{ slug: 'serikzhan-bilash', name: 'Serikzhan Bilash', href: '/people/serikzhan-bilash' }],
    provisions: [{ slug: 'kz-cc-174-1', jurisdiction: 'KZ', code: 'Criminal Code', article: '174', part: '1', paragraph: null, title: 'Inciting discord' }],
    lastEvent: { title: 'Case terminated', kind: 'CASE_TERMINATED', date: month(2020, 5) },
    ...partial,
  }
}

const csvOf = (items: CaseListItemDTO[]) =>
  toCsv([], { first: true }) +
  toCsv(
    items.map((c) => caseCsvRow(c, SITE)),
    { first: false },
  )
const rowsOf = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false })

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark and the header row, once', () => {
    const csv = csvOf([item(), item({ slug: 'other' })])
    expect(csv.startsWith('\uFEFFCase,Status,')).toBe(true)
    expect(csv.indexOf('\uFEFF', 1)).toBe(-1)
    expect(rowsOf(csv)[0]).toEqual(CSV_COLUMNS.map((c) => c.header))
    expect(toCsv([caseCsvRow(item(), SITE)], { first: false }).startsWith('Inciting')).toBe(true)
  })

  it('writes a case in words as the dashboard shows it, CRLF between records', () => {
    const csv = csvOf([item()])
    expect(csv).toContain('\r\n')
    expect(rowsOf(csv)[1]).toEqual([
      'Inciting discord (2020)',
      'Dropped',
      'since 27 May 2020',
      'Serikzhan Bilash',
      expect.stringContaining('174'),
      'Criminal',
      expect.any(String),
      'Case terminated',
      'May 2020',
      'https://casebook.example/cases/bilash-2020',
      'bilash-2020',
    ])
  })

  it('keeps Cyrillic and Kazakh letters as they are (UTF-8)', () => {
    const title = 'Дело Серикжана Билаша: «Атажұрт»'
    const csv = csvOf([item({ title, defendants: [{ slug: 's', name: 'Серікжан Біләш', href: '/people/s' }] })])
    expect(rowsOf(csv)[1]!.slice(0, 4)).toEqual([title, 'Dropped', 'since 27 May 2020', 'Серікжан Біләш'])
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })

  it('quotes cells with quotes, commas and line breaks (LF alone too), and reads them back whole', () => {
    const title = 'He said "no", then\nleft\r\nagain\rand again'
    const csv = csvOf([item({ title })])
    expect(rowsOf(csv)[1]![0]).toBe(title)
    expect(rowsOf(csv)).toHaveLength(2)
  })

  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠SUM(A1)'])('neutralises a formula: %j is text, with a leading apostrophe', (title) => {
    const [, row] = rowsOf(csvOf([item({ title, defendants: [{ slug: 'x', name: title, href: '/people/x' }] })]))
    expect(row![0]).toBe(`'${title}`)
    expect(row![3]).toBe(`'${title}`)
  })

  it('leaves text that only contains those characters alone', () => {
    const title = 'Case 2+2 = 4 @ court - appeal'
    expect(rowsOf(csvOf([item({ title })]))[1]![0]).toBe(title)
  })

  it('words the status date as the dashboard does: since an event, last confirmed by a source, "a date not reported", or nothing', () => {
    expect(rowsOf(csvOf([item({ statusBasis: 'override', statusAsOf: month(2021, 2) })]))[1]![2]).toBe('last confirmed February 2021')
    expect(rowsOf(csvOf([item({ statusAsOf: null, statusUndated: true })]))[1]![2]).toBe('since a date not reported')
    expect(rowsOf(csvOf([item({ statusAsOf: null, statusUndated: false, lastEvent: null })]))[1]!.slice(2, 9)).toEqual(['', 'Serikzhan Bilash', expect.any(String), 'Criminal', expect.any(String), '', ''])
  })
})

describe('exportFilename', () => {
  const now = new Date('2026-12-01T10:00:00Z')
  it('names the view and the date', () => {
    expect(exportFilename(parseCaseQuery({}).query, 'csv', now)).toBe('casebook-cases-2026-12-01.csv')
    expect(exportFilename(parseCaseQuery({ status: 'dropped', year: '2020', page: '3' }).query, 'json', now)).toBe('casebook-cases-status-dropped-year-2020-2026-12-01.json')
  })
  it('keeps only ASCII letters and digits of a search, so the header is always valid', () => {
    expect(exportFilename(parseCaseQuery({ q: 'Билаш "x"; rm' }).query, 'csv', now)).toMatch(/^casebook-cases-q-[a-z0-9-]*-2026-12-01\.csv$/)
  })
})
