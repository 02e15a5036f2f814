import 'server-only'
import { db } from '@/lib/db'
import { publicCaseWhere, publicOrganisationWhere, publicPersonWhere } from './shared'

/** The protocol's limit of addresses in one sitemap file. */
export const SITEMAP_LIMIT = 50_000

export type SitemapEntry = { path: string; lastModified: Date | null }

/**
 * Every public record page's address, cases first, each kind in the order it was created, up to
 * `limit`: only what a public page may show (lib/data/shared.ts), slugs and dates only.
 */
export async function sitemapEntries(limit = SITEMAP_LIMIT): Promise<SitemapEntry[]> {
  const cases = await db.case.findMany({ where: publicCaseWhere, orderBy: { id: 'asc' }, take: limit, select: { slug: true, updatedAt: true } })
  let left = limit - cases.length
  const people = left > 0 ? await db.person.findMany({ where: publicPersonWhere, orderBy: { id: 'asc' }, take: left, select: { slug: true, updatedAt: true } }) : []
  left -= people.length
  const organisations = left > 0 ? await db.organisation.findMany({ where: publicOrganisationWhere, orderBy: { id: 'asc' }, take: left, select: { slug: true, updatedAt: true } }) : []
  left -= organisations.length
  const provisions = left > 0 ? await db.legalProvision.findMany({ where: { deletedAt: null }, orderBy: { id: 'asc' }, take: left, select: { slug: true, updatedAt: true } }) : []
  left -= provisions.length
  const sources = left > 0 ? await db.source.findMany({ where: { deletedAt: null }, orderBy: { id: 'asc' }, take: left, select: { id: true, updatedAt: true } }) : []
  const at = (route: string, slug: string) => `/${route}/${encodeURIComponent(slug)}`
  return [
    ...cases.map((c) => ({ path: at('cases', c.slug), lastModified: c.updatedAt })),
    ...people.map((p) => ({ path: at('people', p.slug), lastModified: p.updatedAt })),
    ...organisations.map((o) => ({ path: at('organisations', o.slug), lastModified: o.updatedAt })),
    ...provisions.map((p) => ({ path: at('provisions', p.slug), lastModified: p.updatedAt })),
    ...sources.map((s) => ({ path: `/sources/${s.id}`, lastModified: s.updatedAt })),
  ]
}
