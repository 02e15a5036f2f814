import type { Metadata } from 'next'
import { DashboardView } from '@/components/dashboard/dashboard-view'
import { tagPage } from '@/lib/cache/tag-page'
import { DASHBOARD_TAG } from '@/lib/cache/tags'
import { parseCaseQuery, searchParamsFromDashboardKey } from '@/lib/validation/case-filters'

// The cached dashboard. Readers never see this address: proxy.ts rewrites `/?…`
// here, one cache entry per canonical filter combination, rendered on first request
// and kept until a write revalidates it (docs/decisions/008-cached-dashboard.md).
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

export const metadata: Metadata = {
  title: { absolute: 'Casebook — political prosecutions, with sources' },
  // Reached directly, this address duplicates the dashboard: keep it out of indexes.
  robots: { index: false },
}

type Props = { params: Promise<{ query: string }> }

export default async function CachedDashboardPage({ params }: Props) {
  const { query } = await params
  await tagPage(DASHBOARD_TAG)
  return <DashboardView {...parseCaseQuery(searchParamsFromDashboardKey(query))} />
}
