import 'server-only'
import { db } from '@/lib/db'
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
    // Distinct (provision, case) pairs: a case charged twice under one article counts once.
    db.charge.groupBy({ by: ['provisionId', 'caseId'], where: { provisionId: { not: null }, case: provisionWhere } }),
    db.legalProvision.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, parentId: true, parent: { select: { parentId: true } } } }),
    db.case.groupBy({ by: ['sentenceKinds'], where: sentenceWhere, _count: { _all: true } }),
    countCasesByYearAndStatus(filters),
  ])
  return {
    kind: Object.fromEntries(kinds.map((g) => [g.kind, g._count._all])),
    jurisdiction: Object.fromEntries(jurisdictions.map((g) => [g.jurisdiction, g._count._all])),
    provision: provisionCounts(pairs, provisions),
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
