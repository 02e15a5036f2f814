import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CaseView } from '@/components/cases/case-view'
import { caseFeedPath, feedAlternate } from '@/lib/feeds/follow-feeds'
import { WithdrawnNotice } from '@/components/cases/withdrawn-notice'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { tagPage } from '@/lib/cache/tag-page'
import { recordTag } from '@/lib/cache/tags'
import { resolveAddress } from '@/lib/data/addresses'
import { getCaseBySlug } from '@/lib/data/cases'
import { statusInWords } from '@/lib/domain/case-status'
import CaseNotFound from './not-found'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then served from cache until an editor's change
// invalidates its tag (docs/decisions/013-page-cache-in-the-database.md). proxy.ts
// answers renamed (308), withdrawn (410) and unknown addresses before the cache.
export const dynamicParams = true
// Rendered again at least daily, even with no edit: the status box warns about a status
// more than a year old, reckoned at the time of rendering (docs/decisions/030-status-dates-in-words.md).
export const revalidate = 86400
export async function generateStaticParams() {
  return []
}

const loadCase = cache(getCaseBySlug)
const loadAddress = cache((slug: string) => resolveAddress('cases', slug))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const c = await loadCase(slug)
  if (!c) {
    // Next.js adds noindex itself to a page rendered with a status over 400; said here
    // too so that the cached notice carries it whatever status it was rendered with.
    if ((await loadAddress(slug)).state === 'withdrawn') return { title: 'Case withdrawn', robots: { index: false } }
    return { title: 'Case not found' }
  }
  const status = statusInWords({ status: c.status, asOf: c.statusAsOf, undated: c.statusUndated, basis: c.statusBasis ?? 'event' })
  return { title: c.title, description: `${status}. ${c.summary}`.slice(0, 300), alternates: { types: feedAlternate(caseFeedPath(c.slug), `${c.title}: new events (Atom)`) } }
}

export default async function CasePage({ params }: Props) {
  const { slug } = await params
  const c = await loadCase(slug)
  if (!c) {
    // Published once, then unpublished or deleted: the notice, with the status 410 that
    // proxy.ts gave this request (docs/decisions/009-withdrawn-cases-410.md).
    const address = await loadAddress(slug)
    if (address.state === 'withdrawn') return <WithdrawnNotice withdrawnAt={address.withdrawnAt} />
    if (address.state === 'moved') permanentRedirect(address.to)
    // Not notFound(): its page is empty without JavaScript (docs/decisions/006-not-found-html.md).
    return (
      <NotFoundResponse>
        <CaseNotFound />
      </NotFoundResponse>
    )
  }

  await tagPage(recordTag('case', c.id))
  return <CaseView c={c} />
}
