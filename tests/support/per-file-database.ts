// Runs before each test file (vitest setupFiles). Points DATABASE_URL at a database
// file of this file's own, and before every test replaces that file with a fresh
// copy of the migrated template, so tests never see each other's data.
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeEach } from 'vitest'
import { TEMPLATE_DB, TMP_DIR } from './paths'

const file = path.join(TMP_DIR, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`)
process.env.DATABASE_URL = `file:${file}`
// lib/db.ts keeps its client on globalThis outside production. Should a worker ever
// run two files in one process (isolate: false), the client left by the previous
// file would still point at that file's database: forget them so that lib/db.ts
// creates them for this file's DATABASE_URL.
delete (globalThis as { casebookPrisma?: unknown }).casebookPrisma
delete (globalThis as { casebookPrismaWriter?: unknown }).casebookPrismaWriter

function removeFile() {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

function freshCopy() {
  removeFile()
  copyFileSync(TEMPLATE_DB, file)
}
freshCopy()

async function disconnect() {
  // Close the app's clients (lib/db.ts) before touching its file; they reconnect lazily.
  const { disconnectDatabase } = await import('@/lib/db')
  await disconnectDatabase()
}

beforeEach(async () => {
  await disconnect()
  freshCopy()
})

afterAll(async () => {
  await disconnect()
  removeFile()
})
