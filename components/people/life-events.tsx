import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText } from '@/components/ui/partial-date'
import type { EventDTO } from '@/lib/data/dto'
import { EVENT_KIND_LABELS } from '@/lib/domain/case-status'

/**
 * Dated facts about a person outside any one case (moving country, leaving into
 * exile), earliest first, each as precise as its source and with its footnotes.
 */
export function LifeEvents({ events, notes }: { events: EventDTO[]; notes: Footnotes }) {
  if (!events.length) return null
  return (
    <section id="life-events" aria-labelledby="life-events-heading" className="mt-8">
      <h2 id="life-events-heading" className="text-xl font-semibold">
        Life events
      </h2>
      <ol className="mt-3 border-l-2 border-stone-300">
        {events.map((e) => (
          <li key={e.id} id={`event-${e.id}`} className="relative ml-4 pb-5 last:pb-0">
            <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-stone-500" />
            <p className="text-sm font-semibold text-stone-700">
              <PartialDateText date={e.date} />
              {e.kind !== 'OTHER' ? <span className="font-normal"> · {EVENT_KIND_LABELS[e.kind]}</span> : null}
            </p>
            <p className="mt-0.5">
              {e.title}
              <CiteRefs citations={e.citations} notes={notes} />
            </p>
            {e.description ? <p className="mt-1 text-sm text-stone-700">{e.description}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
