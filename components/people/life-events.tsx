import { CaseTimeline } from '@/components/cases/case-timeline'
import type { Footnotes } from '@/components/citations/footnotes'
import type { EventDTO } from '@/lib/data/dto'

/** Dated facts about a person outside any one case (moving country, leaving into exile). */
export function LifeEvents({ events, notes }: { events: EventDTO[]; notes: Footnotes }) {
  return <CaseTimeline events={events} notes={notes} heading="Life events" id="life-events" emptyText={null} />
}
