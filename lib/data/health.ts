import 'server-only'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { db } from '@/lib/db'

// What /api/health reports: that the database answers, that its schema is the one this
// build expects, and that the page cache (kept in the database) takes writes. Only
// "ok" or a short fixed reason per check: no counts, versions or paths an attacker
// could use.

export type HealthCheck = 'ok' | 'failed'
export type Health = { ok: boolean; checks: { database: HealthCheck; migrations: HealthCheck | 'pending' | 'unknown-migrations'; pageCache: HealthCheck } }

const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), 'prisma', 'migrations')
// A tag no page carries: writing its invalidation proves the cache's tables take writes.
const HEALTH_TAG = 'cb:health-check'

export async function checkHealth(): Promise<Health> {
  const checks: Health['checks'] = { database: 'failed', migrations: 'failed', pageCache: 'failed' }
  try {
    await db.$queryRaw`SELECT 1`
    checks.database = 'ok'
  } catch {
    return { ok: false, checks }
  }
  try {
    const rows = await db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    const applied = new Set(rows.map((r) => r.name))
    const known = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name)
    checks.migrations = known.some((m) => !applied.has(m)) ? 'pending' : [...applied].some((m) => !known.includes(m)) ? 'unknown-migrations' : 'ok'
  } catch {
    checks.migrations = 'failed'
  }
  try {
    const now = BigInt(Date.now())
    await db.$executeRaw`INSERT INTO "PageCacheInvalidation" ("tag", "invalidatedAt") VALUES (${HEALTH_TAG}, ${now}) ON CONFLICT ("tag") DO UPDATE SET "invalidatedAt" = ${now}`
    checks.pageCache = 'ok'
  } catch {
    checks.pageCache = 'failed'
  }
  return { ok: Object.values(checks).every((c) => c === 'ok'), checks }
}
