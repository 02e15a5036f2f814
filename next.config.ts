import path from 'node:path'
import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { PUBLIC_CACHE_CONTROL } from './lib/cache/cache-control'
import { MAX_REQUEST_BODY_BYTES } from './lib/http/limits.mjs'
import { serverActionKey } from './lib/http/server-action-key.mjs'

const production = process.env.NODE_ENV === 'production'

// Stable server action names across rebuilds (lib/http/server-action-key.mjs). Only the
// build derives the key: it writes it into the build's manifest, which the server then
// reads, so a server started with another secret still matches its own build.
function deriveServerActionKey(): void {
  const key = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || serverActionKey({ authSecret: process.env.BETTER_AUTH_SECRET, dataDir: path.join(process.cwd(), 'data') })
  if (key) process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = key
}

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
  // pino too: it loads its own modules by file name, which a bundle breaks.
  serverExternalPackages: ['better-sqlite3', 'pino', 'pino-http'],
  poweredByHeader: false,
  // No next/image in the app: nothing for the optimiser to do (server/main.mjs answers /_next/image 404).
  images: { unoptimized: true },
  typedRoutes: false,
  experimental: {
    // The default limit is 1 MB; the source intake needs more (lib/http/limits.mjs).
    serverActions: { bodySizeLimit: MAX_REQUEST_BODY_BYTES },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: PUBLIC_ADDRESSES, headers: [{ key: 'Cache-Control', value: PUBLIC_CACHE_CONTROL }] },
    ]
  },
}

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) deriveServerActionKey()
  return nextConfig
}
