// Refuses cross-site state-changing requests (form posts to server actions from
// another site) with a plain 403, before any action runs. Light on purpose: no
// database, no session. It is NOT the security boundary: every action checks the
// session itself (lib/actions/safe-action.ts). Next's own server-action origin check
// answers a mismatch with a 500 and lets a POST without Origin through.
import { NextResponse, type NextRequest } from 'next/server'

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

export function proxy(request: NextRequest) {
  if (isCrossSite(request.method, request.headers)) {
    return new NextResponse('Cross-site request refused.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  }
  return NextResponse.next()
}

export const config = {
  // Static files never change state; everything else is checked.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
