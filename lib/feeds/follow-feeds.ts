// The three feeds readers follow: a case, a person (their cases), and the whole site
// (its recent changes). Entries name dates only as precisely as the sources do
// ("April 2020"); the full timestamp Atom requires (<updated>) is when the entry last
// changed in Casebook, which the data layer works out (lib/data/feeds.ts).
import type { PublicChangeDTO } from '@/lib/data/changes'
import type { CitationDTO } from '@/lib/data/dto'
import type { FeedCaseDTO, FeedEventDTO, PersonFeedDTO } from '@/lib/data/feeds'
import { EVENT_KIND_LABELS, STATUS_LABELS } from '@/lib/domain/case-status'
import { formatEventDate, formatPartialDate } from '@/lib/domain/partial-date'
import { absoluteUrl, html, latestUpdate, renderAtom, tagUri, type AtomEntry, type Html } from './atom'

export const caseFeedPath = (slug: string) => `/cases/${encodeURIComponent(slug)}/feed.xml`
export const personFeedPath = (slug: string) => `/people/${encodeURIComponent(slug)}/feed.xml`
export const SITE_FEED_PATH = '/feed.xml'

const casePath = (slug: string) => `/cases/${encodeURIComponent(slug)}`
const eventPath = (slug: string, eventId: number) => `${casePath(slug)}#event-${eventId}`

function sourcesHtml(site: URL, citations: readonly CitationDTO[]): Html {
  if (!citations.length) return html``
  const items = citations.map((c) => {
    const published = c.source.published ? formatPartialDate(c.source.published) : 'undated'
    const quote = c.translation ? html` “${c.quote}” (“${c.translation}”)` : html` “${c.quote}”`
    return html`<li><a href="${absoluteUrl(site, `/sources/${c.source.id}`)}">${c.source.title}</a> (${c.source.publisher}, ${published})${c.locator ? `, ${c.locator}` : ''}:${quote}</li>`
  })
  return html`<p>Sources:</p>
    <ul>
      ${items}
    </ul>`
}

function eventEntry(site: URL, c: FeedCaseDTO, e: FeedEventDTO, { withCase }: { withCase: boolean }): AtomEntry {
  const title = `${formatEventDate(e.date)}: ${e.title}`
  const kind = e.kind !== 'OTHER' ? ` · ${EVENT_KIND_LABELS[e.kind]}` : ''
  const content = html`<p><strong>${formatEventDate(e.date)}</strong>${kind}${withCase ? html` — <a href="${absoluteUrl(site, casePath(c.slug))}">${c.title}</a>` : ''}</p>
    <p>${e.title}</p>
    ${e.description ? html`<p>${e.description}</p>` : ''}${e.statusChange ? html`<p>Status after this event: ${STATUS_LABELS[e.statusChange]}.</p>` : ''}${sourcesHtml(site, e.citations)}`
  return {
    id: tagUri(site, `event/${e.id}`),
    title: withCase ? `${c.title} — ${title}` : e.statusChange ? `${STATUS_LABELS[e.statusChange]}: ${title}` : title,
    link: absoluteUrl(site, eventPath(c.slug, e.id)),
    updated: e.changedAt,
    content: content.value,
  }
}

/** An editor's statement of the status: an entry of its own, new whenever the statement changes. */
function statusEntry(site: URL, c: FeedCaseDTO): AtomEntry | null {
  const s = c.statusStatement
  if (!s) return null
  const asOf = s.asOf ? ` as of ${formatPartialDate(s.asOf)}` : ''
  return {
    id: tagUri(site, `case/${c.id}/status/${s.status.toLowerCase()}/${s.asOf ? formatPartialDate(s.asOf).replace(/\W+/g, '-') : 'undated'}`),
    title: `${c.title}: status ${STATUS_LABELS[s.status]}${asOf}`,
    link: absoluteUrl(site, `${casePath(c.slug)}#status`),
    updated: s.changedAt,
    content: html`<p>Status: ${STATUS_LABELS[s.status]}${asOf}.</p>
      <p><a href="${absoluteUrl(site, casePath(c.slug))}">${c.title}</a></p>`.value,
  }
}

function caseEntries(site: URL, c: FeedCaseDTO, withCase: boolean): AtomEntry[] {
  const entries = c.events.map((e) => eventEntry(site, c, e, { withCase }))
  const status = statusEntry(site, c)
  return status ? [...entries, status] : entries
}

/** Newest change first, as feed readers expect; entries with the same time keep their timeline order. */
const newestFirst = (entries: AtomEntry[]) =>
  entries
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => b.updated.getTime() - a.updated.getTime() || j - i)
    .map(([e]) => e)

export type BuiltFeed = { xml: string; updated: Date }

function built(input: Parameters<typeof renderAtom>[0]): BuiltFeed {
  return { xml: renderAtom(input), updated: input.updated }
}

export function caseFeed(site: URL, c: FeedCaseDTO): BuiltFeed {
  const entries = newestFirst(caseEntries(site, c, false))
  return built({
    id: tagUri(site, `case/${c.id}`),
    title: `${c.title} — Casebook`,
    subtitle: `New events and status changes in this case, each with its sources. Status now: ${STATUS_LABELS[c.status]}${c.statusAsOf ? ` as of ${formatPartialDate(c.statusAsOf)}` : c.statusUndated ? ' (date not reported)' : ''}.`,
    link: absoluteUrl(site, casePath(c.slug)),
    self: absoluteUrl(site, caseFeedPath(c.slug)),
    updated: latestUpdate(entries, c.publishedAt),
    entries,
  })
}

export function personFeed(site: URL, p: PersonFeedDTO): BuiltFeed {
  const entries = newestFirst(p.cases.flatMap((c) => caseEntries(site, c, true)))
  const published = p.cases.reduce((max, c) => (c.publishedAt > max ? c.publishedAt : max), new Date(0))
  return built({
    id: tagUri(site, `person/${p.id}`),
    title: `${p.name} — Casebook`,
    subtitle: `New events and status changes in the published cases naming ${p.name}, each with its sources.`,
    link: absoluteUrl(site, `/people/${encodeURIComponent(p.slug)}`),
    self: absoluteUrl(site, personFeedPath(p.slug)),
    updated: latestUpdate(entries, published),
    entries,
  })
}

/** The site's feed: the first page of recent changes (/changes). */
export function changesFeed(site: URL, changes: readonly PublicChangeDTO[]): BuiltFeed {
  const entries = changes.map((ch): AtomEntry => {
    const link = ch.event ? eventPath(ch.case.slug, ch.event.id) : casePath(ch.case.slug)
    const about = ch.event ? `: ${formatEventDate(ch.event.date)}, ${ch.event.title}` : ''
    const fields = ch.fields.length ? ` (${ch.fields.join(', ')})` : ''
    return {
      id: tagUri(site, `change/${ch.key}`),
      title: `${ch.case.title} — ${ch.what}${fields}${about}`,
      link: absoluteUrl(site, link),
      updated: ch.at,
      content: html`<p>${ch.what}${fields}${ch.event ? html`: <a href="${absoluteUrl(site, link)}">${formatEventDate(ch.event.date)}, ${ch.event.title}</a>` : ''}</p>
        <p><a href="${absoluteUrl(site, casePath(ch.case.slug))}">${ch.case.title}</a></p>`.value,
    }
  })
  return built({
    id: tagUri(site, 'changes'),
    title: 'Casebook — recent changes',
    subtitle: 'Newly published cases, new events, status changes and corrections to the public record.',
    link: absoluteUrl(site, '/changes'),
    self: absoluteUrl(site, SITE_FEED_PATH),
    // Never empty while a case is published; without one, a fixed time keeps the ETag stable.
    updated: latestUpdate(entries, new Date(0)),
    entries,
  })
}

/** The `alternates.types` of a page's metadata that advertises a feed (<link rel="alternate" type="application/atom+xml">). */
export function feedAlternate(path: string, title: string) {
  return { 'application/atom+xml': [{ url: path, title }] }
}
