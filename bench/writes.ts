// The editor's write path on the synthetic database: how long one save takes with
// everything it does in its transaction (version check, revision, audit entry, the
// case's derived status, the list of public pages to revalidate), and what a burst of
// saves of one record does. Run by bench/run.ts in a process of its own (lib/db.ts
// binds its client once per process), on a copy of the synthetic database.
//
//   tsx --conditions=react-server bench/writes.ts <synthetic.db> [saves]
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { TMP_DIR } from './synthetic-db'

const [source, savesArg] = process.argv.slice(2)
if (!source) throw new Error('Usage: bench/writes.ts <synthetic.db> [saves]')
const SAVES = Number(savesArg ?? 200)
const BURST = 50

const copy = path.join(TMP_DIR, 'writes.db')
for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
copyFileSync(source, copy)
process.env.DATABASE_URL = `file:${copy}`

const { db } = await import('@/lib/db')
const { saveRecord } = await import('@/lib/editing/write')
const { KINDS } = await import('@/lib/editing/kinds')

const actor = { id: 'bench', email: 'bench@example.org', role: 'editor' as const }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function summarise(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  return `  ${label.padEnd(44)} n=${String(times.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(2).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(6)} ms  mean ${mean.toFixed(2).padStart(6)} ms`
}

// A published case with the most events among the first thousand: the derived-status
// refresh reads all of them on every event save.
const candidates = await db.case.findMany({ where: { publishedAt: { not: null } }, take: 1000, select: { id: true, _count: { select: { events: true } } } })
const target = candidates.sort((a, b) => b._count.events - a._count.events)[0]!
const event = await db.event.findFirstOrThrow({ where: { caseId: target.id }, orderBy: { id: 'asc' } })

async function timedSaves(entity: 'case' | 'event', id: number, values: (i: number) => Record<string, string>): Promise<number[]> {
  const kind = KINDS[entity]
  const times: number[] = []
  for (let i = 0; i < SAVES; i++) {
    const row = (await kind.model(db).findUnique({ where: { id } }))!
    const started = performance.now()
    const result = await saveRecord(actor, { entity, id, version: row.version, values: { ...kind.toFormValues(row), ...values(i) } }, { summary: `bench ${i}` })
    times.push(performance.now() - started)
    if (!result.ok) throw new Error(`save ${i} of ${entity} ${id} failed: ${JSON.stringify(result)}`)
  }
  return times
}

console.log(`Case ${target.id} (${target._count.events} events), event ${event.id}; ${SAVES} sequential saves each:`)
console.log(summarise('case details (summary edited)', await timedSaves('case', target.id, (i) => ({ summary: `Benchmark summary, edit ${i}.` }))))
console.log(
  summarise(
    'event (date edited: status re-derived)',
    await timedSaves('event', event.id, (i) => ({ occurred: `${(i % 28) + 1} March 2019`, occurredOrder: '', occurredPrecision: '', occurredApprox: '' })),
  ),
)

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
console.log(`  ${BURST} concurrent saves of one case from one version: ${burstMs.toFixed(0)} ms in all; ${winners} saved, ${conflicts} refused as stale${winners === 1 && conflicts === BURST - 1 ? '' : '  ← UNEXPECTED'}`)
await db.$disconnect()
process.exitCode = winners === 1 && conflicts === BURST - 1 ? 0 : 1
