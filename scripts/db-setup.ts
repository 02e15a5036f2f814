// Brings the database up to date before the app starts: applies pending migrations
// and, on an empty database, loads the demo data (the Bilash cases). Safe to run on
// every start: migrations already applied and records already seeded are skipped.
//
//   tsx --conditions=react-server scripts/db-setup.ts
import { createPrismaClient, DEFAULT_DATABASE_URL } from '../lib/db/client'
import { applyMigrations } from '../lib/db/migrations'
import { seedDatabase } from '../prisma/seed/index'

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const { applied } = await applyMigrations(url)
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.')

  const prisma = createPrismaClient(url)
  try {
    const [cases, sources] = await Promise.all([prisma.case.count(), prisma.source.count()])
    if (cases === 0 && sources === 0) {
      await seedDatabase(prisma)
      console.log('Empty database: loaded the demo data (the Bilash cases).')
    }
  } finally {
    await prisma.$disconnect()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
