import { PUBLIC_CACHE_CONTROL } from '@/lib/cache/cache-control'
import { env } from '@/lib/env'
import { caseViewBatches } from '@/lib/data/exports'
import type { CaseListItemDTO } from '@/lib/data/dto'
import { caseQueryToSearch, parseCaseQuery, type CaseQuery } from '@/lib/validation/case-filters'
import { CaseListItemSchema } from '@/lib/validation/api'
import { caseCsvRow, toCsv } from './csv'
import { toApiJson } from './json'
import { CORS_HEADERS, sendProblem } from './respond'
import { searchParamsRecord } from './params'

// The dashboard's current view, every page of it, as a download: `/exports/cases.csv`
// and `/exports/cases.json` with the dashboard's own query string. Streamed: rows are
// read in keyset pages (lib/data/exports.ts) only when the client has taken the
// previous ones (the stream's pull), so memory stays bounded by one page however large
// the view, and a client that stops reading stops the reads. Rendered per request, so
// a download shows what was last published; no ETag (the body is not known before it
// is sent; see docs/decisions/022-exports-and-api.md).

export type ExportFormat = 'csv' | 'json'

const BATCH_SIZE = 500
const encoder = new TextEncoder()
// Each row is a CaseListItemDTO (toCaseListItem), the shape CaseListItemSchema names
// (tests/unit/api-schemas.test.ts). The API parses every answer through its schema;
// an export of 100,000 rows does so outside production only: the parse copies every
// row once more, which in production showed as more memory (npm run bench), not as
// more safety.
const VALIDATE_ROWS = env.NODE_ENV !== 'production'
const asJson = (c: CaseListItemDTO) => JSON.stringify(VALIDATE_ROWS ? CaseListItemSchema.parse(toApiJson(c)) : toApiJson(c))

/** "casebook-cases-status-dropped-year-2020-2026-12-01.csv": what is in it, and when it was taken. */
export function exportFilename(query: CaseQuery, format: ExportFormat, now: Date): string {
  const view = new URLSearchParams(caseQueryToSearch({ ...query, page: 1 }))
    .toString()
    .replace(/%[0-9A-F]{2}/g, '-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '')
  return `casebook-cases${view ? `-${view}` : ''}-${now.toISOString().slice(0, 10)}.${format}`
}

/**
 * A stream that asks `next` for one chunk each time its reader wants more (and never
 * before: highWaterMark 1 keeps at most one chunk waiting), and tells `done` when the
 * reader cancels.
 */
export function pullStream(next: () => Promise<string | null>, done: () => Promise<unknown>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await next()
        if (chunk === null) controller.close()
        else controller.enqueue(encoder.encode(chunk))
      },
      async cancel() {
        await done()
      },
    },
    { highWaterMark: 1 },
  )
}

/** The view's cases as chunks of CSV or of a JSON document, in order; null at the end. */
export function exportChunks(query: CaseQuery, format: ExportFormat, { siteUrl, now }: { siteUrl: string; now: Date }) {
  const batches = caseViewBatches(query, query.sort, BATCH_SIZE)
  let state: 'start' | 'rows' | 'end' = 'start'
  let count = 0
  const next = async (): Promise<string | null> => {
    if (state === 'end') return null
    if (state === 'start') {
      state = 'rows'
      if (format === 'csv') return toCsv([], { first: true })
      // The document's own fields first, then the array the cases are written into one batch at a time.
      const head = JSON.stringify({ view: `/${caseQueryToSearch({ ...query, page: 1 })}`, exportedAt: now.toISOString() })
      return `${head.slice(0, -1)},"cases":[`
    }
    const batch = await batches.next()
    if (batch.done) {
      state = 'end'
      return format === 'csv' ? null : `\n],"total":${count}}\n`
    }
    const items: CaseListItemDTO[] = batch.value
    const chunk =
      format === 'csv'
        ? toCsv(
            items.map((c) => caseCsvRow(c, siteUrl)),
            { first: false },
          )
        : items.map((c, i) => `${count + i === 0 ? '\n' : ',\n'}${asJson(c)}`).join('')
    count += items.length
    return chunk
  }
  return { next, done: () => batches.return(undefined) }
}

export function sendExport(request: Request, format: ExportFormat): Response {
  const url = new URL(request.url)
  const { query, problems } = parseCaseQuery(searchParamsRecord(url.searchParams))
  if (problems.length) return sendProblem(400, 'The view could not be read: fix or remove these parameters.', problems)
  const now = new Date()
  const headers = {
    ...CORS_HEADERS,
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${exportFilename(query, format, now)}"`,
    'cache-control': PUBLIC_CACHE_CONTROL,
    'x-content-type-options': 'nosniff',
  }
  if (request.method === 'HEAD') return new Response(null, { headers })
  const { next, done } = exportChunks(query, format, { siteUrl: url.origin, now })
  return new Response(pullStream(next, done), { headers })
}
