// lib/data/health.ts on the test file's own (migrated) database.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { checkHealth } from '@/lib/data/health'

describe('checkHealth', () => {
  it('is ok on a migrated database, and names no count, path or version', async () => {
    const health = await checkHealth()
    expect(health).toEqual({ ok: true, checks: { database: 'ok', migrations: 'ok', pageCache: 'ok' } })
  })

  it('reports a migration this build lacks, and one it has that the database lacks', async () => {
    await db.$executeRawUnsafe("INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'x', '29991231000000_future', CURRENT_TIMESTAMP, 1)")
    expect((await checkHealth()).checks.migrations).toBe('unknown-migrations')
    await db.$executeRawUnsafe("DELETE FROM _prisma_migrations WHERE migration_name IN ('29991231000000_future') OR migration_name LIKE '%_page_cache'")
    expect(await checkHealth()).toMatchObject({ ok: false, checks: { migrations: 'pending' } })
  })
})
