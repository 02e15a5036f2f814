import { mkdirSync, rmSync } from 'node:fs'
import { applyMigrations } from '@/lib/db/migrations'
import { ensureSearchIndexOf } from '@/scripts/search-index'
import { TEMPLATE_DB, TMP_DIR } from './paths'

// Migrate once per run; every test then starts from a byte copy of this file, which
// is much faster than migrating per test and still a real SQLite database.
export default async function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true })
  mkdirSync(TMP_DIR, { recursive: true })
  await applyMigrations(`file:${TEMPLATE_DB}`)
  // The (empty) search index, complete: the write path keeps it from there.
  await ensureSearchIndexOf(`file:${TEMPLATE_DB}`)
}
