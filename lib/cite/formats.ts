import 'server-only'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
// The CSL styles of MLA 9 and Chicago 17 (author-date), from the Citation Style
// Language project (CC BY-SA 3.0), as the rehype-citation package ships them: no
// package of their own is published, and Citation.js bundles only APA, Vancouver and
// Harvard. Imported by file: that package's "exports" maps a folder, which Node no
// longer resolves. Nothing is fetched: APA and the en-US locale come with plugin-csl.
import mlaStyle from '../../node_modules/rehype-citation/dist/node/styles/mla.js'
import chicagoStyle from '../../node_modules/rehype-citation/dist/node/styles/chicago.js'

// Every citation of a Casebook page, made on the server by Citation.js (no citation code
// reaches the browser; docs/decisions/027-citing-a-page.md).

const csl = plugins.config.get('@csl')
if (!csl.styles.has('mla')) csl.styles.add('mla', mlaStyle)
if (!csl.styles.has('chicago-author-date')) csl.styles.add('chicago-author-date', chicagoStyle)

export const SITE_NAME = 'Casebook'

export type CitedPage = {
  /** A stable key for reference managers: "casebook-case-12-v3". */
  key: string
  title: string
  /** The address the citation names: a version's permalink, or the page's own address. */
  url: string
  /** The date the cited content was published: the version's, or the page's last change. */
  published: Date
  /** "Version 3", when a version is cited. */
  version: string | null
}

export type CitationFormat = 'plain' | 'apa' | 'mla' | 'chicago' | 'bibtex' | 'ris' | 'csl-json'

export const CITATION_FORMAT_LABELS: Record<CitationFormat, string> = {
  plain: 'Plain text',
  apa: 'APA (7th edition)',
  mla: 'MLA (9th edition)',
  chicago: 'Chicago (17th edition, author-date)',
  bibtex: 'BibTeX',
  ris: 'RIS (Zotero, EndNote, Mendeley)',
  'csl-json': 'CSL-JSON',
}

const dateParts = (d: Date) => [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]]

/**
 * The page as a CSL item: a web page whose author and publisher are the site. No access
 * date: the cited address is a version that never changes (or the page's own, dated by
 * its last change), and the reader adds the day they read it where their style wants one.
 */
export function cslItem(page: CitedPage): Record<string, unknown> {
  return {
    id: page.key,
    type: 'webpage',
    title: page.title,
    author: [{ literal: SITE_NAME }],
    'container-title': SITE_NAME,
    issued: { 'date-parts': dateParts(page.published) },
    URL: page.url,
    ...(page.version ? { version: page.version } : {}),
  }
}

type RisRecord = Record<string, string | number | (string | number)[]>

/**
 * plugin-ris's records written out one tag a line, TY first and ER last, as its text
 * output does, but without its line breaks every 70 characters, which cut a long
 * permalink in two for reference managers that read a line as a whole value.
 */
function risText(records: RisRecord[]): string {
  return records
    .map(({ TY, ...tags }) => {
      const lines = Object.entries(tags).flatMap(([tag, value]) => [value].flat().map((v) => `${tag}  - ${String(v).replace(/\s+/g, ' ')}`))
      return [`TY  - ${TY}`, ...lines, 'ER  - '].join('\n')
    })
    .join('\n')
}

const DAY = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const

/** Every format of the citation, as the text to paste. */
export function citationsOf(page: CitedPage): Record<CitationFormat, string> {
  const cite = new Cite(cslItem(page))
  const styled = (template: string) => cite.format('bibliography', { format: 'text', template, lang: 'en-US' }).trim()
  return {
    // What a journalist puts in running text or a caption: no style's punctuation rules.
    plain: `${SITE_NAME}, “${page.title}”${page.version ? `, ${page.version.toLowerCase()}` : ''} of ${page.published.toLocaleDateString('en-GB', DAY)}, ${page.url}`,
    apa: styled('apa'),
    mla: styled('mla'),
    chicago: styled('chicago-author-date'),
    bibtex: cite.format('bibtex', { format: 'text' }).trim(),
    ris: risText(cite.format('ris', { format: 'object' }) as unknown as RisRecord[]),
    'csl-json': cite.format('data', { format: 'text' }).trim(),
  }
}
