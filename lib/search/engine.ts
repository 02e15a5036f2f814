import type { Prisma } from '@/lib/generated/prisma/client'
import type { SearchDocument, SearchField, SearchKind } from './documents'
import type { QueryWord } from './query'

// The seam between Casebook's search and the database's full-text engine. Everything
// else in lib/search (which records are public, what their documents say, how a query
// is folded, snippets) is the same whatever the engine; an engine only stores
// documents and finds them. Today's is SQLite's FTS5 (./sqlite-fts5.ts). On
// PostgreSQL a second implementation of this interface would keep the documents in a
// table with a `tsvector` column (`to_tsvector('simple', <folded text>)`, GIN index,
// `ts_rank` for the order and `to_tsquery` built from the same folded words, `:*` for
// prefixes), written in the same transactions (docs/decisions/020-search-index.md).

/** A Prisma client or the client of an open transaction. */
export type SearchClient = Prisma.TransactionClient

/** A document as stored: what a result shows (original text, never folded). */
export type StoredDocument = { kind: SearchKind; id: number; href: string; title: string; names: string[]; fields: SearchField[] }

export type KindPage = { kind: SearchKind; offset: number; limit: number }

/** How a kind's page is ordered: best matches first, or (a word most records have) newest records first. */
export type ResultOrder = 'relevance' | 'newest'

/** `complete`: false when the index is missing or must be rebuilt (the results are then empty or partial). */
export type EngineResults = { complete: boolean; counts: Record<SearchKind, number>; pages: Partial<Record<SearchKind, StoredDocument[]>>; order: Partial<Record<SearchKind, ResultOrder>> }

export interface SearchEngine {
  /** Creates the engine's tables when they do not exist; changes nothing when they do. */
  ensureSchema(client: SearchClient): Promise<void>
  /** Whether the index was last filled completely, in this engine's current format. */
  isComplete(client: SearchClient): Promise<boolean>
  /** Stores `documents` (all of `kind`), replacing what `ids` had; ids without a document are removed. */
  write(client: SearchClient, kind: SearchKind, ids: readonly number[], documents: readonly SearchDocument[]): Promise<void>
  /** Removes every document and marks the index incomplete (a rebuild then fills it and calls markComplete). */
  clear(client: SearchClient): Promise<void>
  markComplete(client: SearchClient): Promise<void>
  /**
   * Counts per kind of the documents that have every word, and the pages asked for, best
   * first, read from the database at `databaseUrl` on a connection of the engine's own
   * (reads only committed data; the SQLite engine reads through better-sqlite3 directly:
   * through Prisma's raw queries the same statements cost several times the CPU).
   */
  search(databaseUrl: string, words: readonly QueryWord[], pages: readonly KindPage[]): Promise<EngineResults>
}
