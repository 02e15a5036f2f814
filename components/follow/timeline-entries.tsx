import Link from '@/components/ui/plain-link'
import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText } from '@/components/ui/partial-date'
import type { TimelineEntryDTO } from '@/lib/data/timeline'
import { EVENT_KIND_LABELS } from '@/lib/domain/case-status'

/** Events across cases, oldest first: the date as precisely as the sources give it, the case, the event and its sources. */
export function TimelineEntries({ entries, notes }: { entries: TimelineEntryDTO[]; notes: Footnotes }) {
  return (
    <ol className="mt-4 border-l-2 border-stone-300" data-testid="timeline-entries">
      {entries.map((e) => (
        <li key={e.id} id={`timeline-event-${e.id}`} className="relative ml-4 pb-5" data-testid="timeline-entry">
          <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-stone-500" />
          <p className="text-sm font-semibold text-stone-700">
            <PartialDateText date={e.date} />
            {e.kind !== 'OTHER' ? <span className="font-normal"> · {EVENT_KIND_LABELS[e.kind]}</span> : null}
            <span className="font-normal">
              {' · '}
              <Link href={`/cases/${encodeURIComponent(e.case.slug)}`} className="text-blue-800 underline underline-offset-2">
                {e.case.title}
              </Link>
            </span>
          </p>
          <p className="mt-0.5">
            <Link href={`/cases/${encodeURIComponent(e.case.slug)}#event-${e.id}`} className="text-stone-900 underline decoration-stone-400 underline-offset-2 hover:decoration-blue-800">
              {e.title}
            </Link>
            <CiteRefs citations={e.citations} notes={notes} />
          </p>
          {e.description ? <p className="mt-1 text-sm text-stone-700">{e.description}</p> : null}
        </li>
      ))}
    </ol>
  )
}
