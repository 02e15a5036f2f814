// Builds the app and runs the production server (server/main.mjs) as a child process
// for the benchmark. The server gets its own process group so that stopping it also
// stops anything it forked; it is stopped on every way out of the benchmark (normal
// end, error, Ctrl-C), since a server left running would hold the port and a core.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, createWriteStream, existsSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import Database from 'better-sqlite3'

const NEXT_BIN = path.resolve('node_modules/.bin/next')

/**
 * How the production server is started, in one place.
 * Node itself, not npm or a shell script, so that the process spawned is the server:
 * its memory is the server's (NextServer.memory checks that it holds the listening
 * socket).
 */
function serverCommand(): [command: string, args: string[]] {
  // As npm start does: the production server (server/main.mjs), its address and port from HOST and PORT.
  return [process.execPath, [path.resolve('server/main.mjs')]]
}

function baseEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl }
}

/**
 * The auth secret of the bench's servers: a production server wants one (the sign-in
 * page and actions refuse to run without), and the bench must not create data/auth-secret.
 * New for every bench run: the server's database is a throwaway copy with no account.
 */
const BENCH_AUTH_SECRET = randomBytes(32).toString('base64url')

/** Runs `next build`; its output goes to `logFile` and, on failure, its tail to the error. */
export async function buildApp(databaseUrl: string, logFile: string): Promise<void> {
  const log = createWriteStream(logFile)
  const child = spawn(NEXT_BIN, ['build'], { env: baseEnv(databaseUrl), stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.pipe(log, { end: false })
  child.stderr.pipe(log, { end: false })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  await new Promise<void>((resolve) => log.end(resolve))
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')
    throw new Error(`next build failed (exit code ${code}); last lines of ${logFile}:\n${tail}`)
  }
}

export function hasBuild(): boolean {
  return existsSync('.next/BUILD_ID')
}

/**
 * The database the server runs on: a copy of the synthetic file. The server writes
 * into it (the page cache lives in the database: PageCacheEntry, PageCacheTag,
 * PageCacheInvalidation, lib/cache/page-cache-store.mjs) and so does the editor run
 * (saves, revisions, audit entries), while the synthetic file must stay what its
 * parameters say for the next run. The copy starts with no cached page: pages rendered
 * by an earlier run (or build, with --no-build) are never served.
 * Returns the copy's path and how many cached pages it dropped.
 */
export function prepareServerDatabase(source: string, copy: string): { path: string; droppedPages: number } {
  removeServerDatabase(copy)
  copyFileSync(source, copy)
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${copy}-wal`)
  const db = new Database(copy, { fileMustExist: true })
  try {
    const hasCache = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'PageCacheEntry'").get()
    if (!hasCache) throw new Error(`${source} has no PageCacheEntry table: its migrations predate the page cache`)
    const droppedPages = db.prepare('DELETE FROM PageCacheEntry').run().changes
    db.prepare('DELETE FROM PageCacheTag').run()
    db.prepare('DELETE FROM PageCacheInvalidation').run()
    // A log of every page the cache handler stores (an INSERT OR REPLACE is an insert),
    // so that the benchmark can tell renders from responses: Next.js hands one render to
    // every request waiting for the same page, and each of them says MISS.
    db.exec(`
      CREATE TABLE "BenchPageWrite" ("key" TEXT NOT NULL, "at" INTEGER NOT NULL);
      CREATE TRIGGER "BenchPageWrite_log" AFTER INSERT ON "PageCacheEntry" BEGIN
        INSERT INTO "BenchPageWrite" ("key", "at") VALUES (NEW."key", CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
      END;`)
    db.pragma('wal_checkpoint(TRUNCATE)')
    return { path: copy, droppedPages }
  } finally {
    db.close()
  }
}

/** Pages the server stored (rendered) between two times (Date.now() ms), by cache key. */
export function pagesStored(databasePath: string, fromMs: number, toMs: number): Map<string, number> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT "key", count(*) AS n FROM "BenchPageWrite" WHERE "at" BETWEEN ? AND ? GROUP BY "key"').all(fromMs, toMs) as { key: string; n: number }[]
    return new Map(rows.map((r) => [r.key, r.n]))
  } finally {
    db.close()
  }
}

export function removeServerDatabase(copy: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(copy + suffix, { force: true })
}

/**
 * The build's static asset (/_next/static/chunks/…) closest in size to `bytes`: a
 * static file as large as a page, to tell what a page costs beyond its size.
 */
export function staticAssetNear(bytes: number): { path: string; bytes: number } | null {
  const dir = '.next/static/chunks'
  if (!existsSync(dir)) return null
  let best: { path: string; bytes: number } | null = null
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.js') && !name.endsWith('.css')) continue
    const size = statSync(path.join(dir, name)).size
    if (!best || Math.abs(size - bytes) < Math.abs(best.bytes - bytes)) best = { path: `/_next/static/chunks/${name}`, bytes: size }
  }
  return best
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))))
    })
  })
}

export class NextServer {
  private child: ChildProcess | null = null
  private exited: Promise<void> = Promise.resolve()
  readonly baseUrl: string

  private constructor(
    readonly port: number,
    private readonly logFile: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`
  }

  static async start(databaseUrl: string, logFile: string, readyPath: string): Promise<NextServer> {
    const server = new NextServer(await freePort(), logFile)
    server.spawn(databaseUrl)
    activeServers.add(server)
    await server.waitUntilReady(readyPath)
    return server
  }

  private spawn(databaseUrl: string): void {
    const log = createWriteStream(this.logFile)
    const [command, args] = serverCommand()
    const child = spawn(command, args, {
      // "localhost", as npm start (docs/decisions/012-loopback-hostname.md).
      env: { ...baseEnv(databaseUrl), HOST: 'localhost', PORT: String(this.port), BETTER_AUTH_SECRET: BENCH_AUTH_SECRET, BETTER_AUTH_URL: this.baseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: stop() signals the whole group.
      detached: true,
    })
    child.stdout?.pipe(log)
    child.stderr?.pipe(log)
    this.child = child
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()))
  }

  private async waitUntilReady(readyPath: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let exitedEarly = false
    void this.exited.then(() => (exitedEarly = true))
    while (Date.now() < deadline) {
      if (exitedEarly) throw new Error(`The server exited while starting; see ${this.logFile}:\n${this.logTail()}`)
      try {
        const response = await fetch(this.baseUrl + readyPath)
        await response.arrayBuffer()
        if (response.ok) return
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`The server did not answer ${readyPath} within ${timeoutMs / 1000} s; see ${this.logFile}:\n${this.logTail()}`)
  }

  logTail(lines = 20): string {
    return this.logLines().slice(-lines).join('\n')
  }

  /** The server's output so far (stdout and stderr), line by line, without terminal colours. */
  logLines(): string[] {
    try {
      return readFileSync(this.logFile, 'utf8').replace(ANSI_COLOUR, '').split('\n')
    } catch {
      return []
    }
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.child?.pid
    if (pid === undefined || this.child?.exitCode !== null || this.child?.signalCode !== null) return
    try {
      process.kill(-pid, signal)
    } catch {
      // Already gone.
    }
  }

  /** SIGTERM to the server's process group, SIGKILL if it has not exited after 5 s. */
  async stop(): Promise<void> {
    this.signal('SIGTERM')
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref())
    if ((await Promise.race([this.exited, timeout])) === 'timeout') {
      this.signal('SIGKILL')
      await this.exited
    }
    activeServers.delete(this)
  }

  /**
   * CPU time (user + system, ms) used so far by the server's process group, from
   * /proc (Linux; NaN elsewhere). Unlike latency, CPU time per request hardly depends
   * on what else the machine is running: the figure to compare on a shared machine.
   */
  cpuMs(): number {
    const pgid = this.child?.pid
    if (pgid === undefined || !existsSync('/proc/self/stat')) return Number.NaN
    let ticks = 0
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      let stat: string
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      } catch {
        continue // exited meanwhile
      }
      // The command name (2nd field) is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // After the name: state, ppid, pgrp, …; utime and stime are fields 14 and 15 of the whole line.
      if (Number(fields[2]) !== pgid) continue
      ticks += Number(fields[11]) + Number(fields[12])
    }
    return (ticks * 1000) / clockTicksPerSecond()
  }

  /**
   * The server process's resident memory now and its peak so far (VmRSS and VmHWM of
   * /proc/<pid>/status, bytes; Linux only, null elsewhere or once it has exited).
   * Measured on the process spawned (serverCommand), after checking that it is the one
   * holding the listening socket: a wrapper (npm, a shell) in between would be measured
   * instead of the server, so that fails loudly.
   */
  memory(): { rss: number; peak: number } | null {
    const pid = this.child?.pid
    if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return null
    if (!this.listenerChecked) {
      const holders = listeningPids(this.port)
      if (holders.length && !holders.includes(pid)) {
        throw new Error(`The process spawned for the server (pid ${pid}) is not the one listening on port ${this.port} (pid ${holders.join(', ')}): serverCommand must start the server itself, not a wrapper.`)
      }
      this.listenerChecked = true
    }
    let status: string
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8')
    } catch {
      return null
    }
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024
    return { rss: kb('VmRSS'), peak: kb('VmHWM') }
  }

  private listenerChecked = false

  /**
   * Waits until the server is idle: using under `threshold` of a core over `windowMs`
   * (when a load stops, the requests it left in flight still run to their end). Returns
   * how long that took (ms), or null if it was still busy after `maxMs`.
   */
  async waitUntilIdle(maxMs = 30_000, windowMs = 500, threshold = 0.05): Promise<number | null> {
    const started = performance.now()
    while (performance.now() - started < maxMs) {
      const before = this.cpuMs()
      await new Promise((resolve) => setTimeout(resolve, windowMs))
      if (!((this.cpuMs() - before) / windowMs >= threshold)) return performance.now() - started
    }
    return null
  }

  /** Synchronous last resort for process exit. */
  kill(): void {
    this.signal('SIGKILL')
  }
}

/** A terminal colour code (ESC [ … m), as better-auth writes its warnings. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** Pids of the processes holding a socket that listens on `port` (from /proc/net/tcp{,6} and /proc/<pid>/fd). */
function listeningPids(port: number): number[] {
  const inodes = new Set<string>()
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table: string
    try {
      table = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const line of table.split('\n').slice(1)) {
      // sl local_address rem_address st … inode: the local port in hex, state 0A = LISTEN.
      const fields = line.trim().split(/\s+/)
      if (fields.length > 9 && fields[3] === '0A' && parseInt(fields[1]!.split(':')[1]!, 16) === port) inodes.add(fields[9]!)
    }
  }
  const pids: number[] = []
  if (inodes.size === 0) return pids
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue // not ours, or exited meanwhile
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`)
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) {
          pids.push(Number(entry))
          break
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return pids
}

export type MemorySample = { atMs: number; rss: number }

/** The server's resident memory every `intervalMs` ms (NextServer.memory), from start until stop(). */
export class MemoryTrace {
  readonly samples: MemorySample[] = []
  private readonly timer: NodeJS.Timeout
  private readonly started = performance.now()

  constructor(
    private readonly server: NextServer,
    intervalMs = 250,
  ) {
    this.sample()
    this.timer = setInterval(() => this.sample(), intervalMs)
  }

  private sample(): void {
    const m = this.server.memory()
    if (m) this.samples.push({ atMs: performance.now() - this.started, rss: m.rss })
  }

  /** Stops sampling; the peak of the samples, and the kernel's own peak (VmHWM: since the server started, between samples too). */
  stop(): { peakRss: number; hwm: number; samples: MemorySample[] } {
    clearInterval(this.timer)
    this.sample()
    const hwm = this.server.memory()?.peak ?? Number.NaN
    return { peakRss: Math.max(...this.samples.map((s) => s.rss)), hwm, samples: this.samples }
  }
}

let clockTicks: number | undefined
function clockTicksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clockTicks = 100
    }
  }
  return clockTicks
}

const activeServers = new Set<NextServer>()

/**
 * Makes sure no server outlives the benchmark: on exit the group is killed; on Ctrl-C
 * or SIGTERM the servers are stopped and the benchmark exits with the usual code.
 */
export function stopServersOnExit(): void {
  process.on('exit', () => {
    for (const server of activeServers) server.kill()
  })
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the server…\n`)
      void Promise.allSettled([...activeServers].map((s) => s.stop())).then(() => process.exit(code))
    })
  }
}
