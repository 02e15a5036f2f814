import 'server-only'
import Database from 'better-sqlite3'
import { sqlitePathFromUrl } from '@/lib/db/sqlite-url'
import { env } from '@/lib/env'

// proxy.ts asks this on every case page request, to answer a withdrawn case with 410
// (docs/decisions/009-withdrawn-cases-410.md). Through Prisma the question costs
// ~0.2 ms of CPU and ~0.6 ms of waiting; one prepared statement on a connection of its
// own costs ~2 µs (measured on the demo database). The test is getWithdrawnCase's
// (lib/data/cases.ts), which renders the notice; tests/unit/data-cases.test.ts keeps
// the two in step.

const SQL = 'SELECT 1 FROM "Case" WHERE "slug" = ? AND "publishedAt" IS NULL AND "withdrawnAt" IS NOT NULL'

type Lookup = { db: Database.Database; statement: Database.Statement<[string], number> }

// Outside production Next.js re-evaluates modules on changes: keep one connection.
const globalForLookup = globalThis as unknown as { casebookWithdrawnLookup?: Lookup | null }
let lookup: Lookup | null = globalForLookup.casebookWithdrawnLookup ?? null

function open(): Lookup {
  const db = new Database(sqlitePathFromUrl(env.DATABASE_URL), { readonly: true, fileMustExist: true })
  const opened = { db, statement: db.prepare<[string], number>(SQL).pluck() }
  if (env.NODE_ENV !== 'production') globalForLookup.casebookWithdrawnLookup = opened
  return opened
}

/** Whether the case at this slug was published and then unpublished or deleted. Synchronous. */
export function isWithdrawnCaseSlug(slug: string): boolean {
  lookup ??= open()
  return lookup.statement.get(slug) !== undefined
}

/** Closes the connection (tests, before they replace the database file); the next call reopens it. */
export function closeWithdrawnLookup(): void {
  lookup?.db.close()
  lookup = null
  globalForLookup.casebookWithdrawnLookup = null
}
