import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CaseView } from '@/components/cases/case-view'
import { WithdrawnNotice } from '@/components/cases/withdrawn-notice'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { getCaseBySlug, getWithdrawnCase } from '@/lib/data/cases'
import { findCurrentSlug } from '@/lib/data/slugs'
import { STATUS_LABELS } from '@/lib/domain/case-status'
import { formatPartialDate } from '@/lib/domain/partial-date'
import CaseNotFound from './not-found'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then served from cache until an editor's change
// revalidates it (docs/decisions/005-page-caching.md).
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

const loadCase = cache(getCaseBySlug)
const loadWithdrawn = cache(getWithdrawnCase)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const c = await loadCase(slug)
  if (!c) {
    // Next.js adds noindex itself to a page rendered with a status over 400; said here
    // too so that the cached notice carries it whatever status it was rendered with.
    if (await loadWithdrawn(slug)) return { title: 'Case withdrawn', robots: { index: false } }
    return { title: 'Case not found' }
  }
  const status = `${STATUS_LABELS[c.status]}${c.statusAsOf ? ` as of ${formatPartialDate(c.statusAsOf)}` : ''}`
  return { title: c.title, description: `${status}. ${c.summary}`.slice(0, 300) }
}

export default async function CasePage({ params }: Props) {
  const { slug } = await params
  const c = await loadCase(slug)
  if (!c) {
    // Published once, then unpublished or deleted: the notice, with the status 410 that
    // proxy.ts gave this request (docs/decisions/009-withdrawn-cases-410.md).
    const withdrawn = await loadWithdrawn(slug)
    if (withdrawn) return <WithdrawnNotice title={withdrawn.title} withdrawnAt={withdrawn.withdrawnAt} />
    const current = await findCurrentSlug('CASE', slug)
    if (current) permanentRedirect(`/cases/${current}`)
    // Not notFound(): its page is empty without JavaScript (docs/decisions/006-not-found-html.md).
    return (
      <NotFoundResponse>
        <CaseNotFound />
      </NotFoundResponse>
    )
  }

  return <CaseView c={c} />
}

