// The timeline's period from the address (lib/validation/timeline-range.ts): pure.
import { describe, expect, it } from 'vitest'
import { day, month, season, year } from '@/lib/domain/partial-date'
import { describeRange, isWithin, mayBeWithin, parseTimelineQuery, rangeOf, timelineCacheKey, timelineHref, timelineRoute } from '@/lib/validation/timeline-range'

const utc = (s: string) => new Date(`${s}T00:00:00.000Z`)

describe('parseTimelineQuery', () => {
  it('reads a month as the whole month', () => {
    const { range, problems, page } = parseTimelineQuery({ from: '2020-04', to: '2020-04' })
    expect(problems).toEqual([])
    expect(page).toBe(1)
    expect(range).toEqual({ from: { year: 2020, month: 4 }, to: { year: 2020, month: 4 }, start: utc('2020-04-01'), end: utc('2020-05-01') })
    expect(describeRange(range)).toBe('April 2020')
  })

  it('reads a year, a one-digit month and open ends', () => {
    expect(parseTimelineQuery({ from: '2020' }).range).toMatchObject({ start: utc('2020-01-01'), end: null })
    expect(parseTimelineQuery({ to: '2020' }).range).toMatchObject({ start: null, end: utc('2021-01-01') })
    expect(parseTimelineQuery({ from: '2020-4', to: '2020-12' }).range).toMatchObject({ start: utc('2020-04-01'), end: utc('2021-01-01') })
    expect(describeRange(parseTimelineQuery({ from: '2019', to: '2020-06' }).range)).toBe('2019 to June 2020')
    expect(describeRange(parseTimelineQuery({ from: '2020' }).range)).toBe('from 2020')
    expect(describeRange(parseTimelineQuery({ to: '2019-03' }).range)).toBe('up to March 2019')
    expect(describeRange(parseTimelineQuery({}).range)).toBe('all dates')
  })

  it('says what is wrong with a bound it cannot read, and filters nothing', () => {
    const bad = parseTimelineQuery({ from: '2020-13' })
    expect(bad.problems).toEqual(['“2020-13” (from) is not a month: months run from 01 (January) to 12 (December).'])
    expect(bad.range).toMatchObject({ start: null, end: null })
    expect(parseTimelineQuery({ to: 'April 2020' }).problems[0]).toMatch(/“April 2020” \(to\) is not a year or a month we can read/)
    expect(parseTimelineQuery({ from: '0000' }).problems[0]).toMatch(/no year 0/)
    expect(parseTimelineQuery({ from: '<script>'.repeat(20) }).problems[0]).toContain('…')
  })

  it('refuses a period that ends before it starts', () => {
    const r = parseTimelineQuery({ from: '2020-05', to: '2020-04' })
    expect(r.problems).toEqual(['The period starts (May 2020) after it ends (April 2020): swap “from” and “to”.'])
    expect(r.range.start).toBeNull()
    // A year and a month inside it are a valid period.
    expect(parseTimelineQuery({ from: '2020', to: '2020-01' }).problems).toEqual([])
  })

  it('reads the page, and says so when it is not a page', () => {
    expect(parseTimelineQuery({ page: '3' }).page).toBe(3)
    expect(parseTimelineQuery({ page: '0' }).problems).toHaveLength(1)
    expect(parseTimelineQuery({ page: ['2', '5'] }).page).toBe(2)
  })
})

describe('what lies in a period', () => {
  const april = rangeOf({ year: 2020, month: 4 }, { year: 2020, month: 4 })
  const y2020 = rangeOf({ year: 2020, month: null }, { year: 2020, month: null })

  it('keeps a day or a month of April in April, and a year or a season out of it', () => {
    expect(isWithin(day(2020, 4, 30), april)).toBe(true)
    expect(isWithin(month(2020, 4), april)).toBe(true)
    expect(isWithin(year(2020), april)).toBe(false)
    expect(mayBeWithin(year(2020), april)).toBe(true)
    expect(mayBeWithin(season(2020, 'spring'), april)).toBe(true)
    expect(mayBeWithin(season(2020, 'summer'), april)).toBe(false)
    expect(mayBeWithin(month(2020, 5), april)).toBe(false)
  })

  it('keeps a year and its seasons in the year, but not the winter that ends in the next', () => {
    expect(isWithin(year(2020), y2020)).toBe(true)
    expect(isWithin(season(2020, 'autumn'), y2020)).toBe(true)
    expect(isWithin(season(2020, 'winter'), y2020)).toBe(false)
    expect(mayBeWithin(season(2020, 'winter'), y2020)).toBe(true)
  })
})

describe('timelineHref', () => {
  it('writes a period back as the address reads it', () => {
    expect(timelineHref({ year: 2020, month: 4 }, { year: 2020, month: 4 })).toBe('/timeline?from=2020-04&to=2020-04')
    expect(timelineHref({ year: 2020, month: null }, null, 2)).toBe('/timeline?from=2020&page=2')
    expect(timelineHref(null, null)).toBe('/timeline')
  })
})

describe('the cached views (proxy.ts)', () => {
  const route = (path: string) => timelineRoute(new URL(path, 'http://localhost:3000'))

  it('keys a period by its canonical query, whatever order or spelling', () => {
    expect(timelineCacheKey(new URLSearchParams('to=2020-4&from=2020-04'))).toBe(encodeURIComponent('from=2020-04&to=2020-04'))
    expect(timelineCacheKey(new URLSearchParams(''))).toBe('all')
    expect(timelineCacheKey(new URLSearchParams('page=1'))).toBe('all')
    expect(timelineCacheKey(new URLSearchParams('from=2020&page=2&_rsc=x'))).toBe(encodeURIComponent('from=2020&page=2'))
  })

  it('renders per request what it cannot read, other and repeated parameters', () => {
    expect(timelineCacheKey(new URLSearchParams('from=2020-13'))).toBeNull()
    expect(timelineCacheKey(new URLSearchParams('from=2020&from=2021'))).toBeNull()
    expect(timelineCacheKey(new URLSearchParams('utm_source=x'))).toBeNull()
    expect(route('/timeline?from=2020-13')).toBeNull()
  })

  it('rewrites /timeline to its view, and sends a view asked for directly to its address', () => {
    expect(route('/timeline?from=2020-04&to=2020-04')).toEqual({ rewrite: new URL('http://localhost:3000/timeline/view/from%3D2020-04%26to%3D2020-04') })
    expect(route('/timeline/view/from%3D2020-04%26to%3D2020-04')).toEqual({ redirect: new URL('http://localhost:3000/timeline?from=2020-04&to=2020-04') })
    expect(route('/timeline/view/%ZZ')).toEqual({ redirect: new URL('http://localhost:3000/timeline') })
    expect(route('/timelines')).toBeNull()
  })
})
