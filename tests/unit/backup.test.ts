// lib/db/backup.ts: a backup taken while another process writes holds every write
// acknowledged before it began, restores table for table, and a bad file is refused.
import { spawn } from 'node:child_process'
import { copyFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { databasePathFromUrl } from '@/lib/cache/page-cache-store.mjs'
import { backupDatabase, checkBackup, restoreDatabase } from '@/lib/db/backup'
import { TEMPLATE_DB, TMP_DIR } from '../support/paths'

const scratch = (name: string) => path.join(TMP_DIR, `${name}-${process.pid}-${Math.random().toString(36).slice(2)}.db`)

/** Every table's rows, in a stable order: what "identical" means below. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true })
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]))
  } finally {
    db.close()
  }
}

// A writer in another process, as the app is: inserts a row per transaction and
// prints each id once it is committed (acknowledged).
const WRITER = `
const Database = require('better-sqlite3')
const db = new Database(process.argv[1], { timeout: 5000 })
const insert = db.prepare('INSERT INTO "SignInThrottle" ("key", "failures", "lastFailure", "lockedUntil") VALUES (?, 1, ?, NULL)')
let i = 0
const timer = setInterval(() => {
  for (let n = 0; n < 20; n++) { i++; insert.run('probe-' + String(i).padStart(6, '0'), Date.now()); process.stdout.write(i + '\\n') }
}, 2)
process.on('SIGTERM', () => { clearInterval(timer); db.close(); process.exit(0) })
`

describe('backup and restore', () => {
  it('a backup under write load has every write acknowledged before it began, and restores identical', async () => {
    const live = databasePathFromUrl()
    const columns = new Database(live).prepare('PRAGMA table_info("SignInThrottle")').all() as { name: string }[]
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['key', 'failures', 'lastFailure', 'lockedUntil']))
    const writer = spawn(process.execPath, ['-e', WRITER, live], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
    let acknowledged = 0
    writer.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) acknowledged = Math.max(acknowledged, Number(line))
    })
    try {
      while (acknowledged < 500) await new Promise((r) => setTimeout(r, 10))
      const ackedBefore = acknowledged
      const file = scratch('backup')
      await backupDatabase(live, file)
      // The writer was never stopped: it goes on writing after (and, on a slower day, during) the backup.
      while (acknowledged < ackedBefore + 200) await new Promise((r) => setTimeout(r, 10))

      const copy = dump(file)
      const probes = (copy.SignInThrottle as { key: string }[]).filter((r) => r.key.startsWith('probe-')).map((r) => Number(r.key.slice(6)))
      // A consistent snapshot: writes 1..k with none missing, k at least every write acknowledged before the backup began.
      expect(probes.length).toBeGreaterThanOrEqual(ackedBefore)
      expect(probes).toEqual(Array.from({ length: probes.length }, (_, i) => i + 1))

      const restored = scratch('restored')
      copyFileSync(TEMPLATE_DB, restored)
      await restoreDatabase(file, restored)
      const again = dump(restored)
      expect({ ...again, PageCacheEntry: [] }).toEqual({ ...copy, PageCacheEntry: [] })
    } finally {
      writer.kill('SIGTERM')
    }
  })

  it('refuses what is not a sound Casebook database, or one from a newer version', async () => {
    const garbage = scratch('garbage')
    writeFileSync(garbage, 'not a database at all, just text '.repeat(200))
    expect(await checkBackup(garbage)).toMatchObject({ ok: false })
    expect(await checkBackup(scratch('missing'))).toMatchObject({ ok: false, problem: expect.stringContaining('does not exist') })

    const newer = scratch('newer')
    copyFileSync(TEMPLATE_DB, newer)
    const db = new Database(newer)
    db.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'x', '29991231000000_from_the_future', CURRENT_TIMESTAMP, 1)").run()
    db.close()
    expect(await checkBackup(newer)).toMatchObject({ ok: false, problem: expect.stringContaining('29991231000000_from_the_future') })
    const target = scratch('target')
    copyFileSync(TEMPLATE_DB, target)
    await expect(restoreDatabase(newer, target)).rejects.toThrow(/newer version/)
  })

  it('restores a backup into a database whose pages are cached, and clears them', async () => {
    const file = scratch('backup')
    await backupDatabase(databasePathFromUrl(), file)
    const target = scratch('target')
    copyFileSync(TEMPLATE_DB, target)
    const t = new Database(target)
    t.prepare('INSERT INTO "PageCacheEntry" (key, value, size, renderedAt, lastUsedAt) VALUES (?, ?, 1, 1, 1)').run('b:/cases/x', Buffer.from('x'))
    t.close()
    await restoreDatabase(file, target)
    expect(dump(target).PageCacheEntry).toEqual([])
    await expect(backupDatabase(databasePathFromUrl(), file)).rejects.toThrow(/already exists/)
  })
})
