import Link from '@/components/ui/plain-link'
import type { TimelineYear } from '@/lib/data/timeline'
import { formatPartialDate, month } from '@/lib/domain/partial-date'
import { periodHref } from '@/lib/validation/timeline-range'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** Every year and month with events, with counts: "what happened in April 2020" is one click. */
export function TimelineIndex({ years, current }: { years: TimelineYear[]; current: string | null }) {
  if (!years.length) return null
  return (
    <nav aria-labelledby="timeline-index-heading" className="mt-6 rounded border border-stone-200 bg-white p-4">
      <h2 id="timeline-index-heading" className="text-lg font-semibold">
        Years and months
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {years.map((y) => (
          <li key={y.year} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link
              href={periodHref(y.year)}
              aria-current={current === String(y.year) ? 'page' : undefined}
              className="font-semibold text-blue-800 underline underline-offset-2 aria-[current=page]:bg-blue-800 aria-[current=page]:px-1 aria-[current=page]:text-white aria-[current=page]:no-underline"
            >
              {y.year}
            </Link>
            <span className="text-stone-600">({plural(y.count, 'event')})</span>
            {y.months.map((m) => {
              const label = formatPartialDate(month(y.year, m.month))
              return (
                <Link
                  key={m.month}
                  href={periodHref(y.year, m.month)}
                  aria-label={`${label}: ${plural(m.count, 'event')}`}
                  aria-current={current === label ? 'page' : undefined}
                  className="text-blue-800 underline underline-offset-2 aria-[current=page]:bg-blue-800 aria-[current=page]:px-1 aria-[current=page]:text-white aria-[current=page]:no-underline"
                >
                  {label.slice(0, 3)} ({m.count})
                </Link>
              )
            })}
          </li>
        ))}
      </ul>
    </nav>
  )
}
