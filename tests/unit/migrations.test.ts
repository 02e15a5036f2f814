// The migrations in prisma/migrations/ against prisma/schema.prisma and a real,
// fresh SQLite file. The "agree" test is the one that fails when someone edits the
// schema without running `npm run db:migration:create -- <name>`.
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations, createMigration, DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, diffMigrationsAgainstSchema } from '@/lib/db/migrations'
import { TMP_DIR } from '../support/paths'

interface MigrationRow {
  id: string
  checksum: string
  migration_name: string
  started_at: string | null
  finished_at: string | null
  rolled_back_at: string | null
  logs: string | null
  applied_steps_count: number
}

const migrationNames = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

let dir: string
let dbFile: string
let firstRun: { applied: string[] }

beforeAll(async () => {
  mkdirSync(TMP_DIR, { recursive: true })
  dir = mkdtempSync(path.join(TMP_DIR, 'migrations-'))
  // A sub-directory that does not exist yet: applyMigrations must create it.
  dbFile = path.join(dir, 'data', 'fresh.db')
  firstRun = await applyMigrations(`file:${dbFile}`)
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

function migrationRows(): MigrationRow[] {
  return withDb((db) => db.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name').all()) as MigrationRow[]
}

describe('prisma/migrations', () => {
  it('has at least the initial migration and a SQLite lock file', () => {
    expect(migrationNames.length).toBeGreaterThan(0)
    expect(migrationNames[0]).toMatch(/^\d{14}_init$/)
    expect(readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toContain('provider = "sqlite"')
  })

  it('applies to a fresh database', () => {
    expect(firstRun.applied).toEqual(migrationNames)
    const tables = withDb((db) =>
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => (row as { name: string }).name),
    )
    expect(tables).toEqual(expect.arrayContaining(['_prisma_migrations', 'Case', 'Source', 'Citation']))
  })

  it('records each migration the way `prisma migrate deploy` does', () => {
    const rows = migrationRows()
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames)
    for (const row of rows) {
      const sql = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'))
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'))
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(row.started_at).not.toBeNull()
      expect(row.finished_at).not.toBeNull()
      expect(row.rolled_back_at).toBeNull()
      expect(row.logs).toBeNull()
      expect(Number(row.applied_steps_count)).toBe(1)
    }
  })

  it('agrees with prisma/schema.prisma (run `npm run db:migration:create -- <name>` if not)', async () => {
    expect(await diffMigrationsAgainstSchema()).toBe('')
  })

  it('is not applied twice', async () => {
    const before = migrationRows()
    expect(await applyMigrations(`file:${dbFile}`)).toEqual({ applied: [] })
    expect(migrationRows()).toEqual(before)
  })

  it('enforces foreign keys', () => {
    withDb((db) => {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)

      // A citation of a source that does not exist.
      expect(() => db.prepare('INSERT INTO "Citation" ("sourceId", "quote") VALUES (?, ?)').run(999_999, 'quote')).toThrow(/FOREIGN KEY constraint failed/)

      // ON DELETE CASCADE: deleting a case deletes its parties.
      const caseId = db
        .prepare(
          `INSERT INTO "Case" ("slug", "title", "kind", "jurisdiction", "status")
           VALUES ('fk-test', 'FK test', 'CRIMINAL', 'KZ', 'CHARGED')`,
        )
        .run().lastInsertRowid
      const personId = db
        .prepare(
          `INSERT INTO "Person" ("slug", "name", "nameFolded", "updatedAt")
           VALUES ('fk-person', 'FK Person', 'fk person', CURRENT_TIMESTAMP)`,
        )
        .run().lastInsertRowid
      db.prepare('INSERT INTO "Party" ("caseId", "personId", "role") VALUES (?, ?, ?)').run(caseId, personId, 'DEFENDANT')
      db.prepare('DELETE FROM "Case" WHERE "id" = ?').run(caseId)
      expect(db.prepare('SELECT COUNT(*) AS n FROM "Party"').get()).toEqual({ n: 0 })

      // ON DELETE RESTRICT: a person who is still a party cannot be deleted.
      const otherCase = db
        .prepare(
          `INSERT INTO "Case" ("slug", "title", "kind", "jurisdiction", "status")
           VALUES ('fk-test-2', 'FK test 2', 'CRIMINAL', 'KZ', 'CHARGED')`,
        )
        .run().lastInsertRowid
      db.prepare('INSERT INTO "Party" ("caseId", "personId", "role") VALUES (?, ?, ?)').run(otherCase, personId, 'DEFENDANT')
      expect(() => db.prepare('DELETE FROM "Person" WHERE "id" = ?').run(personId)).toThrow(/FOREIGN KEY constraint failed/)
    })
  })
})

describe('a schema change without a migration', () => {
  // A copy of the schema with one more model, and a copy of the migrations folder.
  let schemaPath: string
  let migrationsDir: string
  beforeAll(() => {
    schemaPath = path.join(dir, 'schema.prisma')
    writeFileSync(schemaPath, `${readFileSync(DEFAULT_SCHEMA_PATH, 'utf8')}\nmodel MigrationProbe {\n  id Int @id\n}\n`)
    migrationsDir = path.join(dir, 'migrations')
    cpSync(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true })
  })

  it('shows in the diff', async () => {
    const diff = await diffMigrationsAgainstSchema({ schemaPath, migrationsDir })
    expect(diff).toContain('CREATE TABLE "MigrationProbe"')
  })

  it('is turned into a new migration by createMigration', async () => {
    const folder = await createMigration('add migration probe', { schemaPath, migrationsDir })
    expect(folder).not.toBeNull()
    expect(path.basename(folder!)).toMatch(/^\d{14}_add_migration_probe$/)
    expect(readFileSync(path.join(folder!, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "MigrationProbe"')
    expect(await diffMigrationsAgainstSchema({ schemaPath, migrationsDir })).toBe('')
    expect(await createMigration('nothing', { schemaPath, migrationsDir })).toBeNull()
  })
})

describe('the provision tree migration', () => {
  const TREE = migrationNames.find((name) => name.endsWith('_provision_tree'))!
  let treeDb: string

  beforeAll(async () => {
    // The migrations before it, applied to a database holding provisions recorded as before.
    const earlier = path.join(dir, 'before-tree')
    mkdirSync(earlier)
    cpSync(path.join(DEFAULT_MIGRATIONS_DIR, 'migration_lock.toml'), path.join(earlier, 'migration_lock.toml'))
    for (const name of migrationNames.filter((n) => n < TREE)) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(earlier, name), { recursive: true })
    treeDb = path.join(dir, 'tree.db')
    await applyMigrations(`file:${treeDb}`, earlier)
    const db = new Database(treeDb)
    try {
      const insert = db.prepare(`INSERT INTO "LegalProvision" ("slug", "jurisdiction", "code", "article", "part", "title", "deletedAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'T', ?, CURRENT_TIMESTAMP)`)
      insert.run('kz-174', 'KZ', 'Criminal Code', '174', null, null)
      insert.run('kz-174-1', 'KZ', 'Criminal Code', '174', '1', null)
      insert.run('kz-174-2', 'KZ', 'Criminal Code', '174', '2', null)
      // The same article number in another code, and in another jurisdiction: not its parent.
      insert.run('kz-ac-174-1', 'KZ', 'Administrative Code', '174', '1', null)
      insert.run('ru-174', 'RU', 'Criminal Code', '174', null, null)
      // An article recorded only as deleted: its parts stay unlinked.
      insert.run('kz-389', 'KZ', 'Criminal Code', '389', null, new Date().toISOString())
      insert.run('kz-389-1', 'KZ', 'Criminal Code', '389', '1', null)
    } finally {
      db.close()
    }
    await applyMigrations(`file:${treeDb}`)
  })

  it('links each part to the article of the same jurisdiction, code and number, and nothing else', () => {
    const db = new Database(treeDb)
    try {
      const rows = db.prepare('SELECT p."slug" AS slug, a."slug" AS parent, p."paragraph" AS paragraph FROM "LegalProvision" p LEFT JOIN "LegalProvision" a ON a."id" = p."parentId" ORDER BY p."slug"').all()
      expect(rows).toEqual([
        { slug: 'kz-174', parent: null, paragraph: null },
        { slug: 'kz-174-1', parent: 'kz-174', paragraph: null },
        { slug: 'kz-174-2', parent: 'kz-174', paragraph: null },
        { slug: 'kz-389', parent: null, paragraph: null },
        { slug: 'kz-389-1', parent: null, paragraph: null },
        { slug: 'kz-ac-174-1', parent: null, paragraph: null },
        { slug: 'ru-174', parent: null, paragraph: null },
      ])
    } finally {
      db.close()
    }
  })
})
