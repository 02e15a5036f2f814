// The search index for scripts, which write the database behind the app's back (seed,
// setup, migrations, restore, the test databases, the benchmark): they end with a
// rebuild, or a check that rebuilds only what is missing or out of date
// (lib/search/index.ts, docs/decisions/020-search-index.md).
//
// Run on its own: `tsx --conditions=react-server scripts/search-index.ts [--rebuild]`
// (DATABASE_URL, default file:./data/casebook.db).
import { pathToFileURL } from 'node:url'
import { claimWriteLock, createPrismaClient, DEFAULT_DATABASE_URL, type PrismaClient } from '../lib/db/client'
import { ensureSearchIndex, rebuildSearchIndex, type RunInTransaction } from '../lib/search'

/** A transaction of `prisma` that holds the write lock from its first statement (decision 016); a rebuild may take a while. */
function transactionOf(prisma: PrismaClient): RunInTransaction {
  return (body) =>
    prisma.$transaction(
      async (tx) => {
        await claimWriteLock(tx)
        await body(tx)
      },
      { maxWait: 60_000, timeout: 30 * 60_000 },
    )
}

async function withClient<T>(databaseUrl: string, fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = createPrismaClient(databaseUrl)
  try {
    return await fn(prisma)
  } finally {
    await prisma.$disconnect()
  }
}

/** Rebuilds the index of `databaseUrl` from every public record. */
export function rebuildSearchIndexOf(databaseUrl: string): Promise<{ documents: number }> {
  return withClient(databaseUrl, async (prisma) => {
    let documents = 0
    await transactionOf(prisma)(async (tx) => {
      documents = (await rebuildSearchIndex(tx)).documents
    })
    return { documents }
  })
}

/** Rebuilds the index of `databaseUrl` if it is missing, of another format or marked stale; returns whether it did. */
export function ensureSearchIndexOf(databaseUrl: string): Promise<boolean> {
  return withClient(databaseUrl, (prisma) => ensureSearchIndex(prisma, transactionOf(prisma)))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const run = process.argv.includes('--rebuild')
    ? rebuildSearchIndexOf(url).then((r) => `Search index rebuilt: ${r.documents} documents.`)
    : ensureSearchIndexOf(url).then((did) => (did ? 'Search index rebuilt.' : 'Search index is complete.'))
  run.then(console.log, (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
