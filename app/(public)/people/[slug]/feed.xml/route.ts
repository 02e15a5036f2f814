import { permanentRedirect } from 'next/navigation'
import { resolveAddress } from '@/lib/data/addresses'
import { getPersonFeed } from '@/lib/data/feeds'
import { env } from '@/lib/env'
import { personFeed } from '@/lib/feeds/follow-feeds'
import { atomResponse, feedGone } from '@/lib/feeds/response'

// A person's Atom feed: the events and status changes of the published cases naming
// them. Rendered per request (decision 024); proxy.ts answers a renamed person's old address first.
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const p = await getPersonFeed(slug)
  if (!p) {
    const address = await resolveAddress('people', slug)
    if (address.state === 'moved') permanentRedirect(`${address.to}/feed.xml`)
    return feedGone('missing')
  }
  const { xml, updated } = personFeed(new URL(env.BETTER_AUTH_URL), p)
  return atomResponse(request, xml, updated)
}
