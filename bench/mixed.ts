// The mixed load (issue 8): a minute of traffic shaped like the site's, at 50
// connections, while an editor saves every second. Per request, from a seeded
// generator: 80% case pages (many cases, a few popular: Zipf over a fixed order),
// 15% dashboard views (ten filter combinations), 5% split between text searches (the
// dashboard's `q`, rendered per request) and anonymous sign-in attempts (the sign-in
// form's server action with a wrong password; throttled ones count as answered).
// Every answer is checked against what that kind of request must answer. Reported:
// requests and errors by kind, p50/p99, the editor's saves, the server's peak memory.
//
// Runs on a server of its own (a fresh copy of the synthetic database, an empty page
// cache), after a short warm-up with the same mix.
import path from 'node:path'
import { serverActionId } from '../tests/e2e/support/editor'
import { editMarksShown, EditorProcess, percentileOf, showsLastEdit, type EditorReady, type EditorResult } from './invalidation'
import { describeCache, runMixedLoad, type Answer, type KindResult, type MixedLoadResult, type MixedRequest } from './load'
import { fmt, loadAverage, megabytes, section, table } from './output'
import { Random, Weighted } from './prng'
import { MemoryTrace, NextServer, prepareServerDatabase, removeServerDatabase, type MemorySample } from './server'
import { TMP_DIR } from './synthetic-db'
import { dashboardPath, dashboardTargets, mixedDashboardTargets, type DashboardTarget, type Targets } from './targets'

export const MIXED_KINDS = ['case page', 'dashboard', 'search', 'sign-in'] as const
export type MixedKind = (typeof MIXED_KINDS)[number]

/** The issue's 80 / 15 / 5; the 5 split evenly between searches and sign-in attempts. */
const MIX: ReadonlyArray<readonly [MixedKind, number]> = [
  ['case page', 80],
  ['dashboard', 15],
  ['search', 2.5],
  ['sign-in', 2.5],
]

/**
 * Targets for the mixed load. Errors: none (a 5xx, a timeout, a socket error or a
 * wrong answer is a bug). p99 over every request: 1 s. With 50 connections kept busy
 * (a closed loop) a request waits for those ahead of it, so latency is 50 ÷ the
 * server's throughput: this is a saturation test, and 1 s is the point past which a
 * reader notices the wait (and leaves) while network and browser time still come on top.
 */
export const MIXED_P99_TARGET_MS = 1000

// ---------------------------------------------------------------------------
// The traffic

/** What each kind of request must answer. */
const RESULTS_HEADING = 'id="results-heading"'
const FILTER_PROBLEM = 'were not understood and were ignored'
const SIGN_IN_REFUSED = 'Wrong email or password.'
const SIGN_IN_THROTTLED = /Too many failed attempts: (wait \d+ seconds?|sign-in for this account is locked)/

/**
 * Half the attempts guess at one address (someone after an editor's account: from its
 * 3rd failure they are throttled, lib/auth/throttle.ts), the other half each use a new
 * random address (checked every time, as the throttle counts per address).
 */
const TARGETED_EMAIL = 'editor@casebook.example'
const TARGETED_SHARE = 0.5
const EMAIL_WORDS = ['anna', 'max', 'lena', 'timur', 'aigerim', 'ivan', 'olga', 'reza', 'elif', 'nodira', 'bob', 'test', 'admin', 'root', 'info']
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example']

function dashboardCheck(answer: Answer): string | null {
  return answer.status === 200 && answer.body.includes(RESULTS_HEADING) && !answer.body.includes(FILTER_PROBLEM) ? 'ok' : null
}

/**
 * The sign-in form's server action as the browser posts it with JavaScript on (the
 * form's `action`): POST to the page with the action's id in `Next-Action`, React's
 * encoding of (previous state, FormData) as multipart — the form's fields under `_1_`,
 * the argument list last, as tests/e2e/support/editor.ts postAction sends it — and
 * the page's own Origin. The answer is the action's state, 200 text/x-component.
 */
function signInBody(boundary: string, email: string, password: string): string {
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  return part('_1_email', email) + part('_1_password', password) + part('0', '[null,"$K1"]') + `--${boundary}--\r\n`
}

function signInCheck(answer: Answer): string | null {
  if (answer.status !== 200 || !answer.headers['content-type']?.includes('text/x-component')) return null
  if (answer.body.includes(SIGN_IN_REFUSED)) return 'refused'
  if (SIGN_IN_THROTTLED.test(answer.body)) return 'throttled'
  return null
}

/** The mixed traffic: every request chosen from a seeded generator, so the same seed gives the same sequence of requests. */
export class MixedTraffic {
  private readonly random: Random
  private readonly kinds = new Weighted(MIX)
  private readonly cases: Weighted<string>
  private readonly dashboards: DashboardTarget[]
  private readonly boundary = 'benchSignInBoundary7MA4YWxkTrZu0gW'

  constructor(
    private readonly targets: Targets,
    private readonly baseUrl: string,
    private readonly signInAction: string,
    seed: string,
  ) {
    this.random = new Random(seed)
    // Popularity falls with rank as 1/rank (Zipf): the first case gets ~10% of the
    // case pages, the first 100 ~half, the rest spread over thousands of cases, most
    // of them rendered for the first time during the run.
    this.cases = new Weighted(targets.coldCases.map((slug, i) => [slug, 1 / (i + 1)] as const))
    this.dashboards = mixedDashboardTargets(targets)
  }

  next(): MixedRequest {
    return this.request(this.kinds.sample(this.random))
  }

  request(kind: MixedKind): MixedRequest {
    const r = this.random
    switch (kind) {
      case 'case page': {
        const slug = this.cases.sample(r)
        // The page's own address in its "Cite this page" block: this case's page, not a notice.
        const cite = `/cases/${slug}</dd>`
        return { kind, method: 'GET', path: `/cases/${slug}`, check: (a) => (a.status === 200 && a.body.includes(cite) ? 'ok' : null) }
      }
      case 'dashboard':
        return { kind, method: 'GET', path: dashboardPath(r.pick(this.dashboards)), check: dashboardCheck }
      case 'search':
        return { kind, method: 'GET', path: `/?${new URLSearchParams({ q: r.pick(this.targets.searchTerms) })}`, check: dashboardCheck }
      case 'sign-in': {
        const email = r.chance(TARGETED_SHARE) ? TARGETED_EMAIL : `${r.pick(EMAIL_WORDS)}.${r.int(1, 2 ** 30).toString(36)}@${r.pick(EMAIL_DOMAINS)}`
        const password = `guess-${r.int(2 ** 20, 2 ** 30).toString(36)}-${r.int(2 ** 20, 2 ** 30).toString(36)}`
        return {
          kind,
          method: 'POST',
          path: '/sign-in',
          headers: {
            'next-action': this.signInAction,
            accept: 'text/x-component',
            'content-type': `multipart/form-data; boundary=${this.boundary}`,
            origin: this.baseUrl,
          },
          body: signInBody(this.boundary, email, password),
          check: signInCheck,
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// The run

export type MixedOptions = {
  connections: number
  /** Seconds. */
  duration: number
  warmup: number
  /** ms between the editor's saves; 0: no editor. */
  editInterval: number
}

type Probe = { kind: MixedKind; path: string; status: number; ms: number; outcome: string | null; cache: string | null; body: string }

export type MixedReport = {
  options: MixedOptions
  load: MixedLoadResult
  warmup: MixedLoadResult | null
  probes: Probe[]
  editor: { ready: EditorReady; result: EditorResult; shown: { view: boolean | null; page: boolean | null }; stale: string[] } | null
  memory: { peakRss: number; hwm: number; samples: MemorySample[] }
  cpuMsPerRequest: number
  loadAverage: string
  /** What the server logged from the start of the load to its end: better-auth's warning for each unknown address, counted; every other line, kept. */
  log: { unknownUser: number; other: string[] }
  /** How long the server took to finish the requests left in flight when the load stopped (ms; null: still busy after 30 s). */
  drainMs: number | null
}

/** better-auth's warning for a sign-in with an address no account has: expected, one per such attempt. */
const UNKNOWN_USER_WARNING = /WARN\s+\[Better Auth\]: User not found/

async function probe(baseUrl: string, request: MixedRequest): Promise<Probe> {
  const started = performance.now()
  const response = await fetch(baseUrl + request.path, {
    method: request.method,
    redirect: 'manual',
    headers: { 'accept-encoding': 'identity', ...request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
  })
  const body = await response.text()
  const headers = Object.fromEntries(response.headers)
  return {
    kind: request.kind as MixedKind,
    path: request.path,
    status: response.status,
    ms: performance.now() - started,
    outcome: request.check({ status: response.status, body, headers }),
    cache: response.headers.get('x-nextjs-cache'),
    body,
  }
}

/**
 * The mixed load on a server of its own. `ensureBuilt` builds the app (or reuses the
 * build) with the server's database, if this run has not built it yet.
 */
export async function mixedBenchmark(options: MixedOptions, syntheticPath: string, targets: Targets, ensureBuilt: (databaseUrl: string) => Promise<void>): Promise<MixedReport> {
  const serverDb = prepareServerDatabase(syntheticPath, path.join(TMP_DIR, 'server.db'))
  const databaseUrl = `file:${serverDb.path}`
  await ensureBuilt(databaseUrl)

  section('Mixed load')
  const logFile = path.join(TMP_DIR, 'next-start-mixed.log')
  const server = await NextServer.start(databaseUrl, logFile, '/robots.txt')
  let editor: EditorProcess | null = null
  try {
    console.log(`A server of its own on ${server.baseUrl}, on a fresh copy of the synthetic database (log: ${path.relative(process.cwd(), logFile)}).`)
    const signInAction = serverActionId('signInAction')
    const measured = new MixedTraffic(targets, server.baseUrl, signInAction, 'mixed-load')

    // One request of each kind first, one at a time: each must get its right answer.
    const probes: Probe[] = []
    const probeTraffic = new MixedTraffic(targets, server.baseUrl, signInAction, 'mixed-probe')
    console.log('\nOne request of each kind, before any load:')
    for (const kind of MIXED_KINDS) {
      const p = await probe(server.baseUrl, probeTraffic.request(kind))
      probes.push(p)
      console.log(
        `  ${kind.padEnd(10)} ${String(p.status)}  ${fmt(p.ms).padStart(7)} ms  ${p.outcome ?? 'WRONG ANSWER'}  x-nextjs-cache: ${p.cache ?? '(none)'}  ${p.path.length > 60 ? `${p.path.slice(0, 59)}…` : p.path}`,
      )
      if (p.outcome === null) {
        throw new Error(`The ${kind} request ${p.path} got a wrong answer (${p.status}): ${p.body.replace(/\s+/g, ' ').slice(0, 400)}\nServer log:\n${server.logTail()}`)
      }
    }

    const share = MIX.map(([kind, w]) => `${fmt(w, w % 1 ? 1 : 0)}% ${kind}s`).join(', ')
    let warmup: MixedLoadResult | null = null
    if (options.warmup > 0) {
      console.log(`\nWarm-up: ${options.warmup} s of the same mix (another seed), ${options.connections} connections, no editor…`)
      const traffic = new MixedTraffic(targets, server.baseUrl, signInAction, 'mixed-warmup')
      warmup = await runMixedLoad(server.baseUrl, MIXED_KINDS, () => traffic.next(), { connections: options.connections, duration: options.warmup })
    }

    let ready: EditorReady | null = null
    const view = dashboardTargets(targets)[0]!
    if (options.editInterval > 0) {
      editor = await EditorProcess.start(serverDb.path, options.editInterval, view.search)
      ready = editor.ready
    }
    console.log(
      `\nLoad: ${options.duration} s, ${options.connections} connections (autocannon, uncompressed), ${share}; ` +
        (ready ? `an editor saves case ${ready.caseId} (/cases/${ready.slug}, listed by ${dashboardPath(view)}) every ${options.editInterval} ms throughout.` : 'no editor (--edit-interval 0).'),
    )
    const before = loadAverage()
    const logFrom = server.logLines().length - 1
    const cpuBefore = server.cpuMs()
    const memory = new MemoryTrace(server, 250)
    editor?.begin()
    const load = await runMixedLoad(server.baseUrl, MIXED_KINDS, () => measured.next(), { connections: options.connections, duration: options.duration })
    const result = editor ? await editor.stop() : null
    const trace = memory.stop()
    const cpuMsPerRequest = (server.cpuMs() - cpuBefore) / load.answered
    const logged = server
      .logLines()
      .slice(Math.max(0, logFrom))
      .filter((line) => line.trim())

    // The saves must have reached readers: once the server has finished the requests
    // the load left in flight (none of them can hand an older render to the check),
    // the view and the case's page show the last title.
    const drainMs = await server.waitUntilIdle()
    const viewUrl = server.baseUrl + dashboardPath(view)
    const pageUrl = `${server.baseUrl}/cases/${ready?.slug}`
    const shown = ready && result ? { view: await showsLastEdit(viewUrl, result), page: await showsLastEdit(pageUrl, result) } : null
    // A page that does not: which save it shows instead.
    const stale: string[] = []
    if (shown?.view === false) stale.push(`the view shows ${(await editMarksShown(viewUrl)).join(', ') || 'no edit'}`)
    if (shown?.page === false) stale.push(`the case page shows ${(await editMarksShown(pageUrl)).join(', ') || 'no edit'}`)
    return {
      options,
      load,
      warmup,
      probes,
      editor: ready && result && shown ? { ready, result, shown, stale } : null,
      memory: trace,
      cpuMsPerRequest,
      loadAverage: before,
      drainMs,
      log: { unknownUser: logged.filter((l) => UNKNOWN_USER_WARNING.test(l)).length, other: logged.filter((l) => !UNKNOWN_USER_WARNING.test(l)) },
    }
  } finally {
    editor?.kill()
    await server.stop()
    removeServerDatabase(serverDb.path)
  }
}

// ---------------------------------------------------------------------------
// The report

/** A Prisma error message (the invocation, a code frame, the cause) on one line: its first lines and its last. */
function oneLine(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(→\s*)?\d+\s/.test(l))
  return lines.length > 3 ? `${lines.slice(0, 2).join(' ')} … ${lines.at(-1)}` : lines.join(' ')
}

const errorsOf = (k: KindResult) => k.serverErrors + k.clientErrors + k.wrongAnswers

function describeOutcomes(k: KindResult): string {
  return Object.entries(k.outcomes)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(' · ')
}

function describeMemory(samples: MemorySample[], durationS: number): string {
  // The resident memory at every tenth of the run: growth shows as a rising row.
  const marks: string[] = []
  for (let i = 0; i <= 10; i++) {
    const at = (i / 10) * durationS * 1000
    const nearest = samples.reduce<MemorySample | null>((best, s) => (!best || Math.abs(s.atMs - at) < Math.abs(best.atMs - at) ? s : best), null)
    if (nearest) marks.push(fmt(nearest.rss / 1048576, 0))
  }
  return marks.join(' → ')
}

/** Prints the mixed load's figures; returns false when it had any error. */
export function printMixed(report: MixedReport): boolean {
  const { load, options } = report
  section(`Mixed load — ${options.connections} connections, ${fmt(load.durationS, 0)} s${report.editor ? `, editor saving every ${options.editInterval / 1000} s` : ''}`)
  const rows = MIXED_KINDS.map((kind) => {
    const k = load.byKind[kind]!
    return [
      kind,
      `${fmt((100 * k.answered) / load.answered)}%`,
      String(k.answered),
      String(k.sent - k.answered),
      fmt(k.answered / load.durationS),
      fmt(k.p50, 2),
      fmt(k.p99, 2),
      fmt(k.max, 0),
      String(errorsOf(k)),
      `${k.serverErrors}/${k.clientErrors}/${k.wrongAnswers}`,
      describeOutcomes(k),
      describeCache(k.cache),
    ]
  })
  const total = MIXED_KINDS.reduce((n, kind) => n + errorsOf(load.byKind[kind]!), 0)
  rows.push(['all', '100%', String(load.answered), String(load.sent - load.answered), fmt(load.answered / load.durationS), fmt(load.p50, 2), fmt(load.p99, 2), fmt(load.max, 0), String(total), '', '', ''])
  console.log(table(['kind', 'share', 'answered', 'unanswered', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', '5xx/4xx/wrong', 'right answers', 'x-nextjs-cache'], rows, 1))
  const lost = load.sent - load.answered
  console.log(
    `\n  sent ${load.sent}, answered ${load.answered}; timeouts (30 s) ${load.timeouts}, socket errors ${load.socketErrors}; ` +
      `${lost} unanswered (timeouts, socket errors, and ${lost - load.timeouts - load.socketErrors} still in flight when the run stopped, at most ${options.connections})`,
  )
  console.log(
    `  server CPU ${fmt(report.cpuMsPerRequest, 2)} ms/request (the figure to compare on a busy machine; one Node process: a p99 within ${MIXED_P99_TARGET_MS} ms at ${options.connections} connections ` +
      `needs well under ${fmt(MIXED_P99_TARGET_MS / options.connections, 0)} ms a request); load average before: ${report.loadAverage}`,
  )
  for (const kind of MIXED_KINDS) for (const example of load.byKind[kind]!.examples) console.log(`  ! ${kind}: ${example}`)
  const { log } = report
  console.log(`  server log during the load: ${log.unknownUser} × better-auth's "User not found" (one per attempt with an unknown address), ${log.other.length} other line(s)${log.other.length ? ':' : ''}`)
  for (const line of log.other.slice(0, 10)) console.log(`    ${line.slice(0, 200)}`)
  if (report.warmup) {
    const w = report.warmup
    const werr = MIXED_KINDS.reduce((n, kind) => n + errorsOf(w.byKind[kind]!), 0)
    console.log(`  warm-up (${fmt(w.durationS, 0)} s, not counted): ${w.answered} answered, p99 ${fmt(w.p99, 0)} ms, ${werr + w.timeouts + w.socketErrors} errors`)
  }

  const e = report.editor
  if (e) {
    const saves = e.result.saves
    const save = saves.map((s) => s.saveMs).sort((a, b) => a - b)
    const whole = saves.map((s) => s.saveMs + s.invalidateMs).sort((a, b) => a - b)
    console.log(
      `\nEditor: ${saves.length + e.result.failures.length} saves in ${fmt(load.durationS, 0)} s (one due every ${options.editInterval} ms): ${saves.length} done, ${e.result.failures.length} failed; ` +
        `save p50 ${fmt(percentileOf(save, 50), 1)} ms, p99 ${fmt(percentileOf(save, 99), 1)} ms; with the invalidation p50 ${fmt(percentileOf(whole, 50), 1)} ms, p99 ${fmt(percentileOf(whole, 99), 1)} ms, max ${fmt(whole.at(-1) ?? Number.NaN, 1)} ms`,
    )
    for (const failure of e.result.failures.slice(0, 5)) console.log(`  ! ${oneLine(failure)}`)
    console.log(`  the server finished the requests left in flight ${report.drainMs === null ? 'NOT within 30 s' : `${fmt(report.drainMs / 1000, 1)} s after the load stopped`}; then:`)
    const said = (v: boolean | null) => (v === null ? 'not checked' : v ? 'yes' : 'NO  ← UNEXPECTED')
    console.log(`  the last title saved is shown by the dashboard view: ${said(e.shown.view)}; by the case page: ${said(e.shown.page)}`)
    if (e.stale.length) console.log(`  last save: ${/\(edit \d+\)$/.exec(e.result.lastTitle ?? '')?.[0] ?? '–'}; asked again, ${e.stale.join('; ')}`)
  }

  const m = report.memory
  console.log(
    `\nServer memory (the server process's own, /proc/<pid>/status): peak RSS ${megabytes(m.peakRss)} sampled every 250 ms during the load; ` +
      `VmHWM ${megabytes(m.hwm)} (the kernel's peak since the server started: probes and warm-up included)`,
  )
  console.log(`  RSS, MiB, at every tenth of the run: ${describeMemory(m.samples, load.durationS)}`)

  const errors = total + load.timeouts + load.socketErrors
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS')
  console.log('\nTargets (mixed load):')
  console.log(`  ${errors === 0 ? 'PASS' : 'FAIL'}  errors: 0 (5xx, 4xx, wrong answers, timeouts, socket errors): ${errors}`)
  console.log(`  ${verdict(load.p99 <= MIXED_P99_TARGET_MS)}  p99 of every request within ${MIXED_P99_TARGET_MS} ms: ${fmt(load.p99, 1)} ms`)

  const failures: string[] = []
  if (e?.result.failures.length) failures.push(`${e.result.failures.length} editor save(s) failed: ${oneLine(e.result.failures[0]!)}`)
  if (e && e.result.saves.length === 0) failures.push('the editor made no save during the mixed load')
  if (e && (e.shown.view === false || e.shown.page === false)) failures.push(`after the mixed load a page shows an older title than the last one saved: a stale page was cached (${e.stale.join('; ')})`)
  for (const f of failures) console.log(`  FAIL  ${f}`)
  return errors === 0 && failures.length === 0
}
