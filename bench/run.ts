// `npm run bench`: how fast are the public pages on a large database?
//
//   npm run bench                          10,000 cases (30k people, 100k events, 50k sources)
//   npm run bench -- --cases 100000        the target size
//   npm run bench -- --help                all options
//
// 1. Builds (or reuses) a synthetic database under bench/.tmp/ (bench/synthetic-db.ts).
// 2. Runs the dashboard's and the case page's data functions on it, captures the SQL
//    Prisma sends and checks every statement's EXPLAIN QUERY PLAN: a full scan of a
//    large table fails the run (bench/query-plans.ts).
// 3. Builds the app, starts `next start` on the synthetic database and loads a static
//    file from public/, a case page and the filtered dashboards with one HTTP load
//    generator at the same concurrency (bench/load.ts); prints requests/s, p50, p99
//    and each page's ratio to the static file, and the verdict against the targets.
// 4. Times the editor's write path on a copy of the database (bench/writes.ts):
//    sequential saves of a case and of an event, and a burst of 50 concurrent saves
//    of one record (exactly one must win).
//
// Exit code 1 on a full table scan, on any non-2xx response or error under load, or on
// a failure; latency targets are reported (PASS/MISS) but do not fail the run.
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { runLoad, type LoadOptions, type LoadResult, type LoadTarget } from './load'
import { checkQueryPlans, formatPlanReport, planVerdict } from './query-plans'
import { buildApp, clearOnDemandPages, hasBuild, NextServer, staticAssetNear, stopServersOnExit } from './server'
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
  --gzip              send Accept-Encoding: gzip, deflate, br like a browser (default: none, so
                      that no response is compressed and the numbers measure serving, not gzip)
  --no-build          reuse the existing .next build instead of running next build
  --rebuild-db        regenerate the synthetic database even if a cached one exists
  --plans-only        stop after the query-plan and write checks (no build, no HTTP load)
  --no-writes         skip the editor write-path timings
  --help              this text`

type Options = {
  cases: number
  duration: number
  warmup: number
  connections: number
  repeat: number
  gzip: boolean
  build: boolean
  rebuildDb: boolean
  plansOnly: boolean
  writes: boolean
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
      gzip: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'rebuild-db': { type: 'boolean' },
      'plans-only': { type: 'boolean' },
      'no-writes': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help) return null
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
    gzip: Boolean(values.gzip),
    build: !values['no-build'],
    rebuildDb: Boolean(values['rebuild-db']),
    plansOnly: Boolean(values['plans-only']),
    writes: !values['no-writes'],
  }
}

// ---------------------------------------------------------------------------
// Output helpers

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–')
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')

function section(title: string): void {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 76 - title.length))}`)
}

function table(headers: string[], rows: string[][], alignLeft: number): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

// ---------------------------------------------------------------------------
// HTTP

type Measured = LoadResult & {
  kind: 'static' | 'static-sized' | 'case' | 'case-cold' | 'dashboard'
  twoFilters: boolean
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

async function httpBenchmark(options: Options, databaseUrl: string, targets: Targets): Promise<Measured[]> {
  section('Build')
  if (!options.build && hasBuild()) {
    const removed = clearOnDemandPages()
    console.log(`Reusing the existing .next build (--no-build); removed ${removed} files of pages cached by earlier runs.`)
  } else {
    const started = performance.now()
    const logFile = path.join(TMP_DIR, 'next-build.log')
    console.log(`next build … (log: ${path.relative(process.cwd(), logFile)})`)
    await buildApp(databaseUrl, logFile)
    console.log(`next build took ${seconds(performance.now() - started)}`)
  }

  section('Server')
  const logFile = path.join(TMP_DIR, 'next-start.log')
  const server = await NextServer.start(databaseUrl, logFile, STATIC_PATH)
  try {
    console.log(`next start on ${server.baseUrl} (DATABASE_URL=${databaseUrl}; log: ${path.relative(process.cwd(), logFile)})`)

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

    const load: LoadOptions = {
      connections: options.connections,
      duration: options.duration,
      ...(options.gzip ? { headers: BROWSER_ENCODINGS } : {}),
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
      const result = await runLoad(server.baseUrl, target, load)
      results.push({ ...result, kind: target.kind, twoFilters: target.twoFilters })
      console.log(
        `  ${target.label.padEnd(28)} ${fmt(result.requestsPerSecond).padStart(8)} req/s  p50 ${fmt(result.p50, 2).padStart(7)} ms  p99 ${fmt(result.p99, 2).padStart(7)} ms  (load avg before: ${before})`,
      )
    }

    console.log('\nAfter the load:')
    console.log(describeProbe('case page (cached)', await probe(server.baseUrl, casePath, options.gzip)))
    const lastCold = targets.coldCases[Math.max(0, cold - 1)]
    if (lastCold) console.log(describeProbe('last "1st render" case, again', await probe(server.baseUrl, `/cases/${lastCold}`, options.gzip)))
    return results
  } finally {
    await server.stop()
  }
}

function printResults(results: readonly Measured[], options: Options): boolean {
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
    String(r.non2xx + r.errors + r.timeouts),
  ])
  console.log(
    table(['page', 'URL', 'req/s', 'p50 ms', 'p99 ms', 'p50/static', 'p99/static', 'requests', 'non-2xx/err'], rows, 2),
  )

  console.log('\nTargets:')
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS')
  const cached = results.find((r) => r.kind === 'case')!
  const ratio = cached.p50 / staticResult.p50
  console.log(
    `  ${verdict(ratio <= CASE_P50_TARGET_RATIO)}  case page p50 within ${CASE_P50_TARGET_RATIO}× the static file's: ${fmt(cached.p50, 2)} ms vs ${fmt(staticResult.p50, 2)} ms = ${fmt(ratio, 2)}×`,
  )
  const sized = results.find((r) => r.kind === 'static-sized')
  if (sized) {
    console.log(
      `        (against a static file of the page's size, ${sized.path}: ${fmt(sized.p50, 2)} ms = ${fmt(cached.p50 / sized.p50, 2)}×)`,
    )
  }
  const atTargetSize = options.cases >= DASHBOARD_TARGET_CASES
  for (const d of results.filter((r) => r.kind === 'dashboard' && r.twoFilters)) {
    console.log(
      `  ${verdict(d.p99 < DASHBOARD_P99_TARGET_MS)}  ${d.label} p99 under ${DASHBOARD_P99_TARGET_MS} ms: ${fmt(d.p99, 2)} ms` +
        (atTargetSize ? '' : `  (the target is set for ${DASHBOARD_TARGET_CASES.toLocaleString('en')} cases; this run has ${options.cases.toLocaleString('en')})`),
    )
  }

  const bad = results.filter((r) => r.non2xx + r.errors + r.timeouts > 0)
  for (const r of bad) {
    console.log(`  FAIL  ${r.label}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts; status codes ${JSON.stringify(r.statusCodes)}`)
  }
  return bad.length === 0
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
  console.log(
    `Casebook benchmark — ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadAverage()}`,
  )

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

  section('Query plans')
  const reports = await checkQueryPlans(db.url, targets, { repeat: options.repeat })
  console.log(formatPlanReport(reports, options.repeat))
  const plans = planVerdict(reports)
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

  let writesOk = true
  if (options.writes) {
    section('Editor writes')
    writesOk = await runWritesBenchmark(db.path)
  }

  let httpOk = true
  if (!options.plansOnly) {
    const results = await httpBenchmark(options, db.url, targets)
    httpOk = printResults(results, options)
  }

  const failed = plans.failures.length > 0 || !httpOk || !writesOk
  console.log(
    `\n${failed ? 'FAILED' : 'OK'}${plans.failures.length ? ' — full table scans (see "Query plans")' : ''}${httpOk ? '' : ' — errors under load'}${writesOk ? '' : ' — the write benchmark failed'}`,
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
