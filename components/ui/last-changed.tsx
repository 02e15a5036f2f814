import { absoluteUrl } from '@/lib/site-url'
import { UtcDate } from './utc-date'

/** The footer line of a record's page: when it last changed, and its absolute address (the one to cite). */
export function LastChanged({ date, path }: { date: Date | null; path?: string }) {
  return (
    <p className="mt-10 border-t border-stone-200 pt-4 text-sm text-stone-700">
      {date ? (
        <>
          Page last changed <UtcDate date={date} withTime />.{' '}
        </>
      ) : null}
      {path ? (
        <>
          Address: <span className="break-all">{absoluteUrl(path)}</span>
        </>
      ) : null}
    </p>
  )
}
