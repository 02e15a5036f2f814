import { createHash } from 'node:crypto'
import { PUBLIC_CACHE_CONTROL } from '@/lib/cache/cache-control'

// Feeds are rendered per request (docs/decisions/024-feeds-rendered-per-request.md):
// each answer carries an ETag of its bytes and the feed's <updated> as Last-Modified,
// so a feed reader polling an unchanged feed gets a 304 without the body.

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

export function atomResponse(request: Request, xml: string, updated: Date): Response {
  const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`
  const headers = { 'content-type': ATOM_CONTENT_TYPE, 'cache-control': PUBLIC_CACHE_CONTROL, etag, 'last-modified': updated.toUTCString(), 'x-content-type-options': 'nosniff' }
  const match = request.headers.get('if-none-match')
  if (match && match.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return new Response(null, { status: 304, headers })
  return new Response(request.method === 'HEAD' ? null : xml, { status: 200, headers })
}

/** A feed whose record is not public: the same answer its page gives, in plain text. */
export function feedGone(state: 'withdrawn' | 'missing'): Response {
  const text = state === 'withdrawn' ? 'This case has been withdrawn: it has no feed.' : 'No published record has this address: there is no feed here.'
  return new Response(text, { status: state === 'withdrawn' ? 410 : 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}
