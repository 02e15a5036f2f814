import Link from 'next/link'
import { QUOTE_WARNINGS, type QuoteCheck } from '@/lib/domain/quote-match'
import { DeleteRecordButton } from './record-actions'

export type ListedCitation = {
  id: number
  version: number
  quote: string
  translation: string
  locator: string
  /** Whether the quote is in the source's stored text: a warning beside it when not (editors only). */
  quoteCheck: QuoteCheck
  source: { id: number; title: string; publisher: string }
}

/** The sources cited for one fact, each with its quote, for editors: edit or delete each. */
export function CitationList({ citations, returnTo }: { citations: ListedCitation[]; returnTo: string }) {
  if (citations.length === 0) return <p className="mt-1 text-sm text-amber-800">No source cited yet.</p>
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {citations.map((cit) => (
        <li key={cit.id} className="flex flex-wrap items-baseline gap-2" data-testid="listed-citation">
          <span>
            “{cit.quote}”{cit.translation && <span className="text-stone-700"> (“{cit.translation}”)</span>} —{' '}
            <Link href={`/editor/records/source/${cit.source.id}`} className="underline" title={cit.source.title}>
              {cit.source.publisher}
            </Link>
            {cit.locator && <>, {cit.locator}</>}
          </span>
          {cit.quoteCheck !== 'found' && (
            <span className="rounded bg-amber-100 px-1.5 font-medium text-amber-900" data-testid="quote-check-warning">
              <span aria-hidden="true">⚠ </span>
              {QUOTE_WARNINGS[cit.quoteCheck]}
            </span>
          )}
          <Link href={`/editor/records/citation/${cit.id}`} className="text-blue-800 underline" aria-label={`Edit citation “${cit.quote.slice(0, 40)}”`}>
            Edit
          </Link>
          <DeleteRecordButton entity="citation" id={cit.id} version={cit.version} label={`citation “${cit.quote.slice(0, 40)}”`} returnTo={returnTo} />
        </li>
      ))}
    </ul>
  )
}
