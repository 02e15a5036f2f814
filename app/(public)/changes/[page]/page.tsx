import type { Metadata } from 'next'
import Link from '@/components/ui/plain-link'
import { permanentRedirect } from 'next/navigation'
import { changesHref, ChangesView } from '@/components/follow/changes-view'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { tagPage } from '@/lib/cache/tag-page'
import { DASHBOARD_TAG } from '@/lib/cache/tags'
import { listPublicChanges } from '@/lib/data/changes'
import { feedAlternate, SITE_FEED_PATH } from '@/lib/feeds/follow-feeds'

type Props = { params: Promise<{ page: string }> }

// Pages 2 onwards of /changes, each cached like the first.
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

const pageNumber = (raw: string): number | null => (/^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = pageNumber((await params).page)
  return {
    title: page ? `Recent changes (page ${page})` : 'Recent changes: no such page',
    alternates: { canonical: page ? changesHref(page) : '/changes', types: feedAlternate(SITE_FEED_PATH, 'Casebook: recent changes') },
    ...(page ? {} : { robots: { index: false } }),
  }
}

export default async function RecentChangesPageN({ params }: Props) {
  const raw = (await params).page
  const page = pageNumber(raw)
  if (page === 1 || (page !== null && raw !== String(page))) permanentRedirect(changesHref(page))
  const list = page ? await listPublicChanges(page) : null
  // Not cached: an address that is no page (the cache keeps only pages that exist).
  if (!list || (page! > 1 && list.changes.length === 0)) {
    return (
      <NotFoundResponse>
        <article className="mx-auto max-w-4xl">
          <h1 className="text-3xl font-bold leading-tight tracking-tight">No such page of changes</h1>
          <p className="mt-3" role="status">
            {list ? `There are ${list.pageCount.toLocaleString('en-GB')} pages of changes.` : 'Pages of changes are numbered from 1.'}{' '}
            <Link href="/changes" className="text-blue-800 underline underline-offset-2">
              See the newest changes
            </Link>
            .
          </p>
        </article>
      </NotFoundResponse>
    )
  }
  await tagPage(DASHBOARD_TAG)
  return <ChangesView list={list} page={page!} />
}
