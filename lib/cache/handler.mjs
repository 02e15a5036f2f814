// Next.js's cache handler (`cacheHandler` in next.config.ts): the rendered public
// pages, kept in the database with the tags they were rendered with
// (docs/decisions/013-page-cache-in-the-database.md).
//
// - get: an entry is served only while none of its tags was invalidated after its
//   render began; otherwise it is deleted and the page renders again, blocking, so the
//   first reader after an edit already sees it. The check is one indexed query a read,
//   against the database, so an invalidation by another server or before a restart
//   counts too. Values are kept decoded in memory, validated by that same query.
// - set: only pages that tagged themselves with a record (lib/cache/tags.ts) and
//   answered below 400 are stored; a not-found or withdrawn notice, or any address no
//   record has, renders per request and never grows the cache.
// - revalidateTag: records the time in the database and deletes the tagged entries.
//   Every invalidation expires at once (no stale-while-revalidate): readers must see
//   an edit on the next request.
// Entries are keyed by build, so a rebuild never serves pages that point at the old
// build's scripts; the size cap evicts the old build's entries first.
//
// Data caching (`fetch`, `unstable_cache`) is not stored: the app caches pages, not
// queries, and unstable_cache only carries a page's tags (lib/cache/tag-page.ts).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { databasePathFromUrl, PageCacheStore } from './page-cache-store.mjs'

const APP_TAG_PREFIX = 'cb:'
const TAGS_HEADER = 'x-next-cache-tags'
// A render that was not preceded by a miss here (a background render) is dated this
// far back, so that an invalidation during it is not missed.
const UNKNOWN_RENDER_START_MS = 30_000
const MEMORY_BUDGET_BYTES = 64 * 1024 * 1024

/** @type {PageCacheStore | null | undefined} */
let store
function openStore() {
  if (store !== undefined) return store
  try {
    store = new PageCacheStore({ databasePath: databasePathFromUrl() })
  } catch (error) {
    // Without its tables (migrations not applied) or its file, the site still serves:
    // every page renders per request.
    console.error('page cache: disabled, the database could not be opened', error)
    store = null
  }
  return store
}

/** Decoded values by key, most recently used last, validated against the store on every read. */
const memory = new Map()
let memoryBytes = 0
/** When each key last missed: the render that follows began then. */
const missedAt = new Map()

function remember(key, renderedAt, entry, bytes) {
  forget(key)
  memory.set(key, { renderedAt, entry, bytes })
  memoryBytes += bytes
  for (const [oldest, value] of memory) {
    if (memoryBytes <= MEMORY_BUDGET_BYTES) break
    memory.delete(oldest)
    memoryBytes -= value.bytes
  }
}

function forget(key) {
  const old = memory.get(key)
  if (old) {
    memory.delete(key)
    memoryBytes -= old.bytes
  }
}

/** Roughly what a decoded entry holds in memory. */
function sizeOf(value) {
  let bytes = typeof value?.html === 'string' ? value.html.length * 2 : 0
  if (Buffer.isBuffer(value?.rscData)) bytes += value.rscData.length
  if (Buffer.isBuffer(value?.body)) bytes += value.body.length
  if (value?.segmentData instanceof Map) for (const v of value.segmentData.values()) bytes += v.length ?? 0
  return bytes
}

function tagsOf(data) {
  const header = data?.headers?.[TAGS_HEADER]
  return typeof header === 'string' && header ? header.split(',') : []
}

export default class CasebookCacheHandler {
  constructor(ctx) {
    this.disabled = process.env.NEXT_PHASE === 'phase-production-build' || Boolean(ctx?.dev)
    this.buildId = 'dev'
    if (!this.disabled && ctx?.serverDistDir) {
      try {
        this.buildId = readFileSync(path.join(ctx.serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
      } catch {
        // No build id: entries stay keyed 'dev'; only matters for `next dev`.
      }
    }
  }

  storageKey(key) {
    return `${this.buildId}:${key}`
  }

  async get(key, ctx) {
    if (this.disabled || ctx?.kind === 'FETCH' || ctx?.kind === 'IMAGE') return null
    const s = openStore()
    if (!s) return null
    const storageKey = this.storageKey(key)
    try {
      const meta = s.peek(storageKey)
      if (!meta || meta.stale) {
        forget(storageKey)
        missedAt.set(storageKey, Date.now())
        if (missedAt.size > 10_000) missedAt.clear()
        return null
      }
      const cached = memory.get(storageKey)
      if (cached && cached.renderedAt === meta.renderedAt) {
        memory.delete(storageKey)
        memory.set(storageKey, cached)
        return cached.entry
      }
      const stored = s.load(storageKey)
      if (!stored) return null
      const entry = { lastModified: meta.renderedAt, value: stored.value, cacheControl: stored.cacheControl }
      remember(storageKey, meta.renderedAt, entry, sizeOf(stored.value))
      return entry
    } catch (error) {
      // A read that fails is a miss, never an error page.
      console.error('page cache: read failed', error)
      return null
    }
  }

  async set(key, data, ctx) {
    if (this.disabled || !data || (data.kind !== 'APP_PAGE' && data.kind !== 'APP_ROUTE')) return
    const s = openStore()
    if (!s) return
    const storageKey = this.storageKey(key)
    const tags = tagsOf(data)
    const status = typeof data.status === 'number' ? data.status : 200
    const renderedAt = missedAt.get(storageKey) ?? Date.now() - UNKNOWN_RENDER_START_MS
    missedAt.delete(storageKey)
    forget(storageKey)
    if (status >= 400 || !tags.some((tag) => tag.startsWith(APP_TAG_PREFIX))) return
    try {
      s.put(storageKey, { value: data, cacheControl: ctx?.cacheControl }, renderedAt, tags)
    } catch (error) {
      console.error('page cache: write failed', error)
    }
  }

  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter((tag) => typeof tag === 'string' && tag)
    if (this.disabled || list.length === 0) return
    const s = openStore()
    if (!s) return
    // Not caught: an invalidation that did not reach the database must fail the
    // editor's action, not leave readers with the old page.
    s.invalidate(list)
  }

  resetRequestCache() {}
}
