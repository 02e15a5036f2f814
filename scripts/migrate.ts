// Offline stand-in for `prisma migrate deploy` and `prisma migrate dev --create-only`
// (the Prisma CLI cannot download its schema engine here; see lib/db/migrations.ts).
//
//   tsx scripts/migrate.ts deploy          apply pending migrations to DATABASE_URL
//   tsx scripts/migrate.ts create <name>   write prisma/migrations/<timestamp>_<name>/
//
// DATABASE_URL defaults to file:./data/casebook.db, resolved against the working
// directory (the project root under npm scripts).
import path from 'node:path'
import { applyMigrations, createMigration, DEFAULT_MIGRATIONS_DIR, sqlitePathFromUrl } from '../lib/db/migrations'
import { clearPageCache } from '../lib/cache/page-cache-store.mjs'

const DEFAULT_DATABASE_URL = 'file:./data/casebook.db'

const USAGE = `Usage:
  tsx scripts/migrate.ts deploy          Apply pending migrations (DATABASE_URL, default ${DEFAULT_DATABASE_URL})
  tsx scripts/migrate.ts create <name>   Create a migration from the changes in prisma/schema.prisma`

async function deploy(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const databasePath = sqlitePathFromUrl(databaseUrl)
  // applyMigrations creates the SQLite file and its directory (data/) if missing.
  const { applied } = await applyMigrations(databaseUrl, DEFAULT_MIGRATIONS_DIR)
  const relative = path.relative(process.cwd(), databasePath)
  const where = relative && !relative.startsWith('..') ? relative : databasePath
  // A migration may rewrite data the cached pages show.
  if (applied.length) clearPageCache(databasePath)
  // …and the search documents: rebuilt after a migration, else only if missing or outdated.
  // (Imported here: `create` needs no database, and runs without the react-server condition.)
  const { ensureSearchIndexOf, rebuildSearchIndexOf } = await import('./search-index')
  if (applied.length) await rebuildSearchIndexOf(databaseUrl)
  else await ensureSearchIndexOf(databaseUrl)
  if (applied.length === 0) {
    console.log(`No pending migrations to apply (${where}).`)
  } else {
    console.log(`Applied ${applied.length} migration(s) to ${where}:`)
    for (const name of applied) console.log(`  ${name}`)
  }
}

async function create(name: string | undefined): Promise<void> {
  if (!name?.trim()) throw new UsageError('create needs a migration name, e.g. `create add_case_notes`')
  const folder = await createMigration(name)
  if (folder === null) {
    console.log('No changes: prisma/schema.prisma and prisma/migrations already agree.')
  } else {
    console.log(`Created ${path.relative(process.cwd(), folder)}/migration.sql`)
    console.log('Review it, then apply it with `npm run db:migrate`.')
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  switch (command) {
    case 'deploy':
      return deploy()
    case 'create':
      return create(rest.join(' '))
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given')
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`)
    process.exitCode = 2
  } else {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
})
