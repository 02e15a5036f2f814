// npm run restore -- <file>: checks a backup (integrity, foreign keys, schema version)
// and replaces the database (DATABASE_URL) with it, then applies the migrations it
// lacks and clears the page cache (lib/db/backup.ts).
import path from 'node:path'
import { BackupError, restoreDatabase } from '../lib/db/backup'
import { DEFAULT_DATABASE_URL } from '../lib/db/client'
import { sqlitePathFromUrl } from '../lib/db/sqlite-url'
import { ensureSearchIndexOf, rebuildSearchIndexOf } from './search-index'

async function main([file]: string[]): Promise<void> {
  if (!file) throw new BackupError('Usage: npm run restore -- <file>   (a file made by npm run backup)')
  const target = sqlitePathFromUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)
  const { applied } = await restoreDatabase(path.resolve(file), target)
  // A backup from before the search index, or one a migration just changed, gets a new one.
  const url = `file:${target}`
  if (applied.length) await rebuildSearchIndexOf(url)
  else await ensureSearchIndexOf(url)
  console.log(`Restored ${path.resolve(file)} into ${target}${applied.length ? `; applied ${applied.join(', ')}` : ''}; page cache cleared.`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error)
  process.exitCode = 1
})
