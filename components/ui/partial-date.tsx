import { STATUS_DATE_MEANINGS, STATUS_DATE_WORDS, type StatusBasis } from '@/lib/domain/case-status'
import { DATE_NOT_REPORTED, formatPartialDate, toDateTimeAttribute, type PartialDate } from '@/lib/domain/partial-date'

/** A date shown only as precisely as the source gave it ("April 2020", never an invented day). */
export function PartialDateText({ date, fallback = 'date unknown' }: { date: PartialDate | null; fallback?: string }) {
  if (!date) return <span className="text-stone-500">{fallback}</span>
  return <time dateTime={toDateTimeAttribute(date)}>{formatPartialDate(date)}</time>
}

/**
 * A status's date in words: "since April 2020" (the event that set it), "last confirmed
 * February 2021" (a source's statement an editor recorded), "since a date not reported"
 * (an undated event set it); nothing when nothing dates it
 * (docs/decisions/030-status-dates-in-words.md).
 */
export function StatusAsOf({ asOf, undated, basis, className }: { asOf: PartialDate | null; undated: boolean; basis: StatusBasis; className?: string }) {
  if (basis === 'default' || (!asOf && !undated)) return null
  return (
    <span className={className} data-testid="status-as-of" title={STATUS_DATE_MEANINGS[basis]}>
      {STATUS_DATE_WORDS[basis]} <PartialDateText date={asOf} fallback={`a ${DATE_NOT_REPORTED}`} />
    </span>
  )
}
