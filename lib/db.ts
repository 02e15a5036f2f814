import 'server-only'
import { createPrismaClient, type PrismaClient } from '@/lib/db/client'
import { env } from '@/lib/env'

// One Prisma client per process. In development Next.js re-evaluates modules on
// every change; keeping the client on globalThis avoids leaking connections.
const globalForPrisma = globalThis as unknown as { casebookPrisma?: PrismaClient }

export const db: PrismaClient = globalForPrisma.casebookPrisma ?? createPrismaClient(env.DATABASE_URL)

if (env.NODE_ENV !== 'production') globalForPrisma.casebookPrisma = db
