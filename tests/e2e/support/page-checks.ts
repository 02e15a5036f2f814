// Reading public pages the way readers get them (no browser: the HTML the server sends,
// its status, its Location and whether it came from the page cache), from one or more
// app servers, and checking what each page must and must not show. Used by
// staleness.spec.ts to prove that an editor's write reaches every page showing it, on
// every server, on the very next request.
import { expect, type APIRequestContext } from '@playwright/test'

/** An app server readers reach: the Playwright one (baseURL) or another on the same database. */
export type Reader = { name: string; base: string }

export type Answer = { status: number; cache: string | null; locations: string[]; html: string }

/** What one page must answer. */
export type Want = {
  /** Default 200. */
  status?: number
  /** For a 308: the path it must send readers to. */
  to?: string
  has?: string[]
  lacks?: string[]
  /** A dashboard row (`data-testid="case-row"`) for this case title: present, with or without these texts. */
  row?: { title: string; has?: string[]; lacks?: string[] }
  /** No dashboard row for this case title. */
  noRow?: string
}

/** A public page and what it must show in some state. `cacheable: false` for pages rendered per request (`/?q=`). */
export type View = { path: string; want: Want; cacheable?: boolean }

export async function read(request: APIRequestContext, reader: Reader, path: string): Promise<Answer> {
  const response = await request.get(`${reader.base}${path}`, { maxRedirects: 0 })
  const headers = response.headersArray()
  const cache = headers.find((h) => h.name.toLowerCase() === 'x-nextjs-cache')?.value ?? null
  // Next.js 16.4 may repeat Location on a cache miss (redirect.spec.ts): compared as a set.
  const locations = [...new Set(headers.filter((h) => h.name.toLowerCase() === 'location').map((h) => new URL(h.value, reader.base).pathname + new URL(h.value, reader.base).search))]
  return { status: response.status(), cache, locations, html: await response.text() }
}

/** The `<li data-testid="case-row">` of the dashboard whose text has `title`, or null. */
export function dashboardRow(html: string, title: string): string | null {
  const parts = html.split('data-testid="case-row"').slice(1)
  for (const part of parts) {
    const row = part.slice(0, part.indexOf('</li>') === -1 ? undefined : part.indexOf('</li>'))
    if (row.includes(title)) return row
  }
  return null
}

/** Every way `answer` differs from `want`, as sentences (empty when it matches). */
export function problemsWith(answer: Answer, want: Want): string[] {
  const problems: string[] = []
  const status = want.status ?? 200
  if (answer.status !== status) problems.push(`status ${answer.status}, expected ${status}`)
  if (want.to !== undefined && (answer.locations.length !== 1 || answer.locations[0] !== want.to)) problems.push(`Location ${JSON.stringify(answer.locations)}, expected ${want.to}`)
  for (const text of want.has ?? []) if (!answer.html.includes(text)) problems.push(`does not show “${text}”`)
  for (const text of want.lacks ?? []) if (answer.html.includes(text)) problems.push(`still shows “${text}”`)
  if (want.row) {
    const row = dashboardRow(answer.html, want.row.title)
    if (row === null) problems.push(`lists no case “${want.row.title}”`)
    else {
      for (const text of want.row.has ?? []) if (!row.includes(text)) problems.push(`the row of “${want.row.title}” does not show “${text}”`)
      for (const text of want.row.lacks ?? []) if (row.includes(text)) problems.push(`the row of “${want.row.title}” still shows “${text}”`)
    }
  }
  if (want.noRow !== undefined && dashboardRow(answer.html, want.noRow) !== null) problems.push(`still lists the case “${want.noRow}”`)
  return problems
}

const isCacheable = (view: View) => view.cacheable !== false && (view.want.status ?? 200) === 200

/**
 * Before a write: each page answers as `want` says on every reader, and a cacheable
 * page comes from the page cache on a later request (`x-nextjs-cache: HIT`), so the
 * write that follows has a cached copy to make stale. A few tries: another worker's
 * factory write clears the whole cache (tests/e2e/support/db.ts).
 */
export async function prime(request: APIRequestContext, readers: Reader[], views: View[], label: string): Promise<void> {
  for (const reader of readers) {
    for (const view of views) {
      const first = await read(request, reader, view.path)
      expect(problemsWith(first, view.want), `${label}, before the write: ${reader.name} ${view.path}`).toEqual([])
      if (!isCacheable(view)) continue
      let cache: string | null = null
      for (let attempt = 0; attempt < 4 && cache !== 'HIT'; attempt++) {
        const again = await read(request, reader, view.path)
        expect(problemsWith(again, view.want), `${label}, before the write (again): ${reader.name} ${view.path}`).toEqual([])
        cache = again.cache
      }
      expect(cache, `${label}: ${reader.name} ${view.path} should be served from the page cache before the write`).toBe('HIT')
    }
  }
}

/** A page that answered otherwise than it must. */
export type Failure = { label: string; reader: string; view: View; cache: string | null; problems: string[] }

/**
 * After a write: the very next request for each page, on each reader in turn, answers
 * as `want` says. Soft assertions: every stale page is reported, not only the first.
 * Returns the pages that were wrong.
 */
export async function verify(request: APIRequestContext, readers: Reader[], views: View[], label: string): Promise<Failure[]> {
  const found: Failure[] = []
  for (const reader of readers) {
    for (const view of views) {
      const answer = await read(request, reader, view.path)
      const problems = problemsWith(answer, view.want)
      expect.soft(problems, `${label}: ${reader.name} ${view.path} (x-nextjs-cache: ${answer.cache ?? 'none'})`).toEqual([])
      if (problems.length) found.push({ label, reader: reader.name, view, cache: answer.cache, problems })
    }
  }
  return found
}
