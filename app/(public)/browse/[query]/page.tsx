import type { Metadata } from 'next'
import { DashboardView } from '@/components/dashboard/dashboard-view'
import { tagPage } from '@/lib/cache/tag-page'
import { DASHBOARD_TAG } from '@/lib/cache/tags'
import { caseQueryToSearch, parseCaseQuery, searchParamsFromDashboardKey } from '@/lib/validation/case-filters'

// The cached dashboard. Readers never see this address: proxy.ts rewrites `/?…`
// here, one cache entry per canonical filter combination, rendered on first request
// and kept until a write revalidates it (docs/decisions/008-cached-dashboard.md).
export const dynamicParams = true
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
    alternates: { canonical: `/${caseQueryToSearch(parseCaseQuery(searchParamsFromDashboardKey(query)).query)}` },
  }
}

export default async function CachedDashboardPage({ params }: Props) {
  const { query } = await params
  await tagPage(DASHBOARD_TAG)
  return <DashboardView {...parseCaseQuery(searchParamsFromDashboardKey(query))} />
}
