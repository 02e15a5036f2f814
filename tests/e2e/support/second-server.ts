// A second app server for the e2e specs: another production server (server/main.mjs) on the SAME build
// (.next, built by playwright.config.ts's webServer) and the SAME database, on a free
// port. The page cache lives in the database (docs/decisions/013-page-cache-in-the-database.md),
// so what one server invalidates the other must see, and so must either server after a
// restart. `restart()` stops it (SIGTERM, waits for the exit) and starts it again on
// the same port, without building.
//
// Start it in a beforeAll and stop it in the afterAll of the spec that uses it: the
// afterAll runs even when a test failed. A process-exit hook kills it as a last resort
// should the worker die before that.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const SERVER_ENTRY = path.join(ROOT, 'server', 'main.mjs')
const START_TIMEOUT_MS = 90_000
const STOP_TIMEOUT_MS = 15_000
const LOG_LINES = 300

export type SecondServer = {
  /** `http://127.0.0.1:<port>`, like the main server's baseURL. */
  readonly url: string
  readonly port: number
  /** SIGTERM, wait until it exits, start it again on the same port (no rebuild) and wait until it answers. */
  restart(): Promise<void>
  /** SIGTERM (SIGKILL if it does not exit in time); resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>
  /** Its last lines of output, for failure messages. */
  logs(): string
  /** Every whole line it has written since it was started (with `keepOutput`). */
  output(): string[]
  /** How its last run ended: the exit code, or null while it runs or if a signal ended it. */
  readonly exitCode: number | null
  /** How many times it was started (1 + restarts). */
  readonly starts: number
}

/** A port nothing listens on right now (the kernel's choice). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('No free port'))))
    })
  })
}

/** The environment playwright.config.ts gives the main server, and little else: never the test runner's own. */
function serverEnv(port: number): NodeJS.ProcessEnv {
  const database = process.env.E2E_DATABASE_URL
  const secret = process.env.E2E_AUTH_SECRET
  if (!database || !secret) throw new Error('E2E_DATABASE_URL and E2E_AUTH_SECRET are not set: run the e2e tests through playwright.config.ts')
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'NODE_EXTRA_CA_CERTS', 'PAGE_CACHE_MAX_MB']
  const env: Record<string, string> = {}
  for (const key of keep) {
    const value = process.env[key]
    if (value !== undefined) env[key] = value
  }
  return {
    ...env,
    DATABASE_URL: database,
    NODE_ENV: 'production',
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_TELEMETRY: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function startSecondServer(options: { keepOutput?: boolean; env?: Record<string, string> } = {}): Promise<SecondServer> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('No build in .next: the webServer of playwright.config.ts builds it first')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const lines: string[] = []
  const output: string[] = []
  let partial = ''
  let exitCode: number | null = null
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  let starts = 0

  const log = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8')
    const whole = text.split('\n')
    partial = whole.pop() ?? ''
    for (const line of whole) {
      if (!line.trim()) continue
      if (options.keepOutput) output.push(line)
      lines.push(`[second server #${starts}] ${line}`)
      if (lines.length > LOG_LINES) lines.shift()
    }
  }
  const killOnExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  process.once('exit', killOnExit)

  async function start(): Promise<void> {
    starts += 1
    // "localhost", not 127.0.0.1, as the main server (docs/decisions/012-loopback-hostname.md).
    const proc = spawn(process.execPath, [SERVER_ENTRY], { cwd: ROOT, env: { ...serverEnv(port), HOST: 'localhost', PORT: String(port), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    child = proc
    proc.stdout!.on('data', log)
    proc.stderr!.on('data', log)
    exitCode = null
    exited = new Promise((resolve) =>
      proc.once('exit', (code) => {
        exitCode = code
        resolve()
      }),
    )
    const deadline = Date.now() + START_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`The second server exited (${proc.exitCode ?? proc.signalCode}) before answering:\n${lines.join('\n')}`)
      try {
        // A static file: answers as soon as the server listens, and renders (caches) nothing.
        const response = await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(5_000) })
        await response.arrayBuffer()
        return
      } catch {
        await sleep(200)
      }
    }
    await stop()
    throw new Error(`The second server did not answer within ${START_TIMEOUT_MS / 1000} s:\n${lines.join('\n')}`)
  }

  async function stop(): Promise<void> {
    const proc = child
    if (!proc) return
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM')
      const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)])
      if (!stopped) {
        proc.kill('SIGKILL')
        await exited
      }
    }
    child = null
  }

  await start()
  return {
    url,
    port,
    get starts() {
      return starts
    },
    async restart() {
      await stop()
      await start()
    },
    async stop() {
      await stop()
      process.removeListener('exit', killOnExit)
    },
    logs: () => lines.join('\n'),
    output: () => [...output],
    get exitCode() {
      return exitCode
    },
  }
}
