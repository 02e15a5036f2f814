// One article, one stored address. Press sites reach the same article through many
// URLs (tracking parameters, "www.", a trailing slash, #fragments, http vs https).
// Two concepts, kept apart: the address we store and link to (`cleanUrl`: the one the
// editor gave, less what only tracks readers), and the key that tells two addresses
// name the same article (`articleKey`), which the source intake compares. Pure.

/** Query parameters that never change which document a URL names. */
const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|yclid|mc_cid|mc_eid|ref|ref_src|igshid|_ga|amp)$/i

function parseWebUrl(input: string): URL {
  const url = new URL(input.trim())
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Not a web address: ${input}`)
  url.hostname = url.hostname.toLowerCase()
  url.hash = ''
  url.username = ''
  url.password = ''
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key))
  url.search = kept.length ? new URLSearchParams(kept).toString() : ''
  return url
}

/**
 * The address to store and link: its scheme, host, port and path as given (a site
 * served only over http, or on another port, keeps working), without the fragment,
 * credentials or tracking parameters. Throws on a value that is not an http(s) URL.
 */
export function cleanUrl(input: string): string {
  return parseWebUrl(input).toString()
}

/**
 * What two addresses of one article share: https, no "www.", the other parameters
 * sorted, no trailing slash except the root (a non-default port is kept: it is
 * another server). Throws on a value that is not an http(s) URL.
 */
export function articleKey(input: string): string {
  const url = parseWebUrl(input)
  const port = url.port
  url.protocol = 'https:'
  url.hostname = url.hostname.replace(/^www\./, '')
  // The scheme change resets a port that was the default for http (80) only if given.
  url.port = port === '443' ? '' : port
  const sorted = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  url.search = sorted.length ? new URLSearchParams(sorted).toString() : ''
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '')
  return url.toString()
}
