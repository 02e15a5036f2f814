import { resolveAddress, type RecordRoute } from '@/lib/data/addresses'
import type { IdPage } from '@/lib/data/api'
import { casesAfter, countCaseView } from '@/lib/data/exports'
import { CasePageSchema, pageOf } from '@/lib/validation/api'
import type { z } from '@/lib/validation/zod'
import { encodeCaseCursor, encodeCursor } from './cursor'
import { parseCaseListParams, parseIdListParams } from './params'
import { sendJson, sendMoved, sendProblem } from './respond'

// The handlers behind app/api/v1: each route file names its data function and its
// schema, and these do the rest the same way for every list and every record.

export const API_PREFIX = '/api/v1'

/** The same list address with another cursor (relative: it holds on any host the API is served under). */
function pageLink(url: URL, cursor: string | null): string {
  const params = new URLSearchParams(url.searchParams)
  params.delete('cursor')
  if (cursor !== null) params.set('cursor', cursor)
  const search = params.toString()
  return `${url.pathname}${search ? `?${search}` : ''}`
}

/** GET a list ordered by id: `?limit=` and `?cursor=`, `links.next` until the end. */
export function idListHandler<T>(schema: ReturnType<typeof pageOf>, load: (after: number | null, limit: number) => Promise<IdPage<T>>) {
  return async function GET(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const parsed = parseIdListParams(url.searchParams)
    if (!parsed.ok) return sendProblem(400, 'Some parameters could not be read.', parsed.problems)
    const page = await load(parsed.after, parsed.limit)
    const next = page.next === null ? null : pageLink(url, encodeCursor({ i: page.next }))
    return sendJson(request, schema, { data: page.items, links: { self: pageLink(url, url.searchParams.get('cursor')), next } })
  }
}

/** GET the dashboard's view in pages, with its filters and sort. */
export async function caseListGET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const parsed = parseCaseListParams(url.searchParams)
  if (!parsed.ok) return sendProblem(400, 'Some parameters could not be read.', parsed.problems)
  const [page, total] = await Promise.all([casesAfter(parsed.query, parsed.query.sort, parsed.after, parsed.limit), countCaseView(parsed.query)])
  const next = page.next === null ? null : pageLink(url, encodeCaseCursor(parsed.query.sort, page.next))
  return sendJson(request, CasePageSchema, {
    data: page.items,
    links: { self: pageLink(url, url.searchParams.get('cursor')), next },
    total,
  })
}

const NOT_FOUND: Record<RecordRoute, string> = {
  cases: 'No published case has this address.',
  people: 'No person on the public record has this address.',
  organisations: 'No organisation on the public record has this address.',
  provisions: 'No provision has this address.',
  sources: 'No source has this address.',
}

/**
 * GET one record by the key of its page (`/api/v1/cases/<slug>`): 308 to the record's
 * current address after a rename, 410 for a case withdrawn after publication, 404 for
 * anything else that is not public, the same answers its page gives (lib/data/addresses.ts).
 */
export function recordHandler<T>(
  route: RecordRoute,
  schema: z.ZodType,
  load: (id: number, key: string) => Promise<T | null>,
  { prefix = API_PREFIX, headers }: { prefix?: string; headers?: (key: string) => Record<string, string> } = {},
) {
  return async function GET(request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> {
    const key = Object.values(await params)[0] ?? ''
    const state = await resolveAddress(route, key)
    if (state.state === 'moved') {
      const url = new URL(request.url)
      const rest = url.pathname.slice(`${prefix}/${route}/${encodeURIComponent(key)}`.length)
      return sendMoved(`${prefix}${state.to}${rest}${url.search}`)
    }
    if (state.state === 'withdrawn') return sendProblem(410, 'This case was withdrawn from the public record.')
    if (state.state === 'missing') return sendProblem(404, NOT_FOUND[route])
    const record = await load(state.id, key)
    if (!record) return sendProblem(404, NOT_FOUND[route])
    return sendJson(request, schema, record, headers?.(key))
  }
}
