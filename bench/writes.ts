// The editor's write path on the synthetic database: how long one save takes with
// everything it does in its transaction (version check, revision, audit entry, the
// case's derived status, the cache tags of the public pages that show the change),
// plus what the server action does next: expire those tags in the page cache
// (PageCacheStore.invalidate, the end of Next's updateTag through lib/cache/handler.mjs).
// Also what a burst of saves of one record does. Run by bench/run.ts in a process of
// its own (lib/db.ts binds its client once per process), on a copy of the synthetic
// database.
//
//   tsx --conditions=react-server bench/writes.ts <synthetic.db> [saves]
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { PageCacheStore } from '../lib/cache/page-cache-store.mjs'
import { TMP_DIR } from './synthetic-db'

const [source, savesArg] = process.argv.slice(2)
if (!source) throw new Error('Usage: bench/writes.ts <synthetic.db> [saves]')
const SAVES = Number(savesArg ?? 200)
// A rename of a busy person computes the tags of every case naming them: fewer saves.
const PERSON_SAVES = Math.min(SAVES, 20)
const BURST = 50

const copy = path.join(TMP_DIR, 'writes.db')
for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
copyFileSync(source, copy)
process.env.DATABASE_URL = `file:${copy}`

const { db } = await import('@/lib/db')
const { saveRecord } = await import('@/lib/editing/write')
const { KINDS } = await import('@/lib/editing/kinds')
// The store the cache handler uses, on the same file. The copy's page cache is empty
// (no server renders on it): an invalidation here writes one PageCacheInvalidation row
// per tag and deletes nothing. Against a live cache see "Dashboard while an editor saves".
const store = new PageCacheStore({ databasePath: copy })

const actor = { id: 'bench', email: 'bench@example.org', role: 'editor' as const }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b)

type Timed = { total: number[]; invalidate: number[]; tags: number[]; lastTags: string[] }

function summarise(label: string, t: Timed): string {
  const total = sortedCopy(t.total)
  const inv = sortedCopy(t.invalidate)
  const tags = sortedCopy(t.tags)
  const mean = t.total.reduce((a, b) => a + b, 0) / t.total.length
  return (
    `  ${label.padEnd(46)} n=${String(total.length).padStart(4)}  save+invalidate p50 ${percentile(total, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(total, 99).toFixed(2).padStart(7)} ms  mean ${mean.toFixed(2).padStart(7)} ms\n` +
    `  ${''.padEnd(46)}         tags p50 ${String(percentile(tags, 50)).padStart(5)}  max ${String(tags[tags.length - 1]).padStart(5)};  invalidate alone p50 ${percentile(inv, 50).toFixed(2)} ms  p99 ${percentile(inv, 99).toFixed(2)} ms`
  )
}

// A published case with the most events among the first thousand: the derived-status
// refresh reads all of them on every event save.
const candidates = await db.case.findMany({ where: { publishedAt: { not: null } }, take: 1000, select: { id: true, _count: { select: { events: true } } } })
const target = candidates.sort((a, b) => b._count.events - a._count.events)[0]!
const event = await db.event.findFirstOrThrow({ where: { caseId: target.id }, orderBy: { id: 'asc' } })

// People by how many published cases name them as a party: the busiest (a rename
// expires every one of those cases' pages, the dashboard, and their other people's,
// organisations', provisions' and sources' pages), and one of median reach.
const raw = new Database(copy, { readonly: true })
const casesNaming = raw.prepare(`SELECT DISTINCT p."caseId" AS id FROM "Party" p JOIN "Case" c ON c."id" = p."caseId" WHERE p."personId" = ? AND c."publishedAt" IS NOT NULL`).pluck()
const casesOf = (personId: number) => casesNaming.all(personId) as number[]
const people = raw
  .prepare(
    `SELECT p."personId" AS id, count(DISTINCT p."caseId") AS cases FROM "Party" p JOIN "Case" c ON c."id" = p."caseId"
     WHERE p."personId" IS NOT NULL AND c."publishedAt" IS NOT NULL GROUP BY p."personId" ORDER BY cases DESC, id`,
  )
  .all() as { id: number; cases: number }[]
const busiestCases = casesOf(people[0]!.id)
const typicalCases = casesOf(people[Math.floor(people.length / 2)]!.id)
raw.close()
const busiest = people[0]!
const typical = people[Math.floor(people.length / 2)]!

async function timedSaves(entity: 'case' | 'event' | 'person', id: number, saves: number, values: (i: number, row: Record<string, unknown>) => Record<string, string>): Promise<Timed> {
  const kind = KINDS[entity]
  const timed: Timed = { total: [], invalidate: [], tags: [], lastTags: [] }
  const original = (await kind.model(db).findUnique({ where: { id } }))!
  for (let i = 0; i < saves; i++) {
    const row = (await kind.model(db).findUnique({ where: { id } }))!
    const started = performance.now()
    const result = await saveRecord(actor, { entity, id, version: row.version, values: { ...kind.toFormValues(row), ...values(i, original) } }, { summary: `bench ${i}` })
    if (!result.ok) throw new Error(`save ${i} of ${entity} ${id} failed: ${JSON.stringify(result)}`)
    const saved = performance.now()
    store.invalidate(result.tags)
    const done = performance.now()
    timed.total.push(done - started)
    timed.invalidate.push(done - saved)
    timed.tags.push(result.tags.length)
    timed.lastTags = result.tags
  }
  return timed
}

console.log(`Case ${target.id} (${target._count.events} events), event ${event.id}; ${SAVES} sequential saves each, each followed by the invalidation of the tags it returns:`)
console.log(summarise('case details (summary edited)', await timedSaves('case', target.id, SAVES, (i) => ({ summary: `Benchmark summary, edit ${i}.` }))))
console.log(
  summarise(
    'event (date edited: status re-derived)',
    await timedSaves('event', event.id, SAVES, (i) => ({ occurred: `${(i % 28) + 1} March 2019`, occurredOrder: '', occurredPrecision: '', occurredApprox: '' })),
  ),
)
const rename = (i: number, row: Record<string, unknown>) => ({ name: `${String(row.name)} ${i % 2 ? 'Jr' : 'Sr'}.${i}` })

/** A rename must expire the page of every published case naming the person (their name is on it). */
function uncovered(timed: Timed, caseIds: number[]): string {
  const tags = new Set(timed.lastTags)
  const missing = caseIds.filter((id) => !tags.has(`cb:case:${id}`))
  return missing.length
    ? `\n  ${''.padEnd(46)}  ← UNEXPECTED: the tags name ${caseIds.length - missing.length} of the ${caseIds.length} published cases naming this person; the pages of ${missing.length} keep the old name`
    : ''
}
const busiestTimed = await timedSaves('person', busiest.id, PERSON_SAVES, rename)
console.log(summarise(`person renamed (party to ${busiest.cases} cases, the most)`, busiestTimed) + uncovered(busiestTimed, busiestCases))
const typicalTimed = await timedSaves('person', typical.id, PERSON_SAVES, rename)
console.log(summarise(`person renamed (party to ${typical.cases} case${typical.cases === 1 ? '' : 's'}, the median)`, typicalTimed) + uncovered(typicalTimed, typicalCases))

// A burst: 50 saves of one record from the same version at once.
const row = (await KINDS.case.model(db).findUnique({ where: { id: target.id } }))!
const started = performance.now()
const results = await Promise.all(
  Array.from({ length: BURST }, (_, i) =>
    saveRecord(actor, { entity: 'case', id: target.id, version: row.version, values: { ...KINDS.case.toFormValues(row), summary: `Burst ${i}` } }, { summary: `burst ${i}` }),
  ),
)
const burstMs = performance.now() - started
const winners = results.filter((r) => r.ok).length
const conflicts = results.filter((r) => !r.ok && r.reason === 'conflict').length
console.log(
  `  ${BURST} concurrent saves of one case from one version: ${burstMs.toFixed(0)} ms in all; ${winners} saved, ${conflicts} refused as stale${winners === 1 && conflicts === BURST - 1 ? '' : '  ← UNEXPECTED'}`,
)
store.close()
await db.$disconnect()
process.exitCode = winners === 1 && conflicts === BURST - 1 ? 0 : 1
