import type { Metadata } from 'next'
import { loadTimeline, timelineMetadata, timelineSourceIds, TimelineView } from '@/components/follow/timeline-view'
import { tagPage } from '@/lib/cache/tag-page'
import { DASHBOARD_TAG, recordTag } from '@/lib/cache/tags'
import { parseTimelineQuery, timelineParamsFromKey } from '@/lib/validation/timeline-range'

type Props = { params: Promise<{ key: string }> }

// One timeline view per canonical query, rendered on the first request and then served
// from the page cache (docs/decisions/025-timeline-and-changes-cached.md). Reached only
// through proxy.ts's rewrite of /timeline?…; asked for directly, it answers 308 there.
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return timelineMetadata(parseTimelineQuery(timelineParamsFromKey((await params).key)))
}

export default async function CachedTimelinePage({ params }: Props) {
  const query = parseTimelineQuery(timelineParamsFromKey((await params).key))
  const data = await loadTimeline(query)
  // Every write to a published case or its parts (events, citations) returns the
  // dashboard's tag; a source's new title is in this page's notes, so its tag too.
  if (!query.problems.length) await tagPage(DASHBOARD_TAG, ...timelineSourceIds(data).map((id) => recordTag('source', id)))
  return <TimelineView query={query} data={data} />
}
