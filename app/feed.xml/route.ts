import { listPublicChanges } from '@/lib/data/changes'
import { env } from '@/lib/env'
import { changesFeed } from '@/lib/feeds/follow-feeds'
import { atomResponse } from '@/lib/feeds/response'

// The site's Atom feed: the latest changes to the public record (/changes, first page).
// Rendered per request (docs/decisions/024-feeds-rendered-per-request.md).
export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const { changes } = await listPublicChanges(1, undefined, { withTotal: false })
  const { xml, updated } = changesFeed(new URL(env.BETTER_AUTH_URL), changes)
  return atomResponse(request, xml, updated)
}
