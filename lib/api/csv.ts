import { stringify } from 'csv-stringify/sync'
import { STATUS_DATE_WORDS, STATUS_LABELS } from '@/lib/domain/case-status'
import { CASE_KIND_LABELS, jurisdictionLabel } from '@/lib/domain/labels'
import { formatEventDate, formatPartialDate } from '@/lib/domain/partial-date'
import { provisionName } from '@/lib/domain/provision-name'
import type { CaseListItemDTO } from '@/lib/data/dto'

// The dashboard's view as CSV, one row per case, in words as the screen shows them.
// Written by csv-stringify, in pieces (a batch of rows at a time) so that an export of
// any size streams:
// - UTF-8 with a byte-order mark, the one way Excel is told the file is UTF-8 (without
//   it, Cyrillic and Kazakh names open as mojibake); other programs skip it.
// - CRLF between records (RFC 4180), and every cell holding a line break quoted, LF
//   alone included (csv-stringify quotes only the record delimiter by itself).
// - Formula injection (OWASP "CSV Injection"): a cell beginning with = + - @, a tab or
//   a carriage return, or the full-width ＝ ＋ － ＠ (which some spreadsheets, Apple
//   Numbers among them, normalise to the ASCII ones), gets a leading apostrophe
//   (csv-stringify's `escape_formulas`), so a title such as "=HYPERLINK(…)" is shown
//   as text, never run. The apostrophe is visible in some programs: the JSON export
//   has every value exactly (docs/decisions/022-exports-and-api.md).

export const CSV_COLUMNS = [
  { key: 'title', header: 'Case' },
  { key: 'status', header: 'Status' },
  { key: 'statusAsOf', header: 'Status date' },
  { key: 'defendants', header: 'Defendants' },
  { key: 'provisions', header: 'Charged under' },
  { key: 'kind', header: 'Kind' },
  { key: 'jurisdiction', header: 'Jurisdiction' },
  { key: 'lastEvent', header: 'Latest event' },
  { key: 'lastEventDate', header: 'Latest event date' },
  { key: 'url', header: 'Address' },
  { key: 'slug', header: 'Slug' },
] as const

type CsvRow = Record<(typeof CSV_COLUMNS)[number]['key'], string>

/** "since 27 May 2020", "last confirmed February 2021", as the dashboard words it; '' when the status has no date. */
function statusDateText(c: CaseListItemDTO): string {
  const words = c.statusBasis === 'default' ? '' : `${STATUS_DATE_WORDS[c.statusBasis]} `
  if (c.statusAsOf) return `${words}${formatPartialDate(c.statusAsOf)}`
  return c.statusUndated ? `${words}a ${formatEventDate(null)}` : ''
}

/** A case as a CSV row; `siteUrl` makes its address absolute. */
export function caseCsvRow(c: CaseListItemDTO, siteUrl: string): CsvRow {
  return {
    title: c.title,
    status: STATUS_LABELS[c.status],
    statusAsOf: statusDateText(c),
    defendants: c.defendants.map((d) => d.name).join('; '),
    provisions: c.provisions.map((p) => provisionName(p)).join('; '),
    kind: CASE_KIND_LABELS[c.kind],
    jurisdiction: jurisdictionLabel(c.jurisdiction),
    lastEvent: c.lastEvent?.title ?? '',
    lastEventDate: c.lastEvent ? formatEventDate(c.lastEvent.date) : '',
    url: new URL(`/cases/${encodeURIComponent(c.slug)}`, siteUrl).href,
    slug: c.slug,
  }
}

/** CSV text for `rows`; `first` adds the byte-order mark and the header row. */
export function toCsv(rows: CsvRow[], { first }: { first: boolean }): string {
  return stringify(rows, {
    bom: first,
    header: first,
    columns: CSV_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    escape_formulas: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  })
}
