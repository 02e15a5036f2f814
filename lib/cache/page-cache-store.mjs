// The page cache's storage: entries and tag invalidations in the app's own database
// (tables PageCacheEntry, PageCacheTag, PageCacheInvalidation; prisma/schema.prisma),
// so that an invalidation outlives a restart and every app server on the database
// sees it (docs/decisions/013-page-cache-in-the-database.md).
//
// Plain JavaScript on purpose: Next.js loads its cache handler (./handler.mjs) with a
// bare `import()` at run time, outside the bundle, so neither TypeScript nor the `@/`
// paths are available there. Scripts and tests use this module too (types in
// ./page-cache-store.d.mts), so that every writer of the database can clear or
// invalidate the pages it changed.
//
// SQLite through better-sqlite3 (the app's own driver); on PostgreSQL a store with the
// same methods takes its place.
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'

/** Same rule as lib/db/sqlite-url.ts: a relative `file:` URL is resolved against the working directory. */
export function databasePathFromUrl(url = process.env.DATABASE_URL || 'file:./data/casebook.db') {
  if (!url.startsWith('file:')) throw new Error('The page cache needs a SQLite "file:" DATABASE_URL')
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), url.slice('file:'.length).split('?')[0])
}

/** 256 MB unless PAGE_CACHE_MAX_MB says otherwise. */
export function maxBytesFromEnv(value = process.env.PAGE_CACHE_MAX_MB) {
  const mb = Number(value)
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : 256) * 1024 * 1024)
}

// How often a hit refreshes an entry's "last used" time (a write): the eviction order
// needs minutes, not milliseconds.
const TOUCH_AFTER_MS = 60_000

export class PageCacheStore {
  /** @param {{ databasePath: string, maxBytes?: number }} options */
  constructor({ databasePath, maxBytes = maxBytesFromEnv() }) {
    this.maxBytes = maxBytes
    this.db = new Database(databasePath, { fileMustExist: true, timeout: 5_000 })
    const db = this.db
    // As the app's own connection (lib/db/client.ts): an invalidation that a power cut
    // undid while the edit it follows survived would serve the old page.
    db.pragma('synchronous = FULL')
    this.readMeta = db
      .prepare(
        `
      SELECT e.renderedAt AS renderedAt, e.lastUsedAt AS lastUsedAt,
             (SELECT MAX(i.invalidatedAt) FROM PageCacheTag t JOIN PageCacheInvalidation i ON i.tag = t.tag WHERE t.key = e.key) AS invalidatedAt
      FROM PageCacheEntry e WHERE e.key = ?`,
      )
      .safeIntegers(false)
    this.readValue = db.prepare('SELECT value FROM PageCacheEntry WHERE key = ?')
    this.touchEntry = db.prepare('UPDATE PageCacheEntry SET lastUsedAt = ? WHERE key = ?')
    this.deleteEntry = db.prepare('DELETE FROM PageCacheEntry WHERE key = ?')
    this.insertEntry = db.prepare('INSERT OR REPLACE INTO PageCacheEntry (key, value, size, renderedAt, lastUsedAt) VALUES (?, ?, ?, ?, ?)')
    this.insertTag = db.prepare('INSERT OR IGNORE INTO PageCacheTag (tag, key) VALUES (?, ?)')
    this.lastInvalidation = db.prepare('SELECT MAX(invalidatedAt) AS at FROM PageCacheInvalidation WHERE tag IN (SELECT value FROM json_each(?))').safeIntegers(false)
    this.upsertInvalidation = db.prepare('INSERT INTO PageCacheInvalidation (tag, invalidatedAt) VALUES (?, ?) ON CONFLICT(tag) DO UPDATE SET invalidatedAt = MAX(invalidatedAt, excluded.invalidatedAt)')
    this.deleteTagged = db.prepare('DELETE FROM PageCacheEntry WHERE key IN (SELECT key FROM PageCacheTag WHERE tag IN (SELECT value FROM json_each(?)))')
    this.totalSize = db.prepare('SELECT COALESCE(SUM(size), 0) AS bytes, COUNT(*) AS entries FROM PageCacheEntry').safeIntegers(false)
    this.evictOldest = db.prepare('DELETE FROM PageCacheEntry WHERE key IN (SELECT key FROM PageCacheEntry ORDER BY lastUsedAt ASC LIMIT ?)')
    this.write = db.transaction((key, value, renderedAt, tags, now) => {
      this.insertEntry.run(key, value, value.length, renderedAt, now)
      for (const tag of tags) this.insertTag.run(tag, key)
    })
  }

  /**
   * The entry's state without its value: null when absent; `stale` when one of its
   * tags was invalidated after its render began (the entry is then deleted).
   * @param {string} key
   * @returns {{ renderedAt: number, stale: boolean } | null}
   */
  peek(key, now = Date.now()) {
    const row = this.readMeta.get(key)
    if (!row) return null
    if (row.invalidatedAt !== null && row.invalidatedAt >= row.renderedAt) {
      this.deleteEntry.run(key)
      return { renderedAt: row.renderedAt, stale: true }
    }
    if (now - row.lastUsedAt > TOUCH_AFTER_MS) this.touchEntry.run(now, key)
    return { renderedAt: row.renderedAt, stale: false }
  }

  /** @param {string} key @returns {unknown} the stored value, decoded */
  load(key) {
    const row = this.readValue.get(key)
    return row ? decode(JSON.parse(gunzipSync(row.value).toString('utf8'))) : null
  }

  /**
   * Stores an entry unless one of its tags was invalidated since its render began
   * (it may show data from before that write). Then evicts the least recently used
   * entries while the cache is over its size.
   * @param {string} key @param {unknown} value @param {number} renderedAt @param {string[]} tags
   * @returns {boolean} whether it was stored
   */
  put(key, value, renderedAt, tags, now = Date.now()) {
    const invalidated = this.lastInvalidation.get(JSON.stringify(tags))?.at ?? null
    if (invalidated !== null && invalidated >= renderedAt) return false
    const bytes = gzipSync(JSON.stringify(encode(value)))
    if (bytes.length > this.maxBytes / 4) return false
    this.write(key, bytes, renderedAt, tags, now)
    this.evict()
    return true
  }

  evict() {
    let { bytes, entries } = this.totalSize.get()
    while (bytes > this.maxBytes && entries > 0) {
      // Down to 90% at once, so that a full cache does not evict on every store.
      const share = Math.max(1, Math.ceil((entries * (bytes - this.maxBytes * 0.9)) / bytes))
      this.evictOldest.run(share)
      ;({ bytes, entries } = this.totalSize.get())
    }
  }

  /** Every entry carrying one of `tags` is stale from now on, on every server. @param {string[]} tags */
  invalidate(tags, now = Date.now()) {
    if (tags.length === 0) return
    this.db.transaction(() => {
      for (const tag of tags) this.upsertInvalidation.run(tag, now)
      this.deleteTagged.run(JSON.stringify(tags))
    })()
  }

  /** Forgets every page: for data written behind the app's back (seed, scripts, restore). */
  clear() {
    this.db.prepare('DELETE FROM PageCacheEntry').run()
  }

  /** @returns {{ bytes: number, entries: number }} */
  stats() {
    return this.totalSize.get()
  }

  close() {
    this.db.close()
  }
}

/**
 * Clears the page cache of the database at `databasePath`, if it has one: what every
 * command that writes the database behind the app's back calls when it is done.
 * @param {string} databasePath
 */
export function clearPageCache(databasePath) {
  const db = new Database(databasePath, { fileMustExist: true, timeout: 5_000 })
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'PageCacheEntry'").get()
    if (table) db.prepare('DELETE FROM PageCacheEntry').run()
  } finally {
    db.close()
  }
}

// Next.js's entries hold Buffers (the RSC payload) and Maps (segment data), which JSON
// alone cannot carry.
/** @param {unknown} value @returns {unknown} */
function encode(value) {
  if (Buffer.isBuffer(value)) return { $buffer: value.toString('base64') }
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [k, encode(v)]) }
  if (Array.isArray(value)) return value.map(encode)
  if (value && typeof value === 'object') {
    /** @type {Record<string, unknown>} */
    const out = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v)
    return out
  }
  return value
}

/** @param {unknown} value @returns {unknown} */
function decode(value) {
  if (Array.isArray(value)) return value.map(decode)
  if (value && typeof value === 'object') {
    const o = /** @type {Record<string, unknown>} */ (value)
    if (typeof o.$buffer === 'string') return Buffer.from(o.$buffer, 'base64')
    if (Array.isArray(o.$map)) return new Map(o.$map.map(([k, v]) => [k, decode(v)]))
    /** @type {Record<string, unknown>} */
    const out = {}
    for (const [k, v] of Object.entries(o)) out[k] = decode(v)
    return out
  }
  return value
}
