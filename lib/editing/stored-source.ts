import 'server-only'
import { articleKey, cleanUrl } from '@/lib/domain/canonical-url'
import type { Tx } from './kinds'

// One article, one source: the intake and every save look up the address's article
// key (lib/domain/canonical-url.ts) among the stored sources, deleted ones included
// (a deleted source is restored, not stored again). The unique index on Source.url is
// the last line of defence; this lookup is what names the source already there.

export type StoredSource = { id: number; title: string; publisher: string; deleted: boolean }

const select = { id: true, title: true, publisher: true, url: true, deletedAt: true } as const

function keyOrNull(url: string): string | null {
  try {
    return articleKey(url)
  } catch {
    return null
  }
}

/** The source stored at an address of the same article as `url`, other than `exceptId`; null when none. */
export async function findSourceAt(tx: Tx, url: string, exceptId: number | null = null): Promise<StoredSource | null> {
  const key = keyOrNull(url)
  if (!key) return null
  const notSelf = exceptId === null ? {} : { NOT: { id: exceptId } }
  const exact = await tx.source.findFirst({ where: { url: cleanUrl(url), ...notSelf }, select })
  if (exact) return toStored(exact)
  // Other addresses of the same article differ only in what articleKey removes: look
  // among the sources whose address contains the host (without "www.") and path, and
  // compare keys.
  const { hostname, pathname } = new URL(key)
  const rows = await tx.source.findMany({
    where: { url: { contains: `${hostname}${pathname === '/' ? '' : pathname}` }, ...notSelf },
    select,
    orderBy: { id: 'asc' },
    take: 100,
  })
  const same = rows.filter((r) => r.url !== null && keyOrNull(r.url) === key)
  const found = same.find((r) => r.deletedAt === null) ?? same[0]
  return found ? toStored(found) : null
}

function toStored(row: { id: number; title: string; publisher: string; deletedAt: Date | null }): StoredSource {
  return { id: row.id, title: row.title, publisher: row.publisher, deleted: row.deletedAt !== null }
}

/** The field error for an address already stored: names the source, so the editor can open it. */
export function alreadyStoredMessage(s: StoredSource): string {
  return `Already stored as source #${s.id}: “${s.title}”${s.deleted ? ' (deleted: restore it from its history instead)' : ''}.`
}
