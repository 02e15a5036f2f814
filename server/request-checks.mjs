// What the production server (server/main.mjs) refuses or corrects before Next.js sees
// a request, and how it names the client's error when Next.js calls it a server error.
// Each of these answered 500 from `next start` (the attack battery in tests/e2e/attack-fuzz.spec.ts).
import { MAX_REQUEST_BODY_BYTES } from '../lib/http/limits.mjs'

/** The methods the app answers; TRACE and the rest get 405 (Next.js answered TRACE 500). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS']

/** A path that is not valid percent-encoded UTF-8 (`/editor/records/%ZZ`): 400. */
export function isUndecodablePath(url = '/') {
  const end = url.search(/[?#]/)
  try {
    decodeURIComponent(end === -1 ? url : url.slice(0, end))
    return false
  } catch {
    return true
  }
}

/** Next.js names a server action by 42 hex digits; anything else in `Next-Action` is no action. */
export function isActionId(value) {
  return typeof value === 'string' && /^[0-9a-f]{42}$/i.test(value)
}

const MAX_TREE_DEPTH = 64

/**
 * Next.js's router state header (`Next-Router-State-Tree`: a URI-encoded JSON array of
 * [segment, {parallel routes}, …]) as its router sends it. A garbled one made Next.js
 * throw; the server drops it instead, and Next.js renders the whole page.
 */
export function isValidRouterStateTree(value) {
  let tree
  try {
    tree = JSON.parse(decodeURIComponent(value))
  } catch {
    return false
  }
  const valid = (node, depth) => {
    if (depth > MAX_TREE_DEPTH || !Array.isArray(node) || node.length < 2) return false
    const [segment, children] = node
    const segmentOk = typeof segment === 'string' || (Array.isArray(segment) && segment.length >= 2 && segment.every((part) => typeof part === 'string' || part === null))
    if (!segmentOk || typeof children !== 'object' || children === null || Array.isArray(children)) return false
    return Object.values(children).every((child) => valid(child, depth + 1))
  }
  return valid(tree, 0)
}

/** The boundary of a multipart/form-data body, or null when the header names none. */
export function multipartBoundary(contentType = '') {
  if (!/^multipart\/form-data\b/i.test(contentType)) return undefined
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return match ? (match[1] ?? match[2]) : null
}

const TAIL_BYTES = 256

/**
 * Watches the body as Node's parser hands it to the request (the request's own `push`),
 * without reading it: how many bytes, and the last few. Nothing is consumed, so Next.js
 * reads the body as if nobody had looked.
 */
export function watchBody(req) {
  const seen = { bytes: 0, tail: Buffer.alloc(0) }
  const push = req.push
  req.push = function (chunk, encoding) {
    if (chunk && typeof chunk !== 'string') {
      seen.bytes += chunk.length
      seen.tail = Buffer.concat([seen.tail, chunk.subarray(Math.max(0, chunk.length - TAIL_BYTES))]).subarray(-TAIL_BYTES)
    }
    return push.call(this, chunk, encoding)
  }
  return seen
}

/**
 * When Next.js answers a request with a body 500 because of that body, the status the
 * client should get instead: 413 for a body past the limit (a chunked one, whose size
 * was not known in advance), 400 for a multipart body that never closes. Null when the
 * body was sound, so that a real server error stays a 500.
 */
export function clientErrorForBody(seen, boundary) {
  if (seen.bytes > MAX_REQUEST_BODY_BYTES) return 413
  if (boundary && !seen.tail.includes(`--${boundary}--`)) return 400
  return null
}

/** Rewrites the status of the response's head (explicit or implicit) through `correct`. */
export function correctStatus(res, correct) {
  const writeHead = res.writeHead
  res.writeHead = function (status, ...rest) {
    const corrected = correct(status)
    // A reason phrase given for the old status would be wrong for the new one.
    if (corrected !== status && typeof rest[0] === 'string') rest.shift()
    return writeHead.call(this, corrected, ...rest)
  }
}
