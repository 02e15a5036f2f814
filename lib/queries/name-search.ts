import 'server-only'
import { searchTokens } from '@/lib/domain/fold-name'
import type { Prisma } from '@/lib/generated/prisma/client'

// Finding people and organisations by any spelling, and cases by their parties. The
// dashboard's search, the editor's lists and the write path's duplicate check all ask
// the same question, so they build it here (below lib/data and lib/editing, which
// never import each other). Each word of the query is folded as the stored search
// keys are (nameSearchKey) and must be in the record's name or in one of its aliases,
// in any order: "Bilash Serikzhan", "serikjan" and "Серикжан Билаш" all find the
// person stored as "Serikzhan Bilash". Prisma types only.

type NamedWhere = { AND: { OR: [{ nameFolded: { contains: string } }, { aliases: { some: { nameFolded: { contains: string } } } }] }[] }

/** A person or organisation known under every word of `query`; null when the query has no words. */
export function namedWhere(query: string): NamedWhere | null {
  const tokens = searchTokens(query)
  if (tokens.length === 0) return null
  return { AND: tokens.map((t) => ({ OR: [{ nameFolded: { contains: t } }, { aliases: { some: { nameFolded: { contains: t } } } }] })) }
}

/** A person or organisation known under any one of `words` (search-key words, as searchTokens gives): the candidates of a closer comparison. */
export function anyWordWhere(words: readonly string[]) {
  return { OR: words.flatMap((t) => [{ nameFolded: { contains: t } }, { aliases: { some: { nameFolded: { contains: t } } } }]) }
}

/** "174", "article 174", "Art. 174": the article number a query names, or null. */
export function articleNumberOf(query: string): string | null {
  return /^(?:art(?:icle)?\.?\s*)?(\d+(?:-\d+)?)$/i.exec(query.trim())?.[1] ?? null
}

/**
 * Cases whose title or case number contains the query as typed, with a party (a
 * person or an organisation) known under every word of it, or, for an article number,
 * charged under that article or any of its parts and paragraphs (which carry their
 * article's number, decision 019): the search page finds the same (lib/search).
 * Null for an empty query.
 */
export function caseTextWhere(query: string): Prisma.CaseWhereInput | null {
  const q = query.trim()
  if (!q) return null
  const named = namedWhere(q)
  const article = articleNumberOf(q)
  return {
    OR: [
      { title: { contains: q } },
      { caseNumber: { contains: q } },
      ...(article ? [{ charges: { some: { provision: { article, deletedAt: null } } } }] : []),
      ...(named ? [{ parties: { some: { OR: [{ person: named satisfies Prisma.PersonWhereInput }, { organisation: named satisfies Prisma.OrganisationWhereInput }] } } }] : []),
    ],
  }
}
