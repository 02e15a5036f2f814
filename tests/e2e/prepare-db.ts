// Builds the e2e suite's database from scratch: a fresh file, every migration, the
// seed (the Bilash cases) and its search index. Run by playwright.config.ts's webServer command BEFORE the
// server is built and started: Playwright 1.65 starts the webServer before it runs
// globalSetup, so a globalSetup would come too late for the server.
//
//   tsx --conditions=react-server tests/e2e/prepare-db.ts
// (the react-server condition lets the seed load modules marked `import 'server-only'`).
import { mkdirSync, rmSync } from 'node:fs'
import { createPrismaClient } from '@/lib/db/client'
import { applyMigrations } from '@/lib/db/migrations'
import { seedDatabase } from '@/prisma/seed/index'
import { rebuildSearchIndexOf } from '@/scripts/search-index'
import { E2E_DB, E2E_DIR } from '../support/paths'

async function main(): Promise<void> {
  const started = Date.now()
  rmSync(E2E_DIR, { recursive: true, force: true })
  mkdirSync(E2E_DIR, { recursive: true })
  const url = `file:${E2E_DB}`
  await applyMigrations(url)
  const prisma = createPrismaClient(url)
  try {
    const { counts } = await seedDatabase(prisma)
    const cases = await prisma.case.count()
    if (cases === 0) throw new Error('The seed wrote no case: the e2e suite needs the Bilash cases.')
    await rebuildSearchIndexOf(url)
    console.log(`e2e database ready in ${Date.now() - started} ms: ${E2E_DB} (${JSON.stringify(counts)})`)
  } finally {
    await prisma.$disconnect()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
