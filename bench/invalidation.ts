// What an edit costs readers, now that public pages are cached in the database and a
// save expires the pages that show what it changed (lib/cache/handler.mjs):
// - the first request after an invalidation renders the page again, blocking: timed
//   one request at a time (measureRerenders);
// - an editor saving every second while the dashboard is under load: the editor is a
//   process of its own (bench/editor.ts), driven from here (EditorProcess).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { PageCacheStore } from '../lib/cache/page-cache-store.mjs'
import type { EditorResult } from './editor'

export type { EditorResult, EditorSave } from './editor'

/** Nearest-rank percentile of sorted values. */
export function percentileOf(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

type Timed = { status: number; ms: number; cache: string | null; body: string }

export async function timedGet(url: string, headers: Record<string, string>): Promise<Timed> {
  const started = performance.now()
  const response = await fetch(url, { redirect: 'manual', headers })
  const body = await response.text()
  return { status: response.status, ms: performance.now() - started, cache: response.headers.get('x-nextjs-cache'), body }
}

/** Whether the page at `url` shows the last title the editor saved ("… (edit 57)"); null when no save succeeded. */
export async function showsLastEdit(url: string, edits: EditorResult, headers: Record<string, string> = {}): Promise<boolean | null> {
  const lastEdit = edits.lastTitle ? /\(edit \d+\)$/.exec(edits.lastTitle)?.[0] : null
  if (!lastEdit) return null
  return (await timedGet(url, headers)).body.includes(lastEdit)
}

/** The editor's title marks ("(edit 57)") the page at `url` shows: which save a stale page is from. */
export async function editMarksShown(url: string, headers: Record<string, string> = {}): Promise<string[]> {
  return [...new Set((await timedGet(url, headers)).body.match(/\(edit \d+\)/g) ?? [])]
}

export type Rerenders = {
  label: string
  path: string
  tag: string
  /** The request right after each invalidation (should be a MISS: rendered). */
  first: number[]
  /** The request after that (should be a HIT: the re-rendered page was stored). */
  second: number[]
  /** First requests that were not a MISS, second requests that were not a HIT, non-200s. */
  notMiss: number
  notHit: number
  bad: number
  /** Pages the server stored meanwhile (one render each), when the caller can count them. */
  stored: number | null
  /** The server's CPU time per first request (ms, mean), when the caller can measure it. */
  cpuMsPerRerender: number
}

/**
 * `repeat` times: invalidate `tag` in the server's database (as an editor's save
 * would), then one GET of `pathname` (timed: the re-render), then another (the page
 * served from the cache again). Nothing else loads the server meanwhile.
 */
export async function measureRerenders(
  baseUrl: string,
  store: PageCacheStore,
  target: { label: string; path: string; tag: string },
  repeat: number,
  headers: Record<string, string>,
  countStored?: (fromMs: number, toMs: number) => number,
  serverCpuMs: () => number = () => Number.NaN,
): Promise<Rerenders> {
  const result: Rerenders = { ...target, first: [], second: [], notMiss: 0, notHit: 0, bad: 0, stored: null, cpuMsPerRerender: Number.NaN }
  let cpu = 0
  // Rendered and cached before the first invalidation.
  await timedGet(baseUrl + target.path, headers)
  const from = Date.now()
  for (let i = 0; i < repeat; i++) {
    store.invalidate([target.tag])
    const cpuBefore = serverCpuMs()
    const first = await timedGet(baseUrl + target.path, headers)
    cpu += serverCpuMs() - cpuBefore
    const second = await timedGet(baseUrl + target.path, headers)
    result.first.push(first.ms)
    result.second.push(second.ms)
    if (first.cache !== 'MISS') result.notMiss++
    if (second.cache !== 'HIT') result.notHit++
    if (first.status !== 200 || second.status !== 200) result.bad++
  }
  if (countStored) result.stored = countStored(from, Date.now())
  result.cpuMsPerRerender = cpu / repeat
  return result
}

export type EditorReady = { caseId: number; slug: string; title: string; listed: number }

/** bench/editor.ts as a child process: READY, then `start` and `stop` over stdin, RESULT on stdout. */
export class EditorProcess {
  private result: Promise<EditorResult>
  private exited: Promise<number | null>

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ready: EditorReady,
    result: Promise<EditorResult>,
    exited: Promise<number | null>,
  ) {
    this.result = result
    this.exited = exited
  }

  static async start(databasePath: string, intervalMs: number, search: Record<string, string>): Promise<EditorProcess> {
    const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'bench/editor.ts', databasePath, String(intervalMs), JSON.stringify(search)], { stdio: ['pipe', 'pipe', 'pipe'] })
    const stderr: string[] = []
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    let onReady!: (ready: EditorReady) => void
    let onResult!: (result: EditorResult) => void
    const ready = new Promise<EditorReady>((resolve) => (onReady = resolve))
    const result = new Promise<EditorResult>((resolve) => (onResult = resolve))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('READY ')) onReady(JSON.parse(line.slice(6)) as EditorReady)
      else if (line.startsWith('RESULT ')) onResult(JSON.parse(line.slice(7)) as EditorResult)
      else if (line.trim()) process.stdout.write(`  [editor] ${line}\n`)
    })
    const failed = exited.then((code) => {
      throw new Error(`bench/editor.ts exited (code ${code}) before it was done:\n${stderr.join('').split('\n').slice(-20).join('\n')}`)
    })
    const started = await Promise.race([ready, failed])
    return new EditorProcess(child, started, Promise.race([result, failed]), exited)
  }

  begin(): void {
    this.child.stdin.write('start\n')
  }

  async stop(): Promise<EditorResult> {
    this.child.stdin.write('stop\n')
    const result = await this.result
    this.child.stdin.end()
    await this.exited
    return result
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL')
  }
}
