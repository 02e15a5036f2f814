import type { Metadata } from 'next'
import Link from 'next/link'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CaseFacts } from '@/components/cases/case-facts'
import { CaseParties } from '@/components/cases/case-parties'
import { CaseCharges } from '@/components/cases/case-charges'
import { CaseTimeline } from '@/components/cases/case-timeline'
import { CaseConflicts } from '@/components/cases/case-conflicts'
import { RelatedCases } from '@/components/cases/related-cases'
import { WithdrawnNotice } from '@/components/cases/withdrawn-notice'
import { LastChanged } from '@/components/ui/last-changed'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { CiteRefs, Footnotes, NotesAndSources } from '@/components/citations/footnotes'
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

  // Number the footnotes in the order the page shows the claims.
  const notes = new Footnotes([
    c.statusCitations,
    c.summaryCitations,
    ...c.parties.map((p) => p.citations),
    ...c.charges.map((ch) => ch.citations),
    ...c.events.map((e) => e.citations),
    ...c.conflicts.flatMap((k) => k.versions.map((v) => v.citations)),
  ])
  const disputedEvents = new Map(c.conflicts.filter((k) => k.eventId !== null).map((k) => [k.eventId!, k.id]))

  return (
    <article className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="no-print mb-3 text-sm">
        <Link href="/" className="text-blue-800 underline underline-offset-2">
          All cases
        </Link>
      </nav>
      <h1 className="text-3xl font-bold leading-tight tracking-tight">{c.title}</h1>
      <CaseFacts c={c} notes={notes} />

      {c.summary ? (
        <section aria-labelledby="summary-heading" className="mt-6">
          <h2 id="summary-heading" className="sr-only">
            Summary
          </h2>
          <p className="max-w-prose text-lg leading-relaxed">
            {c.summary}
            <CiteRefs citations={c.summaryCitations} notes={notes} />
          </p>
        </section>
      ) : null}

      <CaseParties parties={c.parties} notes={notes} />
      <CaseCharges charges={c.charges} notes={notes} />
      <CaseTimeline events={c.events} notes={notes} disputedEvents={disputedEvents} />
      <CaseConflicts conflicts={c.conflicts} notes={notes} />
      <RelatedCases related={c.related} />
      <NotesAndSources notes={notes} />

      <LastChanged date={c.updatedAt} path={`/cases/${c.slug}`} />
    </article>
  )
}
