// A Prisma client on the e2e database, for tests that add their own records through
// the factories (tests/support/factories.ts) while the server runs. SQLite in WAL mode
// lets this connection write while the server reads.
//
// Such writes go behind the app's back, like a script's: the server's page cache
// cannot know which pages they change. So, like every command that writes the
// database outside the app (README, "Page cache"), this client clears the page cache
// after each write, and marks the search index stale, which the next search then
// rebuilds (lib/search/index.ts ensureSearchIndex). Tests that check invalidation and
// the index kept in sync write through the editor instead.
import { test as base } from '@playwright/test'
import { createPrismaClient, type PrismaClient } from '@/lib/db/client'

const WRITES = new Set(['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany'])

type AnyFn = (...args: unknown[]) => Promise<unknown>

/** `db`, but every write through it (a model write, a raw statement, a transaction) is followed by clearing the page cache and marking the search index stale. */
function clearingPageCache(db: PrismaClient): PrismaClient {
  const clear = async () => {
    await db.$executeRawUnsafe('DELETE FROM "PageCacheEntry"')
    await db.$executeRawUnsafe('DELETE FROM "SearchIndexState"')
  }
  const after =
    (fn: AnyFn, self: object): AnyFn =>
    async (...args) => {
      const result = await fn.apply(self, args)
      await clear()
      return result
    }
  return new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop)
      // Inside a transaction the callback writes through its own client: cleared once, after it commits.
      if (prop === '$transaction' || prop === '$executeRaw' || prop === '$executeRawUnsafe') return after(value as AnyFn, target)
      if (typeof prop === 'string' && !prop.startsWith('$') && value && typeof value === 'object') {
        return new Proxy(value, {
          get(model, op) {
            const fn: unknown = Reflect.get(model, op)
            if (typeof fn !== 'function') return fn
            return WRITES.has(String(op)) ? after(fn as AnyFn, model) : fn.bind(model)
          },
        })
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

export const test = base.extend<{}, { db: PrismaClient }>({
  db: [
    async ({}, use) => {
      const url = process.env.E2E_DATABASE_URL
      if (!url) throw new Error('E2E_DATABASE_URL is not set: run the e2e tests through playwright.config.ts')
      const raw = createPrismaClient(url)
      await use(clearingPageCache(raw))
      await raw.$disconnect()
    },
    { scope: 'worker' },
  ],
})

export { expect } from '@playwright/test'
