import 'server-only'
import { unstable_cache } from 'next/cache'

// Next.js 16 gives a page rendered for its cache (ISR) the tags of the tagged data
// it read; a page that reads the database directly has none of its own. This call
// gives the page being rendered `tags` and nothing else: the cache handler does not
// store data-cache entries (lib/cache/handler.mjs), so the empty function runs every
// time. `'use cache'` with `cacheTag` would do the same but needs Cache Components,
// which the rest of the app does not use (docs/decisions/013-page-cache-in-the-database.md).
export async function tagPage(...tags: string[]): Promise<void> {
  await unstable_cache(async () => true, ['casebook-page-tags', ...tags], { tags })()
}
