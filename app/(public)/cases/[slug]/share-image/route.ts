import { tagPage } from '@/lib/cache/tag-page'
import { recordTag } from '@/lib/cache/tags'
import { getCaseBySlug } from '@/lib/data/cases'
import { STATUS_LABELS } from '@/lib/domain/case-status'
import { formatPartialDate } from '@/lib/domain/partial-date'
import { shareImage } from '@/lib/share/share-image'

// The case's share image (og:image, twitter:image), a PNG drawn from the published case.
// Rendered once and kept in the page cache under the case's tag, like the page: an
// edit expires it, and the page's meta tags name it with the version (`?v=`), so that
// services that keep images by address fetch the new one (lib/share/share-image.tsx).
export const dynamic = 'force-static'
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const c = await getCaseBySlug((await params).slug)
  // proxy.ts answers a renamed (308) or withdrawn (410) case's address before this.
  if (!c) return new Response('No published case has this address.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  await tagPage(recordTag('case', c.id))
  const line = c.statusAsOf ? `${STATUS_LABELS[c.status]} as of ${formatPartialDate(c.statusAsOf)}` : c.statusUndated ? `${STATUS_LABELS[c.status]} (date not reported)` : STATUS_LABELS[c.status]
  return shareImage({ kind: 'Case', title: c.title, line })
}
