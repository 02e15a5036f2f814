// An editor saving one case again and again while the benchmark loads the dashboard:
// what an edit costs the readers of a cached view. Run by bench/run.ts in a process of
// its own (lib/db.ts binds its client once per process), on the database the bench
// server runs on.
//
//   tsx --conditions=react-server bench/editor.ts <server.db> <interval ms> <dashboard search as JSON>
//
// Picks the first case the dashboard view lists (the same data function and query the
// page uses), prints `READY {…}` and waits. On a `start` line on stdin it saves that
// case every <interval> ms, as the editor's form would: saveRecord with a real change
// (the title, which the view shows), then PageCacheStore.invalidate(result.tags), the
// end of what the server action's updateTag calls do (lib/cache/handler.mjs). Each save
// thus expires the view, and the server's next request for it renders. On a `stop`
// line it finishes the save under way and prints `RESULT {…}`.
//
// Not the server's own process: a real save runs inside the server and takes its CPU
// from the same event loop as the renders. Here it competes for the machine's cores
// and for SQLite's write lock, not for the server's event loop.
import { createInterface } from 'node:readline'
import { PageCacheStore } from '../lib/cache/page-cache-store.mjs'

const [databasePath, intervalArg, searchArg] = process.argv.slice(2)
if (!databasePath || !intervalArg || !searchArg) throw new Error('Usage: bench/editor.ts <server.db> <interval ms> <search JSON>')
const INTERVAL_MS = Number(intervalArg)
const search = JSON.parse(searchArg) as Record<string, string>
process.env.DATABASE_URL = `file:${databasePath}`

const { db } = await import('@/lib/db')
const { saveRecord } = await import('@/lib/editing/write')
const { KINDS } = await import('@/lib/editing/kinds')
const { listCases } = await import('@/lib/data/cases')
const { parseCaseQuery } = await import('@/lib/validation/case-filters')

export type EditorSave = { atMs: number; saveMs: number; invalidateMs: number; tags: number }
export type EditorResult = { caseId: number; slug: string; saves: EditorSave[]; lastTitle: string | null; failures: string[] }

const actor = { id: 'bench-editor', email: 'bench-editor@example.org', role: 'editor' as const }
const store = new PageCacheStore({ databasePath })

const listed = await listCases(parseCaseQuery(search).query)
const first = listed.items[0]
if (!first) throw new Error(`The dashboard view ${JSON.stringify(search)} lists no case`)
const target = await db.case.findUniqueOrThrow({ where: { slug: first.slug } })
const originalTitle = target.title
console.log(`READY ${JSON.stringify({ caseId: target.id, slug: target.slug, title: originalTitle, listed: listed.total })}`)

const saves: EditorSave[] = []
const failures: string[] = []
let lastTitle: string | null = null
let running = false
let stopping = false
let started = 0

async function saveOnce(n: number): Promise<void> {
  const row = (await KINDS.case.model(db).findUnique({ where: { id: target.id } }))!
  const title = `${originalTitle} (edit ${n})`
  const t0 = performance.now()
  const result = await saveRecord(actor, { entity: 'case', id: target.id, version: row.version, values: { ...KINDS.case.toFormValues(row), title } }, { summary: `bench edit ${n}` })
  const t1 = performance.now()
  if (!result.ok) {
    failures.push(`save ${n}: ${JSON.stringify(result).slice(0, 300)}`)
    return
  }
  store.invalidate(result.tags)
  const t2 = performance.now()
  lastTitle = title
  saves.push({ atMs: t0 - started, saveMs: t1 - t0, invalidateMs: t2 - t1, tags: result.tags.length })
}

/** One save per interval, on a fixed schedule (a slow save delays the next, it does not shift the rest). */
async function loop(): Promise<void> {
  started = performance.now()
  for (let n = 1; !stopping; n++) {
    const due = started + (n - 1) * INTERVAL_MS
    const wait = due - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    if (stopping) break
    const t0 = performance.now()
    try {
      await saveOnce(n)
    } catch (error) {
      // How long it took tells a lock wait (SQLite's busy timeout, 5 s) from an immediate refusal.
      failures.push(`save ${n} (failed after ${Math.round(performance.now() - t0)} ms): ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

let finished: Promise<void> = Promise.resolve()
const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const command = line.trim()
  if (command === 'start' && !running) {
    running = true
    finished = loop()
  } else if (command === 'stop') {
    stopping = true
    void finished.then(async () => {
      const result: EditorResult = { caseId: target.id, slug: target.slug, saves, lastTitle, failures }
      console.log(`RESULT ${JSON.stringify(result)}`)
      lines.close()
      store.close()
      await db.$disconnect()
    })
  }
})
