// One article, one stored address. Press sites reach the same article through many
// URLs (tracking parameters, "www.", a trailing slash, #fragments, http vs https);
// the canonical form lets the source intake find an article already stored. Pure.

/** Query parameters that never change which document a URL names. */
const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|yclid|mc_cid|mc_eid|ref|ref_src|igshid|_ga|amp)$/i

/**
 * https, lowercase host without "www.", no default port, no fragment, no tracking
 * parameters, the rest sorted, no trailing slash except the root. Throws on a value
 * that is not an http(s) URL.
 */
export function canonicalUrl(input: string): string {
  const url = new URL(input.trim())
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Not a web address: ${input}`)
  url.protocol = 'https:'
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '')
  url.port = ''
  url.hash = ''
  url.username = ''
  url.password = ''
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  url.search = new URLSearchParams(kept).toString()
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '')
  return url.toString()
}
