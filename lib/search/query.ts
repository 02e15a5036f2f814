import { nameSearchKey } from '@/lib/domain/fold-name'

// What a reader typed into the search box, as the words to look for. Pure.
//
// Input is only ever words: quotes, AND/OR/NEAR, `*`, `^`, `title:`, parentheses and
// emoji are not syntax here, they are letters we fold away or separators. Each word is
// folded as the index is (nameSearchKey: lower case, no diacritics, Cyrillic
// transliterated, zh/j, kh/h, q/k, y/i… made one), so "Атажұрт", "Atazhurt" and
// "Atajurt" are the same word. The engine quotes every word itself (lib/search/sqlite-fts5.ts).

/** Longer input is cut (at a word) and the reader told so: no search needs more, and the page stays cheap. */
export const MAX_QUERY_CHARACTERS = 200
/** Words beyond this many are left out, with a notice: every word must match, so more only narrows. */
export const MAX_QUERY_WORDS = 12
/** Words at least this long also find longer words they begin ("arrest" → "arrested"); shorter ones and numbers match whole. */
export const MIN_PREFIX_LENGTH = 3

export type QueryWord = {
  /** The folded key, [\p{L}\p{N}] only. */
  key: string
  /** Whether it also matches words it begins. */
  prefix: boolean
}

export type SearchQuery = {
  /** The text searched, as the reader typed it (made well-formed, trimmed, perhaps cut). */
  text: string
  words: QueryWord[]
  /** What the reader should know about their input (cut, words left out, nothing to search), or null. */
  notice: string | null
}

/** Lone UTF-16 surrogates (from a URL such as `?q=%ED%A0%80`, or a broken paste) become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** The first `max` characters, cut back to the last whole word when there is one. */
function cut(text: string, max: number): string {
  // By code points, so that a cut never splits a surrogate pair.
  const head = [...text].slice(0, max).join('')
  const lastSpace = head.search(/\s\S*$/)
  return (lastSpace > max / 2 ? head.slice(0, lastSpace) : head).trim()
}

/** One value of `?q=`: the first when the address repeats it, '' when absent. */
export function firstValue(raw: string | string[] | undefined): string {
  return (Array.isArray(raw) ? raw[0] : raw) ?? ''
}

export function parseSearchQuery(raw: string | string[] | undefined): SearchQuery {
  let text = wellFormed(firstValue(raw)).replace(/\s+/g, ' ').trim()
  const notices: string[] = []
  const length = [...text].length
  if (length > MAX_QUERY_CHARACTERS) {
    text = cut(text, MAX_QUERY_CHARACTERS)
    notices.push(`Your search was ${length.toLocaleString('en-GB')} characters long; only the first ${MAX_QUERY_CHARACTERS} (up to “${[...text].slice(-20).join('')}”) were searched.`)
  }
  const keys = [...new Set(nameSearchKey(text).split(' ').filter(Boolean))]
  if (keys.length > MAX_QUERY_WORDS) notices.push(`Only the first ${MAX_QUERY_WORDS} words were searched for (every word must match, so more would only narrow the results).`)
  const words = keys.slice(0, MAX_QUERY_WORDS).map((key) => ({ key, prefix: key.length >= MIN_PREFIX_LENGTH && !/^\p{N}+$/u.test(key) }))
  if (text && words.length === 0) notices.push('There is nothing to search for in what you typed: search finds words and numbers, and ignores punctuation, symbols and emoji.')
  return { text, words, notice: notices.length ? notices.join(' ') : null }
}

/** Whether a word of a text (its folded key) is one the query looks for: the index of that query word, or -1. */
export function matchWord(words: readonly QueryWord[], key: string): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (key === w.key || (w.prefix && key.startsWith(w.key))) return i
  }
  return -1
}

// ---------------------------------------------------------------------------
// The search page's address: `/search?q=…`, and for one kind's results page by page
// `&kind=cases&page=2`.

export const KIND_PARAMS = { case: 'cases', person: 'people', organisation: 'organisations', provision: 'provisions', source: 'sources' } as const
export type KindParam = (typeof KIND_PARAMS)[keyof typeof KIND_PARAMS]
type Kind = keyof typeof KIND_PARAMS

export type SearchView = { query: SearchQuery; kind: Kind | null; page: number; problems: string[] }

/** Pages beyond this are not offered: a reader this deep should narrow the search. */
export const MAX_PAGE = 500

export function parseSearchParams(params: Record<string, string | string[] | undefined>): SearchView {
  const query = parseSearchQuery(params.q)
  const problems: string[] = []
  const kindParam = firstValue(params.kind)
  const kind = (Object.keys(KIND_PARAMS) as Kind[]).find((k) => KIND_PARAMS[k] === kindParam) ?? null
  if (kindParam && !kind) problems.push(`“${kindParam.slice(0, 40)}” is not a kind of record: showing every kind.`)
  const pageParam = firstValue(params.page)
  let page = 1
  if (pageParam) {
    const n = /^\d{1,6}$/.test(pageParam) ? Number(pageParam) : NaN
    if (!kind) problems.push('Pages are per kind of record: showing the first results of every kind.')
    else if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) problems.push(`There is no page “${pageParam.slice(0, 20)}”: showing the first.`)
    else page = n
  }
  return { query, kind, page, problems }
}

/** The address of a search: `/search?q=…&kind=…&page=…` (kind and page only when they are not the default). */
export function searchHref(text: string, kind: Kind | null = null, page = 1): string {
  const params = new URLSearchParams({ q: text })
  if (kind) params.set('kind', KIND_PARAMS[kind])
  if (kind && page > 1) params.set('page', String(page))
  return `/search?${params.toString()}`
}
