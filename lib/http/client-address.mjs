// Which address a request came from, decided once, by the server, before the app sees
// the request (server/main.mjs).
//
// A client can send any X-Forwarded-For it likes, and `next start` passes it through
// (it only fills the header in when it is missing). So the address is the socket's,
// unless TRUST_PROXY says a reverse proxy of ours stands in front: then it is the last
// X-Forwarded-For entry, the one that proxy appended (the entries before it are the
// client's own claims). The app reads the result from CLIENT_ADDRESS_HEADER; any copy
// of that header a client sends is overwritten, and X-Forwarded-For is rewritten to
// the same single address so that nothing downstream can read a forged one.
import { isIP } from 'node:net'

export const CLIENT_ADDRESS_HEADER = 'x-casebook-client-address'

/** @param {string | undefined} value */
export function trustProxyFromEnv(value) {
  return value === '1' || value === 'true'
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything that is not an address → null. */
function normalise(address) {
  if (!address) return null
  const bare = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  return isIP(bare) ? bare : null
}

/**
 * @param {{ socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean }} input
 * @returns {string | null}
 */
export function clientAddress({ socketAddress, forwardedFor, trustProxy }) {
  if (trustProxy && forwardedFor) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',')
    const fromProxy = normalise(entries.at(-1))
    if (fromProxy) return fromProxy
  }
  return normalise(socketAddress)
}

/**
 * Rewrites the request's headers in place.
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 */
export function stampClientAddress(req, trustProxy) {
  const address = clientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], trustProxy })
  delete req.headers[CLIENT_ADDRESS_HEADER]
  delete req.headers['x-forwarded-for']
  // Next.js checks a server action's Origin against X-Forwarded-Host when there is one:
  // only a trusted proxy may say which host was asked for.
  if (!trustProxy) {
    delete req.headers['x-forwarded-host']
    delete req.headers['x-forwarded-proto']
  }
  if (address) {
    req.headers[CLIENT_ADDRESS_HEADER] = address
    req.headers['x-forwarded-for'] = address
  }
  return address
}

// Set by server/main.mjs in its own process. Without it (`next start` or `next dev`
// run directly) the header may come from the client, so the app ignores it.
const SERVER_MARK = Symbol.for('casebook.client-address-stamped')

export function markClientAddressesStamped() {
  globalThis[SERVER_MARK] = true
}

/** The stamped address of a request, from its headers; null when nothing stamped it. */
export function stampedClientAddress(headers) {
  return globalThis[SERVER_MARK] === true ? (headers.get(CLIENT_ADDRESS_HEADER) ?? null) : null
}
