import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { SENTENCE_FILTERS, type SentenceFilter } from '@/lib/domain/sentence'
import type { CaseFilters, CaseKindValue } from '@/lib/validation/case-filters'
import { countCasesByYearAndStatus, type YearStatusCounts } from './case-charts'
import { caseWhere } from './cases'

/**
 * How many cases each choice of each dashboard filter leaves. The standard faceting
 * rule: the counts for filter F apply every other active filter and not F itself, so
 * each number is what choosing that value (instead of F's current one) lists. Status
 * counts are countCasesByStatus (lib/data/cases.ts), which the dashboard already shows.
 */
export type CaseFacets = {
  kind: Partial<Record<CaseKindValue, number>>
  /** By jurisdiction code ("KZ"). */
  jurisdiction: Record<string, number>
  /** By provision slug: cases charged under it or under any provision below it, as the filter reads it. */
  provision: Record<string, number>
  year: Record<number, number>
  sentence: Partial<Record<SentenceFilter, number>>
  /** The same year query, by status too: the dashboard's chart. */
  byYear: YearStatusCounts
}

const EMPTY: CaseFacets = { kind: {}, jurisdiction: {}, provision: {}, year: {}, sentence: {}, byYear: { years: [], undated: 0 } }

/**
 * One grouped query per filter, each on the dashboard's indexes (prisma Case
 * @@index, Charge(provisionId, caseId)). Computed with the view: a cached dashboard
 * view (docs/decisions/008) keeps its counts until the dashboard tag expires it.
 */
export async function getCaseFacets(filters: CaseFilters): Promise<CaseFacets> {
  const [kindWhere, jurisdictionWhere, provisionWhere, sentenceWhere] = await Promise.all([
    caseWhere({ ...filters, kind: null }),
    caseWhere({ ...filters, jurisdiction: null }),
    caseWhere({ ...filters, provision: null }),
    caseWhere({ ...filters, sentence: null }),
  ])
  // A person named in the address who does not exist: no filter leaves any case.
  if (!kindWhere || !jurisdictionWhere || !provisionWhere || !sentenceWhere) return EMPTY
  const [kinds, jurisdictions, pairs, provisions, sentences, byYear] = await Promise.all([
    db.case.groupBy({ by: ['kind'], where: kindWhere, _count: { _all: true } }),
    db.case.groupBy({ by: ['jurisdiction'], where: jurisdictionWhere, _count: { _all: true } }),
    filters.q ? provisionPairs(provisionWhere) : null,
    db.legalProvision.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, parentId: true, parent: { select: { parentId: true } } } }),
    db.case.groupBy({ by: ['sentenceKinds'], where: sentenceWhere, _count: { _all: true } }),
    countCasesByYearAndStatus(filters),
  ])
  return {
    kind: Object.fromEntries(kinds.map((g) => [g.kind, g._count._all])),
    jurisdiction: Object.fromEntries(jurisdictions.map((g) => [g.jurisdiction, g._count._all])),
    provision: pairs ? provisionCounts(pairs, provisions) : await provisionCountsInSql({ ...filters, provision: null }, provisions),
    year: Object.fromEntries(byYear.years.map((y) => [y.year, y.total])),
    sentence: Object.fromEntries(SENTENCE_FILTERS.map((k) => [k, sentences.reduce((n, g) => n + (g.sentenceKinds.includes(`|${k}|`) ? g._count._all : 0), 0)])),
    byYear,
  }
}

/** Distinct cases per provision, each case counted for its provision and every provision above it. */
function provisionCounts(
  pairs: { provisionId: number | null; caseId: number }[],
  provisions: { id: number; slug: string; parentId: number | null; parent: { parentId: number | null } | null }[],
): Record<string, number> {
  const byId = new Map(provisions.map((p) => [p.id, p]))
  const cases = new Map<number, Set<number>>()
  for (const { provisionId, caseId } of pairs) {
    const p = provisionId === null ? undefined : byId.get(provisionId)
    if (!p) continue
    for (const id of [p.id, p.parentId, p.parent?.parentId]) {
      if (id == null) continue
      let set = cases.get(id)
      if (!set) cases.set(id, (set = new Set()))
      set.add(caseId)
    }
  }
  const out: Record<string, number> = {}
  for (const [id, set] of cases) {
    const slug = byId.get(id)?.slug
    if (slug) out[slug] = set.size
  }
  return out
}

/** Distinct (provision, case) pairs under `where`: a case charged twice under one article counts once. */
function provisionPairs(where: Prisma.CaseWhereInput) {
  return db.charge.groupBy({ by: ['provisionId', 'caseId'], where: { provisionId: { not: null }, case: where } })
}

/**
 * The provision facet as three grouped COUNT(DISTINCT) queries, one per level (the
 * provision charged, its parent, its grandparent), so that SQLite returns one row per
 * provision instead of every (provision, case) pair to JavaScript (about 21,000 at
 * 10,000 cases: most of the facets' cost). Prisma's groupBy cannot count distinct
 * values, hence SQL; it repeats caseWhere's rules for every filter but the text search
 * (a search takes provisionPairs), and tests/unit/data-case-facets.test.ts checks both
 * against the lists. Portable SQL but for instr() (PostgreSQL: strpos).
 */
async function provisionCountsInSql(f: CaseFilters, provisions: { id: number; slug: string }[]): Promise<Record<string, number>> {
  const person = f.person ? await db.person.findUnique({ where: { slug: f.person }, select: { id: true } }) : null
  if (f.person && !person) return {}
  const conditions: Prisma.Sql[] = [Prisma.sql`c."publishedAt" IS NOT NULL`]
  if (f.statuses.length) conditions.push(Prisma.sql`c."status" IN (${Prisma.join(f.statuses)})`)
  if (f.kind) conditions.push(Prisma.sql`c."kind" = ${f.kind}`)
  if (f.jurisdiction) conditions.push(Prisma.sql`c."jurisdiction" = ${f.jurisdiction}`)
  if (person) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Party" p WHERE p."caseId" = c."id" AND p."personId" = ${person.id})`)
  if (f.year) conditions.push(Prisma.sql`c."firstYear" <= ${f.year} AND (c."lastYear" IS NULL OR c."lastYear" >= ${f.year})`)
  if (f.sentence) conditions.push(Prisma.sql`instr(c."sentenceKinds", ${`|${f.sentence}|`}) > 0`)
  const matched = Prisma.sql`SELECT c."id" FROM "Case" c WHERE ${Prisma.join(conditions, ' AND ')}`
  // `+ch."caseId"`: not an index term, so SQLite walks Charge(provisionId, caseId) in
  // order (covering, no temporary B-tree) and tests each case against the matched set.
  const [own, parents, grandparents] = await Promise.all([
    db.$queryRaw<
      { id: number; n: bigint | number }[]
    >`SELECT ch."provisionId" AS id, COUNT(DISTINCT ch."caseId") AS n FROM "Charge" ch WHERE ch."provisionId" IS NOT NULL AND +ch."caseId" IN (${matched}) GROUP BY ch."provisionId"`,
    db.$queryRaw<
      { id: number; n: bigint | number }[]
    >`SELECT lp."parentId" AS id, COUNT(DISTINCT ch."caseId") AS n FROM "Charge" ch JOIN "LegalProvision" lp ON lp."id" = ch."provisionId" WHERE lp."parentId" IS NOT NULL AND +ch."caseId" IN (${matched}) GROUP BY lp."parentId"`,
    db.$queryRaw<
      { id: number; n: bigint | number }[]
    >`SELECT gp."parentId" AS id, COUNT(DISTINCT ch."caseId") AS n FROM "Charge" ch JOIN "LegalProvision" lp ON lp."id" = ch."provisionId" JOIN "LegalProvision" gp ON gp."id" = lp."parentId" WHERE gp."parentId" IS NOT NULL AND +ch."caseId" IN (${matched}) GROUP BY gp."parentId"`,
  ])
  // A case is under an article through the article itself, a part or a paragraph: the
  // levels are counted apart, so they are merged by case below only where they overlap.
  const slugOf = new Map(provisions.map((p) => [p.id, p.slug]))
  const levels = [own, parents, grandparents].map((rows) => rows.map((r) => ({ id: Number(r.id), n: Number(r.n) })))
  const seen = new Set<number>()
  const overlapping = new Set<number>()
  for (const rows of levels) for (const r of rows) (seen.has(r.id) ? overlapping : seen).add(r.id)
  const out: Record<string, number> = {}
  for (const rows of levels) {
    for (const r of rows) {
      const slug = slugOf.get(r.id)
      if (slug && !overlapping.has(r.id)) out[slug] = r.n
    }
  }
  if (overlapping.size) {
    // A provision charged itself and through what is under it: count its cases exactly.
    const ids = [...overlapping]
    const exact = await Promise.all(
      ids.map(
        (id) =>
          db.$queryRaw<
            { n: bigint | number }[]
          >`SELECT COUNT(DISTINCT ch."caseId") AS n FROM "Charge" ch JOIN "LegalProvision" lp ON lp."id" = ch."provisionId" LEFT JOIN "LegalProvision" pp ON pp."id" = lp."parentId" WHERE (lp."id" = ${id} OR lp."parentId" = ${id} OR pp."parentId" = ${id}) AND +ch."caseId" IN (${matched})`,
      ),
    )
    ids.forEach((id, i) => {
      const slug = slugOf.get(id)
      if (slug) out[slug] = Number(exact[i]![0]?.n ?? 0)
    })
  }
  return out
}
