import 'server-only'
import { canonicalUrl } from '@/lib/domain/canonical-url'
import type { Tx } from './kinds'

// One article, one source: the intake and every save look up the address's canonical
// form (lib/domain/canonical-url.ts) among the stored sources, deleted ones included
// (a deleted source is restored, not stored again). The unique index on Source.url is
// the last line of defence; this lookup is what names the source already there.

export type StoredSource = { id: number; title: string; publisher: string; deleted: boolean }

const select = { id: true, title: true, publisher: true, url: true, deletedAt: true } as const

function canonicalOrNull(url: string): string | null {
  try {
    return canonicalUrl(url)
  } catch {
    return null
  }
}

/** The source stored at the same canonical address as `url`, other than `exceptId`; null when none. */
export async function findSourceAt(tx: Tx, url: string, exceptId: number | null = null): Promise<StoredSource | null> {
  const canonical = canonicalOrNull(url)
  if (!canonical) return null
  const notSelf = exceptId === null ? {} : { NOT: { id: exceptId } }
  const exact = await tx.source.findFirst({ where: { url: canonical, ...notSelf }, select })
  if (exact) return toStored(exact)
  // Rows written before addresses were stored canonically (the seed stored them as
  // printed) differ only in what canonicalUrl removes: look among those that contain
  // the host and path, and compare canonical forms.
  const { hostname, pathname } = new URL(canonical)
  const rows = await tx.source.findMany({
    where: { url: { contains: `${hostname}${pathname === '/' ? '' : pathname}` }, ...notSelf },
    select,
    orderBy: { id: 'asc' },
    take: 100,
  })
  const same = rows.filter((r) => r.url !== null && canonicalOrNull(r.url) === canonical)
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
