// A Prisma client on the e2e database, for tests that add their own records through
// the factories (tests/support/factories.ts) while the server runs. SQLite in WAL mode
// lets this connection write while the server reads.
import { test as base } from '@playwright/test'
import { createPrismaClient, type PrismaClient } from '@/lib/db/client'

export const test = base.extend<{}, { db: PrismaClient }>({
  db: [
    async ({}, use) => {
      const url = process.env.E2E_DATABASE_URL
      if (!url) throw new Error('E2E_DATABASE_URL is not set: run the e2e tests through playwright.config.ts')
      const db = createPrismaClient(url)
      await use(db)
      await db.$disconnect()
    },
    { scope: 'worker' },
  ],
})

export { expect } from '@playwright/test'
