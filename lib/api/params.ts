import { z } from '@/lib/validation/zod'
import { parseCaseQuery, type CaseQuery } from '@/lib/validation/case-filters'
import { API_PAGE_SIZE } from '@/lib/validation/api'
import { decodeCaseCursor, decodeIdCursor } from './cursor'

// The API's query parameters. Unlike the dashboard, which drops a value it cannot read
// and says so on the page, the API answers 400 with the list of problems: a program
// must not take a silently widened list for the one it asked for.

type SearchParams = Record<string, string[]>

/** Every value of every parameter, without a prototype (`?constructor=1` is a parameter, not Object's). */
export function searchParamsRecord(params: URLSearchParams): SearchParams {
  const record: SearchParams = Object.create(null)
  for (const [key, value] of params) (record[key] ??= []).push(value)
  return record
}

const LimitSchema = z.coerce.number().int().min(1).max(API_PAGE_SIZE.max)
const CASE_FILTER_PARAMS = ['status', 'kind', 'jurisdiction', 'provision', 'person', 'year', 'sentence', 'q', 'sort']

function common(params: SearchParams, allowed: string[], problems: string[]): { limit: number; cursor: string | null } {
  for (const key of Object.keys(params)) {
    if (key === 'page') problems.push('The API pages with `cursor` (follow `links.next`), not `page`.')
    else if (!allowed.includes(key) && key !== 'limit' && key !== 'cursor') problems.push(`Unknown parameter “${key.slice(0, 60)}”: use ${[...allowed, 'limit', 'cursor'].join(', ')}.`)
  }
  let limit: number = API_PAGE_SIZE.default
  const rawLimit = params.limit?.[0]
  if (rawLimit !== undefined) {
    const parsed = LimitSchema.safeParse(rawLimit)
    if (parsed.success) limit = parsed.data
    else problems.push(`Ignored limit “${rawLimit.slice(0, 60)}”: use a whole number from 1 to ${API_PAGE_SIZE.max}.`)
  }
  return { limit, cursor: params.cursor?.[0] ?? null }
}

export type ParsedList<C> = { ok: true; limit: number; after: C | null } | { ok: false; problems: string[] }

/** `limit` and `cursor` of a list ordered by id. */
export function parseIdListParams(searchParams: URLSearchParams): ParsedList<number> {
  const problems: string[] = []
  const { limit, cursor } = common(searchParamsRecord(searchParams), [], problems)
  const after = cursor === null ? null : decodeIdCursor(cursor)
  if (cursor !== null && after === null) problems.push('The cursor is not one this list gave: follow `links.next` as it is.')
  return problems.length ? { ok: false, problems } : { ok: true, limit, after }
}

/** The dashboard's filters and sort (its own parser and messages), `limit` and `cursor`. */
export function parseCaseListParams(searchParams: URLSearchParams): (ParsedList<{ value: string | null; id: number }> & { ok: true; query: CaseQuery }) | { ok: false; problems: string[] } {
  const params = searchParamsRecord(searchParams)
  const problems: string[] = []
  const { limit, cursor } = common(params, CASE_FILTER_PARAMS, problems)
  const parsed = parseCaseQuery(params)
  problems.push(...parsed.problems)
  const after = cursor === null ? null : decodeCaseCursor(cursor, parsed.query.sort)
  if (cursor !== null && after === null) problems.push('The cursor is not one this list gave for this sort: follow `links.next` as it is.')
  return problems.length ? { ok: false, problems } : { ok: true, limit, after, query: parsed.query }
}
