import Link from '@/components/ui/plain-link'
import { PageLinks } from '@/components/ui/page-links'
import { PageKicker } from '@/components/ui/page-kicker'
import { PartialDateText } from '@/components/ui/partial-date'
import { UtcDate } from '@/components/ui/utc-date'
import type { ChangesPage } from '@/lib/data/changes'
import { SITE_FEED_PATH } from '@/lib/feeds/follow-feeds'

/** The address of a page of recent changes: `/changes`, `/changes/2`. */
export const changesHref = (page: number) => (page > 1 ? `/changes/${page}` : '/changes')

/** One page of recent changes to the public record, newest first. */
export function ChangesView({ list, page }: { list: ChangesPage; page: number }) {
  const href = changesHref
  return (
    <article className="mx-auto max-w-4xl">
      <PageKicker>Recent changes</PageKicker>
      <h1 className="mt-1 text-3xl font-bold leading-tight tracking-tight">Changes to the public record</h1>
      <p className="mt-3 max-w-prose text-stone-700">
        Newly published cases, events added, status changes and corrections, newest first, with the day and time (UTC) they were made public. Each names what changed and links to it as it reads now.{' '}
        <a href={SITE_FEED_PATH} className="text-blue-800 underline underline-offset-2">
          Follow these changes (Atom feed)
        </a>
        .
      </p>
      {list.changes.length ? (
        <ol className="mt-6 divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="changes">
          {list.changes.map((c) => (
            <li key={c.key} className="p-3" data-testid="change">
              <p className="text-sm text-stone-600">
                <UtcDate date={c.at} withTime />
              </p>
              <p className="mt-0.5">
                <span className="font-semibold">{c.what}</span>
                {c.fields.length ? <span className="text-stone-700"> ({c.fields.join(', ')})</span> : null}
                {c.event ? (
                  <>
                    {': '}
                    <Link href={`/cases/${encodeURIComponent(c.case.slug)}#event-${c.event.id}`} className="text-blue-800 underline underline-offset-2">
                      <PartialDateText date={c.event.date} fallback="date not reported" />, {c.event.title}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="mt-0.5 text-sm">
                <Link href={`/cases/${encodeURIComponent(c.case.slug)}`} className="text-blue-800 underline underline-offset-2">
                  {c.case.title}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-6">{page > 1 ? `There is no page ${page}.` : 'Nothing has been published yet.'}</p>
      )}
      <PageLinks page={page} pageCount={list.pageCount} href={href} />
    </article>
  )
}
