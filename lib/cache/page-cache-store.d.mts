// Types for page-cache-store.mjs (plain JavaScript: Next.js imports the cache handler
// outside its bundle).
export declare function databasePathFromUrl(url?: string): string
export declare function maxBytesFromEnv(value?: string): number
export declare function clearPageCache(databasePath: string): void
export declare class PageCacheStore {
  constructor(options: { databasePath: string; maxBytes?: number })
  readonly maxBytes: number
  peek(key: string, now?: number): { renderedAt: number; stale: boolean } | null
  load(key: string): unknown
  put(key: string, value: unknown, renderedAt: number, tags: string[], now?: number): boolean
  evict(): void
  invalidate(tags: string[], now?: number): void
  clear(): void
  stats(): { bytes: number; entries: number }
  close(): void
}
