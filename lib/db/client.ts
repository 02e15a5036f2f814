// Creates a Prisma client on SQLite through the better-sqlite3 driver adapter.
// Not 'server-only' so that scripts (migrate, seed, bench) and tests can use it;
// app code goes through lib/db.ts.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client'
import { sqlitePathFromUrl } from './sqlite-url'

export const DEFAULT_DATABASE_URL = 'file:./data/casebook.db'

/** How long a writer waits for another's lock before SQLITE_BUSY (ms). */
const BUSY_TIMEOUT_MS = 5_000

export function createPrismaClient(databaseUrl: string = DEFAULT_DATABASE_URL): PrismaClient {
  // better-sqlite3 turns foreign keys on for every connection it opens; WAL is a
  // property of the file, set once when migrating (lib/db/migrations.ts).
  const adapter = new PrismaBetterSqlite3({ url: sqlitePathFromUrl(databaseUrl), timeout: BUSY_TIMEOUT_MS })
  // synchronous=FULL: in WAL mode SQLite's default (NORMAL) survives a killed process
  // but may lose the last acknowledged commits on a power cut or an OS crash. An
  // editor's saved change must survive both; a commit then waits for one fsync.
  const connect = adapter.connect.bind(adapter)
  adapter.connect = async () => {
    const connection = await connect()
    await connection.executeRaw({ sql: 'PRAGMA synchronous = FULL', args: [], argTypes: [] })
    return connection
  }
  return new PrismaClient({ adapter })
}

/**
 * Makes the transaction a writer from its first statement: in SQLite a write statement
 * takes the write lock even when it changes no row (and waits for it, up to the busy
 * timeout). BEGIN IMMEDIATE would say the same, but Prisma's driver always sends BEGIN.
 */
export async function claimWriteLock(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe('DELETE FROM "SignInThrottle" WHERE 0')
}

export type { PrismaClient }
