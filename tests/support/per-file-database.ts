// Runs before each test file (vitest setupFiles). Points DATABASE_URL at a database
// file of this worker's own, and before every test replaces that file with a fresh
// copy of the migrated template, so tests never see each other's data.
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { beforeEach } from 'vitest'
import { TEMPLATE_DB, TMP_DIR } from './paths'

const file = path.join(TMP_DIR, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`)
process.env.DATABASE_URL = `file:${file}`

function freshCopy() {
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
  copyFileSync(TEMPLATE_DB, file)
}
freshCopy()

beforeEach(async () => {
  // Close the app's client (lib/db.ts) before swapping its file; it reconnects lazily.
  const { db } = await import('@/lib/db')
  await db.$disconnect()
  freshCopy()
})
