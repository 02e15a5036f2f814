import 'server-only'
import { db } from '@/lib/db'
import type { SlugEntity } from '@/lib/generated/prisma/enums'

/**
 * A slug the record no longer has → its current slug, so that links journalists
 * published keep working after a rename. Null when the old slug is unknown or its
 * record is gone (or, for cases, a draft never published: a withdrawn case's current
 * address answers 410, decision 009).
 */
export async function findCurrentSlug(entity: SlugEntity, oldSlug: string): Promise<string | null> {
  const redirect = await db.slugRedirect.findUnique({
    where: { entity_oldSlug: { entity, oldSlug } },
    select: { targetId: true },
  })
  if (!redirect) return null
  const where = { id: redirect.targetId }
  switch (entity) {
    case 'CASE':
      return (
        await db.case.findFirst({
          where: { ...where, OR: [{ publishedAt: { not: null } }, { withdrawnAt: { not: null } }] },
          select: { slug: true },
        })
      )?.slug ?? null
    case 'PERSON':
      return (await db.person.findUnique({ where, select: { slug: true } }))?.slug ?? null
    case 'ORGANISATION':
      return (await db.organisation.findUnique({ where, select: { slug: true } }))?.slug ?? null
    case 'PROVISION':
      return (await db.legalProvision.findUnique({ where, select: { slug: true } }))?.slug ?? null
  }
}
