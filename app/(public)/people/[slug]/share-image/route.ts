import { tagPage } from '@/lib/cache/tag-page'
import { recordTag } from '@/lib/cache/tags'
import { getPersonBySlug } from '@/lib/data/people'
import { STATUS_LABELS } from '@/lib/domain/case-status'
import { shareImage } from '@/lib/share/share-image'

// A person's share image: their name and the status of their cases. Cached under the
// person's tag, which every edit of a case naming them also expires (see the case's).
export const dynamic = 'force-static'
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const p = await getPersonBySlug((await params).slug)
  if (!p) return new Response('No public person has this address.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  await tagPage(recordTag('person', p.id))
  const cases = p.roles.map((r) => r.case)
  const line = cases.length === 1 ? `1 case: ${STATUS_LABELS[cases[0]!.status].toLowerCase()}` : `${cases.length} cases: ${[...new Set(cases.map((c) => STATUS_LABELS[c.status].toLowerCase()))].join(', ')}`
  return shareImage({ kind: 'Person', title: p.name, line })
}
