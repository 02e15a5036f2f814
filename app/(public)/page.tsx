import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { DashboardView } from '@/components/dashboard/dashboard-view'
import { caseQueryToSearch, isVerboseQuery, parseCaseQuery } from '@/lib/validation/case-filters'

export const metadata: Metadata = {
  title: { absolute: 'Casebook — political prosecutions, with sources' },
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

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
