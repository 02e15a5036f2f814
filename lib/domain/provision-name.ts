// How a legal provision is named, wherever one is shown: the case page, the provision's
// own page, the dashboard, the source page and the editor's lists and menus. One
// spelling, "Article 174, part 1, Criminal Code of the Republic of Kazakhstan", so a
// reader (or a search) finds the same words everywhere. Pure.

export type ProvisionNaming = { article: string; part?: string | null; code: string; title?: string | null }

export type ProvisionNameOptions = {
  /** Name the code (the default). Left out where the page already gives it or the title says enough: the provision's own page, the dashboard. */
  code?: boolean
  /** Add the official title after a colon, where the name stands alone (a menu, a list, a page title). Default false. */
  title?: boolean
}

/**
 * "Article 174, part 1, Criminal Code"; with `code: false` "Article 174, part 1";
 * with `title: true` "Article 174, part 1, Criminal Code: Inciting discord".
 */
export function provisionName(p: ProvisionNaming, { code = true, title = false }: ProvisionNameOptions = {}): string {
  const article = `Article ${p.article}${p.part ? `, part ${p.part}` : ''}`
  const named = code && p.code ? `${article}, ${p.code}` : article
  return title && p.title ? `${named}: ${p.title}` : named
}
