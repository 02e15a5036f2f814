import type { MetadataRoute } from 'next'
import { sitemapEntries, SITEMAP_LIMIT } from '@/lib/data/sitemap'
import { absoluteUrl } from '@/lib/site-url'

// /sitemap.xml: the static pages and every public record page, read per request (a
// sitemap built at build time would list the records of the build machine's database).
// One file holds at most 50,000 addresses; past that the last records are left out
// (splitting with generateSitemaps and an index is left for a database that large).
export const dynamic = 'force-dynamic'

const STATIC_PAGES = ['/', '/about']

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const records = await sitemapEntries(SITEMAP_LIMIT - STATIC_PAGES.length)
  return [...STATIC_PAGES.map((path) => ({ url: absoluteUrl(path) })), ...records.map((r) => ({ url: absoluteUrl(r.path), ...(r.lastModified ? { lastModified: r.lastModified } : {}) }))]
}
