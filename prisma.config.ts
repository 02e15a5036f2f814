// Prisma CLI configuration. Only `prisma generate` is used from the CLI: every other
// command downloads a native engine, which these machines cannot do. Migrations run
// through the WebAssembly engine instead (scripts/migrate.ts,
// docs/decisions/001-offline-migrations.md).
import { existsSync } from 'node:fs'
import { defineConfig } from 'prisma/config'

// `prisma generate` refuses to start without a schema-engine binary, though it never
// runs one. Point it at any existing file so it stops trying to download the engine.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx --conditions=react-server prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'file:./data/casebook.db',
  },
})
