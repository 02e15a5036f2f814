import 'server-only'
import { APP_TAG_PREFIX } from '@/lib/cache/tags'
import { buildDocuments, idsOf, SEARCH_KINDS, type SearchKind } from './documents'
import type { ResultOrder, SearchClient, SearchEngine, StoredDocument } from './engine'
import type { SearchQuery } from './query'
import { highlight, opening, snippet, wordsFound, type TextPiece } from './snippet'
import { sqliteFts5Engine } from './sqlite-fts5'

// Casebook's search, behind one module (docs/decisions/020-search-index.md):
// - the write path calls reindexTagged in every write transaction, with the cache
//   tags of the pages the write changed: a tag names a record's page, and each such
//   record has (or, no longer public, loses) its one document. The index can thus
//   never disagree with committed data, and needs no list of its own of what a
//   write touches;
// - scripts that write behind the app's back, and a database whose index is missing
//   or of another format, get a rebuild (ensureSearchIndex);
// - readers' searches come through searchRecords, with snippets of the original text.
// The engine is the one seam to the database (./engine.ts).

export const searchEngine: SearchEngine = sqliteFts5Engine

export { SEARCH_KINDS, type SearchKind } from './documents'

const TAG = new RegExp(`^${APP_TAG_PREFIX}(${SEARCH_KINDS.join('|')}):(\\d+)$`)

/** The records whose pages `tags` name, by kind (other tags, such as the dashboard's, name none). */
export function recordsOfTags(tags: readonly string[]): Map<SearchKind, number[]> {
  const out = new Map<SearchKind, number[]>()
  for (const tag of tags) {
    const m = TAG.exec(tag)
    if (m) out.set(m[1] as SearchKind, [...(out.get(m[1] as SearchKind) ?? []), Number(m[2])])
  }
  return out
}

/** Rewrites, in the caller's transaction, the documents of every record whose page `tags` name. */
export async function reindexTagged(tx: SearchClient, tags: readonly string[]): Promise<void> {
  const records = recordsOfTags(tags)
  if (records.size === 0) return
  await searchEngine.ensureSchema(tx)
  for (const [kind, ids] of records) await searchEngine.write(tx, kind, ids, await buildDocuments(tx, kind, ids))
}

const REBUILD_BATCH = 500

/** Empties the index and writes the document of every public record, in the caller's transaction. */
export async function rebuildSearchIndex(tx: SearchClient): Promise<{ documents: number }> {
  await searchEngine.ensureSchema(tx)
  await searchEngine.clear(tx)
  let documents = 0
  for (const kind of SEARCH_KINDS) {
    for (let after = 0; ;) {
      const ids = await idsOf(tx, kind, after, REBUILD_BATCH)
      if (ids.length === 0) break
      const docs = await buildDocuments(tx, kind, ids)
      await searchEngine.write(tx, kind, [], docs)
      documents += docs.length
      after = ids.at(-1)!
    }
  }
  await searchEngine.markComplete(tx)
  return { documents }
}

/** A transaction that writes: the app's writeTransaction, or a script's own. */
export type RunInTransaction = (body: (tx: SearchClient) => Promise<void>) => Promise<void>

/** Whether the index is complete (false also when its tables do not exist yet). */
async function complete(client: SearchClient): Promise<boolean> {
  try {
    return await searchEngine.isComplete(client)
  } catch {
    return false
  }
}

/**
 * Makes sure the index holds every public record: rebuilds it when it is missing, of
 * another format, or was marked incomplete (markSearchIndexStale). Cheap when it is
 * complete: one indexed read. Returns whether it rebuilt.
 */
export async function ensureSearchIndex(client: SearchClient, inTransaction: RunInTransaction): Promise<boolean> {
  if (await complete(client)) return false
  let rebuilt = false
  await inTransaction(async (tx) => {
    // Another process may have rebuilt it while this one waited for the write lock.
    await searchEngine.ensureSchema(tx)
    if (await searchEngine.isComplete(tx)) return
    await rebuildSearchIndex(tx)
    rebuilt = true
  })
  return rebuilt
}

// ---------------------------------------------------------------------------
// Results

/** A passage of a result: the part of its page that has the words (label and snippet of the original text, words marked). */
export type ResultPassage = { label: TextPiece[]; text: TextPiece[] }
export type SearchResult = { kind: SearchKind; id: number; href: string; title: TextPiece[]; alsoKnownAs: TextPiece[] | null; passages: ResultPassage[] }
export type ResultGroup = { kind: SearchKind; count: number; offset: number; order: ResultOrder; results: SearchResult[] }
/** `complete`: false when the index must be rebuilt first (ensureSearchIndex). */
export type SearchResults = { complete: boolean; counts: Record<SearchKind, number>; total: number; groups: ResultGroup[] }

/** Results per kind on the page of all kinds; on a kind's own page, per page. */
export const RESULTS_PER_KIND_OVERVIEW = 5
export const RESULTS_PER_PAGE = 20

const MAX_PASSAGES = 2

/** What a result shows: its title and names with the words marked, and up to two passages that hold the words the title lacks. */
export function presentResult(doc: StoredDocument, query: SearchQuery): SearchResult {
  const words = query.words
  const found = wordsFound([doc.title, ...doc.names].join(' \n '), words)
  const markedNames = doc.names.filter((n) => wordsFound(n, words).size > 0)
  const candidates = doc.fields.map((f) => {
    const labelFound = f.labelSearched ? wordsFound(f.label, words) : new Set<number>()
    const cut = snippet(f.text, words)
    return { f, labelFound, cut, has: new Set([...labelFound, ...(cut?.found ?? [])]) }
  })
  const passages: ResultPassage[] = []
  const chosen = new Set<number>()
  while (passages.length < MAX_PASSAGES) {
    let best = -1
    let bestNew = 0
    candidates.forEach((c, i) => {
      if (chosen.has(i)) return
      const fresh = [...c.has].filter((w) => !found.has(w)).length
      if (fresh > bestNew) [best, bestNew] = [i, fresh]
    })
    if (best < 0) break
    const c = candidates[best]!
    chosen.add(best)
    for (const w of c.has) found.add(w)
    passages.push({ label: c.f.labelSearched ? highlight(c.f.label, words) : [{ text: c.f.label, mark: false }], text: c.cut?.pieces ?? [{ text: opening(c.f.text), mark: false }] })
  }
  // Found by its name alone: the opening of its first passage says what it is.
  if (passages.length === 0 && doc.fields[0]) passages.push({ label: [{ text: doc.fields[0].label, mark: false }], text: [{ text: opening(doc.fields[0].text), mark: false }] })
  return {
    kind: doc.kind,
    id: doc.id,
    href: doc.href,
    title: highlight(doc.title, words),
    alsoKnownAs: markedNames.length ? highlight(markedNames.join(', '), words) : null,
    passages,
  }
}

/**
 * Searches the index of the database at `databaseUrl` for `query`: the count of every kind, and for `kind` its page
 * `page` (RESULTS_PER_PAGE), or with no kind the first few of each.
 */
export async function searchRecords(databaseUrl: string, query: SearchQuery, view: { kind: SearchKind | null; page: number }): Promise<SearchResults> {
  const empty = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>
  if (query.words.length === 0) return { complete: true, counts: empty, total: 0, groups: [] }
  const pages = view.kind ? [{ kind: view.kind, offset: (view.page - 1) * RESULTS_PER_PAGE, limit: RESULTS_PER_PAGE }] : SEARCH_KINDS.map((kind) => ({ kind, offset: 0, limit: RESULTS_PER_KIND_OVERVIEW }))
  const found = await searchEngine.search(databaseUrl, query.words, pages)
  const total = SEARCH_KINDS.reduce((n, k) => n + found.counts[k], 0)
  const groups = pages
    .filter((p) => found.counts[p.kind] > 0)
    .map((p) => ({ kind: p.kind, count: found.counts[p.kind], offset: p.offset, order: found.order[p.kind] ?? 'relevance', results: (found.pages[p.kind] ?? []).map((d) => presentResult(d, query)) }))
  return { complete: found.complete, counts: found.counts, total, groups }
}
