// Brings the database up to date before the app starts: applies pending migrations,
// on an empty database loads the demo data (the Bilash cases), and unless
// BETTER_AUTH_SECRET is set makes sure data/auth-secret exists (lib/auth/secret.ts),
// and ends with a complete search index (scripts/search-index.ts).
// Safe to run on every start: what is already there is left alone.
//
//   tsx --conditions=react-server scripts/db-setup.ts
import { createPrismaClient, DEFAULT_DATABASE_URL } from '../lib/db/client'
import { applyMigrations } from '../lib/db/migrations'
import path from 'node:path'
import { ensureAuthSecretFile } from '../lib/auth/secret'
import { seedDatabase } from '../prisma/seed/index'
import { clearPageCache } from '../lib/cache/page-cache-store.mjs'
import { sqlitePathFromUrl } from '../lib/db/sqlite-url'
import { ensureSearchIndexOf, rebuildSearchIndexOf } from './search-index'

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const { applied } = await applyMigrations(url)
  // A migration may rewrite data the cached pages show.
  if (applied.length) clearPageCache(sqlitePathFromUrl(url))
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.')

  if (!process.env.BETTER_AUTH_SECRET) ensureAuthSecretFile(path.join(process.cwd(), 'data'))

  const prisma = createPrismaClient(url)
  let seeded = false
  try {
    const [cases, sources] = await Promise.all([prisma.case.count(), prisma.source.count()])
    if (cases === 0 && sources === 0) {
      await seedDatabase(prisma)
      seeded = true
      clearPageCache(sqlitePathFromUrl(url))
      console.log('Empty database: loaded the demo data (the Bilash cases).')
    }
  } finally {
    await prisma.$disconnect()
  }

  // Migrations and the seed write behind the app's back: the search index is rebuilt
  // after them, and otherwise only if it is missing or of an older format.
  if (seeded || applied.length) console.log(`Search index rebuilt: ${(await rebuildSearchIndexOf(url)).documents} documents.`)
  else if (await ensureSearchIndexOf(url)) console.log('Search index was missing or out of date: rebuilt.')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
