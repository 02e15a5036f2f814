import { ExternalLink, hostOf } from '@/components/ui/external-link'
import { PartialDateText } from '@/components/ui/partial-date'
import { UtcDate } from '@/components/ui/utc-date'
import type { SourceDetailDTO } from '@/lib/data/dto'
import { languageName } from '@/lib/domain/locale-names'

const dt = 'font-semibold text-stone-700'

/**
 * What the document is and where to read it. A printed date can be ambiguous
 * ("04/02/2021") or plainly wrong; we show it as printed beside our reading of it,
 * and the note explaining the reading where no reader can miss it.
 */
export function SourceFacts({ source: s }: { source: SourceDetailDTO }) {
  return (
    <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-1 rounded border border-stone-200 bg-white p-4 sm:grid-cols-[max-content_1fr] sm:gap-y-2">
      <dt className={dt}>Publisher</dt>
      <dd className="mb-2 sm:mb-0">{s.publisher}</dd>

      <dt className={dt}>{s.authors.includes(',') || s.authors.includes(' and ') ? 'Authors' : 'Author'}</dt>
      <dd className="mb-2 sm:mb-0">{s.authors || <span className="text-stone-700">No author named</span>}</dd>

      <dt className={dt}>Language</dt>
      <dd className="mb-2 sm:mb-0">{languageName(s.language)}</dd>

      <dt className={dt}>Published</dt>
      <dd className="mb-2 sm:mb-0">
        <PartialDateText date={s.published} fallback="No publication date is recorded" />
        {s.publishedAsPrinted ? (
          <span className="text-stone-700">
            {' '}
            (printed as “<span className="font-mono text-sm">{s.publishedAsPrinted}</span>”)
          </span>
        ) : null}
        {s.dateNote ? (
          <div role="note" aria-label="About this date" className="mt-2 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
            <p>
              <strong>About this date:</strong> {s.dateNote}
            </p>
          </div>
        ) : null}
      </dd>

      {s.revised ? (
        <>
          <dt className={dt}>Updated</dt>
          <dd className="mb-2 sm:mb-0">
            <PartialDateText date={s.revised} fallback="" />
          </dd>
        </>
      ) : null}

      <dt className={dt}>Accessed</dt>
      <dd className="mb-2 sm:mb-0">{s.accessedAt ? <UtcDate date={s.accessedAt} /> : <span className="text-stone-700">Not recorded</span>}</dd>

      <dt className={dt}>Original</dt>
      <dd className="mb-2 sm:mb-0">
        {s.url ? (
          <ExternalLink href={s.url} className="break-words">
            Read the original on {hostOf(s.url)}
          </ExternalLink>
        ) : (
          <span className="text-stone-700">No verified web address is recorded for this document.</span>
        )}
      </dd>

      {s.archiveUrl ? (
        <>
          <dt className={dt}>Archived copy</dt>
          <dd>
            <ExternalLink href={s.archiveUrl} className="break-words">
              Archived copy on {hostOf(s.archiveUrl)}
            </ExternalLink>
          </dd>
        </>
      ) : null}
    </dl>
  )
}
