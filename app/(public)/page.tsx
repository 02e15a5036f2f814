import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { DashboardView } from '@/components/dashboard/dashboard-view'
import { feedAlternate, SITE_FEED_PATH } from '@/lib/feeds/follow-feeds'
import { caseQueryToSearch, isVerboseQuery, parseCaseQuery } from '@/lib/validation/case-filters'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseCaseQuery(await searchParams)
  return {
    title: { absolute: 'Casebook — political prosecutions, with sources' },
    alternates: { canonical: `/${caseQueryToSearch(parsed.query)}`, types: feedAlternate(SITE_FEED_PATH, 'Casebook: recent changes') },
    // A text search's results are a view of the dashboard, not a page to index.
    ...(parsed.query.q ? { robots: { index: false } } : {}),
  }
}

/**
 * The dashboard rendered per request: text searches and addresses with values we
 * could not read. Every other address is served from the cached copy of
 * /browse/<query> (proxy.ts, docs/decisions/008-cached-dashboard.md).
 */
export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams
  const parsed = parseCaseQuery(params)
  // Values we could not read are kept in the address so the notice can name them.
  if (!parsed.problems.length && isVerboseQuery(params)) redirect(`/${caseQueryToSearch(parsed.query)}`)
  return <DashboardView {...parsed} />
}
