// The dashboard's filters live in the URL so that a filtered view is a link anyone
// can share (`/?status=dropped&year=2020`). Parsing is forgiving: a value we do not
// understand is dropped and reported, never a 500 and never an empty page in silence.
import { z } from '@/lib/validation/zod'
import { CASE_STATUSES, statusFromParam, statusToParam, type CaseStatus } from '@/lib/domain/case-status'
import { SENTENCE_FILTERS, type SentenceFilter } from '@/lib/domain/sentence'

export const CASE_KINDS = ['CRIMINAL', 'ADMINISTRATIVE', 'CIVIL', 'INTERNATIONAL'] as const
export type CaseKindValue = (typeof CASE_KINDS)[number]

export const CASE_SORTS = ['recent', 'oldest', 'opened', 'title'] as const
export type CaseSort = (typeof CASE_SORTS)[number]

export const PAGE_SIZE = 25
const MAX_PAGE = 100_000

export type CaseFilters = {
  statuses: CaseStatus[]
  kind: CaseKindValue | null
  jurisdiction: string | null
  provision: string | null
  person: string | null
  year: number | null
  /** A kind of sentence in force for a defendant of the case. */
  sentence: SentenceFilter | null
  q: string | null
}

export type CaseQuery = CaseFilters & { sort: CaseSort; page: number }

export type ParsedCaseQuery = { query: CaseQuery; problems: string[] }

type SearchParams = Record<string, string | string[] | undefined>

const slugParam = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(200)
const yearParam = z.coerce.number().int().min(1900).max(2100)
const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE)
const jurisdictionParam = z
  .string()
  .trim()
  .regex(/^[a-z]{2,10}$/i)
  .transform((s) => s.toUpperCase())

/** A sentence kind as the address writes it: "restricted-freedom". */
export function sentenceToParam(kind: SentenceFilter): string {
  return kind.toLowerCase().replaceAll('_', '-')
}

function all(params: SearchParams, key: string): string[] {
  const value = params[key]
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  // `?status=dropped,convicted` and `?status=dropped&status=convicted` both work.
  return list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}

function first(params: SearchParams, key: string): string | null {
  return all(params, key)[0] ?? null
}

export function parseCaseQuery(params: SearchParams): ParsedCaseQuery {
  const problems: string[] = []
  const pick = <T>(key: string, label: string, schema: z.ZodType<T>): T | null => {
    const raw = first(params, key)
    if (raw === null) return null
    const parsed = schema.safeParse(raw)
    if (parsed.success) return parsed.data
    problems.push(`Ignored ${label} “${raw.slice(0, 60)}”: not a valid value.`)
    return null
  }

  const statuses: CaseStatus[] = []
  for (const raw of all(params, 'status')) {
    const status = statusFromParam(raw)
    if (status) {
      if (!statuses.includes(status)) statuses.push(status)
    } else {
      problems.push(`Ignored status “${raw.slice(0, 60)}”: use one of ${CASE_STATUSES.map(statusToParam).join(', ')}.`)
    }
  }

  const kindRaw = first(params, 'kind')
  let kind: CaseKindValue | null = null
  if (kindRaw !== null) {
    const upper = kindRaw.toUpperCase()
    if ((CASE_KINDS as readonly string[]).includes(upper)) kind = upper as CaseKindValue
    else problems.push(`Ignored kind “${kindRaw.slice(0, 60)}”: use criminal, administrative, civil or international.`)
  }

  const sortRaw = first(params, 'sort')
  let sort: CaseSort = 'recent'
  if (sortRaw !== null) {
    if ((CASE_SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as CaseSort
    else problems.push(`Ignored sort “${sortRaw.slice(0, 60)}”.`)
  }

  const sentenceRaw = first(params, 'sentence')
  let sentence: SentenceFilter | null = null
  if (sentenceRaw !== null) {
    const found = SENTENCE_FILTERS.find((k) => sentenceToParam(k) === sentenceRaw.toLowerCase())
    if (found) sentence = found
    else problems.push(`Ignored sentence “${sentenceRaw.slice(0, 60)}”: use one of ${SENTENCE_FILTERS.map(sentenceToParam).join(', ')}.`)
  }

  const qRaw = first(params, 'q')
  const q = qRaw ? qRaw.slice(0, 200) : null

  return {
    query: {
      statuses,
      kind,
      jurisdiction: pick('jurisdiction', 'jurisdiction', jurisdictionParam),
      provision: pick('provision', 'provision', slugParam),
      person: pick('person', 'person', slugParam),
      year: pick('year', 'year', yearParam),
      sentence,
      q,
      sort,
      page: pick('page', 'page', pageParam) ?? 1,
    },
    problems,
  }
}

/** The URL search string for a query; defaults are left out so links stay short. */
export function caseQueryToSearch(query: Partial<CaseQuery>): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  for (const s of query.statuses ?? []) params.append('status', statusToParam(s))
  if (query.kind) params.set('kind', query.kind.toLowerCase())
  if (query.jurisdiction) params.set('jurisdiction', query.jurisdiction.toLowerCase())
  if (query.provision) params.set('provision', query.provision)
  if (query.person) params.set('person', query.person)
  if (query.year) params.set('year', String(query.year))
  if (query.sentence) params.set('sentence', sentenceToParam(query.sentence))
  if (query.sort && query.sort !== 'recent') params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  const s = params.toString()
  return s ? `?${s}` : ''
}

/**
 * True when the address says more than it needs to: the filter form submits every
 * field, empty ones and defaults included (`?q=&status=dropped&kind=&sort=recent`).
 * The dashboard then redirects to `caseQueryToSearch`'s short form, the link a reader
 * copies and shares.
 */
export function isVerboseQuery(params: SearchParams): boolean {
  return Object.entries(params).some(([key, value]) => (Array.isArray(value) ? value : [value]).some((v) => v === '' || (key === 'sort' && v === 'recent') || (key === 'page' && v === '1')))
}

/** The path segment naming a canonical query in the dashboard cache (`/browse/<key>`). */
export function dashboardCacheKey(query: CaseQuery): string {
  return encodeURIComponent(caseQueryToSearch(query).slice(1) || 'all')
}

/** The inverse of dashboardCacheKey, given the route's (already decoded) segment. */
export function searchParamsFromDashboardKey(key: string): SearchParams {
  const decoded = safeDecode(key)
  const params: Record<string, string[]> = Object.create(null)
  if (decoded === 'all') return params
  for (const [k, v] of new URLSearchParams(decoded)) (params[k] ??= []).push(v)
  return params
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * Where the proxy should send a dashboard request: the cached copy for an address in
 * canonical-equivalent form without a text search, or null to render it per request
 * (searches are too varied to cache; addresses with unreadable values show a notice;
 * verbose ones are redirected to their short form by the page).
 */
export function cachedDashboardKey(params: SearchParams): string | null {
  if (first(params, 'q') !== null || isVerboseQuery(params)) return null
  const { query, problems } = parseCaseQuery(params)
  if (problems.length) return null
  return dashboardCacheKey(query)
}

export function hasActiveFilters(f: CaseFilters): boolean {
  return Boolean(f.statuses.length || f.kind || f.jurisdiction || f.provision || f.person || f.year || f.sentence || f.q)
}
