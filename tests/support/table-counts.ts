// Row counts of every table in the test's database, read from SQLite's own catalogue
// (not a hand-kept list): a test can then say "this call wrote nothing at all".
import type { PrismaClient } from '@/lib/generated/prisma/client'

export type TableCounts = Record<string, number>

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

async function tableNames(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  return rows.map((r) => r.name)
}

export async function countAllTables(db: PrismaClient): Promise<TableCounts> {
  const names = await tableNames(db)
  // One statement for all tables: cheap enough to run around every call under test.
  const [row] = await db.$queryRawUnsafe<Record<string, number | bigint>[]>(`SELECT ${names.map((n, i) => `(SELECT COUNT(*) FROM ${quote(n)}) AS t${i}`).join(', ')}`)
  return Object.fromEntries(names.map((n, i) => [n, Number(row![`t${i}`])]))
}

/** The tables whose counts differ, as { table: after - before }. */
export function countChanges(before: TableCounts, after: TableCounts): Record<string, number> {
  const out: Record<string, number> = {}
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[name] ?? 0) - (before[name] ?? 0)
    if (d !== 0) out[name] = d
  }
  return out
}

/** Every row of every table, as JSON text per table: equal snapshots mean nothing was written at all. */
export async function snapshotAllTables(db: PrismaClient): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of await tableNames(db)) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM ${quote(name)} ORDER BY rowid`)
    out[name] = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))
  }
  return out
}
