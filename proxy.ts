import { NextResponse, type NextRequest } from 'next/server'
import { cachedDashboardKey } from '@/lib/validation/case-filters'

/**
 * Serves the dashboard's filtered views from Next.js's page cache. `/?status=dropped`
 * and `/?year=2020&status=dropped` both become `/browse/status%3Ddropped%26year%3D2020`,
 * a page rendered once and cached until a write revalidates it, so the dashboard
 * answers at cached-page speed at 100,000 cases (docs/decisions/008-cached-dashboard.md).
 * The address the reader sees and shares does not change. Not a security boundary.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  const params: Record<string, string[]> = {}
  for (const [key, value] of request.nextUrl.searchParams) {
    // Next.js's own client-navigation cache-buster is not a filter.
    if (key !== '_rsc') (params[key] ??= []).push(value)
  }
  const key = cachedDashboardKey(params)
  if (key === null) return NextResponse.next()
  const target = new URL(`/browse/${key}`, request.url)
  const rsc = request.nextUrl.searchParams.get('_rsc')
  if (rsc !== null) target.searchParams.set('_rsc', rsc)
  return NextResponse.rewrite(target)
}

export const config = { matcher: '/' }
