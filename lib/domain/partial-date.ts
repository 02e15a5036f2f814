// Dates with precision. Press reports give dates to the day, the month, the season or
// the year, sometimes only roughly ("about 20 years ago"). We store the earliest
// instant of the period (UTC midnight) plus its precision, and never show a finer
// date than the source gave. Pure: no framework imports.
import { format, isValid } from 'date-fns'

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'SEASON', 'YEAR'] as const
export type DatePrecision = (typeof DATE_PRECISIONS)[number]

export type PartialDate = {
  /** Earliest instant of the period, at 00:00 UTC. */
  at: Date
  precision: DatePrecision
  /** True for "c." dates: the source itself is vague ("about", "late summer"). */
  approx: boolean
}

export const SEASONS = ['winter', 'spring', 'summer', 'autumn'] as const
export type Season = (typeof SEASONS)[number]

/** Month (0-based) in which each northern-hemisphere season starts. */
const SEASON_START_MONTH: Record<Season, number> = { winter: 11, spring: 2, summer: 5, autumn: 8 }

const PRECISION_RANK: Record<DatePrecision, number> = { DAY: 0, MONTH: 1, SEASON: 2, YEAR: 3 }

export class InvalidDateError extends Error {}

function utc(year: number, monthIndex: number, day: number): Date {
  // Not Date.UTC: it maps years 0-99 to 1900-1999. setUTCFullYear takes all three
  // fields at once, so month 12 still rolls over into the next year.
  const d = new Date(0)
  d.setUTCFullYear(year, monthIndex, day)
  return d
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new InvalidDateError(`Invalid year: ${year}`)
}

/** A date given to the day: 10 March 2019 is `day(2019, 3, 10)` (month 1-12). */
export function day(year: number, month: number, dayOfMonth: number, approx = false): PartialDate {
  checkYear(year)
  const at = utc(year, month - 1, dayOfMonth)
  if (!Number.isInteger(month) || !Number.isInteger(dayOfMonth) || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== dayOfMonth) {
    throw new InvalidDateError(`No such day: ${year}-${month}-${dayOfMonth}`)
  }
  return { at, precision: 'DAY', approx }
}

export function month(year: number, monthOfYear: number, approx = false): PartialDate {
  checkYear(year)
  if (!Number.isInteger(monthOfYear) || monthOfYear < 1 || monthOfYear > 12) {
    throw new InvalidDateError(`No such month: ${monthOfYear}`)
  }
  return { at: utc(year, monthOfYear - 1, 1), precision: 'MONTH', approx }
}

/** "Winter 2020" is December 2020 to February 2021, so it starts in its own year. */
export function season(year: number, which: Season, approx = false): PartialDate {
  checkYear(year)
  return { at: utc(year, SEASON_START_MONTH[which], 1), precision: 'SEASON', approx }
}

export function year(y: number, approx = false): PartialDate {
  checkYear(y)
  return { at: utc(y, 0, 1), precision: 'YEAR', approx }
}

function seasonOf(d: Date): Season {
  const m = d.getUTCMonth()
  const found = SEASONS.find((s) => SEASON_START_MONTH[s] === m)
  if (!found) throw new InvalidDateError(`A season date must start a season, got month ${m + 1}`)
  return found
}

/** date-fns formats in local time: give it a local date with the UTC calendar fields. */
function asLocal(d: Date): Date {
  // Not new Date(y, m, d): like Date.UTC, it maps years 0-99 to 1900-1999.
  const local = new Date(0)
  local.setFullYear(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  local.setHours(0, 0, 0, 0)
  return local
}

/** Four digits, as date-fns' "yyyy" writes them: year 999 is "0999", which parsePartialDate reads back. */
function fourDigitYear(d: Date): string {
  return String(d.getUTCFullYear()).padStart(4, '0')
}

/** "10 March 2019", "April 2020", "spring 2020", "2017"; "c. " before approximate dates. */
export function formatPartialDate(d: PartialDate): string {
  const local = asLocal(d.at)
  let text: string
  switch (d.precision) {
    case 'DAY':
      text = format(local, 'd MMMM yyyy')
      break
    case 'MONTH':
      text = format(local, 'MMMM yyyy')
      break
    case 'SEASON':
      text = `${seasonOf(d.at)} ${fourDigitYear(d.at)}`
      break
    case 'YEAR':
      text = fourDigitYear(d.at)
      break
  }
  return d.approx ? `c. ${text}` : text
}

/** What readers and editors see for an event whose date the sources do not report. */
export const DATE_NOT_REPORTED = 'date not reported'

/** An event's date as text: formatPartialDate, or "date not reported" for null. */
export function formatEventDate(d: PartialDate | null): string {
  return d ? formatPartialDate(d) : DATE_NOT_REPORTED
}

/** Value for <time dateTime>: "2019-03-10", "2020-04" or "2017" (valid HTML for each). */
export function toDateTimeAttribute(d: PartialDate): string {
  const y = String(d.at.getUTCFullYear()).padStart(4, '0')
  const m = String(d.at.getUTCMonth() + 1).padStart(2, '0')
  const dd = String(d.at.getUTCDate()).padStart(2, '0')
  if (d.precision === 'DAY') return `${y}-${m}-${dd}`
  if (d.precision === 'MONTH') return `${y}-${m}`
  return y
}

/** The last instant (exclusive) the period can mean: for "April 2020", 1 May 2020. */
export function endOfPartialDate(d: PartialDate): Date {
  const y = d.at.getUTCFullYear()
  const m = d.at.getUTCMonth()
  switch (d.precision) {
    case 'DAY':
      return utc(y, m, d.at.getUTCDate() + 1)
    case 'MONTH':
      return utc(y, m + 1, 1)
    case 'SEASON':
      return utc(y, m + 3, 1)
    case 'YEAR':
      return utc(y + 1, 0, 1)
  }
}

/**
 * Chronological order: by the earliest instant, then the finer date first (on the same
 * first day, "1 April 2020" comes before "April 2020", which may mean any day of it),
 * then exact before approximate.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.at.getTime() - b.at.getTime() || PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] || Number(a.approx) - Number(b.approx)
}

/** True when `a` certainly lies entirely after `b` (used to warn about sources that predate what they report). */
export function isCertainlyAfter(a: PartialDate, b: PartialDate): boolean {
  return a.at.getTime() >= endOfPartialDate(b).getTime()
}

/** Builds a PartialDate from the three stored columns, or null when the date is unknown. */
export function fromColumns(at: Date | null | undefined, precision: DatePrecision | null | undefined, approx: boolean | null | undefined): PartialDate | null {
  if (!at || !precision) return null
  return { at, precision, approx: approx ?? false }
}

export function isValidPartialDate(d: PartialDate): boolean {
  if (!isValid(d.at)) return false
  if (d.at.getUTCHours() || d.at.getUTCMinutes() || d.at.getUTCSeconds() || d.at.getUTCMilliseconds()) return false
  if (d.precision !== 'DAY' && d.at.getUTCDate() !== 1) return false
  if (d.precision === 'YEAR' && d.at.getUTCMonth() !== 0) return false
  if (d.precision === 'SEASON') return SEASONS.some((s) => SEASON_START_MONTH[s] === d.at.getUTCMonth())
  return true
}

// ---------------------------------------------------------------------------
// Parsing what editors and imports type. Numeric dates such as 04/02/2021 are
// ambiguous: we refuse to guess and report the ambiguity unless the caller says
// which order the source uses.

export type DateOrder = 'DMY' | 'MDY'

export type ParseResult = { ok: true; date: PartialDate } | { ok: false; reason: 'empty' | 'invalid' | 'ambiguous'; message: string; readings?: PartialDate[] }

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (w.length < 3) return null
  const i = MONTHS.findIndex((m) => m.startsWith(w))
  return i === -1 ? null : i + 1
}

function attempt(build: () => PartialDate): PartialDate | null {
  try {
    return build()
  } catch (e) {
    if (e instanceof InvalidDateError) return null
    throw e
  }
}

/**
 * Reads "10 March 2019", "March 10, 2019", "2019-03-10", "2020-04", "April 2020",
 * "spring 2020", "2017", "c. 2001", and numeric "04/02/2021" given a `order`.
 */
export function parsePartialDate(input: string, order?: DateOrder): ParseResult {
  let text = input.trim().replace(/\s+/g, ' ')
  if (!text) return { ok: false, reason: 'empty', message: 'Enter a date.' }
  let approx = false
  const approxMatch = /^(c\.|ca\.|circa|about|around|approx\.?|approximately|early|mid|late)\s*/i.exec(text)
  if (approxMatch) {
    approx = true
    text = text.slice(approxMatch[0].length)
  }
  const invalid: ParseResult = {
    ok: false,
    reason: 'invalid',
    message: `“${input.trim()}” is not a date we can read. Try “10 March 2019”, “April 2020”, “spring 2020” or “2017”.`,
  }
  const found = (d: PartialDate | null): ParseResult => (d ? { ok: true, date: d } : invalid)
  let m: RegExpExecArray | null

  if ((m = /^(\d{4})$/.exec(text))) return found(attempt(() => year(Number(m![1]), approx)))
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) return found(attempt(() => month(Number(m![1]), Number(m![2]), approx)))
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    return found(attempt(() => day(Number(m![1]), Number(m![2]), Number(m![3]), approx)))
  }
  if ((m = /^(winter|spring|summer|autumn|fall) (?:of )?(\d{4})$/i.exec(text))) {
    const s = m[1]!.toLowerCase()
    return found(attempt(() => season(Number(m![2]), (s === 'fall' ? 'autumn' : s) as Season, approx)))
  }
  if ((m = /^([a-z]+\.?),? (\d{4})$/i.exec(text))) {
    const mo = monthNumber(m[1]!)
    return found(mo ? attempt(() => month(Number(m![2]), mo, approx)) : null)
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?),? (\d{4})$/i.exec(text))) {
    const mo = monthNumber(m[2]!)
    return found(mo ? attempt(() => day(Number(m![3]), mo, Number(m![1]), approx)) : null)
  }
  if ((m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(text))) {
    const mo = monthNumber(m[1]!)
    return found(mo ? attempt(() => day(Number(m![3]), mo, Number(m![2]), approx)) : null)
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    const a = Number(m[1])
    const b = Number(m[2])
    const y = Number(m[3])
    const dmy = attempt(() => day(y, b, a, approx))
    const mdy = attempt(() => day(y, a, b, approx))
    if (order === 'DMY') return found(dmy)
    if (order === 'MDY') return found(mdy)
    if (dmy && mdy && a !== b) {
      return {
        ok: false,
        reason: 'ambiguous',
        message: `“${text}” could be ${formatPartialDate(dmy)} (day first) or ${formatPartialDate(mdy)} (month first). Say which order the source uses.`,
        readings: [dmy, mdy],
      }
    }
    return found(dmy ?? mdy)
  }
  return invalid
}
