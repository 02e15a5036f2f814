import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText } from '@/components/ui/partial-date'
import type { EventDTO } from '@/lib/data/dto'
import { EVENT_KIND_LABELS } from '@/lib/domain/case-status'
import { DATE_NOT_REPORTED } from '@/lib/domain/partial-date'
import { claimAnchor } from '@/lib/domain/source-notes'

/**
 * Events in timeline order, each dated only as precisely as its sources (an undated one,
 * "date not reported", right after the event it follows), with its footnotes.
 */
export function CaseTimeline({
  events,
  notes,
  disputedEvents = new Map(),
  heading = 'Timeline',
  id = 'timeline',
  emptyText = 'No events are recorded yet.',
}: {
  events: EventDTO[]
  notes: Footnotes
  /** event id → conflict id, for a "sources disagree" pointer. */
  disputedEvents?: Map<number, number>
  heading?: string
  /** The section's fragment id, and the prefix of its heading's id. */
  id?: string
  /** Shown when there are no events; null leaves the whole section out. */
  emptyText?: string | null
}) {
  if (!events.length && emptyText === null) return null
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-8">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {heading}
      </h2>
      {events.length ? (
        <ol className="mt-3 border-l-2 border-stone-300" data-testid="timeline">
          {events.map((e) => {
            const conflictId = disputedEvents.get(e.id)
            return (
              <li key={e.id} id={claimAnchor.event(e.id)} className="relative ml-4 pb-5">
                <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-stone-500" />
                <p className="text-sm font-semibold text-stone-700">
                  <PartialDateText date={e.date} fallback={DATE_NOT_REPORTED} />
                  {e.kind !== 'OTHER' ? <span className="font-normal"> · {EVENT_KIND_LABELS[e.kind]}</span> : null}
                </p>
                <p className="mt-0.5">
                  {e.title}
                  <CiteRefs citations={e.citations} notes={notes} />
                </p>
                {e.description ? <p className="mt-1 text-sm text-stone-700">{e.description}</p> : null}
                {conflictId !== undefined ? (
                  <p className="mt-1 text-sm">
                    <a href={`#${claimAnchor.conflict(conflictId)}`} className="text-blue-800 underline underline-offset-2">
                      Sources disagree about this — see both versions
                    </a>
                  </p>
                ) : null}
              </li>
            )
          })}
        </ol>
      ) : (
        <p className="mt-2 text-stone-700">{emptyText}</p>
      )}
    </section>
  )
}
