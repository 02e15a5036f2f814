import type { Metadata } from 'next'
import { ChangesView } from '@/components/follow/changes-view'
import { tagPage } from '@/lib/cache/tag-page'
import { DASHBOARD_TAG } from '@/lib/cache/tags'
import { listPublicChanges } from '@/lib/data/changes'
import { feedAlternate, SITE_FEED_PATH } from '@/lib/feeds/follow-feeds'

// Cached until a published case or any of its parts changes: every such write returns
// the dashboard's tag (docs/decisions/025-timeline-and-changes-cached.md).
export const metadata: Metadata = {
  title: 'Recent changes',
  description: 'Newly published cases, new events, status changes and corrections to the public record, newest first.',
  alternates: { canonical: '/changes', types: feedAlternate(SITE_FEED_PATH, 'Casebook: recent changes') },
}

export default async function RecentChangesPage() {
  await tagPage(DASHBOARD_TAG)
  return <ChangesView list={await listPublicChanges(1)} page={1} />
}
