// lib/cache/page-cache-store.mjs: the page cache's entries and invalidations, in the
// test file's own database (the same tables the app's cache handler uses).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clearPageCache, databasePathFromUrl, PageCacheStore } from '@/lib/cache/page-cache-store.mjs'

const page = (html: string) => ({
  value: { kind: 'APP_PAGE', html, rscData: Buffer.from(`rsc:${html}`), segmentData: new Map([['/s', Buffer.from('seg')]]), headers: { 'x-next-cache-tags': 'cb:case:1' }, status: 200 },
})

let store: PageCacheStore
beforeEach(() => {
  store = new PageCacheStore({ databasePath: databasePathFromUrl(), maxBytes: 1024 * 1024 })
  store.clear()
})
afterEach(() => store.close())

describe('PageCacheStore', () => {
  it('gives back what it stored, Buffers and Maps included', () => {
    expect(store.put('b:/cases/a', page('<p>a</p>'), 1_000, ['cb:case:1'], 2_000)).toBe(true)
    expect(store.peek('b:/cases/a', 3_000)).toEqual({ renderedAt: 1_000, stale: false })
    const loaded = store.load('b:/cases/a') as ReturnType<typeof page>
    expect(loaded.value.html).toBe('<p>a</p>')
    expect(Buffer.isBuffer(loaded.value.rscData) && loaded.value.rscData.toString()).toBe('rsc:<p>a</p>')
    expect(loaded.value.segmentData.get('/s')?.toString()).toBe('seg')
    expect(store.peek('b:/cases/other')).toBeNull()
  })

  it('makes an entry stale, and deletes it, once one of its tags is invalidated: on any store of the same database', () => {
    store.put('b:/cases/a', page('a'), 1_000, ['cb:case:1', 'cb:dashboard'], 1_000)
    store.put('b:/cases/b', page('b'), 1_000, ['cb:case:2'], 1_000)
    const otherServer = new PageCacheStore({ databasePath: databasePathFromUrl() })
    otherServer.invalidate(['cb:case:1'], 5_000)
    otherServer.close()
    expect(store.peek('b:/cases/a', 6_000)).toBeNull()
    expect(store.peek('b:/cases/b', 6_000)).toEqual({ renderedAt: 1_000, stale: false })
  })

  it('refuses an entry whose render began before one of its tags was invalidated (it may show the old data)', () => {
    store.invalidate(['cb:case:1'], 5_000)
    expect(store.put('b:/cases/a', page('old'), 4_000, ['cb:case:1'], 6_000)).toBe(false)
    expect(store.peek('b:/cases/a')).toBeNull()
    expect(store.put('b:/cases/a', page('new'), 5_001, ['cb:case:1'], 6_000)).toBe(true)
  })

  it('stays under its size cap, evicting the least recently used first', () => {
    const small = new PageCacheStore({ databasePath: databasePathFromUrl(), maxBytes: 40_000 })
    // Random text hardly compresses: each entry is a few kB stored.
    const noise = (n: number) => Array.from({ length: n }, () => Math.random().toString(36).slice(2)).join('')
    for (let i = 0; i < 30; i++) small.put(`b:/p/${i}`, page(noise(300)), 1_000 + i, [`cb:case:${i}`], 1_000 + i)
    const { bytes, entries } = small.stats()
    expect(bytes).toBeLessThanOrEqual(40_000)
    expect(entries).toBeGreaterThan(0)
    expect(entries).toBeLessThan(30)
    expect(bytes).toBeGreaterThan(40_000 * 0.5)
    expect(small.peek('b:/p/0')).toBeNull()
    expect(small.peek('b:/p/29')).not.toBeNull()
    small.close()
  })

  it('is emptied by clearPageCache, what every script that writes the database calls', () => {
    store.put('b:/cases/a', page('a'), 1_000, ['cb:case:1'], 1_000)
    clearPageCache(databasePathFromUrl())
    expect(store.stats()).toEqual({ bytes: 0, entries: 0 })
  })
})
