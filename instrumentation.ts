// Next.js calls onRequestError for every error thrown while rendering a page, running a
// route handler or a server action: one JSON log line with the route it came from.
// server/main.mjs logs the request itself, and drops Next.js's own print of the error.
import type { Instrumentation } from 'next'

// Next.js may report one error twice (the page, and the route it was rewritten to):
// keep the first report of each digest for a while.
const recentDigests = new Map<string, number>()
const REPEAT_WINDOW_MS = 10_000

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // The app runs on Node.js only; Next.js also compiles this file for the Edge runtime.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const digest = typeof error === 'object' && error && 'digest' in error ? String(error.digest) : undefined
  const now = Date.now()
  if (digest) {
    for (const [seen, at] of recentDigests) if (now - at > REPEAT_WINDOW_MS) recentDigests.delete(seen)
    if (recentDigests.has(digest)) return
    recentDigests.set(digest, now)
  }
  const { logger } = await import('@/lib/log/logger.mjs')
  logger.error({ err: error, digest, method: request.method, path: request.path.split('?')[0], route: context.routePath, routeType: context.routeType }, 'request error')
}
