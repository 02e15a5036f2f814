const DAY = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const
const DAY_AND_TIME = { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } as const

/** A recorded instant (not a date from a source): "12 February 2021", or with the time in UTC. */
export function UtcDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  return <time dateTime={date.toISOString()}>{withTime ? `${date.toLocaleString('en-GB', DAY_AND_TIME)} UTC` : date.toLocaleDateString('en-GB', DAY)}</time>
}
