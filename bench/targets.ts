// What the benchmark asks for: which case pages and which filtered dashboards. Chosen
// from the synthetic database deterministically, so two runs on the same file measure
// the same pages, and shared by the query-plan check and the HTTP load.
import Database from 'better-sqlite3'
import { Random } from './prng'

export type Targets = {
  /** A published case of ordinary shape: median number of events, no conflicting sources, no related cases. */
  typicalCase: string
  /** The published case with the most events that also has conflicting sources and related cases. */
  richCase: string
  /** The provision charged most often: the heaviest value of the provision filter. */
  topProvision: string
  year: number
  /** Published case slugs in a fixed shuffled order, for first-render ("cold") requests. */
  coldCases: string[]
  /** The jurisdiction with the most published cases, and the person named by the most. */
  topJurisdiction: string
  topPerson: string
  /** Text searches (the dashboard's `q`): surnames, full names and case numbers from the database, and a few that match nothing. */
  searchTerms: string[]
}

export function pickTargets(databasePath: string): Targets {
  const db = new Database(databasePath, { readonly: true })
  try {
    const one = <T>(sql: string, ...args: unknown[]): T => {
      const row = db.prepare(sql).get(...args) as T | undefined
      if (row === undefined) throw new Error(`The synthetic database has no row for: ${sql}`)
      return row
    }
    const published = one<{ n: number }>('SELECT count(*) AS n FROM "Case" WHERE "publishedAt" IS NOT NULL').n
    const typical = one<{ slug: string }>(
      `SELECT c."slug" FROM "Case" c
       WHERE c."publishedAt" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "Conflict" k WHERE k."caseId" = c."id")
         AND NOT EXISTS (SELECT 1 FROM "CaseRelation" r WHERE r."fromCaseId" = c."id" OR r."toCaseId" = c."id")
         AND (SELECT count(*) FROM "Event" e WHERE e."caseId" = c."id") = 10
       ORDER BY c."id" LIMIT 1 OFFSET ?`,
      Math.floor(published / 40),
    )
    const rich = one<{ slug: string }>(
      `SELECT c."slug" FROM "Case" c
       WHERE c."publishedAt" IS NOT NULL
         AND EXISTS (SELECT 1 FROM "Conflict" k WHERE k."caseId" = c."id")
       ORDER BY (SELECT count(*) FROM "Event" e WHERE e."caseId" = c."id") DESC, c."id" LIMIT 1`,
    )
    const provision = one<{ slug: string }>(
      `SELECT p."slug" FROM "LegalProvision" p JOIN "Charge" ch ON ch."provisionId" = p."id"
       GROUP BY p."id" ORDER BY count(*) DESC, p."id" LIMIT 1`,
    )
    const slugs = (db.prepare('SELECT "slug" FROM "Case" WHERE "publishedAt" IS NOT NULL ORDER BY "id"').pluck().all() as string[]).filter((s) => s !== typical.slug && s !== rich.slug)
    const random = new Random('cold-case-order')
    for (let i = slugs.length - 1; i > 0; i--) {
      const j = random.int(0, i)
      ;[slugs[i], slugs[j]] = [slugs[j]!, slugs[i]!]
    }
    const jurisdiction = one<{ jurisdiction: string }>(`SELECT "jurisdiction" FROM "Case" WHERE "publishedAt" IS NOT NULL GROUP BY "jurisdiction" ORDER BY count(*) DESC, "jurisdiction" LIMIT 1`)
    const person = one<{ slug: string }>(
      `SELECT p."slug" FROM "Person" p JOIN "Party" pa ON pa."personId" = p."id" JOIN "Case" c ON c."id" = pa."caseId"
       WHERE c."publishedAt" IS NOT NULL GROUP BY p."id" ORDER BY count(*) DESC, p."id" LIMIT 1`,
    )
    const terms = new Random('search-terms')
    const names = db.prepare('SELECT "name" FROM "Person" ORDER BY "id"').pluck().all() as string[]
    const caseNumbers = db.prepare('SELECT "caseNumber" FROM "Case" WHERE "publishedAt" IS NOT NULL AND "caseNumber" IS NOT NULL ORDER BY "id"').pluck().all() as string[]
    const searchTerms = [
      ...Array.from({ length: 20 }, () => terms.pick(names).split(' ').at(-1)!),
      ...Array.from({ length: 10 }, () => terms.pick(names)),
      ...Array.from({ length: 10 }, () => terms.pick(caseNumbers)),
      'Qwzxv',
      'no such name',
      '9999-1999',
    ]
    return {
      typicalCase: typical.slug,
      richCase: rich.slug,
      topProvision: provision.slug,
      year: 2020,
      coldCases: slugs,
      topJurisdiction: jurisdiction.jurisdiction,
      topPerson: person.slug,
      searchTerms,
    }
  } finally {
    db.close()
  }
}

export type DashboardTarget = { label: string; search: Record<string, string> }

/** The dashboards measured: the "two filters" (status + year, status + provision) and the landing page. */
export function dashboardTargets(t: Targets): DashboardTarget[] {
  return [
    { label: 'dashboard status+year', search: { status: 'convicted', year: String(t.year) } },
    { label: 'dashboard status+provision', search: { status: 'convicted', provision: t.topProvision } },
    { label: 'dashboard (no filter)', search: {} },
  ]
}

/** The dashboard views of the mixed load: the three above and other filters a reader combines, a second page, another order. */
export function mixedDashboardTargets(t: Targets): DashboardTarget[] {
  return [
    ...dashboardTargets(t),
    { label: 'dashboard status', search: { status: 'awaiting-trial' } },
    { label: 'dashboard kind', search: { kind: 'administrative' } },
    { label: 'dashboard jurisdiction', search: { jurisdiction: t.topJurisdiction.toLowerCase() } },
    { label: 'dashboard person', search: { person: t.topPerson } },
    { label: 'dashboard kind+year', search: { kind: 'criminal', year: String(t.year + 2) } },
    { label: 'dashboard page 2', search: { page: '2' } },
    { label: 'dashboard status, oldest first', search: { status: 'dropped', sort: 'oldest' } },
  ]
}

export function dashboardPath(target: DashboardTarget): string {
  const query = new URLSearchParams(target.search).toString()
  return query ? `/?${query}` : '/'
}
