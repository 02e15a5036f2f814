// What browsers and any CDN in front may keep of a public page or redirect. The server
// caches pages until an edit invalidates them (lib/cache/handler.mjs), so copies
// elsewhere must stay short-lived: browsers always ask again (a 304 while the page is
// unchanged); a shared cache keeps a copy for at most a minute, the longest an edit
// can take to reach readers through one (docs/decisions/013-page-cache-in-the-database.md).
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, must-revalidate'
