import 'server-only'
import { claimWriteLock, createPrismaClient, type PrismaClient } from '@/lib/db/client'
import type { Prisma } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'

// Two Prisma clients per process, each one SQLite connection: `db` for reads and single
// statements, and one for write transactions only (`writeTransaction`). Prisma's SQLite
// driver runs every query of a client on its one connection, so a read on the same
// client as an open transaction would see that transaction's uncommitted writes, and
// could render (and cache) a page showing a change that is then rolled back. On a
// connection of its own, a reader sees only what was committed.
// In development Next.js re-evaluates modules on every change; keeping the clients on
// globalThis avoids leaking connections.
const globalForPrisma = globalThis as unknown as { casebookPrisma?: PrismaClient; casebookPrismaWriter?: PrismaClient }

export const db: PrismaClient = globalForPrisma.casebookPrisma ?? createPrismaClient(env.DATABASE_URL)
const writer: PrismaClient = globalForPrisma.casebookPrismaWriter ?? createPrismaClient(env.DATABASE_URL)

if (env.NODE_ENV !== 'production') {
  globalForPrisma.casebookPrisma = db
  globalForPrisma.casebookPrismaWriter = writer
}

export type WriteTransactionOptions = { maxWait?: number; timeout?: number }

/**
 * The one way the app runs a transaction that writes. It takes the database's write lock
 * before its first read (claimWriteLock): a transaction that read first and wrote later
 * fails at once (SQLITE_BUSY_SNAPSHOT) whenever another connection (another server, the
 * page cache) committed in between; one that starts with the lock waits its turn instead.
 */
export function writeTransaction<T>(body: (tx: Prisma.TransactionClient) => Promise<T>, options?: WriteTransactionOptions): Promise<T> {
  return writer.$transaction(async (tx) => {
    await claimWriteLock(tx)
    return body(tx)
  }, options)
}

/** Closes both connections (they reopen on the next query): for tests and scripts that replace the file. */
export async function disconnectDatabase(): Promise<void> {
  await Promise.all([db.$disconnect(), writer.$disconnect()])
}
