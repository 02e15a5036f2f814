import { formatPartialDate, toDateTimeAttribute, type PartialDate } from '@/lib/domain/partial-date'

/** A date shown only as precisely as the source gave it ("April 2020", never an invented day). */
export function PartialDateText({ date, fallback = 'date unknown' }: { date: PartialDate | null; fallback?: string }) {
  if (!date) return <span className="text-stone-500">{fallback}</span>
  return <time dateTime={toDateTimeAttribute(date)}>{formatPartialDate(date)}</time>
}
