// How a legal provision is named, wherever one is shown: the case page, the provision's
// own page, the dashboard, the source page and the editor's lists and menus. One
// spelling, "Article 174, part 1, paragraph 2, Criminal Code of the Republic of
// Kazakhstan", so a reader (or a search) finds the same words everywhere. Provisions
// form a tree (code → article → part → paragraph); the code is a column, not a record,
// so the levels named here are the article, its parts and their paragraphs. Pure.

export type ProvisionNaming = { article: string; part?: string | null; paragraph?: string | null; code: string; title?: string | null }

export type ProvisionNameOptions = {
  /** Name the code (the default). Left out where the page already gives it or the title says enough: the provision's own page, the dashboard. */
  code?: boolean
  /** Add the official title after a colon, where the name stands alone (a menu, a list, a page title). Default false. */
  title?: boolean
  /** Steps joined by "›" ("Article 174 › part 1"), for menus listing provisions in tree order. Default false. */
  tree?: boolean
}

export type ProvisionLevel = 'article' | 'part' | 'paragraph'

/** Where a provision sits in its code's tree: a paragraph has a part, a part an article. */
export function provisionLevel(p: Pick<ProvisionNaming, 'part' | 'paragraph'>): ProvisionLevel {
  return p.paragraph ? 'paragraph' : p.part ? 'part' : 'article'
}

/** The level a provision's children have, or null: a paragraph has none. */
export function childLevel(level: ProvisionLevel): ProvisionLevel | null {
  return level === 'article' ? 'part' : level === 'part' ? 'paragraph' : null
}

function steps(p: ProvisionNaming): string[] {
  return [`Article ${p.article}`, ...(p.part ? [`part ${p.part}`] : []), ...(p.part && p.paragraph ? [`paragraph ${p.paragraph}`] : [])]
}

/**
 * "Article 174, part 1, Criminal Code"; with `code: false` "Article 174, part 1";
 * with `title: true` "Article 174, part 1, Criminal Code: Inciting discord"; with
 * `tree: true` "Article 174 › part 1, Criminal Code".
 */
export function provisionName(p: ProvisionNaming, { code = true, title = false, tree = false }: ProvisionNameOptions = {}): string {
  const article = steps(p).join(tree ? ' › ' : ', ')
  const named = code && p.code ? `${article}, ${p.code}` : article
  return title && p.title ? `${named}: ${p.title}` : named
}

/** A provision's own step under its parent: "part 1", "paragraph 2" ("Article 174" for an article). */
export function provisionStep(p: ProvisionNaming): string {
  return steps(p).at(-1)!
}

const byNumber = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
const compareStep = (a: string | null | undefined, b: string | null | undefined) => (a ? (b ? byNumber.compare(a, b) : 1) : b ? -1 : 0)

/** Tree order: by jurisdiction and code, then article 2 before article 10, each article before its parts, each part before its paragraphs. */
export function compareProvisions(a: ProvisionNaming & { jurisdiction: string }, b: ProvisionNaming & { jurisdiction: string }): number {
  return byNumber.compare(a.jurisdiction, b.jurisdiction) || byNumber.compare(a.code, b.code) || byNumber.compare(a.article, b.article) || compareStep(a.part, b.part) || compareStep(a.paragraph, b.paragraph)
}
