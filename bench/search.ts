// Search on the synthetic database: how long the search module takes to answer a
// reader's query (lib/search searchRecords: the counts of every kind, the best results
// of each, their snippets cut from the original text), as the search page calls it.
// On a copy of the synthetic file (the index is built into it; the synthetic file must
// stay what its parameters say), after a full rebuild of the index, which is timed too.
// Run by bench/run.ts (`npm run bench -- --search-only` for this part alone).
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { searchRecords, type SearchKind } from '@/lib/search'
import { parseSearchQuery } from '@/lib/search/query'
import { rebuildSearchIndexOf } from '@/scripts/search-index'
import { fmt, loadAverage, seconds, table } from './output'
import { Random } from './prng'
import { toCyrillic } from './synthetic-content'
import { TMP_DIR } from './synthetic-db'

export const SEARCH_P99_TARGET_MS = 50

export type SearchQueryTiming = { label: string; q: string; kind: SearchKind | null; page: number; total: number; ms: number[]; cpuMs: number[] }
export type SearchBench = { copyPath: string; rebuildMs: number; documents: number; indexBytes: number; timings: SearchQueryTiming[]; all: number[]; allCpu: number[] }

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** What readers type: surnames, full names in either script, words of the reports' text, a phrase, an article number, dates, nothing. */
function queriesFor(file: string): { label: string; q: string; kind: SearchKind | null; page: number }[] {
  const db = new Database(file, { readonly: true })
  try {
    const names = db.prepare('SELECT "name" FROM "Person" ORDER BY "id"').pluck().all() as string[]
    const article = db.prepare('SELECT p."article" FROM "LegalProvision" p JOIN "Charge" c ON c."provisionId" = p."id" GROUP BY p."article" ORDER BY count(*) DESC LIMIT 1').pluck().get() as string
    const r = new Random('search-bench')
    const some = (n: number) => Array.from({ length: n }, () => r.pick(names))
    return [
      ...some(10).map((n) => ({ label: 'surname', q: n.split(' ').at(-1)!, kind: null, page: 1 })),
      ...some(10).map((n) => ({ label: 'full name', q: n, kind: null, page: 1 })),
      ...some(5).map((n) => ({ label: 'name in Cyrillic', q: toCyrillic(n), kind: null, page: 1 })),
      { label: 'common word (most documents)', q: 'court', kind: null, page: 1 },
      { label: 'common word, sources page 3', q: 'court', kind: 'source', page: 3 },
      { label: 'two common words', q: 'hearing closed doors', kind: null, page: 1 },
      { label: 'phrase', q: 'deprivation of liberty arbitrary', kind: null, page: 1 },
      { label: 'prefix', q: 'prosecut', kind: null, page: 1 },
      { label: 'article number', q: article, kind: null, page: 1 },
      { label: 'month and year', q: 'April 2020', kind: null, page: 1 },
      { label: 'year', q: '2021', kind: null, page: 1 },
      { label: 'nothing matches', q: 'Qwzxv', kind: null, page: 1 },
      { label: 'operators typed', q: '"court" AND NEAR(verdict) title:*', kind: null, page: 1 },
    ]
  } finally {
    db.close()
  }
}

export async function searchBenchmark(syntheticPath: string, { repeat = 20, log = console.log }: { repeat?: number; log?: (line: string) => void } = {}): Promise<SearchBench> {
  const copy = path.join(TMP_DIR, 'search.db')
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
  copyFileSync(syntheticPath, copy)
  const url = `file:${copy}`
  const started = performance.now()
  const { documents } = await rebuildSearchIndexOf(url)
  const rebuildMs = performance.now() - started
  const raw = new Database(copy, { readonly: true })
  const indexBytes = (raw.prepare(`SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE 'Search%'`).get() as { b: number }).b
  raw.close()
  log(`Index rebuilt on a copy (${path.relative(process.cwd(), copy)}): ${documents.toLocaleString('en')} documents in ${seconds(rebuildMs)}, ${(indexBytes / 1e6).toFixed(0)} MB of tables`)

  try {
    const queries = queriesFor(copy)
    // Warm-up: the first queries pay for the connection, the statement cache and the page cache of the file.
    for (const q of queries) await searchRecords(url, parseSearchQuery(q.q), { kind: q.kind, page: q.page })
    const timings: SearchQueryTiming[] = queries.map((q) => ({ ...q, total: 0, ms: [], cpuMs: [] }))
    for (let i = 0; i < repeat; i++) {
      for (const t of timings) {
        const query = parseSearchQuery(t.q)
        const t0 = performance.now()
        const c0 = process.cpuUsage()
        const results = await searchRecords(url, query, { kind: t.kind, page: t.page })
        const c = process.cpuUsage(c0)
        t.ms.push(performance.now() - t0)
        // This process's CPU time (SQLite runs in it): what the search costs, less what waiting for a busy machine adds.
        t.cpuMs.push((c.user + c.system) / 1000)
        t.total = results.total
      }
    }
    const all = timings.flatMap((t) => t.ms).sort((a, b) => a - b)
    const allCpu = timings.flatMap((t) => t.cpuMs).sort((a, b) => a - b)
    return { copyPath: copy, rebuildMs, documents, indexBytes, timings, all, allCpu }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
  }
}

/** Prints the per-query and overall timings and the verdict; returns whether the target was met. */
export function printSearch(b: SearchBench, repeat: number): boolean {
  const byLabel = new Map<string, SearchQueryTiming[]>()
  for (const t of b.timings) byLabel.set(t.label, [...(byLabel.get(t.label) ?? []), t])
  const rows = [...byLabel].map(([label, ts]) => {
    const ms = ts.flatMap((t) => t.ms).sort((x, y) => x - y)
    const totals = ts.map((t) => t.total)
    return [
      label,
      ts.length === 1 ? ts[0]!.q.slice(0, 40) : `${ts.length} queries`,
      `${Math.min(...totals).toLocaleString('en')}–${Math.max(...totals).toLocaleString('en')}`,
      fmt(percentile(ms, 50), 2),
      fmt(percentile(ms, 99), 2),
      fmt(ms.at(-1)!, 2),
    ]
  })
  console.log(table(['query', 'example', 'records found', 'p50 ms', 'p99 ms', 'max ms'], rows, 2))
  const p50 = percentile(b.all, 50)
  const p99 = percentile(b.all, 99)
  console.log(
    `\nAll ${b.all.length.toLocaleString('en')} searches (${b.timings.length} queries × ${repeat}, one at a time, load average ${loadAverage()}): p50 ${fmt(p50, 2)} ms, p99 ${fmt(p99, 2)} ms, max ${fmt(b.all.at(-1)!, 2)} ms; ` +
      `CPU time p50 ${fmt(percentile(b.allCpu, 50), 2)} ms, p99 ${fmt(percentile(b.allCpu, 99), 2)} ms`,
  )
  const pass = p99 < SEARCH_P99_TARGET_MS
  console.log(`  ${pass ? 'PASS' : 'MISS'}  search p99 under ${SEARCH_P99_TARGET_MS} ms: ${fmt(p99, 2)} ms`)
  return pass
}
