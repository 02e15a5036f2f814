// Sees every SQL statement Prisma sends to SQLite, with its bound arguments and how
// long it took, by wrapping the better-sqlite3 driver adapter. Capturing at the
// adapter rather than through Prisma's `query` log events gives the statements
// exactly as the driver receives them (arguments still typed, dates not yet turned
// into log strings), so that EXPLAIN QUERY PLAN can be run on the very same input,
// through the very same adapter.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils'
import { sqlitePathFromUrl } from '@/lib/db/sqlite-url'
import { PrismaClient } from '@/lib/generated/prisma/client'

export type CapturedQuery = { query: SqlQuery; ms: number }

type Listener = (captured: CapturedQuery) => void

/** Wraps an adapter (or a transaction) so that every statement it runs is reported. */
function instrument<T extends object>(target: T, report: Listener): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object)
      if (typeof value !== 'function') return value
      if (property === 'queryRaw' || property === 'executeRaw') {
        return async (query: SqlQuery) => {
          const started = performance.now()
          try {
            return await value.call(object, query)
          } finally {
            report({ query, ms: performance.now() - started })
          }
        }
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) => instrument(await value.apply(object, args), report)
      }
      // Bound to the real object: the adapter keeps its state in private fields.
      return value.bind(object)
    },
  })
}

/**
 * A Prisma client on `databaseUrl` whose statements go to `onQuery`, plus the raw
 * adapter underneath it for running EXPLAIN QUERY PLAN with the same argument
 * conversion Prisma's own statements get.
 */
export class RecordingClient {
  readonly prisma: PrismaClient
  private listeners: Listener[] = []
  private raw: SqlDriverAdapter | null = null

  private readonly path: string

  constructor(databaseUrl: string) {
    this.path = sqlitePathFromUrl(databaseUrl)
    const inner = new PrismaBetterSqlite3({ url: this.path })
    const factory: SqlDriverAdapterFactory = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => {
        const adapter = await inner.connect()
        this.raw = adapter
        return instrument(adapter, (captured) => {
          for (const listener of this.listeners) listener(captured)
        })
      },
    }
    this.prisma = new PrismaClient({ adapter: factory })
  }

  /** Runs `fn` and returns what it returned together with every statement it caused. */
  async record<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
    const queries: CapturedQuery[] = []
    const listener: Listener = (captured) => queries.push(captured)
    this.listeners.push(listener)
    try {
      const result = await fn()
      return { result, queries }
    } finally {
      this.listeners = this.listeners.filter((l) => l !== listener)
    }
  }

  /** EXPLAIN QUERY PLAN of a captured statement, bound to the same arguments, on the app's connection. */
  async explain(query: SqlQuery): Promise<PlanLine[]> {
    if (!this.raw) throw new Error('No query has run yet: the adapter is not connected')
    return explainOn(this.raw, query)
  }

  /**
   * Runs a captured statement again, alone, on the app's connection and returns how
   * long the driver call took (ms): execution plus row conversion, without the
   * queueing that concurrent statements of one page add to each other.
   */
  async replay(query: SqlQuery): Promise<number> {
    if (!this.raw) throw new Error('No query has run yet: the adapter is not connected')
    const started = performance.now()
    if (/^\s*SELECT\b/i.test(query.sql)) await this.raw.queryRaw(query)
    else throw new Error(`Refusing to replay a statement that is not a SELECT: ${query.sql.slice(0, 80)}`)
    return performance.now() - started
  }

  /**
   * EXPLAIN QUERY PLAN as a database without ANALYZE statistics would plan it (the
   * app never runs ANALYZE, so a production file has none unless someone does). On a
   * separate connection, inside a transaction that is rolled back: empty the
   * sqlite_stat tables, make the planner reload them (`ANALYZE sqlite_schema`), explain.
   */
  async explainWithoutStatistics(queries: readonly SqlQuery[]): Promise<PlanLine[][]> {
    const adapter = await new PrismaBetterSqlite3({ url: this.path }).connect()
    try {
      const stats = await adapter.queryRaw({
        sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sqlite\\_stat%' ESCAPE '\\'",
        args: [],
        argTypes: [],
      })
      await adapter.executeScript(['BEGIN', ...stats.rows.map(([name]) => `DELETE FROM "${String(name)}"`), 'ANALYZE sqlite_schema'].join(';\n'))
      try {
        const plans: PlanLine[][] = []
        for (const query of queries) plans.push(await explainOn(adapter, query))
        return plans
      } finally {
        await adapter.executeScript('ROLLBACK')
      }
    } finally {
      await adapter.dispose()
    }
  }

  async disconnect(): Promise<void> {
    await this.prisma.$disconnect()
  }
}

export type PlanLine = { id: number; parent: number; detail: string }

async function explainOn(adapter: SqlDriverAdapter, query: SqlQuery): Promise<PlanLine[]> {
  const result = await adapter.queryRaw({ ...query, sql: `EXPLAIN QUERY PLAN ${query.sql}` })
  const column = (name: string) => result.columnNames.indexOf(name)
  const [id, parent, detail] = [column('id'), column('parent'), column('detail')]
  return result.rows.map((row) => ({ id: Number(row[id]), parent: Number(row[parent]), detail: String(row[detail]) }))
}
