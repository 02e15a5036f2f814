// Atom feeds (RFC 4287), written by the `feed` library: it escapes text, splits CDATA
// and orders the elements. What is ours: absolute addresses on the site's public
// address, ids that never change, and entry titles and content as escaped HTML (the
// library marks them type="html", so a title's "<" must arrive as "&lt;").
import { Feed } from 'feed'

/** First year of the site: the date in every tag: URI (RFC 4151), fixed so that ids never change. */
const TAG_YEAR = '2026'

export type AtomEntry = {
  /** A tag: URI (tagUri), the same in every feed the entry is in. */
  id: string
  /** Plain text; escaped here. */
  title: string
  /** Absolute address of what the entry is about. */
  link: string
  updated: Date
  /** HTML, already escaped where it holds text (html`` below). */
  content: string
}

export type AtomFeedInput = {
  id: string
  title: string
  subtitle?: string
  /** Absolute address of the page the feed follows. */
  link: string
  /** Absolute address of the feed itself. */
  self: string
  /** When the feed last changed: its latest entry, or when its record was published. */
  updated: Date
  entries: AtomEntry[]
}

/** `tag:casebook.example,2026:event/12` — the host of the site's address, which owns the names. */
export function tagUri(site: URL, specific: string): string {
  return `tag:${site.hostname},${TAG_YEAR}:${specific}`
}

export function absoluteUrl(site: URL, path: string): string {
  return new URL(path, site).toString()
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/** An HTML fragment whose interpolated strings are escaped (an `Html` value is kept as it is). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export function html(strings: TemplateStringsArray, ...values: (string | number | Html | (string | Html)[] | null | undefined)[]): Html {
  const part = (v: (typeof values)[number]): string => {
    if (v === null || v === undefined) return ''
    if (v instanceof Html) return v.value
    if (Array.isArray(v)) return v.map(part).join('')
    return escapeHtml(String(v))
  }
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''))
}

export function renderAtom(input: AtomFeedInput): string {
  const feed = new Feed({
    id: input.id,
    title: input.title,
    description: input.subtitle,
    link: input.link,
    feed: input.self,
    updated: input.updated,
    author: { name: 'Casebook', link: new URL('/', input.link).toString() },
    generator: false,
  })
  for (const e of input.entries) {
    feed.addItem({ id: e.id, title: escapeHtml(e.title), link: e.link, date: e.updated, content: e.content })
  }
  return feed.atom1()
}

/** The latest of the entries' times, or `fallback` for a feed without entries. */
export function latestUpdate(entries: readonly { updated: Date }[], fallback: Date): Date {
  return entries.reduce((max, e) => (e.updated > max ? e.updated : max), fallback)
}
