// The query-plan check: runs the app's own data functions (lib/data/cases.ts) for the
// dashboard and the case page against the synthetic database, captures every SQL
// statement Prisma sends, and runs EXPLAIN QUERY PLAN on each with its arguments.
//
// A plan line `SCAN <large table>` without an index is a full table scan: the check
// fails. `SCAN <large table> USING [COVERING] INDEX` walks a whole index (every row
// of the table, in index order); it is reported as a warning with the statement's
// measured time, because with a LIMIT and no sort or aggregate it may stop early.
// Each statement is explained twice: with the ANALYZE statistics the synthetic file
// has (what `PRAGMA optimize` would give a real database) and without any (what a
// database the app created has today, since nothing runs ANALYZE).
import { RecordingClient, type PlanLine } from './query-capture'
import { LARGE_TABLES } from './synthetic-db'
import { dashboardPath, dashboardTargets, type Targets } from './targets'

export type Finding = {
  severity: 'full-scan' | 'index-scan'
  table: string
  line: string
  /** Which plans have it: with ANALYZE statistics, without, or both. */
  statistics: string
}

export type StatementReport = {
  sql: string
  args: unknown[]
  /** Median time of the statement replayed alone, ms (driver call: execution and row conversion). */
  medianMs: number
  plan: PlanLine[]
  planWithoutStatistics: PlanLine[]
  findings: Finding[]
}

export type ScenarioReport = {
  label: string
  url: string
  statements: StatementReport[]
  /** Median wall time of the page's data functions as the page calls them, ms: SQL plus Prisma's own work. */
  medianTotalMs: number
}

type Scenario = { label: string; url: string; run: () => Promise<unknown> }

declare global {
  // lib/db.ts reuses a client found here (its development hot-reload cache); the
  // check puts its recording client there before the data layer is first imported.
  var casebookPrisma: unknown
}

/** The data functions each page calls, exactly as the pages call them. */
async function scenarios(databaseUrl: string, client: RecordingClient, targets: Targets): Promise<Scenario[]> {
  process.env.DATABASE_URL = databaseUrl
  globalThis.casebookPrisma = client.prisma
  const { listCases, countCasesByStatus, getDashboardOptions, getCaseBySlug } = await import('@/lib/data/cases')
  const { parseCaseQuery } = await import('@/lib/validation/case-filters')
  const { getCaseFacets } = await import('@/lib/data/case-facets')

  const dashboards = dashboardTargets(targets).map((target): Scenario => {
    const { query } = parseCaseQuery(target.search)
    return {
      label: target.label,
      url: dashboardPath(target),
      // components/dashboard/dashboard-view.tsx
      run: () => Promise.all([listCases(query), countCasesByStatus(query), getDashboardOptions(query.person), getCaseFacets(query)]),
    }
  })
  const casePage = (label: string, slug: string): Scenario => ({
    label,
    url: `/cases/${slug}`,
    // app/(public)/cases/[slug]/page.tsx (metadata and page share one cached call)
    run: async () => {
      if (!(await getCaseBySlug(slug))) throw new Error(`getCaseBySlug found no case ${slug}`)
    },
  })
  return [...dashboards, casePage('case page (typical)', targets.typicalCase), casePage('case page (richest)', targets.richCase)]
}

/** Table names by the names plan lines use for them ("main.Case", or an alias such as "t0"). */
function tableNames(sql: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const match of sql.matchAll(/`main`\.`(\w+)`(?: AS `(\w+)`)?/g)) {
    names.set(`main.${match[1]}`, match[1]!)
    if (match[2]) names.set(match[2], match[1]!)
  }
  return names
}

const LARGE = new Set<string>(LARGE_TABLES)

/**
 * True when a scan in index order ends after the page: Prisma's statements end in
 * `LIMIT ? OFFSET ?`, and with a non-negative limit, no sort and no aggregate SQLite
 * stops reading once it has offset + limit rows.
 */
function boundedByLimit(sql: string, args: readonly unknown[], plan: readonly PlanLine[]): boolean {
  if (!/LIMIT \? OFFSET \?$/.test(sql.trim()) || /\bGROUP BY\b|\bCOUNT\(/i.test(sql)) return false
  if (plan.some((line) => line.detail.includes('TEMP B-TREE'))) return false
  const limit = Number(args.at(-2))
  return Number.isFinite(limit) && limit >= 0
}

export function findScans(sql: string, args: readonly unknown[], plan: readonly PlanLine[], statistics: string): Finding[] {
  const names = tableNames(sql)
  const findings: Finding[] = []
  for (const { detail } of plan) {
    const match = /^SCAN (\S+)(.*)$/.exec(detail)
    if (!match) continue
    const table = names.get(match[1]!) ?? match[1]!.replace(/^main\./, '')
    if (!LARGE.has(table)) continue
    if (!/\bUSING (COVERING )?INDEX\b/.test(match[2]!)) {
      findings.push({ severity: 'full-scan', table, line: detail, statistics })
    } else if (!boundedByLimit(sql, args, plan)) {
      findings.push({ severity: 'index-scan', table, line: detail, statistics })
    }
  }
  return findings
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export async function checkQueryPlans(databaseUrl: string, targets: Targets, { repeat = 15 } = {}): Promise<ScenarioReport[]> {
  const client = new RecordingClient(databaseUrl)
  try {
    const reports: ScenarioReport[] = []
    for (const scenario of await scenarios(databaseUrl, client, targets)) {
      await scenario.run() // warm-up: statement cache, page cache
      const { queries } = await client.record(scenario.run)
      if (queries.length === 0) {
        throw new Error(
          `No SQL was captured for ${scenario.label}: lib/db.ts no longer picks up globalThis.casebookPrisma, ` + 'so the data layer did not use the recording client (see scenarios() in bench/query-plans.ts).',
        )
      }
      const totals: number[] = []
      for (let i = 0; i < repeat; i++) {
        const started = performance.now()
        await scenario.run()
        totals.push(performance.now() - started)
      }
      const withoutStatistics = await client.explainWithoutStatistics(queries.map((q) => q.query))
      const statements: StatementReport[] = []
      for (const [i, captured] of queries.entries()) {
        const times: number[] = []
        for (let r = 0; r < repeat; r++) times.push(await client.replay(captured.query))
        const plan = await client.explain(captured.query)
        const planWithoutStatistics = withoutStatistics[i]!
        statements.push({
          sql: captured.query.sql,
          args: captured.query.args,
          medianMs: median(times),
          plan,
          planWithoutStatistics,
          findings: merge([...findScans(captured.query.sql, captured.query.args, plan, 'with statistics'), ...findScans(captured.query.sql, captured.query.args, planWithoutStatistics, 'without statistics')]),
        })
      }
      reports.push({ label: scenario.label, url: scenario.url, statements, medianTotalMs: median(totals) })
    }
    return reports
  } finally {
    await client.disconnect()
  }
}

/** One finding per plan line, naming both plans when both have it. */
function merge(findings: Finding[]): Finding[] {
  const byLine = new Map<string, Finding>()
  for (const f of findings) {
    const key = `${f.severity}|${f.line}`
    const seen = byLine.get(key)
    if (!seen) byLine.set(key, { ...f })
    else if (!seen.statistics.includes(f.statistics)) seen.statistics = 'with and without statistics'
  }
  return [...byLine.values()]
}

// ---------------------------------------------------------------------------
// Printing

/** SQL shortened for reading: no quoting or schema prefix, column lists and IN lists counted. */
export function compactSql(sql: string): string {
  let s = sql.replace(/`main`\./g, '').replace(/`/g, '')
  s = s.replace(/^SELECT (.+?) FROM /, (whole, columns: string) => (columns.length > 40 ? `SELECT ${columns.split(', ').length} cols FROM ` : whole))
  s = s.replace(/\((\?,)+\?\)/g, (list) => `(${(list.length - 1) / 2}×?)`)
  // Qualified names of the statement's own table: "Case.status" → "status".
  const table = /FROM (\w+)/.exec(s)?.[1]
  if (table) s = s.replaceAll(`${table}.`, '')
  return s
}

function compactArgs(args: readonly unknown[]): string {
  const text = JSON.stringify(args, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))
  return text.length > 90 ? `${text.slice(0, 87)}…]` : text
}

const samePlan = (a: readonly PlanLine[], b: readonly PlanLine[]) => a.length === b.length && a.every((line, i) => line.detail === b[i]!.detail)

function planTree(plan: readonly PlanLine[], indent: string): string[] {
  const depth = new Map<number, number>()
  return plan.map((line) => {
    const d = line.parent === 0 ? 0 : (depth.get(line.parent) ?? 0) + 1
    depth.set(line.id, d)
    return `${indent}${'  '.repeat(d)}${line.detail}`
  })
}

export function formatPlanReport(reports: readonly ScenarioReport[], repeat: number): string {
  const out: string[] = []
  out.push(`Every statement Prisma ran for each page, its EXPLAIN QUERY PLAN, and its time replayed alone (median of ${repeat}).`)
  for (const report of reports) {
    const sql = report.statements.reduce((sum, st) => sum + st.medianMs, 0)
    out.push('')
    out.push(
      `▸ ${report.label}  ${report.url}\n  ${report.statements.length} statements; data functions ${report.medianTotalMs.toFixed(1)} ms per page ` +
        `(SQL alone ${sql.toFixed(1)} ms, Prisma and JS ${Math.max(0, report.medianTotalMs - sql).toFixed(1)} ms)`,
    )
    for (const [i, st] of report.statements.entries()) {
      const mark = st.findings.some((f) => f.severity === 'full-scan') ? '✗' : st.findings.length ? '!' : ' '
      out.push(`  ${mark} ${String(i + 1).padStart(2)} ${st.medianMs.toFixed(2).padStart(7)} ms  ${compactSql(st.sql)}`)
      out.push(`                 args ${compactArgs(st.args)}`)
      out.push(...planTree(st.plan, '                 '))
      if (!samePlan(st.plan, st.planWithoutStatistics)) {
        out.push('                 without ANALYZE statistics:')
        out.push(...planTree(st.planWithoutStatistics, '                   '))
      }
      for (const f of st.findings) {
        out.push(f.severity === 'full-scan' ? `                 ✗ FULL SCAN of ${f.table} (${f.statistics}): ${f.line}` : `                 ! whole-index scan of ${f.table} (${f.statistics}): ${f.line}`)
      }
    }
  }
  return out.join('\n')
}

export type PlanVerdict = { failures: string[]; warnings: string[] }

export function planVerdict(reports: readonly ScenarioReport[]): PlanVerdict {
  const failures: string[] = []
  const warnings: string[] = []
  for (const report of reports) {
    for (const [i, st] of report.statements.entries()) {
      for (const f of st.findings) {
        const where = `${report.label} #${i + 1} (${st.medianMs.toFixed(2)} ms): ${f.line} [${f.statistics}] — ${compactSql(st.sql).slice(0, 140)}`
        if (f.severity === 'full-scan') failures.push(where)
        else warnings.push(where)
      }
    }
  }
  return { failures, warnings }
}
