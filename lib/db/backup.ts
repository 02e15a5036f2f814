// Backups of the SQLite database while the app serves and writes, and their restore.
// Plain Node module (no 'server-only'): used by scripts/backup.ts, scripts/restore.ts
// and tests.
//
// A copy of casebook.db made with `cp` misses what is still in its write-ahead log
// (the newest acknowledged writes). SQLite's online backup API copies the database as
// one consistent snapshot instead, through a connection of its own, while other
// connections keep reading and writing. On PostgreSQL, `pg_dump` takes this place.
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import Database from 'better-sqlite3'
import { clearPageCache } from '@/lib/cache/page-cache-store.mjs'
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from './migrations'

/**
 * Copies the live database at `sourcePath` to `destinationPath` (which must not
 * exist): every write committed before the call is in the copy. The copy is checked
 * before this returns.
 */
export async function backupDatabase(sourcePath: string, destinationPath: string): Promise<{ bytes: number }> {
  if (existsSync(destinationPath)) throw new BackupError(`${destinationPath} already exists: choose a new file, a backup never overwrites one.`)
  const source = new Database(sourcePath, { fileMustExist: true, readonly: true, timeout: 5_000 })
  try {
    // After the first 100 pages, the rest in one step: a step reads one snapshot, so a
    // steady stream of writes cannot keep restarting the copy.
    await source.backup(destinationPath, { progress: () => 2 ** 30 })
  } finally {
    source.close()
  }
  const check = await checkBackup(destinationPath)
  if (!check.ok) throw new BackupError(`The copy failed its check: ${check.problem}`)
  return { bytes: check.bytes }
}

export type BackupCheck = { ok: true; migrations: string[]; pending: string[]; bytes: number } | { ok: false; problem: string }

/**
 * Whether `file` is a sound Casebook database this version can restore: SQLite's
 * integrity and foreign-key checks pass, and every migration it records is one this
 * version has (a backup made by a newer version is refused). `pending`: migrations
 * the restore will apply to bring it up to date.
 */
export async function checkBackup(file: string, migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<BackupCheck> {
  if (!existsSync(file)) return { ok: false, problem: `${file} does not exist.` }
  let db: Database.Database
  try {
    db = new Database(file, { fileMustExist: true, readonly: true })
  } catch (error) {
    return { ok: false, problem: `not a SQLite database (${(error as Error).message}).` }
  }
  try {
    return await inspect(db, migrationsDir)
  } catch (error) {
    return { ok: false, problem: `not a readable SQLite database (${(error as Error).message}).` }
  } finally {
    db.close()
  }
}

async function inspect(db: Database.Database, migrationsDir: string): Promise<BackupCheck> {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
    return {
      ok: false,
      problem: `integrity check: ${integrity
        .map((r) => r.integrity_check)
        .join('; ')
        .slice(0, 500)}`,
    }
  const brokenKeys = db.pragma('foreign_key_check') as unknown[]
  if (brokenKeys.length) return { ok: false, problem: `${brokenKeys.length} rows refer to rows that do not exist (foreign_key_check).` }
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()
  if (!hasTable) return { ok: false, problem: 'no _prisma_migrations table: not a Casebook database.' }
  const rows = db.prepare('SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations').all() as { name: string; finished: unknown; rolledBack: unknown }[]
  const failed = rows.filter((r) => r.finished === null && r.rolledBack === null)
  if (failed.length) return { ok: false, problem: `a migration failed in it: ${failed.map((r) => r.name).join(', ')}.` }
  const known = new Set((await readdir(path.resolve(migrationsDir), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name))
  const applied = rows.filter((r) => r.rolledBack === null).map((r) => r.name)
  const unknown = applied.filter((name) => !known.has(name))
  if (unknown.length) return { ok: false, problem: `made by a newer version of Casebook (migrations this version lacks: ${unknown.join(', ')}).` }
  const pending = [...known].filter((name) => !applied.includes(name)).sort()
  const { bytes } = db.prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()').get() as { bytes: number }
  return { ok: true, migrations: applied.sort(), pending, bytes }
}

/**
 * Replaces the database at `targetPath` with the backup `file`, after checking it;
 * then applies the migrations it lacks and clears the page cache (every cached page
 * may show data the backup does not have). Through the online backup API too, so the
 * app's connections wait for it rather than read a half-written file.
 */
export async function restoreDatabase(file: string, targetPath: string, migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const check = await checkBackup(file, migrationsDir)
  if (!check.ok) throw new BackupError(`Not restored: ${check.problem}`)
  const source = new Database(file, { fileMustExist: true, readonly: true })
  try {
    await source.backup(targetPath, { progress: () => 2 ** 30 })
  } finally {
    source.close()
  }
  const { applied } = await applyMigrations(`file:${targetPath}`, migrationsDir)
  clearPageCache(targetPath)
  return { applied }
}

export class BackupError extends Error {}
