import type { Metadata } from 'next'
import Link from '@/components/ui/plain-link'
import { Footnotes, NotesAndSources } from '@/components/citations/footnotes'
import { PageLinks } from '@/components/ui/page-links'
import { TimelineEntries } from '@/components/follow/timeline-entries'
import { TimelineIndex } from '@/components/follow/timeline-index'
import { PageKicker } from '@/components/ui/page-kicker'
import { listTimeline, timelineIndex, TIMELINE_PAGE_SIZE, type TimelinePage, type TimelineYear } from '@/lib/data/timeline'
import { feedAlternate, SITE_FEED_PATH } from '@/lib/feeds/follow-feeds'
import { describeRange, formatBound, periodHref, timelineHref, type RangeQuery } from '@/lib/validation/timeline-range'

// The timeline across published cases for one parsed address: served from the page
// cache at /timeline/view/<key> (app/(public)/timeline/view/[key]/page.tsx), rendered per
// request only for addresses it cannot read (app/(public)/timeline/page.tsx).

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export function timelineMetadata({ range, page, problems }: RangeQuery): Metadata {
  const period = range.from || range.to ? describeRange(range) : null
  return {
    title: `${period ? `Timeline: ${period}` : 'Timeline'}${page > 1 ? ` (page ${page})` : ''}`,
    description: `What happened${period ? ` (${period})` : ''} in every published case, dated as precisely as the sources report it, each event linked to its sources.`,
    alternates: { canonical: timelineHref(range.from, range.to, page), types: feedAlternate(SITE_FEED_PATH, 'Casebook: recent changes') },
    ...(problems.length ? { robots: { index: false } } : {}),
  }
}

export type TimelineData = { timeline: TimelinePage | null; years: TimelineYear[] }

/** The page's data: the events of the period (none when it could not be read) and the index of years and months. */
export async function loadTimeline({ range, page, problems }: RangeQuery): Promise<TimelineData> {
  const [timeline, years] = await Promise.all([problems.length ? null : listTimeline(range, page), timelineIndex()])
  return { timeline, years }
}

/** The sources a timeline page cites: its cache entry is kept until one of them, or any published case, changes. */
export function timelineSourceIds({ timeline }: TimelineData): number[] {
  return [...new Set(timeline?.entries.flatMap((e) => e.citations.map((c) => c.source.id)) ?? [])]
}

export function TimelineView({ query, data }: { query: RangeQuery; data: TimelineData }) {
  const { range, page, problems } = query
  const { timeline, years } = data
  const filtered = range.from !== null || range.to !== null
  const period = describeRange(range)
  const notes = new Footnotes(timeline ? timeline.entries.map((e) => ({ anchor: `timeline-event-${e.id}`, label: e.title, citations: e.citations })) : [])
  const current = range.from && range.to && formatBound(range.from) === formatBound(range.to) ? formatBound(range.from) : null
  const first = timeline && timeline.total ? (page - 1) * TIMELINE_PAGE_SIZE + 1 : 0

  return (
    <article className="mx-auto max-w-4xl">
      <PageKicker>Timeline</PageKicker>
      <h1 className="mt-1 text-3xl font-bold leading-tight tracking-tight">{filtered ? `What happened: ${period}` : 'Everything that happened, in every published case'}</h1>
      <p className="mt-3 max-w-prose text-stone-700">
        Events from every published case, oldest first, each dated as precisely as its sources report it. An event dated only to a year or a season is listed under that year or season, never under a month it
        may not belong to.
      </p>

      <form action="/timeline" method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span className="font-medium">From (year or month)</span>
          <input name="from" defaultValue={range.from ? periodParam(range.from) : query.typed.from} placeholder="2020-04" inputMode="numeric" className="mt-1 w-32 rounded border border-stone-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          <span className="font-medium">To (year or month)</span>
          <input name="to" defaultValue={range.to ? periodParam(range.to) : query.typed.to} placeholder="2020-06" inputMode="numeric" className="mt-1 w-32 rounded border border-stone-400 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white">
          Show
        </button>
        {filtered || problems.length ? (
          <Link href="/timeline" className="text-blue-800 underline underline-offset-2">
            All dates
          </Link>
        ) : null}
      </form>

      {problems.length ? (
        <div role="alert" className="mt-4 rounded border border-amber-300 bg-amber-50 p-3" data-testid="timeline-problems">
          <p className="font-semibold">We could not read this period:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p className="mt-1">Choose a year or a month below, or write them as 2020 or 2020-04.</p>
        </div>
      ) : null}

      {timeline ? (
        <section aria-labelledby="events-heading" className="mt-6">
          <h2 id="events-heading" className="text-xl font-semibold">
            {filtered ? `Events dated within ${period}` : 'All dated events'}
          </h2>
          <p className="mt-1 text-stone-700" data-testid="timeline-summary">
            {timeline.total
              ? `${plural(timeline.total, 'event')}${timeline.pageCount > 1 ? `; ${first.toLocaleString('en-GB')}–${(first + timeline.entries.length - 1).toLocaleString('en-GB')} shown` : ''}.`
              : `No event of a published case is dated within ${period}.`}
          </p>
          {timeline.coarser.length ? (
            <div className="mt-2 text-sm text-stone-700" data-testid="timeline-coarser">
              <p>Not listed, because their sources date them less precisely than this period:</p>
              <ul className="mt-1 list-disc pl-5">
                {timeline.coarser.map((c) => (
                  <li key={c.label}>
                    <Link href={coarserHref(c.date)} className="text-blue-800 underline underline-offset-2">
                      {plural(c.count, 'event')} dated only to {c.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {timeline.undated ? (
            <p className="mt-2 text-sm text-stone-700" data-testid="timeline-undated">
              {filtered
                ? `${plural(timeline.undated, 'event')} in the cases listed here ${timeline.undated === 1 ? 'has' : 'have'} no date in the sources; ${timeline.undated === 1 ? 'it is' : 'they are'} in place on each case’s own timeline.`
                : `${plural(timeline.undated, 'event')} ${timeline.undated === 1 ? 'has' : 'have'} no date in the sources; ${timeline.undated === 1 ? 'it is' : 'they are'} in place on each case’s own timeline.`}
            </p>
          ) : null}
          {timeline.entries.length ? <TimelineEntries entries={timeline.entries} notes={notes} /> : null}
          {page > timeline.pageCount && timeline.total ? (
            <p className="mt-3" role="status">
              There is no page {page}: this period has {plural(timeline.pageCount, 'page')}.
            </p>
          ) : null}
          <PageLinks page={page} pageCount={timeline.pageCount} href={(p) => timelineHref(range.from, range.to, p)} />
        </section>
      ) : null}

      <TimelineIndex years={years} current={current} />
      <NotesAndSources notes={notes} />
    </article>
  )
}

function periodParam(b: { year: number; month: number | null }): string {
  return b.month === null ? String(b.year) : `${b.year}-${String(b.month).padStart(2, '0')}`
}

/** A season's events are in its year's timeline or its months'; a year's, in the year's. */
function coarserHref(date: { at: Date; precision: string }): string {
  const y = date.at.getUTCFullYear()
  if (date.precision !== 'SEASON') return periodHref(y)
  const m = date.at.getUTCMonth() + 1
  const end = new Date(Date.UTC(y, m - 1 + 2, 1))
  return timelineHref({ year: y, month: m }, { year: end.getUTCFullYear(), month: end.getUTCMonth() + 1 })
}
