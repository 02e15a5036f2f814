// `npm run bench`: how fast are the public pages on a large database?
//
//   npm run bench                          10,000 cases (30k people, 100k events, 50k sources)
//   npm run bench -- --cases 100000        the issue's target size
//   npm run bench -- --mixed-only          only the mixed load (5 below)
//   npm run bench -- --help                all options
//
// 1. Builds (or reuses) a synthetic database under bench/.tmp/ (bench/synthetic-db.ts).
// 2. Runs the dashboard's and the case page's data functions on it, captures the SQL
//    Prisma sends and checks every statement's EXPLAIN QUERY PLAN: a full scan of a
//    large table fails the run (bench/query-plans.ts).
// 3. Builds the app, starts the production server (server/main.mjs) on the synthetic database and loads a static
//    file from public/, a case page and the filtered dashboards with one HTTP load
//    generator at the same concurrency (bench/load.ts); prints requests/s, p50, p99
//    and each page's ratio to the static file, and the verdict against the targets.
//    Then, with the page cache in the database (lib/cache/handler.mjs): the first
//    request after an invalidation (the re-render) of the case page and of a filtered
//    dashboard, and the dashboard under load while an editor saves a case it lists
//    every second (bench/invalidation.ts, bench/editor.ts).
// 4. Times the editor's write path on a copy of the database (bench/writes.ts):
//    sequential saves of a case, of an event and of a person, each with the
//    invalidation of the cache tags it returns, and a burst of 50 concurrent saves of
//    one record (exactly one must win).
// 5. The mixed load (bench/mixed.ts), on a server of its own: a minute at 50
//    connections of 80% case pages, 15% dashboard views, 5% text searches and sign-in
//    attempts, while an editor saves every second; errors, p50/p99 by kind, the
//    saves, the server's peak memory.
// 6. Search (bench/search.ts): the search module's answer to readers' queries on a
//    copy of the database with its index rebuilt; p50/p99 against the 50 ms target.
//
// Exit code 1 on a full table scan, on any non-2xx response or error under load (in
// the mixed load: any answer other than the right one), or on a failure; latency
// targets are reported (PASS/MISS) but do not fail the run.
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { PageCacheStore } from '../lib/cache/page-cache-store.mjs'
import { EditorProcess, measureRerenders, percentileOf, showsLastEdit, timedGet, type EditorReady, type EditorResult, type Rerenders } from './invalidation'
import { describeCache, runLoad, type LoadOptions, type LoadResult, type LoadTarget } from './load'
import { MIXED_P99_TARGET_MS, mixedBenchmark, printMixed } from './mixed'
import { fmt, loadAverage, section, seconds, table } from './output'
import { checkQueryPlans, formatPlanReport, planVerdict } from './query-plans'
import { exportsBenchmark } from './exports'
import { buildApp, hasBuild, NextServer, pagesStored, prepareServerDatabase, removeServerDatabase, staticAssetNear, stopServersOnExit } from './server'
import { printSearch, searchBenchmark, SEARCH_P99_TARGET_MS } from './search'
import { DEFAULT_PARAMS, ensureSyntheticDb, TMP_DIR } from './synthetic-db'
import { dashboardPath, dashboardTargets, pickTargets, type Targets } from './targets'

const STATIC_PATH = '/robots.txt'
const CASE_P50_TARGET_RATIO = 2
const DASHBOARD_P99_TARGET_MS = 100
const DASHBOARD_TARGET_CASES = 100_000

const USAGE = `Usage: npm run bench -- [options]

  --cases <n>         cases in the synthetic database (default ${DEFAULT_PARAMS.cases}); people, events
                      and sources scale with it (×${DEFAULT_PARAMS.peoplePerCase}, ×${DEFAULT_PARAMS.eventsPerCase}, ×${DEFAULT_PARAMS.sourcesPerCase})
  --duration <s>      seconds of load per URL (default 10)
  --warmup <s>        seconds of warm-up load per URL before measuring (default 3)
  --connections <n>   concurrent connections of the load generator (default 10)
  --repeat <n>        runs per page for the per-statement timings (default 15)
  --edit-interval <ms>
                      while the dashboard is loaded, an editor saves a case it lists every <ms>
                      (default 1000; 0 skips that run)
  --rerenders <n>     invalidate-then-request repetitions for the re-render timings (default 20)
  --mixed-only        only the mixed load (no query plans, write timings or per-URL loads)
  --no-mixed          skip the mixed load
  --mixed-duration <s>
                      seconds of the mixed load (default 60)
  --mixed-warmup <s>  seconds of the same mix before it, not counted (default 10)
  --mixed-connections <n>
                      connections of the mixed load (default 50); its target: p99 ≤ ${MIXED_P99_TARGET_MS} ms, no error
  --gzip              send Accept-Encoding: gzip, deflate, br like a browser (default: none, so
                      that no response is compressed and the numbers measure serving, not gzip)
  --no-build          reuse the existing .next build instead of running next build
  --rebuild-db        regenerate the synthetic database even if a cached one exists
  --export-only       only the exports and API section (the export function's time and memory,
                      the downloads from the server, the API list under load); with
                      --plans-only, the export function alone (no build, no server)
  --plans-only        stop after the query-plan and write checks (no build, no HTTP load)
  --no-writes         skip the editor write-path timings
  --search-only       only the search timings (a copy of the database, its index rebuilt; no server);
                      target p99 < ${SEARCH_P99_TARGET_MS} ms
  --no-search         skip the search timings
  --help              this text`

type Options = {
  cases: number
  duration: number
  warmup: number
  connections: number
  repeat: number
  editInterval: number
  rerenders: number
  gzip: boolean
  build: boolean
  rebuildDb: boolean
  plansOnly: boolean
  writes: boolean
  mixed: boolean
  mixedOnly: boolean
  mixedDuration: number
  mixedWarmup: number
  mixedConnections: number
  exportOnly: boolean
  search: boolean
  searchOnly: boolean
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      repeat: { type: 'string' },
      'edit-interval': { type: 'string' },
      rerenders: { type: 'string' },
      gzip: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'rebuild-db': { type: 'boolean' },
      'plans-only': { type: 'boolean' },
      'no-writes': { type: 'boolean' },
      'mixed-only': { type: 'boolean' },
      'no-mixed': { type: 'boolean' },
      'mixed-duration': { type: 'string' },
      'mixed-warmup': { type: 'string' },
      'mixed-connections': { type: 'string' },
      'export-only': { type: 'boolean' },
      'search-only': { type: 'boolean' },
      'no-search': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help) return null
  if (values['export-only'] && values['mixed-only']) throw new UsageError('--export-only runs only the exports and API section: not with --mixed-only')
  if (values['mixed-only'] && (values['no-mixed'] || values['plans-only'])) throw new UsageError('--mixed-only runs only the mixed load: not with --no-mixed or --plans-only')
  if (values['search-only'] && (values['mixed-only'] || values['no-search'] || values['plans-only']))
    throw new UsageError('--search-only runs only the search timings: not with --mixed-only, --no-search or --plans-only')
  const int = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback
    const n = Number(raw.replaceAll('_', ''))
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${raw}"`)
    return n
  }
  return {
    cases: int('cases', values.cases, DEFAULT_PARAMS.cases, 100),
    duration: int('duration', values.duration, 10, 1),
    warmup: int('warmup', values.warmup, 3, 0),
    connections: int('connections', values.connections, 10, 1),
    repeat: int('repeat', values.repeat, 15, 1),
    editInterval: int('edit-interval', values['edit-interval'], 1000, 0),
    rerenders: int('rerenders', values.rerenders, 20, 0),
    gzip: Boolean(values.gzip),
    build: !values['no-build'],
    rebuildDb: Boolean(values['rebuild-db']),
    plansOnly: Boolean(values['plans-only']),
    writes: !values['no-writes'],
    mixed: !values['no-mixed'],
    mixedOnly: Boolean(values['mixed-only']),
    mixedDuration: int('mixed-duration', values['mixed-duration'], 60, 1),
    mixedWarmup: int('mixed-warmup', values['mixed-warmup'], 10, 0),
    mixedConnections: int('mixed-connections', values['mixed-connections'], 50, 1),
    exportOnly: Boolean(values['export-only']),
    search: !values['no-search'],
    searchOnly: Boolean(values['search-only']),
  }
}

// ---------------------------------------------------------------------------
// HTTP

type Measured = LoadResult & {
  kind: 'static' | 'static-sized' | 'case' | 'case-cold' | 'dashboard'
  twoFilters: boolean
  loadAverage: string
  /** The server's CPU time (user + system) per request, ms. */
  cpuMsPerRequest: number
}

type HeaderProbe = { path: string; status: number; ms: number; bytes: number; cache: string | null; cacheControl: string | null }

const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br' }

async function probe(baseUrl: string, pathname: string, gzip: boolean): Promise<HeaderProbe> {
  const started = performance.now()
  // The same Accept-Encoding as the load generator sends. (fetch decompresses; bytes are the decoded size.)
  const response = await fetch(baseUrl + pathname, {
    redirect: 'manual',
    headers: gzip ? BROWSER_ENCODINGS : { 'accept-encoding': 'identity' },
  })
  const body = await response.arrayBuffer()
  return {
    path: pathname,
    status: response.status,
    ms: performance.now() - started,
    bytes: body.byteLength,
    cache: response.headers.get('x-nextjs-cache'),
    cacheControl: response.headers.get('cache-control'),
  }
}

function describeProbe(label: string, p: HeaderProbe): string {
  return (
    `  ${label.padEnd(34)} ${String(p.status)}  ${fmt(p.ms).padStart(7)} ms  ${(p.bytes / 1000).toFixed(1).padStart(6)} kB  ` +
    `x-nextjs-cache: ${p.cache ?? '(none)'}  cache-control: ${p.cacheControl ?? '(none)'}`
  )
}

type HttpReport = { results: Measured[]; rerenders: Rerenders[]; editing: EditingRun | null }

type EditingRun = {
  load: LoadResult
  editor: EditorResult
  ready: EditorReady
  intervalMs: number
  loadAverage: string
  /** Whether the view showed the last title saved after the run (null: no save succeeded). */
  shown: boolean | null
  /** Times the server stored the view during the run: how many renders the saves caused. */
  renders: number
  cpuMsPerRequest: number
}

let built = false

/** `next build` (or, with --no-build, the existing build), once per bench run. */
async function ensureBuilt(options: Options, databaseUrl: string): Promise<void> {
  if (built) return
  section('Build')
  if (!options.build && hasBuild()) {
    console.log('Reusing the existing .next build (--no-build).')
  } else {
    const started = performance.now()
    const logFile = path.join(TMP_DIR, 'next-build.log')
    console.log(`next build … (log: ${path.relative(process.cwd(), logFile)})`)
    await buildApp(databaseUrl, logFile)
    console.log(`next build took ${seconds(performance.now() - started)}`)
  }
  built = true
}

async function httpBenchmark(options: Options, syntheticPath: string, targets: Targets): Promise<HttpReport> {
  const serverDb = prepareServerDatabase(syntheticPath, path.join(TMP_DIR, 'server.db'))
  const databaseUrl = `file:${serverDb.path}`
  await ensureBuilt(options, databaseUrl)

  section('Server')
  console.log(
    `The server runs on a copy of the synthetic database, ${path.relative(process.cwd(), serverDb.path)} (the page cache and the editor run write into it); ` +
      `${serverDb.droppedPages} cached page(s) dropped from it.`,
  )
  const logFile = path.join(TMP_DIR, 'next-start.log')
  const server = await NextServer.start(databaseUrl, logFile, STATIC_PATH)
  const store = new PageCacheStore({ databasePath: serverDb.path })
  try {
    console.log(`server/main.mjs on ${server.baseUrl} (DATABASE_URL=${databaseUrl}; log: ${path.relative(process.cwd(), logFile)})`)

    const casePath = `/cases/${targets.typicalCase}`
    const dashboards = dashboardTargets(targets)
    console.log('\nWhat the server does with each URL (response headers before any load):')
    console.log(describeProbe(`static ${STATIC_PATH}`, await probe(server.baseUrl, STATIC_PATH, options.gzip)))
    const firstCase = await probe(server.baseUrl, casePath, options.gzip)
    console.log(describeProbe('case page, 1st request', firstCase))
    console.log(describeProbe('case page, 2nd request', await probe(server.baseUrl, casePath, options.gzip)))
    console.log(describeProbe('case page, 3rd request', await probe(server.baseUrl, casePath, options.gzip)))
    console.log(describeProbe(`${dashboards[0]!.label}, 1st`, await probe(server.baseUrl, dashboardPath(dashboards[0]!), options.gzip)))
    console.log(describeProbe(`${dashboards[0]!.label}, 2nd`, await probe(server.baseUrl, dashboardPath(dashboards[0]!), options.gzip)))

    // A static file as large as the case page, to separate the cost of the bytes from the rest.
    const sized = staticAssetNear(firstCase.bytes)
    if (sized) console.log(describeProbe('static file of about that size', await probe(server.baseUrl, sized.path, options.gzip)))

    let cold = 0
    const targetsToLoad: Array<LoadTarget & { kind: Measured['kind']; twoFilters: boolean }> = [
      { label: 'static file', path: STATIC_PATH, kind: 'static', twoFilters: false },
      ...(sized ? [{ label: 'static file, page-sized', path: sized.path, kind: 'static-sized' as const, twoFilters: false }] : []),
      { label: 'case page (cached)', path: casePath, kind: 'case', twoFilters: false },
      {
        label: 'case page (1st render)',
        path: () => {
          const slug = targets.coldCases[cold++]
          return slug ? `/cases/${slug}` : null
        },
        // Every request a different, never-rendered case: what a crawler or a shared
        // link to an old case costs before Next has cached the page.
        maxRequests: Math.max(1, targets.coldCases.length - 4 * options.connections),
        kind: 'case-cold',
        twoFilters: false,
      },
      ...dashboards.map((d) => ({
        label: d.label,
        path: dashboardPath(d),
        kind: 'dashboard' as const,
        twoFilters: Object.keys(d.search).length === 2,
      })),
    ]

    const headers = options.gzip ? BROWSER_ENCODINGS : undefined
    const load: LoadOptions = {
      connections: options.connections,
      duration: options.duration,
      ...(headers ? { headers } : {}),
    }
    const results: Measured[] = []
    console.log(
      `\nLoad: autocannon, ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per URL, one URL at a time, ` +
        (options.gzip ? 'Accept-Encoding: gzip, deflate, br.' : 'no Accept-Encoding (uncompressed).'),
    )
    for (const target of targetsToLoad) {
      if (options.warmup > 0 && target.kind !== 'case-cold') {
        await runLoad(server.baseUrl, target, { ...load, duration: options.warmup })
      }
      const before = loadAverage()
      const cpuBefore = server.cpuMs()
      const result = await runLoad(server.baseUrl, target, load)
      const cpuMsPerRequest = (server.cpuMs() - cpuBefore) / result.requests
      results.push({ ...result, kind: target.kind, twoFilters: target.twoFilters, loadAverage: before, cpuMsPerRequest })
      console.log(
        `  ${target.label.padEnd(28)} ${fmt(result.requestsPerSecond).padStart(8)} req/s  p50 ${fmt(result.p50, 2).padStart(7)} ms  p99 ${fmt(result.p99, 2).padStart(7)} ms  ` +
          `server CPU ${fmt(cpuMsPerRequest, 2).padStart(6)} ms/req  ${describeCache(result.cache).padEnd(22)} (load avg before: ${before})`,
      )
    }

    console.log('\nAfter the load:')
    console.log(describeProbe('case page (cached)', await probe(server.baseUrl, casePath, options.gzip)))
    const lastCold = targets.coldCases[Math.max(0, cold - 1)]
    if (lastCold) console.log(describeProbe('last "1st render" case, again', await probe(server.baseUrl, `/cases/${lastCold}`, options.gzip)))
    const cacheStats = store.stats()
    console.log(`  page cache in the database: ${cacheStats.entries.toLocaleString('en')} entries, ${(cacheStats.bytes / 1e6).toFixed(1)} MB`)

    // The first request after an invalidation: the page renders again, blocking.
    const rerenders: Rerenders[] = []
    if (options.rerenders > 0) {
      const caseId = caseIdOf(serverDb.path, targets.typicalCase)
      console.log(`\nRe-render after an invalidation: ${options.rerenders} × (invalidate the tag, GET, GET again), one request at a time:`)
      for (const target of [
        { label: 'case page', path: casePath, tag: `cb:case:${caseId}` },
        { label: dashboards[0]!.label, path: dashboardPath(dashboards[0]!), tag: 'cb:dashboard' },
      ]) {
        const before = loadAverage()
        const r = await measureRerenders(
          server.baseUrl,
          store,
          target,
          options.rerenders,
          headers ?? { 'accept-encoding': 'identity' },
          (from, to) => sum(pagesStored(serverDb.path, from, to)),
          () => server.cpuMs(),
        )
        rerenders.push(r)
        console.log(`  ${describeRerenders(r)}  (load avg before: ${before})`)
      }
    }

    // The dashboard view under load while an editor saves a case it lists every interval.
    let editing: EditingRun | null = null
    if (options.editInterval > 0) {
      const view = dashboards[0]!
      const viewPath = dashboardPath(view)
      const editor = await EditorProcess.start(serverDb.path, options.editInterval, view.search)
      try {
        console.log(
          `\n${view.label} (${viewPath}) under the same load while an editor saves case ${editor.ready.caseId} (/cases/${editor.ready.slug}, ` +
            `the first of the ${editor.ready.listed.toLocaleString('en')} it lists) every ${options.editInterval} ms: title edited, tags invalidated.`,
        )
        await timedGet(server.baseUrl + viewPath, headers ?? {})
        const before = loadAverage()
        const from = Date.now()
        const cpuBefore = server.cpuMs()
        editor.begin()
        const result = await runLoad(server.baseUrl, { label: `${view.label}, editor saving`, path: viewPath }, load)
        const to = Date.now()
        const cpuMsPerRequest = (server.cpuMs() - cpuBefore) / result.requests
        const edits = await editor.stop()
        // Only the view is requested meanwhile: every page stored is a render of it.
        const renders = sum(pagesStored(serverDb.path, from, to))
        // Did the saves reach readers? The view must now show the last title saved.
        const shown = await showsLastEdit(server.baseUrl + viewPath, edits, headers)
        editing = { load: result, editor: edits, ready: editor.ready, intervalMs: options.editInterval, loadAverage: before, shown, renders, cpuMsPerRequest }
        console.log(`  ${describeEditing(editing)}`)
      } finally {
        editor.kill()
      }
    }
    return { results, rerenders, editing }
  } finally {
    store.close()
    await server.stop()
    removeServerDatabase(serverDb.path)
  }
}

function caseIdOf(databasePath: string, slug: string): number {
  const db = new Database(databasePath, { readonly: true })
  try {
    return (db.prepare('SELECT "id" FROM "Case" WHERE "slug" = ?').get(slug) as { id: number }).id
  } finally {
    db.close()
  }
}

const sortedNumbers = (values: readonly number[]) => [...values].sort((a, b) => a - b)
const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0)

function describeRerenders(r: Rerenders): string {
  const first = sortedNumbers(r.first)
  const second = sortedNumbers(r.second)
  const problems = [r.notMiss ? `${r.notMiss} first request(s) not a MISS` : '', r.notHit ? `${r.notHit} second request(s) not a HIT` : '', r.bad ? `${r.bad} non-200` : ''].filter(Boolean)
  return (
    `${r.label.padEnd(26)} re-render p50 ${fmt(percentileOf(first, 50), 2).padStart(7)} ms  p99 ${fmt(percentileOf(first, 99), 2).padStart(7)} ms  ` +
    `(then cached: p50 ${fmt(percentileOf(second, 50), 2)} ms)  server CPU ${fmt(r.cpuMsPerRerender, 1)} ms/re-render  ${problems.length ? `! ${problems.join(', ')}` : `${r.first.length}/${r.first.length} MISS then HIT`}` +
    (r.stored === null ? '' : `; ${r.stored} render(s) stored`)
  )
}

function describeEditing(e: EditingRun): string {
  const saves = e.editor.saves
  const save = sortedNumbers(saves.map((s) => s.saveMs))
  const inv = sortedNumbers(saves.map((s) => s.invalidateMs))
  const tags = sortedNumbers(saves.map((s) => s.tags))
  return [
    `${saves.length} saves: save p50 ${fmt(percentileOf(save, 50), 2)} ms, max ${fmt(save.at(-1) ?? Number.NaN, 2)} ms; ` +
      `invalidate p50 ${fmt(percentileOf(inv, 50), 2)} ms, max ${fmt(inv.at(-1) ?? Number.NaN, 2)} ms; tags per save ${tags[0] ?? '–'}–${tags.at(-1) ?? '–'}` +
      (e.editor.failures.length ? `; ${e.editor.failures.length} FAILED: ${e.editor.failures.slice(0, 3).join(' | ')}` : ''),
    `  ${e.renders} render(s) of the view stored by the server during the run (Next.js hands one render to every request waiting for it: each of those says MISS)`,
    `  ${fmt(e.load.requestsPerSecond)} req/s  p50 ${fmt(e.load.p50, 2)} ms  p99 ${fmt(e.load.p99, 2)} ms  max ${fmt(e.load.max, 2)} ms  server CPU ${fmt(e.cpuMsPerRequest, 2)} ms/req; responses: ${describeCache(e.load.cache)}  (load avg before: ${e.loadAverage})`,
    ...Object.entries(e.load.cache).map(
      ([state, c]) => `    ${state.padEnd(5)} ${String(c.count).padStart(6)} responses  p50 ${fmt(c.p50, 2).padStart(7)} ms  p99 ${fmt(c.p99, 2).padStart(7)} ms  max ${fmt(c.max, 2).padStart(7)} ms`,
    ),
    `  after the run the view ${e.shown === null ? 'was not checked (no save succeeded)' : e.shown ? 'shows the last title saved' : 'does NOT show the last title saved  ← UNEXPECTED'}`,
  ].join('\n')
}

function printResults({ results, rerenders, editing }: HttpReport, options: Options): boolean {
  const staticResult = results.find((r) => r.kind === 'static')!
  section(`Results — ${options.cases.toLocaleString('en')} cases, ${options.connections} connections, ${options.duration} s per URL`)
  const rows = results.map((r) => [
    r.label,
    r.path.length > 48 ? `${r.path.slice(0, 47)}…` : r.path,
    fmt(r.requestsPerSecond),
    fmt(r.p50, 2),
    fmt(r.p99, 2),
    `${fmt(r.p50 / staticResult.p50, 2)}×`,
    `${fmt(r.p99 / staticResult.p99, 2)}×`,
    String(r.requests),
    fmt(r.cpuMsPerRequest, 2),
    String(r.non2xx + r.errors + r.timeouts),
    describeCache(r.cache),
    r.loadAverage,
  ])
  const undisturbed = results.find((r) => r.kind === 'dashboard' && editing && r.path === editing.load.path)
  if (editing && undisturbed) {
    const e = editing.load
    rows.push([
      `${undisturbed.label}, editor saving every ${editing.intervalMs / 1000} s`,
      e.path,
      fmt(e.requestsPerSecond),
      fmt(e.p50, 2),
      fmt(e.p99, 2),
      `${fmt(e.p50 / staticResult.p50, 2)}×`,
      `${fmt(e.p99 / staticResult.p99, 2)}×`,
      String(e.requests),
      fmt(editing.cpuMsPerRequest, 2),
      String(e.non2xx + e.errors + e.timeouts),
      describeCache(e.cache),
      editing.loadAverage,
    ])
  }
  console.log(table(['page', 'URL', 'req/s', 'p50 ms', 'p99 ms', 'p50/static', 'p99/static', 'requests', 'CPU ms/req', 'non-2xx/err', 'x-nextjs-cache', 'load avg before'], rows, 2))
  if (editing) {
    const saves = editing.editor.saves
    console.log(
      `\nWhile the editor saved (${saves.length} saves in ${fmt(editing.load.durationS, 0)} s, ${saves.length ? `${saves[0]!.tags} tags each` : 'none'}; ` +
        `${editing.renders} renders of the view stored), responses by x-nextjs-cache:`,
    )
    for (const [state, c] of Object.entries(editing.load.cache)) {
      console.log(`  ${state.padEnd(5)} ${String(c.count).padStart(6)} responses  p50 ${fmt(c.p50, 2).padStart(7)} ms  p99 ${fmt(c.p99, 2).padStart(7)} ms  max ${fmt(c.max, 2).padStart(7)} ms`)
    }
  }
  if (rerenders.length) {
    console.log(`\nFirst request after an invalidation (${rerenders[0]!.first.length} × invalidate, GET; one request at a time, no other load):`)
    for (const r of rerenders) console.log(`  ${describeRerenders(r)}`)
  }

  console.log('\nTargets:')
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS')
  const cached = results.find((r) => r.kind === 'case')!
  const ratio = cached.p50 / staticResult.p50
  console.log(`  ${verdict(ratio <= CASE_P50_TARGET_RATIO)}  case page p50 within ${CASE_P50_TARGET_RATIO}× the static file's: ${fmt(cached.p50, 2)} ms vs ${fmt(staticResult.p50, 2)} ms = ${fmt(ratio, 2)}×`)
  const sized = results.find((r) => r.kind === 'static-sized')
  if (sized) {
    console.log(`        (against a static file of the page's size, ${sized.path}: ${fmt(sized.p50, 2)} ms = ${fmt(cached.p50 / sized.p50, 2)}×)`)
  }
  const atTargetSize = options.cases >= DASHBOARD_TARGET_CASES
  for (const d of results.filter((r) => r.kind === 'dashboard' && r.twoFilters)) {
    console.log(
      `  ${verdict(d.p99 < DASHBOARD_P99_TARGET_MS)}  ${d.label} p99 under ${DASHBOARD_P99_TARGET_MS} ms: ${fmt(d.p99, 2)} ms` +
        (atTargetSize ? '' : `  (the target is set for ${DASHBOARD_TARGET_CASES.toLocaleString('en')} cases; this run has ${options.cases.toLocaleString('en')})`),
    )
  }

  if (editing) {
    const e = editing.load
    console.log(
      `  ${verdict(e.p99 < DASHBOARD_P99_TARGET_MS)}  ${undisturbed?.label ?? 'dashboard'} p99 under ${DASHBOARD_P99_TARGET_MS} ms while an editor saves every ${editing.intervalMs / 1000} s: ${fmt(e.p99, 2)} ms` +
        (atTargetSize ? '' : `  (target set for ${DASHBOARD_TARGET_CASES.toLocaleString('en')} cases)`),
    )
  }

  const bad = [...results, ...(editing ? [editing.load] : [])].filter((r) => r.non2xx + r.errors + r.timeouts > 0)
  for (const r of bad) {
    console.log(`  FAIL  ${r.label}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts; status codes ${JSON.stringify(r.statusCodes)}`)
  }
  const failures: string[] = []
  if (editing?.editor.failures.length) failures.push(`${editing.editor.failures.length} editor save(s) failed: ${editing.editor.failures[0]}`)
  if (editing && editing.shown === false) failures.push('after the editor run the dashboard does not show the last title saved: an invalidation did not reach the page')
  if (editing && editing.editor.saves.length === 0) failures.push('the editor made no save during the run')
  for (const r of rerenders.filter((x) => x.bad > 0)) failures.push(`${r.label}: ${r.bad} non-200 response(s) after an invalidation`)
  for (const f of failures) console.log(`  FAIL  ${f}`)
  return bad.length === 0 && failures.length === 0
}

/** bench/writes.ts in a process of its own: lib/db.ts binds one database per process. */
function runWritesBenchmark(databasePath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'bench/writes.ts', databasePath], { stdio: 'inherit' })
    child.on('exit', (code) => resolve(code === 0))
    child.on('error', () => resolve(false))
  })
}

// ---------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv)
  if (!options) {
    console.log(USAGE)
    return 0
  }
  stopServersOnExit()
  const cpus = os.cpus()
  console.log(`Casebook benchmark — ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadAverage()}`)

  section('Synthetic database')
  const db = await ensureSyntheticDb({ ...DEFAULT_PARAMS, cases: options.cases }, { rebuild: options.rebuildDb })
  console.log(
    `${db.generated ? 'Generated' : 'Reused cached'} ${path.relative(process.cwd(), db.path)} (${(db.sizeBytes / 1e6).toFixed(0)} MB; generation took ${seconds(db.generatedInMs)}${db.generated ? '' : ' when it was built'})`,
  )
  console.log(
    '  ' +
      Object.entries(db.counts)
        .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
        .join(', '),
  )
  const targets = pickTargets(db.path)
  console.log(`  case pages: typical /cases/${targets.typicalCase}, richest /cases/${targets.richCase}; provision filter: ${targets.topProvision}`)

  let plans: ReturnType<typeof planVerdict> = { failures: [], warnings: [] }
  let writesOk = true
  let httpOk = true
  if (options.search && !options.mixedOnly && !options.exportOnly) {
    section('Search')
    printSearch(await searchBenchmark(db.path, { repeat: options.repeat }), options.repeat)
    if (options.searchOnly) return 0
  }
  let exportsOk = true
  const exportsRun = () => exportsBenchmark({ ...options, http: !options.plansOnly }, db.path, targets, (databaseUrl) => ensureBuilt(options, databaseUrl))
  if (options.exportOnly) {
    exportsOk = await exportsRun()
    console.log(`\n${exportsOk ? 'OK' : 'FAILED — exports and API'}`)
    return exportsOk ? 0 : 1
  }
  if (!options.mixedOnly) {
    section('Query plans')
    const reports = await checkQueryPlans(db.url, targets, { repeat: options.repeat })
    console.log(formatPlanReport(reports, options.repeat))
    plans = planVerdict(reports)
    console.log('')
    if (plans.warnings.length) {
      console.log(`${plans.warnings.length} whole-index scan(s) of large tables (not failing, but they read every row):`)
      for (const w of plans.warnings) console.log(`  ! ${w}`)
    }
    if (plans.failures.length) {
      console.log(`FAIL: ${plans.failures.length} full table scan(s) of large tables:`)
      for (const f of plans.failures) console.log(`  ✗ ${f}`)
    } else {
      console.log('No full table scan of a large table in the dashboard or case-page queries.')
    }

    if (options.writes) {
      section('Editor writes')
      writesOk = await runWritesBenchmark(db.path)
    }

    if (!options.plansOnly) {
      const report = await httpBenchmark(options, db.path, targets)
      httpOk = printResults(report, options)
    }
    exportsOk = await exportsRun()
  }

  let mixedOk = true
  if (options.mixed && !options.plansOnly) {
    const report = await mixedBenchmark(
      { connections: options.mixedConnections, duration: options.mixedDuration, warmup: options.mixedWarmup, editInterval: options.editInterval },
      db.path,
      targets,
      (databaseUrl) => ensureBuilt(options, databaseUrl),
    )
    mixedOk = printMixed(report)
  }

  const failed = plans.failures.length > 0 || !httpOk || !writesOk || !mixedOk || !exportsOk
  console.log(
    `\n${failed ? 'FAILED' : 'OK'}${plans.failures.length ? ' — full table scans (see "Query plans")' : ''}${httpOk ? '' : ' — errors under load'}` +
      `${mixedOk ? '' : ' — errors in the mixed load'}${writesOk ? '' : ' — the write benchmark failed'}${exportsOk ? '' : ' — exports and API (see "Exports and API")'}`,
  )
  return failed ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${USAGE}`)
      process.exitCode = 2
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error)
      process.exitCode = 1
    }
  },
)
