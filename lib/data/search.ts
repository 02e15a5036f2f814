import 'server-only'
import { db, writeTransaction } from '@/lib/db'
import { env } from '@/lib/env'
import { ensureSearchIndex, searchRecords, type SearchResults } from '@/lib/search'
import type { SearchView } from '@/lib/search/query'

// Readers' full-text search over every public record (lib/search). The index only
// holds public records' documents, kept so by the write path in its transactions.

/** Long enough for a rebuild of a large database, should one be needed on the first search after a restore. */
const REBUILD_OPTIONS = { maxWait: 60_000, timeout: 10 * 60_000 }

/** The results of a search page's address; null when the query has no word to look for. */
export async function searchPublicRecords(view: Pick<SearchView, 'query' | 'kind' | 'page'>): Promise<SearchResults | null> {
  if (view.query.words.length === 0) return null
  const results = await searchRecords(env.DATABASE_URL, view.query, { kind: view.kind, page: view.page })
  if (results.complete) return results
  // Missing, of an older format, or written behind the app's back (a script, a test's
  // factory): rebuilt before it answers.
  await ensureSearchIndex(db, (body) => writeTransaction(body, REBUILD_OPTIONS))
  return searchRecords(env.DATABASE_URL, view.query, { kind: view.kind, page: view.page })
}
