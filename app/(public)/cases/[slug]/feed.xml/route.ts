import { permanentRedirect } from 'next/navigation'
import { resolveAddress } from '@/lib/data/addresses'
import { getCaseFeed } from '@/lib/data/feeds'
import { env } from '@/lib/env'
import { caseFeed } from '@/lib/feeds/follow-feeds'
import { atomResponse, feedGone } from '@/lib/feeds/response'

// A case's Atom feed: its events and status changes. Rendered per request (decision 024);
// proxy.ts answers a renamed case's old address (308) and a withdrawn one's (410) first.
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const c = await getCaseFeed(slug)
  if (!c) {
    const address = await resolveAddress('cases', slug)
    if (address.state === 'moved') permanentRedirect(`${address.to}/feed.xml`)
    return feedGone(address.state === 'withdrawn' ? 'withdrawn' : 'missing')
  }
  const { xml, updated } = caseFeed(new URL(env.BETTER_AUTH_URL), c)
  return atomResponse(request, xml, updated)
}
