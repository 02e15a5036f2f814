// What the source intake can tell about an article from its address and the text or
// HTML an editor pasted: title, publisher, authors, publication and update dates,
// language, and the readable text, each with where it was found. Every value is a
// suggestion the editor confirms; when the page does not say something plainly we
// leave it empty rather than guess (an ambiguous numeric date stays undated, with the
// printed text kept for the editor to read; an unknown publisher stays empty rather
// than become the address). Pure: no framework imports, no network.
//
// Each value is taken from the most trustworthy place that gives it: what the page
// tells machines (meta tags, JSON-LD) before what it prints, and of what it prints only
// the headline and the dateline, never a date met somewhere in the article's body.
//
// HTML is read with parse5 (the WHATWG parsing algorithm, as browsers do), so broken
// markup, implicit end tags and entities are handled the way the page displayed them.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5'
import { isValid, parseISO } from 'date-fns'
import { knownOutlet } from './known-outlets'
import { comparePartialDates, day, month, parsePartialDate, year, type PartialDate } from './partial-date'

export type ArticleInput = { url: string; content: string }

/** The values the intake reports where it found. */
export const ORIGIN_FIELDS = ['title', 'publisher', 'authors', 'published', 'revised', 'language'] as const
export type OriginField = (typeof ORIGIN_FIELDS)[number]

/**
 * Where each value was found, as the form tells the editor: "the page’s og:title",
 * "the dateline", "the list of known outlets". Null: nothing was found.
 */
export type Origins = Record<OriginField, string | null>

export type ArticleMetadata = {
  /** How the pasted content was read. */
  format: 'html' | 'text'
  /** '' when nothing looked like a title. */
  title: string
  /** A name the page gives itself, or a known outlet's; '' when neither (never the address). */
  publisher: string
  authors: string[]
  /** Null when the page prints no date, or only one that reads two ways. */
  published: PartialDate | null
  /** When the page says it was updated, if later than `published`; else null. */
  revised: PartialDate | null
  origins: Origins
  /** The date as the page prints it, when it prints one. */
  publishedAsPrinted: string | null
  /** Why `published` is empty although a date is printed: it reads two ways. */
  dateAmbiguity: string | null
  /** A language tag (en, ru, kk), or null when neither the page nor its script tells. */
  language: string | null
  /** The article's readable text: plain text as pasted, HTML without markup. */
  text: string
}

// ---------------------------------------------------------------------------
// Small text helpers

// Control characters other than tab and newlines: no record may store them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** One line of text: every run of white space (also no-break spaces) is one space. */
function squash(s: string): string {
  return s.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ').trim()
}

/** Letters and digits only, lowercased: compares "Bitter Winter" with "bitterwinter". */
function letters(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const cut = s.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const name of names) {
    const key = letters(name)
    if (!key || seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

// ---------------------------------------------------------------------------
// The address

/** The host without "www." (or a mobile prefix), lowercased; '' for a value that is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).hostname.toLowerCase().replace(/^(?:www\d?|m|mobile|amp)\./, '')
  } catch {
    return ''
  }
}

/** The site's own name within its host: "bitterwinter" for bitterwinter.org. */
function siteLabel(host: string): string {
  const parts = host.split('.')
  return parts.length >= 2 ? letters(parts[parts.length - 2]!) : letters(host)
}

// ---------------------------------------------------------------------------
// Language

const CYRILLIC = /\p{Script=Cyrillic}/gu
const LATIN = /\p{Script=Latin}/gu
// Letters Kazakh writes and Russian does not.
const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g

/**
 * The language the text is most likely in, from its script alone: mostly Cyrillic is
 * Russian unless Kazakh's own letters are frequent enough to be more than a quoted
 * name; mostly Latin is English. Null for anything else.
 */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 200_000)
  const cyrillic = sample.match(CYRILLIC)?.length ?? 0
  const latin = sample.match(LATIN)?.length ?? 0
  if (cyrillic === 0 && latin === 0) return null
  if (cyrillic > latin) {
    const kazakh = sample.match(KAZAKH_ONLY)?.length ?? 0
    // In Kazakh prose these letters are several in every hundred; a Russian text that
    // names "Қасым-Жомарт" has one in thousands.
    return kazakh / cyrillic >= 0.01 ? 'kk' : 'ru'
  }
  return 'en'
}

/** "en-US", "ru_RU", "KK" → "en", "ru", "kk"; the common "kz" is Kazakh. Null for no tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().split(/[-_]/)[0]!.toLowerCase()
  if (!/^[a-z]{2,3}$/.test(primary)) return null
  return primary === 'kz' ? 'kk' : primary
}

// ---------------------------------------------------------------------------
// Dates printed in the text

const EN_MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)'
const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр']
const RU_MONTH = '(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)'
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']
const KK_MONTH = `(?:${KK_MONTHS.join('|')})\\p{L}*`
const NOT_BEFORE = '(?<![\\p{L}\\p{N}])'
const NOT_AFTER = '(?![\\p{L}\\p{N}])'
// A time printed right after the date ("MARCH 11, 2019, 1:18 PM") belongs to what was printed.
const TIME = '(?:,?\\s*(?:at\\s+)?\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?(?![\\p{L}]))?)?'

type DateReading = { printed: string; date: PartialDate | null; ambiguity: string | null; readings: PartialDate[] }

type DatePattern = { re: RegExp; read: (m: RegExpExecArray) => DateReading | null }

function fromParse(printed: string, core: string): DateReading | null {
  const parsed = parsePartialDate(core)
  if (parsed.ok) return parsed.date.precision === 'DAY' ? { printed, date: parsed.date, ambiguity: null, readings: [parsed.date] } : null
  if (parsed.reason === 'ambiguous') return { printed, date: null, ambiguity: parsed.message, readings: parsed.readings ?? [] }
  return null
}

function tryDay(y: number, m: number, d: number): PartialDate | null {
  try {
    return day(y, m, d)
  } catch {
    return null
  }
}

function fromParts(printed: string, y: number, m: number, d: number): DateReading | null {
  const date = tryDay(y, m, d)
  return date ? { printed, date, ambiguity: null, readings: [date] } : null
}

const ruMonth = (word: string) => RU_MONTHS.findIndex((stem, i) => (i === 4 ? word === 'мая' : word.startsWith(stem))) + 1
const kkMonth = (word: string) => KK_MONTHS.findIndex((m) => word.toLowerCase().startsWith(m)) + 1

const DATE_PATTERNS: DatePattern[] = [
  {
    // 12 February 2021, 12th of Feb. 2021
    re: new RegExp(`${NOT_BEFORE}(\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MONTH}\\.?,?\\s+\\d{4})${NOT_AFTER}${TIME}`, 'iu'),
    read: (m) => fromParse(m[0], m[1]!),
  },
  {
    // February 12, 2021
    re: new RegExp(`${NOT_BEFORE}(${EN_MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})${NOT_AFTER}${TIME}`, 'iu'),
    read: (m) => fromParse(m[0], m[1]!),
  },
  {
    // 12.02.2021, 12/02/2021, 12-02-2021: read only when one order makes sense.
    re: /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/u,
    read: (m) => fromParse(m[0], m[0]),
  },
  {
    // 2021-02-12
    re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/u,
    read: (m) => fromParts(m[0], Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // 12 февраля 2021 (г., года)
    re: new RegExp(`${NOT_BEFORE}(\\d{1,2})\\s+(${RU_MONTH})\\s+(\\d{4})(?:\\s*(?:года|г\\.))?`, 'iu'),
    read: (m) => fromParts(m[0], Number(m[3]), ruMonth(m[2]!.toLowerCase()), Number(m[1])),
  },
  {
    // 2021 жылғы 12 ақпан
    re: new RegExp(`${NOT_BEFORE}(\\d{4})\\s+жылғы\\s+(\\d{1,2})\\s+(${KK_MONTH})`, 'iu'),
    read: (m) => fromParts(m[0], Number(m[1]), kkMonth(m[3]!), Number(m[2])),
  },
  {
    // 12 ақпан 2021
    re: new RegExp(`${NOT_BEFORE}(\\d{1,2})\\s+(${KK_MONTH})\\s+(\\d{4})${NOT_AFTER}`, 'iu'),
    read: (m) => fromParts(m[0], Number(m[3]), kkMonth(m[2]!), Number(m[1])),
  },
]

/** The first full date (to the day) printed in a line, as printed. */
export function findPrintedDate(line: string): DateReading | null {
  return printedDateIn(line)?.reading ?? null
}

/** findPrintedDate, with where in the line the date starts and ends. */
function printedDateIn(line: string): { index: number; end: number; reading: DateReading } | null {
  let best: { index: number; end: number; reading: DateReading } | null = null
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.re.exec(line)
    if (!m || (best && m.index >= best.index)) continue
    const reading = pattern.read(m)
    if (reading && reasonableYear(reading)) best = { index: m.index, end: m.index + m[0].length, reading: { ...reading, printed: squash(reading.printed) } }
  }
  return best
}

function reasonableYear(r: DateReading): boolean {
  const y = (r.date ?? r.readings[0])?.at.getUTCFullYear() ?? 0
  return y >= 1800 && y <= 2200
}

/** A date given by a machine ("2021-02-05T09:00:00+06:00", "2021-02-05"): the publisher's own calendar day. */
export function dateFromMachineValue(value: string | null | undefined): PartialDate | null {
  const v = (value ?? '').trim()
  let m: RegExpExecArray | null
  // A timestamp that is no real moment ("2021-02-30T10:00") is no date at all.
  if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !isValid(parseISO(v))) return null
  // The date part as written: the day in the publisher's time zone, which is the day
  // its readers saw. Converting to UTC could move it to the day before or after.
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(v))) return tryDay(Number(m[1]), Number(m[2]), Number(m[3]))
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return attempt(() => month(Number(m![1]), Number(m![2])))
  if ((m = /^(\d{4})$/.exec(v))) return attempt(() => year(Number(m![1])))
  const printed = v ? findPrintedDate(v) : null
  return printed?.date ?? null
}

function attempt(build: () => PartialDate): PartialDate | null {
  try {
    return build()
  } catch {
    return null
  }
}

const sameDay = (a: PartialDate, b: PartialDate) => a.at.getTime() === b.at.getTime() && a.precision === b.precision

// ---------------------------------------------------------------------------
// The top of a text: where headline, byline and date are printed

/** A line this long is a paragraph of the article: the head ends before it. */
const BODY_LINE = 200
const HEAD_LINES = 80

/** The non-empty lines above the article's first paragraph. */
function headLines(text: string): string[] {
  const out: string[] = []
  for (const raw of text.split('\n')) {
    const line = squash(raw)
    if (!line) continue
    if (line.length >= BODY_LINE || out.length >= HEAD_LINES) break
    out.push(line)
  }
  return out
}

const BULLET = /^[•·▪◦●○■□►▶*+\-–—]\s/
const CHROME = new RegExp(
  '^(?:top of page|bottom of page|accessibility links|breaking news|skip to .*|jump to .*|main menu|menu|search|home|share|print|advertisement|' +
    'subscribe.*|sign in|log in|close|toggle navigation|related( articles)?|most read|перейти к .*|главная|поиск|меню|реклама|басты бет|іздеу)$',
  'i',
)
const BYLINE = /^(?:by|written by|words by|автор(?:ы)?:?|авторлар?:?)\s+(.+)$/iu
const BREADCRUMB_HOME = /^(?:home|главная|басты бет)\s*[/›»>|]/iu

function isBreadcrumb(line: string): boolean {
  if (BREADCRUMB_HOME.test(line)) return true
  const parts = line.split(/\s[/›»>]\s/)
  return parts.length >= 3 && parts.every((p) => p.length <= 40)
}

/** Headlines in English capitalise most words; taglines and photo captions do not. */
function looksLikeHeadline(line: string): boolean {
  const words = line.split(' ')
  if (words.length < 3) return false
  const latin = line.match(LATIN)?.length ?? 0
  const all = line.match(/\p{L}/gu)?.length ?? 0
  // Other scripts write headlines in sentence case: no test to make.
  if (latin < all / 2) return true
  const significant = words.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length > 3 && /\p{L}/u.test(w))
  if (significant.length < 2) return false
  const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w)).length
  return capitalised / significant.length >= 0.6
}

/** The headline among the lines at the top of a text (site menus, taglines and captions skipped). */
function titleFromText(text: string, publisher: string): string {
  const head = headLines(text)
  const candidates = head.filter(
    (line) =>
      !BULLET.test(line) &&
      !CHROME.test(line) &&
      !BYLINE.test(line) &&
      !isBreadcrumb(line) &&
      !findPrintedDate(line) &&
      !/[.:;,]$/.test(line) &&
      line.length <= 300 &&
      (publisher === '' || letters(line) !== letters(publisher)),
  )
  const headline = candidates.find(looksLikeHeadline) ?? candidates.find((l) => l.split(' ').length >= 3) ?? candidates[0]
  if (headline) return headline
  // Never the site's name: a masthead is no headline.
  const first = text
    .split('\n')
    .map(squash)
    .find((l) => l && (publisher === '' || letters(l) !== letters(publisher)))
  return first ? clip(first, 300) : ''
}

const NAME_PARTICLE = /^(?:de|del|der|di|da|du|van|von|la|le|al|el|bin|ibn|ben|y)$/i

/** "Laila Adilzhan and John Smith" → two names; anything that is not a name → []. */
function namesIn(text: string): string[] {
  const cut = text.split(/\s+[|·•—–]\s*|\s+-\s+/)[0] ?? ''
  const names = cut
    .replace(/[,;]?\s*(?:updated|published|posted).*$/i, '')
    .split(/\s*[,;&]\s*|\s+(?:and|и|және)\s+/iu)
    .map((n) => squash(n.replace(/^(?:by|автор(?:ы)?:?)\s+/iu, '').replace(/[.,;:|]+$/, '')))
    // "By Laila Adilzhan, 5 February 2021": the date is not a name.
    .filter((n) => n && !/\d/.test(n))
  const isName = (n: string) => {
    const words = n.split(' ')
    return words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLE.test(w))
  }
  return names.length > 0 && names.every(isName) ? names : []
}

function bylinesFromText(text: string): string[] {
  for (const line of headLines(text)) {
    const m = BYLINE.exec(line)
    if (!m) continue
    const names = namesIn(m[1]!)
    if (names.length) return names
  }
  return []
}

// ---------------------------------------------------------------------------
// The dateline: the date printed at the top of the article ("ALMATY, 4 February 2021 —",
// "Published: 04.02.2021", "By Dana Example | February 12, 2021", "4 февраля 2021, 10:30").
// A date is a dateline only where a line starts with it, after at most a byline, a
// label and a place: a date inside a sentence ("On 10 March 2019 he was arrested") is
// what the article reports, not when it was written.

const UPDATED_LABEL = '(?:last\\s+)?(?:updated|modified|edited|обновлено|изменено|жаңартылды|жаңартылған)'
const PUBLISHED_LABEL = '(?:first\\s+)?(?:published|posted|date|опубликовано|дата\\s+публикации|дата|жарияланды|жарияланған)'
const LABEL_LEAD = new RegExp(`^(?:(${UPDATED_LABEL})|${PUBLISHED_LABEL})(?:\\s+(?:on|at))?\\s*:?\\s*`, 'iu')
const BYLINE_LEAD = /^(?:by|автор(?:ы)?:?)\s+[^|·•—–\d]{2,80}?\s*[|·•—–,]\s*/iu
// "ALMATY, ", "Almaty, Kazakhstan, ", "НУР-СУЛТАН, " (not "On Monday, ": a sentence).
const PLACE_LEAD = /^(?:\p{Lu}[\p{L}'’.-]*(?:[\s-]\p{Lu}[\p{L}'’.-]*){0,3},\s*){1,2}/u
const SENTENCE_START = /^(?:on|in|at|by|since|from|until|before|after|в|во|с|со|до|после|на)\s/iu
// Between a dateline's date and an update date printed after it: "…, updated 10 March 2021".
const UPDATE_AFTER = new RegExp(`^[\\s,;|·•—–(-]*${UPDATED_LABEL}(?:\\s+(?:on|at))?\\s*:?\\s*`, 'iu')
/**
 * What follows a date that is no dateline: a sentence going on in lower case ("12 March
 * 2021 the court ruled"), or a caption or timeline entry ("12 March 2019: Bilash at the
 * court").
 */
const SENTENCE_GOES_ON = /^(?:,?\s+\p{Ll}|\s*:\s*\S)/u

type Dateline = { published: DateReading | null; revised: DateReading | null }

/** The date a line starts with, and the rest of the line after it. */
function dateAtStart(line: string): { reading: DateReading; rest: string } | null {
  const found = printedDateIn(line)
  return found && found.index === 0 ? { reading: found.reading, rest: line.slice(found.end) } : null
}

/** The dates a line gives as a dateline, or null when it is none. */
export function datelineOf(line: string): Dateline | null {
  let rest = squash(line)
  const by = BYLINE_LEAD.exec(rest)
  if (by) rest = rest.slice(by[0].length)
  let revisedFirst = false
  const label = LABEL_LEAD.exec(rest)
  if (label) {
    revisedFirst = Boolean(label[1])
    rest = rest.slice(label[0].length)
  } else {
    const place = PLACE_LEAD.exec(rest)
    // The place only when a date follows: "Almaty, 4 February" but not "Police, the lawyer said".
    if (place && !SENTENCE_START.test(rest) && dateAtStart(rest.slice(place[0].length))) rest = rest.slice(place[0].length)
  }
  const first = dateAtStart(rest)
  if (!first) return null
  if (revisedFirst) return { published: null, revised: first.reading }
  const update = UPDATE_AFTER.exec(first.rest)
  if (update) return { published: first.reading, revised: dateAtStart(first.rest.slice(update[0].length))?.reading ?? null }
  if (SENTENCE_GOES_ON.test(first.rest)) return null
  return { published: first.reading, revised: null }
}

/** The lines above the article's first paragraph, and that paragraph: where a dateline is printed. */
function topLines(text: string): string[] {
  const head = headLines(text)
  const lines = text.split('\n').map(squash).filter(Boolean)
  const next = lines[head.length]
  return next ? [...head, next] : head
}

/** The first publication and the first update date printed as datelines at the top of the text. */
function datelineFromText(text: string): Dateline {
  const found: Dateline = { published: null, revised: null }
  for (const line of topLines(text)) {
    const d = datelineOf(line)
    if (!d) continue
    found.published ??= d.published
    found.revised ??= d.revised
    if (found.published && found.revised) break
  }
  return found
}

/**
 * A line of the text that is the site's name ("Bitter Winter" on bitterwinter.org):
 * the site naming itself.
 */
function siteNameInText(text: string, host: string): string | null {
  const label = siteLabel(host)
  if (label.length < 3) return null
  for (const raw of text.split('\n')) {
    const line = squash(raw)
    if (line && line.length <= 60 && letters(line) === label) return line
  }
  return null
}

/** A value and where it was found; the first of several candidates that has a value. */
type Found<V> = { value: V; origin: string }
function firstFound<V>(...candidates: (Found<V> | null | false | undefined | '')[]): Found<V> | null {
  return candidates.find((c): c is Found<V> => Boolean(c)) ?? null
}
const found = <V>(value: V | null | undefined, origin: string): Found<V> | null => (value === null || value === undefined || value === '' ? null : { value, origin })

/** The update date only when it is later than the publication date: many pages give their publication date as "modified". */
function laterRevision(published: PartialDate | null, revised: Found<PartialDate> | null): Found<PartialDate> | null {
  if (!revised) return null
  return !published || comparePartialDates(revised.value, published) > 0 ? revised : null
}

// ---------------------------------------------------------------------------
// Plain text

function readPlainText(url: string, content: string): ArticleMetadata {
  const text = content.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim()
  const host = hostOf(url)
  const publisher = firstFound(found(host && knownOutlet(host), 'the list of known outlets'), found(host && siteNameInText(text, host), 'the site’s name printed on the page'))
  const publisherName = publisher?.value ?? ''
  const dateline = datelineFromText(text)
  const printed = dateline.published
  const revised = laterRevision(printed?.date ?? null, found(dateline.revised?.date, 'the “Updated” line'))
  const title = titleFromText(text, publisherName)
  const authors = bylinesFromText(text).filter((n) => letters(n) !== letters(publisherName))
  const language = guessLanguage(text)
  return {
    format: 'text',
    title,
    publisher: publisherName,
    authors,
    published: printed?.date ?? null,
    revised: revised?.value ?? null,
    origins: {
      title: title ? 'the first line that reads as a headline' : null,
      publisher: publisher?.origin ?? null,
      authors: authors.length ? 'the byline' : null,
      published: printed?.date ? 'the dateline' : null,
      revised: revised?.origin ?? null,
      language: language ? 'the script of the text (a guess from its letters)' : null,
    },
    publishedAsPrinted: printed?.printed ?? null,
    dateAmbiguity: printed?.ambiguity ?? null,
    language,
    text,
  }
}

// ---------------------------------------------------------------------------
// HTML

type Node = T.Node
type Element = T.Element

const isElement = (node: Node): node is Element => 'tagName' in node
const isText = (node: Node): node is T.TextNode => node.nodeName === '#text'

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null
}

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : []
}

/** Every element below `root`, in document order. Iterative: pasted pages can nest deeply. */
function elements(root: Node): Element[] {
  const out: Element[] = []
  const stack: Node[] = [...childrenOf(root)].reverse()
  while (stack.length) {
    const node = stack.pop()!
    if (!isElement(node)) continue
    out.push(node)
    const kids = childrenOf(node)
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  return out
}

/** All text below an element, as one line. */
function textOf(el: Element): string {
  const parts: string[] = []
  const stack: Node[] = [el]
  while (stack.length) {
    const node = stack.pop()!
    if (isText(node)) parts.push(node.value)
    else if (isElement(node) && !SKIPPED.has(node.tagName)) {
      const kids = childrenOf(node)
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
    }
  }
  return squash(parts.join(''))
}

/**
 * About how long textOf(el) is, for every element at once, children before parents:
 * one pass however deeply the page nests. (textOf on each nested <article> in turn
 * read the same text again for each level: 360 kB of nesting took 15 s.)
 */
function textLengths(all: Element[]): Map<Element, number> {
  const lengths = new Map<Element, number>()
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!
    let n = 0
    if (!SKIPPED.has(el.tagName)) {
      for (const child of childrenOf(el)) {
        if (isText(child)) n += squash(child.value).length
        else if (isElement(child)) n += lengths.get(child) ?? 0
      }
    }
    lengths.set(el, n)
  }
  return lengths
}

/** Never part of what a reader reads. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'aside', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'form', 'button', 'select', 'textarea', 'input', 'head', 'dialog'])
/** Site furniture around the article (kept inside an <article>, where it is the article's own). */
const FURNITURE = new Set(['header', 'footer'])
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

/**
 * The text a reader sees, one paragraph per block element, paragraphs separated by a
 * blank line; line breaks (<br>) kept inside a paragraph; list items start with "• ".
 */
function readableText(root: Element): string {
  const paragraphs: string[] = []
  let buffer = ''
  const flush = () => {
    const lines = buffer.split('\n').map(squash).filter(Boolean)
    if (lines.length) paragraphs.push(lines.join('\n'))
    buffer = ''
  }
  type Step = { node: Node; inArticle: boolean } | { exit: string }
  const stack: Step[] = [{ node: root, inArticle: root.tagName === 'article' }]
  while (stack.length) {
    const step = stack.pop()!
    if ('exit' in step) {
      if (BLOCKS.has(step.exit)) flush()
      continue
    }
    const { node, inArticle } = step
    if (isText(node)) {
      buffer += node.value.replace(/\n/g, ' ')
      continue
    }
    if (!isElement(node)) continue
    const tag = node.tagName
    if (SKIPPED.has(tag) || attr(node, 'hidden') !== null || attr(node, 'aria-hidden') === 'true') continue
    if (FURNITURE.has(tag) && !inArticle && node !== root) continue
    if (tag === 'br') {
      buffer += '\n'
      continue
    }
    if (tag === 'pre') {
      flush()
      const raw = node.childNodes
        .map((c) => (isText(c) ? c.value : isElement(c) ? textOf(c) : ''))
        .join('')
        .replace(/^\n+|\s+$/g, '')
      if (raw) paragraphs.push(raw)
      continue
    }
    if (tag === 'td' || tag === 'th') buffer += ' '
    if (BLOCKS.has(tag)) flush()
    if (tag === 'li') buffer += '• '
    stack.push({ exit: tag })
    const kids = node.childNodes
    const nextInArticle = inArticle || tag === 'article'
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, inArticle: nextInArticle })
  }
  flush()
  return paragraphs.join('\n\n')
}

type LdNode = Record<string, unknown>

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|Posting)$/
const PAGE_TYPE = /WebPage$/

function ldNodes(doc: Element[]): LdNode[] {
  const out: LdNode[] = []
  const add = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(add)
    else if (value && typeof value === 'object') {
      const node = value as LdNode
      out.push(node)
      if (Array.isArray(node['@graph'])) add(node['@graph'])
    }
  }
  for (const el of doc) {
    if (el.tagName !== 'script' || (attr(el, 'type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue
    const json = el.childNodes.map((c) => (isText(c) ? c.value : '')).join('')
    try {
      add(JSON.parse(json))
    } catch {
      // A page's broken JSON-LD tells us nothing; the other signs still do.
    }
  }
  return out
}

const typesOf = (node: LdNode): string[] => (Array.isArray(node['@type']) ? node['@type'].map(String) : typeof node['@type'] === 'string' ? [node['@type']] : [])

/** Names in a JSON-LD value: "X", {name: "X"}, [{name}, ...], or {"@id"} pointing elsewhere in the graph. */
function ldNames(value: unknown, byId: Map<string, LdNode>): string[] {
  if (typeof value === 'string') return [squash(value)]
  if (Array.isArray(value)) return value.flatMap((v) => ldNames(v, byId))
  if (value && typeof value === 'object') {
    const node = value as LdNode
    if (typeof node.name === 'string') return [squash(node.name)]
    if (typeof node['@id'] === 'string' && byId.get(node['@id']) !== node) {
      const target = byId.get(node['@id'])
      if (target && typeof target.name === 'string') return [squash(target.name)]
    }
  }
  return []
}

/** "Headline | Site": the last separator splits off the site's name. */
const SITE_SUFFIX = /^(.+)\s+(?:[|·•\-–—]|::)\s+(.+)$/u
/** "Headline | Site": a bar (or "::") separates a site's name, never a headline's own words. */
const BAR_SUFFIX = /^(.+?)\s+(?:[|·•]|::)\s+(.+)$/u

/** Drops " | Bitter Winter" (or the host) from the end of a page title. */
function withoutSiteSuffix(title: string, publisher: string, host: string): string {
  const names = new Set([letters(publisher), siteLabel(host), letters(host)].filter(Boolean))
  const m = SITE_SUFFIX.exec(title)
  if (m && names.has(letters(m[2]!))) return m[1]!.trim()
  return title
}

/**
 * A <title> as a headline, when the page has nothing better: without what follows its
 * first bar ("Headline | Outlet | Section"), or a short tail after a dash that names no
 * part of the headline ("Headline - Outlet"). A headline's own dash ("Kazakhstan - a
 * case dropped") is kept when the tail is a phrase of its own.
 */
function headlineOfTitle(title: string, publisher: string, host: string): string {
  const named = withoutSiteSuffix(title, publisher, host)
  if (named !== title) return named
  const bar = BAR_SUFFIX.exec(title)
  if (bar) return bar[1]!.trim()
  const dash = SITE_SUFFIX.exec(title)
  if (dash) {
    const tail = dash[2]!.split(' ')
    // An outlet's name is a few capitalised words ("Steppe Courier", "KazTAG").
    if (tail.length <= 3 && tail.every((w) => /^[\p{Lu}\p{N}]/u.test(w)) && dash[1]!.split(' ').length > tail.length) return dash[1]!.trim()
  }
  return title
}

/** Where a meta tag's key is read from, named as the form names it. */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'dc.date.issued',
  'dc.date',
  'date',
  'sailthru.date',
  'parsely-pub-date',
]
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'og:article:modified_time', 'datemodified', 'dc.date.modified', 'last-modified']
const META_NAMES: Record<string, string> = { datepublished: 'datePublished', datemodified: 'dateModified' }

function readHtml(url: string, content: string): ArticleMetadata {
  const doc = parse(content)
  const all = elements(doc)
  const html = all.find((e) => e.tagName === 'html')
  const body = all.find((e) => e.tagName === 'body')
  const host = hostOf(url)
  const parents = new Map<Element, Element>()
  for (const el of all) for (const child of childrenOf(el)) if (isElement(child)) parents.set(child, el)
  const within = (el: Element, test: (ancestor: Element) => boolean) => {
    for (let p = parents.get(el); p; p = parents.get(p)) if (test(p)) return true
    return false
  }

  // <meta property="og:title" content="…">, <meta name="author" content="…">, and
  // microdata on any element (<time itemprop="datePublished" datetime="…">).
  const metas = new Map<string, string[]>()
  for (const el of all) {
    const isMeta = el.tagName === 'meta'
    const itemprop = attr(el, 'itemprop')
    if (!isMeta && !itemprop) continue
    const key = (isMeta ? (attr(el, 'property') ?? attr(el, 'name') ?? itemprop ?? '') : itemprop!).trim().toLowerCase()
    const value = squash(attr(el, 'content') ?? (isMeta ? '' : (attr(el, 'datetime') ?? '')))
    if (key && value) metas.set(key, [...(metas.get(key) ?? []), value])
  }
  const meta = (...keys: string[]) => keys.map((k) => metas.get(k)?.[0]).find(Boolean) ?? null
  /** The first of `keys` whose value reads, named for the editor ("the page’s og:title"). */
  function metaFound<V>(keys: string[], read: (v: string) => V | null): Found<V> | null {
    for (const key of keys) {
      const value = metas.get(key)?.[0]
      const v = value ? read(value) : null
      if (v) return { value: v, origin: `the page’s ${META_NAMES[key] ?? key}` }
    }
    return null
  }

  const ld = ldNodes(all)
  const byId = new Map(ld.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]))
  const article = ld.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t))) ?? null
  const page = ld.find((n) => typesOf(n).some((t) => PAGE_TYPE.test(t))) ?? null
  const ldString = (key: string) => [article, page].map((n) => (n && typeof n[key] === 'string' ? squash(n[key]) : '')).find(Boolean) ?? null

  // The article's text: its <article> when it has one with real text, else <main>, else the page.
  const candidates = all.filter((e) => e.tagName === 'article' || e.tagName === 'main')
  const length = textLengths(all)
  const hasRealText = (e: Element) => (length.get(e) ?? 0) >= 200
  const root = candidates.find((e) => e.tagName === 'article' && hasRealText(e)) ?? candidates.find((e) => e.tagName === 'main' && hasRealText(e)) ?? body ?? html
  const text = root ? readableText(root).replace(CONTROL, '') : ''
  const inRoot = (el: Element) => !root || el === root || within(el, (p) => p === root)

  // The publisher: the name the page gives itself, else a known outlet's. Never the
  // address: an editor types a name the page does not give.
  const docTitle = all.find((e) => e.tagName === 'title')
  const docTitleText = docTitle ? textOf(docTitle) : ''
  const isAddress = (name: string) => name.toLowerCase().replace(/^www\./, '') === host
  const publisher = firstFound(
    metaFound(['og:site_name', 'application-name'], (v) => (isAddress(v) ? null : v)),
    found(article ? ldNames(article.publisher, byId).find((n) => !isAddress(n)) : null, 'the page’s JSON-LD publisher'),
    found(host && knownOutlet(host), 'the list of known outlets'),
    found(host && siteNameInText(text, host), 'the site’s name printed on the page'),
    found(docTitleText && host ? suffixName(docTitleText, host) : null, 'the site’s name at the end of the page title'),
  )
  const publisherName = publisher?.value ?? ''
  /** A line that only names the site: a masthead, never a headline. */
  const isPublisherLine = (line: string) => {
    const l = letters(line)
    return !l || l === letters(publisherName) || l === siteLabel(host) || l === letters(host)
  }

  // The headline: what the page tells machines, else the article's <h1> (a site's logo
  // is often an <h1> too), else the page title without the site's name.
  const h1s = all.filter((e) => e.tagName === 'h1' && !within(e, (p) => p.tagName === 'nav' || p.tagName === 'aside') && !isPublisherLine(textOf(e)))
  const headline = h1s.find(inRoot) ?? h1s[0] ?? null
  const headlineOf = (v: string): string | null => {
    const t = withoutSiteSuffix(v, publisherName, host)
    return isPublisherLine(t) ? null : t
  }
  const title =
    firstFound(
      metaFound(['og:title', 'twitter:title'], headlineOf),
      found(ldString('headline') && headlineOf(ldString('headline')!), 'the page’s JSON-LD headline'),
      found(headline && textOf(headline), 'the article’s headline (<h1>)'),
      found(docTitleText && headlineOf(headlineOfTitle(docTitleText, publisherName, host)), 'the page title (<title>), without the site’s name'),
      found(titleFromText(text, publisherName), 'the first line that reads as a headline'),
    ) ?? null
  const titleText = title ? clip(title.value, 500) : ''

  const notPublisher = (n: string) => letters(n) !== letters(publisherName)
  const metaAuthors = (metas.get('author') ?? []).flatMap((v) => namesIn(v))
  const ogAuthors = (metas.get('article:author') ?? []).filter((v) => !/^https?:|\//i.test(v)).flatMap((v) => namesIn(v))
  const ldAuthors = article ? ldNames(article.author, byId) : []
  // What the page tells machines, all of it (co-authors are often listed in one place
  // only); the printed byline when it tells nothing.
  const tagged = uniqueNames([...metaAuthors, ...ogAuthors, ...ldAuthors].filter(notPublisher))
  const authors = tagged.length ? tagged : uniqueNames(bylinesFromText(text).filter(notPublisher))
  const authorsOrigin = tagged.length ? (ldAuthors.length && !metaAuthors.length && !ogAuthors.length ? 'the page’s JSON-LD author' : 'the page’s author tags') : authors.length ? 'the byline' : null

  // The dates, in order of trust: what the page tells machines, then a <time> in the
  // article's header or under its headline, then the dateline. Never a date met in
  // the body: what the article reports happened before it was written.
  const ldDate = (key: string) => found(dateFromMachineValue(ldString(key)), `the page’s JSON-LD ${key}`)
  const headerTime = headerTimeOf(all, headline, within, length)
  const timeDate = headerTime ? dateFromMachineValue(attr(headerTime, 'datetime')) : null
  const dateline = datelineFromText(text)
  const printed = dateline.published

  const machinePublished = firstFound(metaFound(PUBLISHED_META, dateFromMachineValue), ldDate('datePublished'))
  let published: PartialDate | null = null
  let publishedOrigin: string | null = null
  let publishedAsPrinted: string | null = null
  let dateAmbiguity: string | null = null
  if (machinePublished) {
    const fromMachine = machinePublished.value
    published = fromMachine
    publishedOrigin = machinePublished.origin
    const timeText = headerTime && timeDate && sameDay(timeDate, fromMachine) ? textOf(headerTime) : ''
    if (timeText) publishedAsPrinted = timeText
    else if (printed && printed.readings.some((r) => sameDay(r, fromMachine))) publishedAsPrinted = printed.printed
  } else if (headerTime && timeDate) {
    published = timeDate
    publishedOrigin = 'the date under the headline (its <time> tag)'
    publishedAsPrinted = textOf(headerTime) || null
  } else if (printed) {
    published = printed.date
    publishedOrigin = printed.date ? 'the dateline' : null
    publishedAsPrinted = printed.printed
    dateAmbiguity = printed.ambiguity
  }

  const revised = laterRevision(published, firstFound(metaFound(MODIFIED_META, dateFromMachineValue), ldDate('dateModified'), found(dateline.revised?.date, 'the “Updated” line under the headline')))

  const lang = firstFound(
    found(primaryLanguage(html ? attr(html, 'lang') : null), 'the page’s lang attribute'),
    found(primaryLanguage(meta('og:locale')), 'the page’s og:locale'),
    found(primaryLanguage(ldString('inLanguage')), 'the page’s JSON-LD inLanguage'),
    found(guessLanguage(`${titleText}\n${text}`), 'the script of the text (a guess from its letters)'),
  )

  return {
    format: 'html',
    title: titleText,
    publisher: clip(publisherName, 200),
    authors,
    published,
    revised: revised?.value ?? null,
    origins: {
      title: title?.origin ?? null,
      publisher: publisher?.origin ?? null,
      authors: authorsOrigin,
      published: publishedOrigin,
      revised: revised?.origin ?? null,
      language: lang?.origin ?? null,
    },
    publishedAsPrinted: publishedAsPrinted ? clip(publishedAsPrinted, 100) : null,
    dateAmbiguity,
    language: lang?.value ?? null,
    text,
  }
}

/** The part of a page title that names the site: "… | Bitter Winter" on bitterwinter.org. */
function suffixName(title: string, host: string): string | null {
  const m = SITE_SUFFIX.exec(title)
  return m && letters(m[2]!) === siteLabel(host) ? m[2]!.trim() : null
}

/**
 * The <time datetime> of the article's header: one marked as the publication date, one
 * inside a <header> of the article (or the one holding its headline), else one between
 * the headline and the article's first paragraph. Never one in a list of other articles
 * (<nav>, <aside>), one further down the article, or a masthead's "today".
 */
function headerTimeOf(all: Element[], headline: Element | null, within: (el: Element, test: (a: Element) => boolean) => boolean, length: Map<Element, number>): Element | null {
  const times = all.filter((e) => e.tagName === 'time' && attr(e, 'datetime') && !within(e, (p) => p.tagName === 'nav' || p.tagName === 'aside'))
  const marked = times.find((e) => attr(e, 'pubdate') !== null || (attr(e, 'itemprop') ?? '').toLowerCase() === 'datepublished')
  if (marked) return marked
  const inArticleHeader = times.find((e) => within(e, (p) => p.tagName === 'header' && ((headline !== null && within(headline, (q) => q === p)) || within(p, (q) => q.tagName === 'article'))))
  if (inArticleHeader) return inArticleHeader
  if (!headline) return null
  const start = all.indexOf(headline)
  const paragraph = all.findIndex((e, i) => i > start && e.tagName === 'p' && (length.get(e) ?? 0) >= 120)
  const end = paragraph === -1 ? all.length : paragraph
  return (
    times.find((e) => {
      const i = all.indexOf(e)
      return i > start && i < end
    }) ?? null
  )
}

// ---------------------------------------------------------------------------

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|span|a|br|section|header|ul|ol|li|time|script|style)\b[^<>]*>/gi

/** Pasted HTML rather than text that happens to contain "<": a document start or a few real tags. */
export function looksLikeHtml(content: string): boolean {
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(content.slice(0, 10_000))) return true
  let count = 0
  HTML_TAG.lastIndex = 0
  while (HTML_TAG.exec(content) && ++count < 3);
  HTML_TAG.lastIndex = 0
  return count >= 3 || (count >= 1 && /^\s*</.test(content))
}

/** Everything the intake can tell from an article's address and pasted text or HTML. */
export function readArticle({ url, content }: ArticleInput): ArticleMetadata {
  return looksLikeHtml(content) ? readHtml(url, content) : readPlainText(url, content)
}
