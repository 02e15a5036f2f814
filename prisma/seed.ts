// Seeds the database named by DATABASE_URL with the Bilash cases (prisma/seed/).
// Run: tsx --conditions=react-server prisma/seed.ts
// (the react-server condition lets modules marked `import 'server-only'` load here).
// Expects a migrated database; safe to run repeatedly.
import { clearPageCache } from '@/lib/cache/page-cache-store.mjs'
import { createPrismaClient, DEFAULT_DATABASE_URL } from '@/lib/db/client'
import { sqlitePathFromUrl } from '@/lib/db/sqlite-url'
import { seedDatabase } from './seed/index'
import { rebuildSearchIndexOf } from '../scripts/search-index'

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const prisma = createPrismaClient(databaseUrl)
  try {
    const { created, counts } = await seedDatabase(prisma)
    if (!created) {
      console.log(`Seed data already present in ${databaseUrl}: nothing written.`)
      return
    }
    // Written behind the app's back: no cached page may hide it (README, "Page cache").
    clearPageCache(sqlitePathFromUrl(databaseUrl))
    await rebuildSearchIndexOf(databaseUrl)
    const written = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ')
    console.log(`Seeded ${databaseUrl}: created ${written} (with their aliases, parties, charges, events, citations and conflicts).`)
  } finally {
    await prisma.$disconnect()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
