// The names of the page cache's tags: one per record a public page is about, and one
// for the dashboard's views, which count and list every published case
// (docs/decisions/013-page-cache-in-the-database.md).
//
// A page tags itself with its record (lib/cache/tag-page.ts); a write returns the tags
// of every page that shows what it changed (lib/editing/kinds: `publicTags`), and the
// action invalidates exactly those. All tags start with `cb:`: the cache handler stores
// only pages carrying one, so an address no record has is never cached.

export const TAGGED_RECORDS = ['case', 'person', 'organisation', 'provision', 'source'] as const
export type TaggedRecord = (typeof TAGGED_RECORDS)[number]

export const APP_TAG_PREFIX = 'cb:'

/** The pages of one record: `cb:case:12`. */
export function recordTag(kind: TaggedRecord, id: number): string {
  return `${APP_TAG_PREFIX}${kind}:${id}`
}

/** Every dashboard view (`/` and its filters): counts, lists and filter menus. */
export const DASHBOARD_TAG = `${APP_TAG_PREFIX}dashboard`

/** Pages that show no record (about): they change only with a new build. */
export const STATIC_PAGE_TAG = `${APP_TAG_PREFIX}static`
