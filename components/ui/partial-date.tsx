import { DATE_NOT_REPORTED, formatPartialDate, toDateTimeAttribute, type PartialDate } from '@/lib/domain/partial-date'

/** A date shown only as precisely as the source gave it ("April 2020", never an invented day). */
export function PartialDateText({ date, fallback = 'date unknown' }: { date: PartialDate | null; fallback?: string }) {
  if (!date) return <span className="text-stone-500">{fallback}</span>
  return <time dateTime={toDateTimeAttribute(date)}>{formatPartialDate(date)}</time>
}

/**
 * "as of April 2020" after a status; "as of date not reported" when an undated event set
 * it (never a made-up date); nothing when nothing dates it.
 */
export function StatusAsOf({ asOf, undated, className }: { asOf: PartialDate | null; undated: boolean; className?: string }) {
  if (!asOf && !undated) return null
  return (
    <span className={className} data-testid="status-as-of">
      as of <PartialDateText date={asOf} fallback={DATE_NOT_REPORTED} />
    </span>
  )
}
