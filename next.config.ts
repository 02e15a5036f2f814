import path from 'node:path'
import type { NextConfig } from 'next'
import { PUBLIC_CACHE_CONTROL } from './lib/cache/cache-control'

const production = process.env.NODE_ENV === 'production'

// One policy for every response (decision 007). script-src needs 'unsafe-inline':
// Next's inline bootstrap scripts on cached (ISR) pages cannot carry a per-request
// nonce. Everything else is locked to this origin; plugins and framing are refused.
const csp = [
  "default-src 'self'",
  // React's development build evaluates code for its debugging aids; production never does.
  `script-src 'self' 'unsafe-inline'${production ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
]

// Public pages: short-lived copies outside the server (lib/cache/cache-control.ts).
// Every address but the editor's (app/(editor): /editor/…, /sign-in, rendered per
// request with Next.js's own `private, no-store`), route handlers (they say their own)
// and Next.js's build assets (immutable). An exclusion rather than a list of public
// pages, so that a page added later is never cached for a year by a CDN.
const PUBLIC_ADDRESSES = '/((?!editor(?:/|$)|sign-in(?:/|$)|api/|_next/).*)'

const nextConfig: NextConfig = {
  // The page cache lives in the database: invalidations survive a restart and reach
  // every app server. Next.js's own in-memory copy would not see them.
  cacheHandler: path.resolve(process.cwd(), 'lib/cache/handler.mjs'),
  cacheMaxMemorySize: 0,
  // better-sqlite3 is a native addon: load it from node_modules at run time.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // The source intake posts a pasted article (up to 2 MB, lib/validation/sources.ts)
    // and then its text in the source form; the default limit is 1 MB.
    serverActions: { bodySizeLimit: '3mb' },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: PUBLIC_ADDRESSES, headers: [{ key: 'Cache-Control', value: PUBLIC_CACHE_CONTROL }] },
    ]
  },
}

export default nextConfig
