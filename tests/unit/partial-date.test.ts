import { describe, expect, it } from 'vitest'
import {
  comparePartialDates,
  day,
  endOfPartialDate,
  formatPartialDate,
  fromColumns,
  InvalidDateError,
  isCertainlyAfter,
  isValidPartialDate,
  month,
  parsePartialDate,
  season,
  toDateTimeAttribute,
  year,
  type PartialDate,
} from '@/lib/domain/partial-date'

const iso = (d: PartialDate) => d.at.toISOString()

describe('builders', () => {
  it('store the first instant of the period at UTC midnight', () => {
    expect(iso(day(2019, 3, 10))).toBe('2019-03-10T00:00:00.000Z')
    expect(iso(month(2020, 4))).toBe('2020-04-01T00:00:00.000Z')
    expect(iso(year(2017))).toBe('2017-01-01T00:00:00.000Z')
    expect(iso(season(2020, 'spring'))).toBe('2020-03-01T00:00:00.000Z')
    expect(iso(season(2020, 'summer'))).toBe('2020-06-01T00:00:00.000Z')
    expect(iso(season(2020, 'autumn'))).toBe('2020-09-01T00:00:00.000Z')
    // Winter 2020 is December 2020 to February 2021.
    expect(iso(season(2020, 'winter'))).toBe('2020-12-01T00:00:00.000Z')
  })

  it('record the precision and the approx flag', () => {
    expect(day(2019, 3, 10)).toMatchObject({ precision: 'DAY', approx: false })
    expect(month(2020, 4, true)).toMatchObject({ precision: 'MONTH', approx: true })
    expect(season(2020, 'spring', true)).toMatchObject({ precision: 'SEASON', approx: true })
    expect(year(2000)).toMatchObject({ precision: 'YEAR', approx: false })
  })

  it('reject days that do not exist instead of rolling over', () => {
    expect(() => day(2021, 2, 31)).toThrow(InvalidDateError)
    expect(() => day(2021, 2, 29)).toThrow(InvalidDateError)
    expect(() => day(2021, 4, 31)).toThrow(InvalidDateError)
    expect(() => day(2021, 13, 1)).toThrow(InvalidDateError)
    expect(() => day(2021, 0, 1)).toThrow(InvalidDateError)
    expect(() => day(2021, 1, 0)).toThrow(InvalidDateError)
    expect(() => day(2021, 1.5, 1)).toThrow(InvalidDateError)
    expect(iso(day(2020, 2, 29))).toBe('2020-02-29T00:00:00.000Z')
  })

  it('reject impossible months and years', () => {
    expect(() => month(2020, 0)).toThrow(InvalidDateError)
    expect(() => month(2020, 13)).toThrow(InvalidDateError)
    expect(() => year(0)).toThrow(InvalidDateError)
    expect(() => year(10_000)).toThrow(InvalidDateError)
    expect(() => year(2020.5)).toThrow(InvalidDateError)
  })

  it('keep two-digit years as written (Date.UTC would turn 99 into 1999)', () => {
    expect(day(99, 1, 1).at.getUTCFullYear()).toBe(99)
    expect(year(50).at.getUTCFullYear()).toBe(50)
  })
})

describe('formatPartialDate', () => {
  it('shows each precision without inventing detail', () => {
    expect(formatPartialDate(day(2019, 3, 10))).toBe('10 March 2019')
    expect(formatPartialDate(day(2020, 5, 27))).toBe('27 May 2020')
    expect(formatPartialDate(month(2020, 4))).toBe('April 2020')
    expect(formatPartialDate(season(2020, 'spring'))).toBe('spring 2020')
    expect(formatPartialDate(season(2020, 'winter'))).toBe('winter 2020')
    expect(formatPartialDate(year(2017))).toBe('2017')
  })

  it('prefixes approximate dates with "c."', () => {
    expect(formatPartialDate(day(2021, 1, 13, true))).toBe('c. 13 January 2021')
    expect(formatPartialDate(month(2020, 8, true))).toBe('c. August 2020')
    expect(formatPartialDate(season(2020, 'spring', true))).toBe('c. spring 2020')
    expect(formatPartialDate(year(2000, true))).toBe('c. 2000')
  })

  it('uses the UTC calendar day whatever the process time zone', () => {
    // 1 January at 00:00 UTC is still 31 December in the Americas.
    expect(formatPartialDate(day(2021, 1, 1))).toBe('1 January 2021')
    expect(formatPartialDate(month(2021, 1))).toBe('January 2021')
  })

  it('refuses a "season" date that does not start a season', () => {
    expect(() => formatPartialDate({ at: new Date('2020-04-01T00:00:00Z'), precision: 'SEASON', approx: false })).toThrow(InvalidDateError)
  })
})

describe('toDateTimeAttribute', () => {
  it('gives valid HTML <time> values for each precision', () => {
    expect(toDateTimeAttribute(day(2019, 3, 10))).toBe('2019-03-10')
    expect(toDateTimeAttribute(month(2020, 4))).toBe('2020-04')
    expect(toDateTimeAttribute(season(2020, 'spring'))).toBe('2020')
    expect(toDateTimeAttribute(year(2017))).toBe('2017')
  })
})

describe('endOfPartialDate', () => {
  it('is the first instant after the period', () => {
    expect(endOfPartialDate(day(2020, 3, 31)).toISOString()).toBe('2020-04-01T00:00:00.000Z')
    expect(endOfPartialDate(month(2020, 4)).toISOString()).toBe('2020-05-01T00:00:00.000Z')
    expect(endOfPartialDate(season(2020, 'spring')).toISOString()).toBe('2020-06-01T00:00:00.000Z')
    expect(endOfPartialDate(year(2017)).toISOString()).toBe('2018-01-01T00:00:00.000Z')
  })

  it('crosses into the next year for periods that end in December', () => {
    expect(endOfPartialDate(day(2020, 12, 31)).toISOString()).toBe('2021-01-01T00:00:00.000Z')
    expect(endOfPartialDate(month(2020, 12)).toISOString()).toBe('2021-01-01T00:00:00.000Z')
    expect(endOfPartialDate(season(2020, 'winter')).toISOString()).toBe('2021-03-01T00:00:00.000Z')
    expect(isCertainlyAfter(day(2021, 1, 13), month(2020, 12))).toBe(true)
    expect(isCertainlyAfter(day(2020, 1, 13), month(2020, 12))).toBe(false)
  })
})

describe('comparePartialDates and sorting', () => {
  it('orders by instant, then finer precision first, then exact before approximate', () => {
    const april1 = day(2020, 4, 1)
    const april = month(2020, 4)
    const aprilApprox = month(2020, 4, true)
    const spring = season(2020, 'spring')
    const y2020 = year(2020)
    const may27 = day(2020, 5, 27)
    const march10 = day(2019, 3, 10)
    const sorted = [may27, aprilApprox, y2020, april, spring, march10, april1].sort(comparePartialDates)
    expect(sorted).toEqual([march10, y2020, spring, april1, april, aprilApprox, may27])
  })

  it('is zero only for the same date, precision and approx flag', () => {
    expect(comparePartialDates(month(2020, 4), month(2020, 4))).toBe(0)
    expect(comparePartialDates(day(2020, 4, 1), month(2020, 4))).toBeLessThan(0)
    expect(comparePartialDates(month(2020, 4), day(2020, 4, 1))).toBeGreaterThan(0)
    expect(comparePartialDates(year(2020, true), year(2020))).toBeGreaterThan(0)
  })
})

describe('isCertainlyAfter', () => {
  it('is true only when the first date begins after the whole second period', () => {
    // The interview dated 13 January 2021 reports November 2020: fine.
    expect(isCertainlyAfter(day(2021, 1, 13), month(2020, 11))).toBe(true)
    // As printed ("13/01/2020") it predates what it reports.
    expect(isCertainlyAfter(day(2020, 1, 13), month(2020, 11))).toBe(false)
    // A day inside the month is not certainly after it.
    expect(isCertainlyAfter(day(2020, 11, 30), month(2020, 11))).toBe(false)
    expect(isCertainlyAfter(day(2020, 12, 1), month(2020, 11))).toBe(true)
  })
})

describe('fromColumns and isValidPartialDate', () => {
  it('builds a date from the three stored columns, or null when unknown', () => {
    const at = new Date('2020-04-01T00:00:00Z')
    expect(fromColumns(at, 'MONTH', true)).toEqual({ at, precision: 'MONTH', approx: true })
    expect(fromColumns(at, 'MONTH', null)).toEqual({ at, precision: 'MONTH', approx: false })
    expect(fromColumns(null, 'MONTH', false)).toBeNull()
    expect(fromColumns(at, null, false)).toBeNull()
    expect(fromColumns(undefined, undefined, undefined)).toBeNull()
  })

  it('accepts what the builders make and rejects dates finer than their precision', () => {
    for (const d of [day(2019, 3, 10), month(2020, 4), season(2020, 'winter'), year(2017)]) {
      expect(isValidPartialDate(d)).toBe(true)
    }
    const at = (s: string) => new Date(s)
    expect(isValidPartialDate({ at: at('2020-04-15T00:00:00Z'), precision: 'MONTH', approx: false })).toBe(false)
    expect(isValidPartialDate({ at: at('2020-04-01T00:00:00Z'), precision: 'YEAR', approx: false })).toBe(false)
    expect(isValidPartialDate({ at: at('2020-04-01T00:00:00Z'), precision: 'SEASON', approx: false })).toBe(false)
    expect(isValidPartialDate({ at: at('2020-04-10T12:00:00Z'), precision: 'DAY', approx: false })).toBe(false)
    expect(isValidPartialDate({ at: new Date(Number.NaN), precision: 'DAY', approx: false })).toBe(false)
  })
})

describe('parsePartialDate', () => {
  const parsed = (input: string, order?: 'DMY' | 'MDY') => {
    const r = parsePartialDate(input, order)
    if (!r.ok) throw new Error(`expected "${input}" to parse, got ${r.reason}: ${r.message}`)
    return r.date
  }

  it.each([
    ['10 March 2019', day(2019, 3, 10)],
    ['10th of March, 2019', day(2019, 3, 10)],
    ['March 10, 2019', day(2019, 3, 10)],
    ['Mar. 10 2019', day(2019, 3, 10)],
    ['2019-03-10', day(2019, 3, 10)],
    ['2020-04', month(2020, 4)],
    ['April 2020', month(2020, 4)],
    ['apr 2020', month(2020, 4)],
    ['spring 2020', season(2020, 'spring')],
    ['Fall of 2020', season(2020, 'autumn')],
    ['2017', year(2017)],
    ['  27   May  2020 ', day(2020, 5, 27)],
  ])('reads %j', (input, expected) => {
    expect(parsed(input)).toEqual(expected)
  })

  it.each([
    ['c. 2001', year(2001, true)],
    ['about April 2020', month(2020, 4, true)],
    ['late summer 2020', season(2020, 'summer', true)],
    ['circa 10 March 2019', day(2019, 3, 10, true)],
  ])('marks %j as approximate', (input, expected) => {
    expect(parsed(input)).toEqual(expected)
  })

  it('refuses to guess an ambiguous numeric date and offers both readings', () => {
    const r = parsePartialDate('04/02/2021')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('ambiguous')
    expect(r.readings).toEqual([day(2021, 2, 4), day(2021, 4, 2)])
    expect(r.message).toContain('4 February 2021')
    expect(r.message).toContain('2 April 2021')
  })

  it('reads a numeric date in the order the caller names', () => {
    // Stephen M. Bland prints day first; Bitter Winter month first.
    expect(parsed('04/02/2021', 'DMY')).toEqual(day(2021, 2, 4))
    expect(parsed('04/02/2021', 'MDY')).toEqual(day(2021, 4, 2))
    expect(parsed('02/05/2021', 'MDY')).toEqual(day(2021, 2, 5))
    expect(parsed('04.02.2021', 'DMY')).toEqual(day(2021, 2, 4))
  })

  it('reads a numeric date that only one order makes valid', () => {
    expect(parsed('13/01/2020')).toEqual(day(2020, 1, 13))
    expect(parsed('01/13/2020')).toEqual(day(2020, 1, 13))
    // Same number twice: both orders agree.
    expect(parsed('05/05/2021')).toEqual(day(2021, 5, 5))
  })

  it('does not fall back to the other order when the named one is impossible', () => {
    expect(parsePartialDate('13/01/2020', 'MDY')).toMatchObject({ ok: false, reason: 'invalid' })
    expect(parsePartialDate('01/13/2020', 'DMY')).toMatchObject({ ok: false, reason: 'invalid' })
  })

  it.each(['31/02/2021', '31 February 2021', '2021-02-30', '2020-13', 'Smarch 2020', 'yesterday', '13/13/2021', '2021/02/04x'])('reports %j as invalid, with examples of what works', (input) => {
    const r = parsePartialDate(input)
    expect(r).toMatchObject({ ok: false, reason: 'invalid' })
    if (!r.ok) expect(r.message).toContain('10 March 2019')
  })

  it('reports an empty input as empty', () => {
    expect(parsePartialDate('')).toMatchObject({ ok: false, reason: 'empty' })
    expect(parsePartialDate('   ')).toMatchObject({ ok: false, reason: 'empty' })
  })

  it('round-trips what it formats', () => {
    for (const d of [day(2019, 3, 10), month(2020, 4), season(2020, 'winter'), year(2017), month(2020, 8, true), year(2001, true)]) {
      expect(parsed(formatPartialDate(d))).toEqual(d)
    }
  })
})
