// The exports and the API (lib/api/): the CSV and JSON export of the whole dashboard view
// (every case) in a process of its own (time, peak RSS and heap of the export function,
// bench/export-worker.ts); the same CSV downloaded from the production server with its
// resident memory sampled during the download; and the API's list endpoint under load
// (autocannon, as the pages). The target: export memory under 200 MB, read as
// what the export adds to the process that runs it (peak RSS during the export minus
// RSS before it): the process itself (Node, Next.js or tsx, the Prisma client) weighs
// 150–250 MB before it exports anything, and that does not grow with the export.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { runLoad, type LoadResult } from './load'
import { fmt, megabytes, section, seconds, table } from './output'
import { MemoryTrace, type NextServer } from './server'
import type { Targets } from './targets'

export const EXPORT_MEMORY_TARGET_BYTES = 200 * 1024 * 1024
const HEAP_CAP_MB = 96

export type WorkerResult = { format: string; expected: number; ms: number; bytes: number; chunks: number; rows: number; baselineRss: number; peakRss: number; baselineHeap: number; peakHeap: number }

/** `heapCapMb`: run with V8's old space capped, to show that the export's live memory is bounded (it completes). */
export function runExportWorker(databasePath: string, format: 'csv' | 'json', { search = '', heapCapMb }: { search?: string; heapCapMb?: number } = {}): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const flags = ['--conditions=react-server', '--expose-gc', ...(heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [])]
    const child = spawn(path.join('node_modules', '.bin', 'tsx'), [...flags, 'bench/export-worker.ts', databasePath, format, search], {
      // As the production server runs it.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`export worker failed (exit ${code}): ${out.slice(-500)}`))
      else resolve(JSON.parse(line) as WorkerResult)
    })
  })
}

export function describeWorker(r: WorkerResult): string[] {
  return [
    `${r.format.replace(/^\w+/, (f) => f.toUpperCase())} export function`,
    r.rows.toLocaleString('en'),
    `${fmt(r.bytes / 1e6)} MB`,
    seconds(r.ms),
    megabytes(r.baselineRss),
    megabytes(r.peakRss),
    megabytes(r.peakRss - r.baselineRss),
    megabytes(r.peakHeap),
  ]
}

export type HttpExport = { path: string; status: number; ms: number; bytes: number; rows: number; rssBefore: number; peakRss: number }

/** Downloads `pathname` to the end (reading it as it arrives) while sampling the server's RSS. */
export async function downloadWithMemory(server: NextServer, pathname: string): Promise<HttpExport> {
  const rssBefore = server.memory()?.rss ?? Number.NaN
  const trace = new MemoryTrace(server, 20)
  const started = performance.now()
  const response = await fetch(server.baseUrl + pathname, { headers: { 'accept-encoding': 'identity' } })
  let bytes = 0
  let rows = 0
  const reader = response.body!.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    bytes += r.value.byteLength
    for (const b of r.value) if (b === 10) rows++
  }
  const ms = performance.now() - started
  const { peakRss } = trace.stop()
  // Lines less the CSV's header, or less the JSON document's first and last lines (a case a line between).
  return { path: pathname, status: response.status, ms, bytes, rows: rows - (pathname.includes('.json') ? 2 : 1), rssBefore, peakRss }
}

export type ApiLoad = LoadResult

export async function apiLoads(server: NextServer, targets: Targets, options: { connections: number; duration: number; warmup: number }): Promise<ApiLoad[]> {
  const paths = [
    { label: 'API cases (no filter)', path: '/api/v1/cases' },
    { label: 'API cases status+year', path: `/api/v1/cases?status=convicted&year=${targets.year}` },
    { label: 'API people', path: '/api/v1/people' },
  ]
  const results: ApiLoad[] = []
  for (const target of paths) {
    if (options.warmup) await runLoad(server.baseUrl, target, { connections: options.connections, duration: options.warmup })
    results.push(await runLoad(server.baseUrl, target, { connections: options.connections, duration: options.duration }))
  }
  return results
}

/** Prints the section; returns false when something failed or the memory target is missed. */
export function printExports(report: { worker: WorkerResult[]; http: HttpExport[]; api: ApiLoad[]; cases: number; connections: number }): boolean {
  section(`Exports and API — ${report.cases.toLocaleString('en')} cases`)
  const failures: string[] = []
  console.log(
    table(
      ['', 'rows', 'size', 'time', 'RSS before', 'peak RSS', 'RSS growth', 'peak heap'],
      report.worker.map((w) => describeWorker(w)),
      1,
    ),
  )
  for (const w of report.worker) {
    if (w.rows !== w.expected) failures.push(`${w.format} export wrote ${w.rows} rows for the ${w.expected} published cases`)
    if (w.peakRss - w.baselineRss > EXPORT_MEMORY_TARGET_BYTES) failures.push(`${w.format} export: the process grew by ${megabytes(w.peakRss - w.baselineRss)}, over the 200 MB target`)
  }
  if (report.http.length) {
    console.log('')
    console.log(
      table(
        ['download from the server', 'status', 'rows', 'size', 'time', 'server RSS before', 'server peak RSS', 'growth'],
        report.http.map((h) => [
          h.path,
          String(h.status),
          h.rows.toLocaleString('en'),
          `${fmt(h.bytes / 1e6)} MB`,
          seconds(h.ms),
          megabytes(h.rssBefore),
          megabytes(h.peakRss),
          megabytes(h.peakRss - h.rssBefore),
        ]),
        1,
      ),
    )
    for (const h of report.http) {
      if (h.status !== 200) failures.push(`${h.path} answered ${h.status}`)
      const expected = report.worker[0]?.expected
      if (h.rows !== expected) failures.push(`${h.path}: ${h.rows} rows for the ${expected} published cases`)
      if (h.peakRss - h.rssBefore > EXPORT_MEMORY_TARGET_BYTES) failures.push(`${h.path}: the server grew by ${megabytes(h.peakRss - h.rssBefore)} during the download, over the 200 MB target`)
    }
  }
  if (report.api.length) {
    console.log('')
    console.log(
      table(
        [`API (${report.connections} connections)`, 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx'],
        report.api.map((a) => [`${a.label} ${a.path}`, fmt(a.requestsPerSecond, 0), fmt(a.p50, 2), fmt(a.p99, 2), fmt(a.max, 1), String(a.non2xx + a.errors)]),
        1,
      ),
    )
    for (const a of report.api) if (a.non2xx || a.errors) failures.push(`${a.label}: ${a.non2xx} non-2xx, ${a.errors} errors`)
  }
  for (const f of failures) console.log(`  FAIL  ${f}`)
  return failures.length === 0
}

/**
 * The whole section on its own server and its own copy of the synthetic database:
 * the export function in a worker process, then the downloads and the API under load.
 */
export async function exportsBenchmark(
  options: { cases: number; connections: number; duration: number; warmup: number; http: boolean },
  syntheticPath: string,
  targets: Targets,
  ensureBuilt: (databaseUrl: string) => Promise<void>,
): Promise<boolean> {
  const { NextServer, prepareServerDatabase, removeServerDatabase } = await import('./server')
  const { TMP_DIR } = await import('./synthetic-db')
  const copy = prepareServerDatabase(syntheticPath, path.join(TMP_DIR, 'exports.db'))
  try {
    section('Exports: the export function in a process of its own')
    const worker: WorkerResult[] = []
    for (const format of ['csv', 'json'] as const) {
      const r = await runExportWorker(copy.path, format)
      console.log(`  ${format}: ${r.rows.toLocaleString('en')} rows in ${seconds(r.ms)}, peak RSS ${megabytes(r.peakRss)}`)
      worker.push(r)
    }
    // V8 lets the heap grow well past what is live before it collects: the same export
    // with the old space capped shows what it needs (a leak would run out of memory).
    const capped = await runExportWorker(copy.path, 'csv', { heapCapMb: HEAP_CAP_MB })
    console.log(`  csv, heap capped at ${HEAP_CAP_MB} MB: ${capped.rows.toLocaleString('en')} rows in ${seconds(capped.ms)}, peak RSS ${megabytes(capped.peakRss)}`)
    worker.push({ ...capped, format: `csv (heap ≤ ${HEAP_CAP_MB} MB)` })
    const http: HttpExport[] = []
    let api: ApiLoad[] = []
    if (options.http) {
      const databaseUrl = `file:${copy.path}`
      await ensureBuilt(databaseUrl)
      section('Exports: the production server')
      const server = await NextServer.start(databaseUrl, path.join(TMP_DIR, 'exports-server.log'), '/robots.txt')
      try {
        // A first small answer loads the route's code, as a server that has served for a while has.
        await fetch(`${server.baseUrl}/exports/cases.csv?year=1900`).then((r) => r.arrayBuffer())
        for (const pathname of ['/exports/cases.csv', '/exports/cases.json']) {
          const h = await downloadWithMemory(server, pathname)
          console.log(`  ${pathname}: ${h.status}, ${seconds(h.ms)}, server RSS ${megabytes(h.rssBefore)} → peak ${megabytes(h.peakRss)}`)
          http.push(h)
        }
        api = await apiLoads(server, targets, options)
      } finally {
        await server.stop()
      }
    }
    return printExports({ worker, http, api, cases: options.cases, connections: options.connections })
  } finally {
    removeServerDatabase(copy.path)
  }
}
