// npm run backup -- <file>: a consistent copy of the database (DATABASE_URL) while the
// app runs and writes (lib/db/backup.ts). Refuses to overwrite an existing file.
import path from 'node:path'
import { backupDatabase, BackupError } from '../lib/db/backup'
import { DEFAULT_DATABASE_URL } from '../lib/db/client'
import { sqlitePathFromUrl } from '../lib/db/sqlite-url'

async function main([file]: string[]): Promise<void> {
  if (!file) throw new BackupError('Usage: npm run backup -- <file>   (a new file, e.g. backups/casebook-2026-12-01.db)')
  const source = sqlitePathFromUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)
  const { bytes } = await backupDatabase(source, path.resolve(file))
  console.log(`Backed up ${source} to ${path.resolve(file)} (${(bytes / 1024 / 1024).toFixed(1)} MB), checked.`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof BackupError ? error.message : error)
  process.exitCode = 1
})
