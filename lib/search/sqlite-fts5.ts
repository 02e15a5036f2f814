import 'server-only'
import { statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { sqlitePathFromUrl } from '@/lib/db/sqlite-url'
import { foldedTextOf, SEARCH_KINDS, type SearchDocument, type SearchKind } from './documents'
import type { EngineResults, KindPage, SearchEngine, StoredDocument } from './engine'
import type { QueryWord } from './query'

// The search index on SQLite: an FTS5 table of folded text and a plain table of what
// each result shows, in the app's own database file, written in the editor's write
// transactions (docs/decisions/020-search-index.md).
//
// Not in prisma/schema.prisma: Prisma's migration engine takes a virtual table and its
// shadow tables for tables the schema lacks and writes a migration dropping them. The
// tables are made here (`CREATE … IF NOT EXISTS`), and FORMAT names their layout and
// the documents' shape: a database whose index has another format (or none, or was
// written behind the app's back) is rebuilt (lib/search/index.ts ensureSearchIndex).
//
// - "SearchIndex": FTS5, contentless (the folded text is not stored twice) with
//   contentless_delete=1, so that a document can be replaced and deleted by rowid.
//   Tokenizer unicode61 with remove_diacritics 0: the text arrives folded to lower case
//   Latin letters and digits (foldedTextOf), so the tokenizer only splits at spaces.
//   Columns `names` (title, aliases, a provision's number) and `body`, ranked by bm25
//   with names weighing 8 times more.
// - "SearchDocument": the same rowid, the record's kind, id, address and the original
//   text of its title and fields (JSON), from which snippets are cut (lib/search/snippet.ts).
// - rowid = kind's number × 2³² + the record's id: one kind's documents are one rowid
//   range, which FTS5 filters on without reading the others.
// - "SearchIndexState": key 'format' = FORMAT once a rebuild has written every document.

export const FORMAT = 'fts5-v1'

// The connection searches read on, one per database file and process, reopened when the
// file is replaced (a restore into a new file, a test's fresh copy): better-sqlite3
// prepares each statement once per connection.
const readers = new Map<string, { db: Database.Database; inode: number }>()

function readerOf(databaseUrl: string): Database.Database {
  const file = sqlitePathFromUrl(databaseUrl)
  const inode = statSync(file).ino
  const open = readers.get(file)
  if (open && open.inode === inode) return open.db
  open?.db.close()
  // Not readonly: a read-only connection cannot open a WAL database whose -shm is missing.
  const db = new Database(file, { fileMustExist: true, timeout: 5_000 })
  readers.set(file, { db, inode })
  return db
}
const KIND_SHIFT = 2 ** 32
const NAME_WEIGHT = 8
/** Up to this many matches of a kind are ordered by relevance (bm25); more, newest first (measured: `npm run bench -- --search-only`). */
export const RANKED_MATCHES = 2_000

const kindNumber = (kind: SearchKind) => SEARCH_KINDS.indexOf(kind) + 1
const rowidOf = (kind: SearchKind, id: number) => kindNumber(kind) * KIND_SHIFT + id

const SCHEMA = [
  `CREATE VIRTUAL TABLE IF NOT EXISTS "SearchIndex" USING fts5(names, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
  `CREATE TABLE IF NOT EXISTS "SearchDocument" ("rowid" INTEGER PRIMARY KEY, "kind" TEXT NOT NULL, "recordId" INTEGER NOT NULL, "href" TEXT NOT NULL, "title" TEXT NOT NULL, "names" TEXT NOT NULL, "fields" TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS "SearchIndexState" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL)`,
]

/** A word as an FTS5 string (never syntax): quoted, and `*` after it for a prefix. Keys hold only letters and digits; quotes are doubled all the same. */
const ftsWord = (w: QueryWord) => `"${w.key.replaceAll('"', '""')}"${w.prefix ? '*' : ''}`

/**
 * Every word, in any order; documents that also have them side by side, as typed, rank
 * higher (the phrase adds to bm25 and matches nothing the words alone do not).
 */
export function matchExpression(words: readonly QueryWord[], { phrase = true } = {}): string {
  const all = words.map(ftsWord).join(' AND ')
  if (words.length < 2 || !phrase) return all
  return `(${all}) OR "${words.map((w) => w.key.replaceAll('"', '""')).join(' ')}"`
}

type DocumentRow = { kind: string; recordId: number | bigint; href: string; title: string; names: string; fields: string }

function toStored(r: DocumentRow): StoredDocument {
  return { kind: r.kind as SearchKind, id: Number(r.recordId), href: r.href, title: r.title, names: JSON.parse(r.names) as string[], fields: JSON.parse(r.fields) as StoredDocument['fields'] }
}

/** Rows per INSERT statement: well under SQLite's parameter limit at 7 columns. */
const ROWS_PER_INSERT = 100

export const sqliteFts5Engine: SearchEngine = {
  async ensureSchema(client) {
    const existing = await client.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM sqlite_master WHERE "name" IN ('SearchIndex', 'SearchDocument', 'SearchIndexState')`)
    if (Number(existing[0]?.n) === 3) return
    for (const sql of SCHEMA) await client.$executeRawUnsafe(sql)
    // The order of `ORDER BY rank`, kept in the table's own configuration.
    await client.$executeRawUnsafe(`INSERT OR REPLACE INTO "SearchIndex" ("SearchIndex", rank) VALUES ('rank', 'bm25(${NAME_WEIGHT}, 1)')`)
  },

  async isComplete(client) {
    const rows = await client.$queryRawUnsafe<{ value: string }[]>(`SELECT "value" FROM "SearchIndexState" WHERE "key" = 'format'`)
    return rows[0]?.value === FORMAT
  },

  async write(client, kind, ids, documents) {
    const wanted = new Map(documents.map((d) => [rowidOf(kind, d.id), d]))
    const gone = ids.map((id) => rowidOf(kind, id)).filter((r) => !wanted.has(r))
    for (let i = 0; i < gone.length; i += ROWS_PER_INSERT) {
      const chunk = gone.slice(i, i + ROWS_PER_INSERT)
      const marks = chunk.map(() => '?').join(', ')
      await client.$executeRawUnsafe(`DELETE FROM "SearchIndex" WHERE rowid IN (${marks})`, ...chunk)
      await client.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE rowid IN (${marks})`, ...chunk)
    }
    // A document that reads as before is left alone: most writes name many pages
    // (the dashboard, every case naming a person) and change the text of few.
    const rows = [...wanted.entries()].map(([rowid, d]) => ({ rowid, d, names: JSON.stringify(d.names), fields: JSON.stringify(d.fields) }))
    const changed: typeof rows = []
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT)
      const stored = await client.$queryRawUnsafe<{ rowid: number | bigint; href: string; title: string; names: string; fields: string }[]>(
        `SELECT "rowid", "href", "title", "names", "fields" FROM "SearchDocument" WHERE "rowid" IN (${chunk.map(() => '?').join(', ')})`,
        ...chunk.map((r) => r.rowid),
      )
      const byRowid = new Map(stored.map((s) => [Number(s.rowid), s]))
      for (const r of chunk) {
        const s = byRowid.get(r.rowid)
        if (!s || s.href !== r.d.href || s.title !== r.d.title || s.names !== r.names || s.fields !== r.fields) changed.push(r)
      }
    }
    for (let i = 0; i < changed.length; i += ROWS_PER_INSERT) {
      const chunk = changed.slice(i, i + ROWS_PER_INSERT)
      const folded = chunk.map((r) => foldedTextOf(r.d))
      await client.$executeRawUnsafe(
        `INSERT OR REPLACE INTO "SearchIndex" (rowid, names, body) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
        ...chunk.flatMap((r, j) => [r.rowid, folded[j]!.names, folded[j]!.body]),
      )
      await client.$executeRawUnsafe(
        `INSERT OR REPLACE INTO "SearchDocument" ("rowid", "kind", "recordId", "href", "title", "names", "fields") VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        ...chunk.flatMap((r) => [r.rowid, kind, r.d.id, r.d.href, r.d.title, r.names, r.fields]),
      )
    }
  },

  async clear(client) {
    await client.$executeRawUnsafe(`DELETE FROM "SearchIndexState" WHERE "key" = 'format'`)
    await client.$executeRawUnsafe(`DELETE FROM "SearchDocument"`)
    // FTS5's own command: empties a contentless table (and its shadow tables) at once.
    await client.$executeRawUnsafe(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('delete-all')`)
  },

  async markComplete(client) {
    // A rebuild writes many small segments; one merged b-tree answers faster.
    await client.$executeRawUnsafe(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('optimize')`)
    await client.$executeRawUnsafe(`INSERT OR REPLACE INTO "SearchIndexState" ("key", "value") VALUES ('format', ?)`, FORMAT)
  },

  async search(databaseUrl, words, pages) {
    const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>
    const reader = readerOf(databaseUrl)
    let complete = false
    try {
      complete = (reader.prepare(`SELECT "value" FROM "SearchIndexState" WHERE "key" = 'format'`).pluck().get() as string | undefined) === FORMAT
    } catch {
      // No index tables yet: incomplete, and nothing to read.
      return { complete: false, counts, pages: {}, order: {} }
    }
    // The set is every word's (the phrase adds to the order only): counted without the phrase, cheaper.
    const every = matchExpression(words, { phrase: false })
    const counted = reader.prepare(`SELECT rowid / ${KIND_SHIFT} AS k, count(*) AS n FROM "SearchIndex" WHERE "SearchIndex" MATCH ? GROUP BY k`).all(every) as { k: number; n: number }[]
    for (const c of counted) {
      const kind = SEARCH_KINDS[c.k - 1]
      if (kind) counts[kind] = c.n
    }
    const results: EngineResults['pages'] = {}
    const order: EngineResults['order'] = {}
    for (const page of pages) {
      if (counts[page.kind] <= page.offset) {
        results[page.kind] = []
        continue
      }
      const from = kindNumber(page.kind) * KIND_SHIFT
      // bm25 is computed for every match before the best are known: beyond RANKED_MATCHES
      // matches (a word most records have) the newest records come first instead.
      const ranked = counts[page.kind] <= RANKED_MATCHES
      order[page.kind] = ranked ? 'relevance' : 'newest'
      const rowids = reader
        .prepare(`SELECT rowid FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND rowid > ? AND rowid < ? ORDER BY ${ranked ? 'rank, rowid DESC' : 'rowid DESC'} LIMIT ? OFFSET ?`)
        .pluck()
        .all(ranked ? matchExpression(words) : every, from, from + KIND_SHIFT, page.limit, page.offset) as number[]
      const rows = rowids.length
        ? (reader
            .prepare(`SELECT "rowid", "kind", "recordId", "href", "title", "names", "fields" FROM "SearchDocument" WHERE "rowid" IN (${rowids.map(() => '?').join(', ')})`)
            .all(...rowids) as (DocumentRow & { rowid: number })[])
        : []
      const byRowid = new Map(rows.map((r) => [r.rowid, r]))
      results[page.kind] = rowids.flatMap((r) => (byRowid.has(r) ? [toStored(byRowid.get(r)!)] : []))
    }
    return { complete, counts, pages: results, order }
  },
} satisfies SearchEngine

export type { KindPage, SearchDocument }
