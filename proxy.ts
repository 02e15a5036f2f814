// Runs before form posts, dashboard requests and record pages (see `config`). Three jobs,
// all light (no session; for a record page, one indexed look-up by slug):
// 1. Refuses cross-site state-changing requests (form posts to server actions from
//    another site) with a plain 403, before any action runs. It is NOT the security
//    boundary: every action checks the session itself (lib/actions/safe-action.ts).
//    Next's own server-action origin check answers a mismatch with a 500 and lets a
//    POST without Origin through.
// 2. Serves the dashboard's filtered views from Next.js's page cache:
//    `/?status=dropped` and `/?year=2020&status=dropped` both become
//    `/browse/status%3Ddropped%26year%3D2020`, rendered once and cached until a write
//    revalidates it; the reader's address does not change
//    (docs/decisions/008-cached-dashboard.md).
// 3. Answers every record address before the page cache can: a renamed record's old
//    address with 308 to the current one, a withdrawn case's with 410 Gone (the page
//    renders the notice; an App Router page can itself only answer 404, 403 or 401,
//    docs/decisions/009-withdrawn-cases-410.md). A cached page is thus never served
//    for an address that is no longer current (lib/data/addresses.ts).
import { NextResponse, type NextRequest } from 'next/server'
import { PUBLIC_CACHE_CONTROL } from '@/lib/cache/cache-control'
import { resolveAddress, type AddressState, type RecordRoute } from '@/lib/data/addresses'
import { cachedDashboardKey, caseQueryToSearch, parseCaseQuery, searchParamsFromDashboardKey } from '@/lib/validation/case-filters'
import { timelineRoute } from '@/lib/validation/timeline-range'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isCrossSite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method)) return false
  const site = headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin' && site !== 'none') return true
  const origin = headers.get('origin')
  if (origin === null) return false
  if (origin === 'null') return true
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/** A dashboard address's filters, every value of each (`?status=a&status=b`). */
function dashboardParams(url: URL): Record<string, string[]> {
  // No prototype: `?constructor=1` or `?toString=1` must not find Object's own members (a 500).
  const params: Record<string, string[]> = Object.create(null)
  for (const [key, value] of url.searchParams) {
    // Next.js's own client-navigation cache-buster is not a filter.
    if (key !== '_rsc') (params[key] ??= []).push(value)
  }
  return params
}

/** The cached page for a dashboard request, or null to render it per request. */
export function cachedDashboardUrl(url: URL): URL | null {
  if (url.pathname !== '/') return null
  const key = cachedDashboardKey(dashboardParams(url))
  if (key === null) return null
  const target = new URL(`/browse/${key}`, url)
  const rsc = url.searchParams.get('_rsc')
  if (rsc !== null) target.searchParams.set('_rsc', rsc)
  return target
}

// A record's page and every address under it (`/cases/<slug>/versions/3`, its feed,
// its share image): all follow the record when it is renamed, and all are gone with it.
const RECORD_PATH = /^\/(cases|people|organisations|provisions|sources)\/([^/]+)((?:\/[^/]+)*)$/

/**
 * The record an address belongs to (`/cases/<slug>`, `/sources/<id>`, `/cases/<slug>/feed`…)
 * and what follows its key (`''` for the record's own page), or null (also when it
 * cannot be decoded).
 */
export function recordAddress(pathname: string): { route: RecordRoute; key: string; rest: string } | null {
  const match = RECORD_PATH.exec(pathname)
  if (!match) return null
  try {
    return { route: match[1] as RecordRoute, key: decodeURIComponent(match[2]!), rest: match[3] ?? '' }
  } catch {
    return null
  }
}

/** Never throws: a failed look-up must not take the cached pages down with it; the page decides then. */
async function lookUp(route: RecordRoute, key: string): Promise<AddressState | null> {
  try {
    return await resolveAddress(route, key)
  } catch (error) {
    console.error('proxy: address look-up failed', error)
    return null
  }
}

/**
 * A dashboard view filtered by a person or provision under a slug it no longer has
 * (`/?person=<old slug>`): the same view under the current slug, or null. One look-up
 * per such filter, none for other views.
 */
export async function renamedFilterUrl(url: URL): Promise<URL | null> {
  const { query, problems } = parseCaseQuery(dashboardParams(url))
  if (problems.length || (!query.person && !query.provision)) return null
  let moved = false
  const current = async (route: 'people' | 'provisions', slug: string | null): Promise<string | null> => {
    if (!slug) return slug
    const state = await lookUp(route, slug)
    if (state?.state !== 'moved') return slug
    moved = true
    return decodeURIComponent(state.to.slice(`/${route}/`.length))
  }
  const person = await current('people', query.person)
  const provision = await current('provisions', query.provision)
  return moved ? new URL(`/${caseQueryToSearch({ ...query, person, provision })}`, url) : null
}

/** `/browse/<key>` asked for directly: the dashboard view it caches, at its one public address. */
export function publicDashboardUrl(url: URL): URL {
  const key = url.pathname.slice('/browse/'.length)
  let search = ''
  try {
    search = caseQueryToSearch(parseCaseQuery(searchParamsFromDashboardKey(key)).query)
  } catch {
    // An unreadable key: the unfiltered dashboard.
  }
  return new URL(`/${search}`, url)
}

/** 308, cacheable as briefly as a page: a rename can be undone, and the old address is a record's own again. */
function movedTo(url: URL): NextResponse {
  const response = NextResponse.redirect(url, 308)
  response.headers.set('cache-control', PUBLIC_CACHE_CONTROL)
  return response
}

export async function proxy(request: NextRequest) {
  if (isCrossSite(request.method, request.headers)) {
    return new NextResponse('Cross-site request refused.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  }
  if (request.method === 'GET' || request.method === 'HEAD') {
    const url = request.nextUrl
    if (url.pathname === '/') {
      const renamed = await renamedFilterUrl(url)
      if (renamed) return movedTo(renamed)
    }
    const cached = cachedDashboardUrl(url)
    if (cached) return NextResponse.rewrite(cached)
    // Only ever reached through the rewrite above: asked for directly, it would be a
    // second copy of the dashboard, and every distinct key a new cache entry.
    if (url.pathname.startsWith('/browse/')) return movedTo(publicDashboardUrl(url))
    // The timeline's periods are cached like the dashboard's views (docs/decisions/025-timeline-and-changes-cached.md).
    const timeline = timelineRoute(url)
    if (timeline) return 'rewrite' in timeline ? NextResponse.rewrite(timeline.rewrite) : movedTo(timeline.redirect)
    const address = recordAddress(url.pathname)
    // Next.js answers 500 to a record address it cannot decode (`/cases/%ZZ`): say what is wrong instead.
    if (!address && RECORD_PATH.test(url.pathname)) {
      return new NextResponse('Bad address: it is not valid percent-encoding (UTF-8).', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    }
    if (address) {
      const state = await lookUp(address.route, address.key)
      if (state?.state === 'moved') return movedTo(new URL(`${state.to}${address.rest}`, url))
      // The page renders the notice; only the status is set here. Not a rewrite to a
      // notice page of its own: Next.js 16.4 sends a rewrite back over HTTP when the
      // server is bound to 127.0.0.1 (vercel/next.js#94745), a 500 behind an HTTPS proxy.
      if (state?.state === 'withdrawn') return NextResponse.next({ status: 410 })
    }
  }
  return NextResponse.next()
}

export const config = {
  // Invoking the proxy costs several milliseconds a request (npm run bench: robots.txt
  // went from ~2,500 to ~800 requests/s with it on every path), so it runs only where
  // it has work: the dashboard, case pages, and requests with a body — every form post
  // or server action carries a Content-Type, reads and static files do not.
  matcher: [
    { source: '/' },
    // A withdrawn case answers 410. Measured: a cached case page went from ~1.5 to
    // ~2.0–2.3 ms of server CPU a request, nearly all of it Next.js invoking the proxy
    // (docs/decisions/009-withdrawn-cases-410.md).
    // Every address under a record too (`:rest*` also matches none).
    { source: '/cases/:slug/:rest*' },
    // Renamed records answer 308 here, before any cached page is served.
    { source: '/people/:slug/:rest*' },
    { source: '/organisations/:slug/:rest*' },
    { source: '/provisions/:slug/:rest*' },
    { source: '/sources/:id/:rest*' },
    { source: '/browse/:query*' },
    { source: '/timeline/:rest*' },
    { source: '/((?!_next/static|_next/image|favicon.ico).*)', has: [{ type: 'header', key: 'content-type' }] },
  ],
}
