// The timeline's period, from the address: `?from=2020-04&to=2020-04` (April 2020),
// `?from=2020` (2020 onwards), `?to=2020-06` (up to June 2020), nothing (all time).
// A bound is a year or a month: the timeline counts in the units the sources date
// events in, never in invented days. Pure: used by the page and its tests.
import { endOfPartialDate, formatPartialDate, month, year, type PartialDate } from '@/lib/domain/partial-date'

/** A year (`month` null) or a month of a year (1–12). */
export type RangeBound = { year: number; month: number | null }

export type TimelineRange = {
  from: RangeBound | null
  to: RangeBound | null
  /** First instant of `from` (UTC); null: open. */
  start: Date | null
  /** First instant after `to` (exclusive); null: open. */
  end: Date | null
}

export type RangeQuery = {
  range: TimelineRange
  page: number
  problems: string[]
  /** The bounds as typed, to show them back in the form beside a problem. */
  typed: { from: string; to: string }
}

export const ALL_TIME: TimelineRange = { from: null, to: null, start: null, end: null }

type Params = Record<string, string | string[] | undefined>

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)

function boundDate(b: RangeBound): PartialDate {
  return b.month === null ? year(b.year) : month(b.year, b.month)
}

/** "April 2020", "2020". */
export function formatBound(b: RangeBound): string {
  return formatPartialDate(boundDate(b))
}

/** Reads one bound, or says what is wrong with it (the text is the reader's, quoted). */
export function parseBound(raw: string, name: 'from' | 'to'): { ok: true; bound: RangeBound } | { ok: false; message: string } {
  const text = raw.trim()
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
  const m = /^(\d{4})(?:-(\d{1,2}))?$/.exec(text)
  if (!m) return { ok: false, message: `“${shown}” (${name}) is not a year or a month we can read: write a year, 2020, or a month, 2020-04.` }
  const y = Number(m[1])
  if (y < 1) return { ok: false, message: `“${shown}” (${name}): there is no year 0.` }
  if (m[2] === undefined) return { ok: true, bound: { year: y, month: null } }
  const mo = Number(m[2])
  if (mo < 1 || mo > 12) return { ok: false, message: `“${shown}” (${name}) is not a month: months run from 01 (January) to 12 (December).` }
  return { ok: true, bound: { year: y, month: mo } }
}

/** The range a pair of bounds covers. */
export function rangeOf(from: RangeBound | null, to: RangeBound | null): TimelineRange {
  return { from, to, start: from ? boundDate(from).at : null, end: to ? endOfPartialDate(boundDate(to)) : null }
}

/** The period and page an address asks for; with problems, the whole timeline's index and no entries. */
export function parseTimelineQuery(params: Params): RangeQuery {
  const problems: string[] = []
  const read = (name: 'from' | 'to'): RangeBound | null => {
    const raw = first(params[name])
    if (raw === undefined || raw.trim() === '') return null
    const parsed = parseBound(raw, name)
    if (parsed.ok) return parsed.bound
    problems.push(parsed.message)
    return null
  }
  const from = read('from')
  const to = read('to')
  let range = rangeOf(from, to)
  if (range.start && range.end && range.start >= range.end) {
    problems.push(`The period starts (${formatBound(from!)}) after it ends (${formatBound(to!)}): swap “from” and “to”.`)
    range = ALL_TIME
  }
  if (problems.length) range = ALL_TIME
  const rawPage = first(params.page)
  let page = 1
  if (rawPage !== undefined && rawPage !== '') {
    if (/^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage)
    else problems.push(`“${rawPage.slice(0, 20)}” is not a page number: pages are numbered from 1.`)
  }
  return { range, page, problems, typed: { from: (first(params.from) ?? '').slice(0, 40), to: (first(params.to) ?? '').slice(0, 40) } }
}

/** The range in words: "April 2020", "2020 to 2021", "from April 2020", "up to 2019", "all dates". */
export function describeRange(r: TimelineRange): string {
  if (r.from && r.to) {
    const [a, b] = [formatBound(r.from), formatBound(r.to)]
    return a === b ? a : `${a} to ${b}`
  }
  if (r.from) return `from ${formatBound(r.from)}`
  if (r.to) return `up to ${formatBound(r.to)}`
  return 'all dates'
}

function boundParam(b: RangeBound): string {
  const y = String(b.year).padStart(4, '0')
  return b.month === null ? y : `${y}-${String(b.month).padStart(2, '0')}`
}

/** The address of a period's timeline: `/timeline?from=2020-04&to=2020-04` (page 1 is not written). */
export function timelineHref(from: RangeBound | null, to: RangeBound | null, page = 1): string {
  const q = new URLSearchParams()
  if (from) q.set('from', boundParam(from))
  if (to) q.set('to', boundParam(to))
  if (page > 1) q.set('page', String(page))
  const s = q.toString()
  return s ? `/timeline?${s}` : '/timeline'
}

/** One month's or one year's timeline. */
export function periodHref(y: number, m: number | null = null): string {
  const b = { year: y, month: m }
  return timelineHref(b, b)
}

/** Months a period of each precision lasts. */
const PERIOD_MONTHS = { SEASON: 3, YEAR: 12 } as const

/** The latest start a season or year may have and still end by `end`. */
export function latestStartWithin(end: Date, precision: keyof typeof PERIOD_MONTHS): Date {
  const d = new Date(end.getTime())
  d.setUTCMonth(d.getUTCMonth() - PERIOD_MONTHS[precision])
  return d
}

/** True when the whole period the date may mean lies in the range ("April 2020" is in 2020; "2020" is not in April 2020). */
export function isWithin(date: PartialDate, r: TimelineRange): boolean {
  return (!r.start || date.at >= r.start) && (!r.end || endOfPartialDate(date) <= r.end)
}

/** True when the date may mean a time in the range but also one outside it ("2020" for April 2020). */
export function mayBeWithin(date: PartialDate, r: TimelineRange): boolean {
  const overlaps = (!r.end || date.at < r.end) && (!r.start || endOfPartialDate(date) > r.start)
  return overlaps && !isWithin(date, r)
}

// ---------------------------------------------------------------------------
// The page cache: `/timeline?from=2020-04&to=2020-04` is served from the cached page
// `/timeline/view/from%3D2020-04%26to%3D2020-04` (proxy.ts), keyed by the canonical
// query, as the dashboard's views are (docs/decisions/025-timeline-and-changes-cached.md).

export const TIMELINE_VIEW_PREFIX = '/timeline/view/'
const TIMELINE_PARAMS = new Set(['from', 'to', 'page'])

/** The cache key of a timeline address, or null (a period we cannot read, other or repeated parameters): rendered per request. */
export function timelineCacheKey(search: URLSearchParams): string | null {
  const params: Params = {}
  for (const [k, v] of search) {
    // Next.js's own client-navigation cache-buster is not a parameter.
    if (k === '_rsc') continue
    if (!TIMELINE_PARAMS.has(k) || params[k] !== undefined) return null
    params[k] = v
  }
  const { range, page, problems } = parseTimelineQuery(params)
  if (problems.length) return null
  const query = timelineHref(range.from, range.to, page).slice('/timeline?'.length)
  return encodeURIComponent(query || 'all')
}

/** The parameters a cache key stands for. */
export function timelineParamsFromKey(key: string): Params {
  let decoded = key
  try {
    decoded = decodeURIComponent(key)
  } catch {
    // Not percent-encoded: read as it is.
  }
  return decoded === 'all' ? {} : Object.fromEntries(new URLSearchParams(decoded))
}

/**
 * What the proxy does with a timeline address: `/timeline?…` is rewritten to its cached
 * view; a view asked for directly answers 308 to its public address (never a second copy).
 */
export function timelineRoute(url: URL): { rewrite: URL } | { redirect: URL } | null {
  if (url.pathname === '/timeline') {
    const key = timelineCacheKey(url.searchParams)
    if (key === null) return null
    const target = new URL(`${TIMELINE_VIEW_PREFIX}${key}`, url)
    const rsc = url.searchParams.get('_rsc')
    if (rsc !== null) target.searchParams.set('_rsc', rsc)
    return { rewrite: target }
  }
  if (url.pathname.startsWith(TIMELINE_VIEW_PREFIX)) {
    const { range, page } = parseTimelineQuery(timelineParamsFromKey(url.pathname.slice(TIMELINE_VIEW_PREFIX.length)))
    return { redirect: new URL(timelineHref(range.from, range.to, page), url) }
  }
  return null
}
