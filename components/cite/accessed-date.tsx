'use client'
import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}
const DAY = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const

/** Today in the reader's time zone, as "2026-12-01": a string, so React sees the same snapshot on every call. */
function localToday(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/**
 * The day the reader reads the page, in their own time zone. The page is served from a
 * cache, so its HTML cannot know that day: it says to add it instead, and the browser
 * fills it in (docs/decisions/027-citing-a-page.md).
 */
export function AccessedDate() {
  const today = useSyncExternalStore(noSubscription, localToday, () => null)
  return today ? (
    <span data-testid="accessed-date">
      today, <time dateTime={today}>{new Date(`${today}T00:00:00Z`).toLocaleDateString('en-GB', DAY)}</time> (add it where your style asks for an access date)
    </span>
  ) : (
    <span data-testid="accessed-date">the date you read it: add it where your style asks for one</span>
  )
}
