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
  // A WITHOUT ROWID table (FTS5's shadow tables among them) is read in its primary key's order.
  const withoutRowid = new Set((await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'")).map((r) => r.name))
  for (const name of await tableNames(db)) {
    // Every value as SQL text (quote()): the driver cannot read an empty BLOB, which FTS5's tables hold.
    const columns = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info(?)`, name)
    const values = columns.map((c) => `quote(${quote(c.name)}) AS ${quote(c.name)}`).join(', ')
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT ${values} FROM ${quote(name)}${withoutRowid.has(name) ? '' : ' ORDER BY rowid'}`)
    out[name] = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))
  }
  return out
}
