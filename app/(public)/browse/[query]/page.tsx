import type { Metadata } from 'next'
import { DashboardView } from '@/components/dashboard/dashboard-view'
import { feedAlternate, SITE_FEED_PATH } from '@/lib/feeds/follow-feeds'
import { tagPage } from '@/lib/cache/tag-page'
import { resolveAddress } from '@/lib/data/addresses'
import { DASHBOARD_TAG } from '@/lib/cache/tags'
import { caseQueryToSearch, parseCaseQuery, searchParamsFromDashboardKey } from '@/lib/validation/case-filters'

// The cached dashboard. Readers never see this address: proxy.ts rewrites `/?…`
// here, one cache entry per canonical filter combination, rendered on first request
// and kept until a write revalidates it (docs/decisions/008-cached-dashboard.md).
export const dynamicParams = true
// Rendered again at least daily, even with no edit: a case card warns about a status more
// than a year old, reckoned at the time of rendering (docs/decisions/030-status-dates-in-words.md).
export const revalidate = 86400
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ query: string }> }

// Readers (and search engines) only ever see this page at `/?…` (a direct request for
// /browse/… is redirected there): the canonical link names that short address.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { query } = await params
  return {
    title: { absolute: 'Casebook — political prosecutions, with sources' },
    alternates: { canonical: `/${caseQueryToSearch(parseCaseQuery(searchParamsFromDashboardKey(query)).query)}`, types: feedAlternate(SITE_FEED_PATH, 'Casebook: recent changes') },
  }
}

export default async function CachedDashboardPage({ params }: Props) {
  const { query } = await params
  const parsed = parseCaseQuery(searchParamsFromDashboardKey(query))
  // A view filtered by a person or provision no reader can see (a typo, a guess) is
  // rendered but not kept: the cache holds views of existing records only.
  if (await namesOnlyPublicRecords(parsed.query)) await tagPage(DASHBOARD_TAG)
  return <DashboardView {...parsed} />
}

async function namesOnlyPublicRecords({ person, provision }: { person: string | null; provision: string | null }): Promise<boolean> {
  const [p, v] = await Promise.all([person ? resolveAddress('people', person) : null, provision ? resolveAddress('provisions', provision) : null])
  return (p === null || p.state === 'current') && (v === null || v.state === 'current')
}
