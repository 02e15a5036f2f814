import type { Metadata } from 'next'
import { loadTimeline, timelineMetadata, TimelineView } from '@/components/follow/timeline-view'
import { parseTimelineQuery } from '@/lib/validation/timeline-range'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * The timeline rendered per request: only addresses the cache does not keep (a period
 * we cannot read, other parameters). Every other address is served from the cached copy
 * of /timeline/view/<key> (proxy.ts, docs/decisions/025-timeline-and-changes-cached.md).
 */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return timelineMetadata(parseTimelineQuery(await searchParams))
}

export default async function TimelinePage({ searchParams }: Props) {
  const query = parseTimelineQuery(await searchParams)
  return <TimelineView query={query} data={await loadTimeline(query)} />
}
