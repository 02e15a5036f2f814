import { createHash } from 'node:crypto'
import { PUBLIC_CACHE_CONTROL } from '@/lib/cache/cache-control'
import type { z } from '@/lib/validation/zod'
import type { Problem } from '@/lib/validation/api'
import { toApiJson } from './json'

// How every API answer is sent. Rendered per request from the database (never from the
// page cache), so an editor's write is in the next answer; the ETag is a hash of the
// body, so a client or CDN revalidating an unchanged answer gets a 304 without the body.
// Cache-Control is the public pages' own: browsers always revalidate, shared caches
// keep a copy for at most a minute (lib/cache/cache-control.ts).

/** Anyone may read the API from a browser: no credentials are ever involved (no cookies are read). */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'If-None-Match, Accept',
  'access-control-expose-headers': 'ETag, Link, Content-Disposition',
  'access-control-max-age': '86400',
} as const

const PUBLIC_HEADERS = { ...CORS_HEADERS, 'cache-control': PUBLIC_CACHE_CONTROL, 'x-content-type-options': 'nosniff' } as const

/** A strong validator: the same bytes always give the same tag, on every server. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

/** If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((t) => {
    const tag = t.trim()
    return tag === '*' || tag.replace(/^W\//, '') === bare
  })
}

/** A 200 with `body`, or a 304 when the client already has it. */
export function sendWithEtag(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = etagOf(body)
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: { ...PUBLIC_HEADERS, etag } })
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...PUBLIC_HEADERS, ...headers, etag } })
}

/**
 * `value` (a DTO) as JSON through `schema`: a field the schema does not name is
 * dropped, and a value that does not fit it is a bug of ours (thrown, a 500), never
 * sent as if it were the documented shape.
 */
export function sendJson<S extends z.ZodType>(request: Request, schema: S, value: unknown, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(schema.parse(toApiJson(value)))
  return sendWithEtag(request, body, { 'content-type': 'application/json; charset=utf-8', ...headers })
}

const TITLES: Record<number, string> = { 400: 'Bad request', 404: 'Not found', 410: 'Gone' }

/** An RFC 9457 problem (application/problem+json). Cacheable like a page: a 404 or 410 can change at the next write, no sooner. */
export function sendProblem(status: 400 | 404 | 410, detail: string, problems?: string[]): Response {
  const body: Problem = { type: 'about:blank', title: TITLES[status]!, status, detail, ...(problems?.length ? { problems } : {}) }
  return new Response(JSON.stringify(body), { status, headers: { ...PUBLIC_HEADERS, 'content-type': 'application/problem+json; charset=utf-8' } })
}

/** 308 to `location` (a renamed record's current address), as the pages answer a rename. */
export function sendMoved(location: string): Response {
  return new Response(null, { status: 308, headers: { ...PUBLIC_HEADERS, location } })
}

/** The CORS preflight: any origin may GET. */
export function sendPreflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, allow: 'GET, HEAD, OPTIONS' } })
}
