import 'server-only'
import { db } from '@/lib/db'
import type { SlugEntity } from '@/lib/generated/prisma/enums'
import { SourceIdParamSchema } from '@/lib/validation/source'
import { publicOrganisationWhere, publicPersonWhere } from './shared'

// What a public address answers, decided before any page (cached or not) is served:
// proxy.ts asks on every request for a record page, so that a cached page is never
// served for an address that is no longer current, however it was cached. One indexed
// look-up by the unique slug (a second, by the old-slug index, only for an address
// that is not a record's current one).

export const RECORD_ROUTES = {
  cases: 'CASE',
  people: 'PERSON',
  organisations: 'ORGANISATION',
  provisions: 'PROVISION',
} as const satisfies Record<string, SlugEntity>

export type RecordRoute = keyof typeof RECORD_ROUTES | 'sources'

export type AddressState =
  | { state: 'current'; id: number }
  /** A renamed record: answer 308 to `to`. */
  | { state: 'moved'; to: string }
  /** A case published once and then unpublished or deleted: answer 410, naming nothing it has now. */
  | { state: 'withdrawn'; withdrawnAt: Date }
  | { state: 'missing' }

const MISSING = { state: 'missing' } as const

/** The state of `/<route>/<key>` for a reader. */
export async function resolveAddress(route: RecordRoute, key: string): Promise<AddressState> {
  if (route === 'sources') {
    const id = SourceIdParamSchema.safeParse(key)
    if (!id.success) return MISSING
    const s = await db.source.findUnique({ where: { id: id.data }, select: { id: true, deletedAt: true } })
    if (!s || s.deletedAt) return MISSING
    // "/sources/007" is "/sources/7": one address to cite.
    return key === String(s.id) ? { state: 'current', id: s.id } : { state: 'moved', to: `/sources/${s.id}` }
  }
  const own = await currentState(route, { slug: key })
  if (own) return own.state === 'current' ? { state: 'current', id: own.id } : own
  const redirect = await db.slugRedirect.findUnique({
    where: { entity_oldSlug: { entity: RECORD_ROUTES[route], oldSlug: key } },
    select: { targetId: true },
  })
  if (!redirect) return MISSING
  const target = await currentState(route, { id: redirect.targetId })
  if (!target) return MISSING
  // A withdrawn case answers 410 at every address it had: never a redirect that would
  // reveal the address (and so the title) it has as a draft.
  if (target.state !== 'current') return target
  return { state: 'moved', to: `/${route}/${encodeURIComponent(target.slug)}` }
}

type Found = { state: 'current'; id: number; slug: string } | { state: 'withdrawn'; withdrawnAt: Date }

/** A record's own address: current (public), withdrawn (cases), or null (unknown, draft, deleted, not public). */
async function currentState(route: keyof typeof RECORD_ROUTES, where: { slug: string } | { id: number }): Promise<Found | typeof MISSING | null> {
  switch (route) {
    case 'cases': {
      const c = await db.case.findUnique({ where: where as { slug: string }, select: { id: true, slug: true, publishedAt: true, withdrawnAt: true } })
      if (!c) return null
      if (c.publishedAt) return { state: 'current', id: c.id, slug: c.slug }
      if (c.withdrawnAt) return { state: 'withdrawn', withdrawnAt: c.withdrawnAt }
      // A draft never published: as unknown as any other address.
      return MISSING
    }
    case 'people': {
      const p = await db.person.findFirst({ where: { ...where, ...publicPersonWhere }, select: { id: true, slug: true } })
      return p ? { state: 'current', id: p.id, slug: p.slug } : null
    }
    case 'organisations': {
      const o = await db.organisation.findFirst({ where: { ...where, ...publicOrganisationWhere }, select: { id: true, slug: true } })
      return o ? { state: 'current', id: o.id, slug: o.slug } : null
    }
    case 'provisions': {
      const p = await db.legalProvision.findFirst({ where: { ...where, deletedAt: null }, select: { id: true, slug: true } })
      return p ? { state: 'current', id: p.id, slug: p.slug } : null
    }
  }
}
