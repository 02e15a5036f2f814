// The CSV (or JSON) export of a dashboard view, in a process of its own on a database
// (lib/db.ts binds one per process): the export function the route streams
// (lib/api/exports.ts exportChunks), consumed as fast as it produces, while the
// process's resident memory and V8 heap are sampled every 10 ms. Prints one JSON line.
// Run by bench/exports.ts.
//
//   tsx --conditions=react-server bench/export-worker.ts <database> csv|json [query string]
import { Buffer } from 'node:buffer'

const [databasePath, format = 'csv', search = ''] = process.argv.slice(2)
if (!databasePath || (format !== 'csv' && format !== 'json')) throw new Error('Usage: bench/export-worker.ts <database> csv|json [query string]')
process.env.DATABASE_URL = `file:${databasePath}`

const { exportChunks } = await import('@/lib/api/exports')
const { parseCaseQuery } = await import('@/lib/validation/case-filters')
const { db } = await import('@/lib/db')
const { countCaseView } = await import('@/lib/data/exports')

const params: Record<string, string[]> = Object.create(null)
for (const [k, v] of new URLSearchParams(search)) (params[k] ??= []).push(v)
const { query } = parseCaseQuery(params)

// Open the connection and load the modules first: the baseline is the process ready to export.
const expected = await countCaseView(query)
globalThis.gc?.()
const baseline = process.memoryUsage()
let peakRss = baseline.rss
let peakHeap = baseline.heapUsed
const sample = () => {
  const m = process.memoryUsage()
  if (m.rss > peakRss) peakRss = m.rss
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed
}
const timer = setInterval(sample, 10)

const started = performance.now()
const { next } = exportChunks(query, format, { siteUrl: 'https://casebook.example', now: new Date() })
let bytes = 0
let chunks = 0
let records = 0
for (let chunk = await next(); chunk !== null; chunk = await next()) {
  bytes += Buffer.byteLength(chunk)
  chunks++
  records += format === 'csv' ? chunk.split('\r\n').length - 1 : chunk.split('\n{').length - 1
  sample()
}
const ms = performance.now() - started
clearInterval(timer)
sample()
// The CSV's header line is a record too.
console.log(JSON.stringify({ format, expected, ms, bytes, chunks, rows: format === 'csv' ? records - 1 : records, baselineRss: baseline.rss, peakRss, baselineHeap: baseline.heapUsed, peakHeap }))
await db.$disconnect()
