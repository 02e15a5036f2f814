// HTTP/1.1 requests written byte for byte on a TCP socket, for the attack specs: the
// request line goes out exactly as given (`/editor/..;/users`, `/x/../editor`, `%ZZ`,
// raw NUL or invalid UTF-8 bytes, odd methods), which Playwright's request API and
// fetch() would normalise or refuse. One connection per request (Connection: close);
// nothing is followed, retried or decoded beyond chunked transfer coding.
import { connect } from 'node:net'

export type RawResponse = {
  status: number
  /** Lower-cased names; a header sent twice has two values. */
  headers: Record<string, string[]>
  body: string
}

export type RawRequest = {
  method?: string
  /** The request target, sent as is. A Buffer for bytes that are not UTF-8. */
  path: string | Buffer
  headers?: Record<string, string>
  body?: string | Buffer
  /** Default: the Content-Length of the body, when there is one. Set `false` to send none. */
  contentLength?: number | false
  timeoutMs?: number
}

function decodeChunked(data: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd === -1) break
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16)
    if (!Number.isFinite(size) || size === 0) break
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}

function parse(data: Buffer): RawResponse {
  const headEnd = data.indexOf('\r\n\r\n')
  const head = data.subarray(0, headEnd === -1 ? data.length : headEnd).toString('latin1')
  const [statusLine, ...lines] = head.split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0)
  const headers: Record<string, string[]> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) (headers[line.slice(0, colon).trim().toLowerCase()] ??= []).push(line.slice(colon + 1).trim())
  }
  const rest = headEnd === -1 ? Buffer.alloc(0) : data.subarray(headEnd + 4)
  const chunked = headers['transfer-encoding']?.some((v) => /chunked/i.test(v))
  return { status, headers, body: (chunked ? decodeChunked(rest) : rest).toString('utf8') }
}

/** Sends one request to `base` (`http://host:port`) and reads the whole answer. */
export function rawRequest(base: string, request: RawRequest): Promise<RawResponse> {
  const { hostname, port, host } = new URL(base)
  const body = request.body === undefined ? null : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8')
  const headers: Record<string, string> = { host, connection: 'close', ...request.headers }
  const length = request.contentLength === undefined ? body?.length : request.contentLength
  if (length !== undefined && length !== false) headers['content-length'] = String(length)
  const head = Buffer.concat([
    Buffer.from(`${request.method ?? 'GET'} `, 'latin1'),
    Buffer.isBuffer(request.path) ? request.path : Buffer.from(request.path, 'utf8'),
    Buffer.from(' HTTP/1.1\r\n', 'latin1'),
    Buffer.from(
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join(''),
      'utf8',
    ),
    Buffer.from('\r\n', 'latin1'),
  ])
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port: Number(port) })
    const finish = () => {
      clearTimeout(timer)
      const data = Buffer.concat(chunks)
      if (data.length === 0) reject(new Error(`No answer to ${request.method ?? 'GET'} ${String(request.path).slice(0, 200)}`))
      else resolve(parse(data))
    }
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`Timed out: ${request.method ?? 'GET'} ${String(request.path).slice(0, 200)}`))
    }, request.timeoutMs ?? 20_000)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', finish)
    // A server may answer (413, 431) and close before it has read a large body: the
    // write then fails, but the answer it sent is what the test wants.
    socket.on('error', (error) => {
      if (chunks.length) finish()
      else {
        clearTimeout(timer)
        reject(error)
      }
    })
    socket.on('connect', () => {
      socket.write(head)
      if (body) socket.write(body)
    })
  })
}

/** A multipart/form-data body for `fields`, with its Content-Type. */
export function multipart(fields: [string, string][], boundary = `----casebook-attack-${Math.random().toString(36).slice(2)}`): { body: Buffer; contentType: string } {
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replaceAll('"', '%22')}"\r\n\r\n${value}\r\n`)
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` }
}

/**
 * `rawRequest`, but an RSC request answered with Next.js's 307 to the same address plus
 * its `_rsc` cache-buster (Next.js 16 insists on one that matches the request's router
 * headers) is sent again there, once, with the same headers: so that an RSC request
 * reaches the page's own answer.
 */
export async function rawRequestFollowingRsc(base: string, request: RawRequest): Promise<RawResponse & { followed: boolean }> {
  const first = await rawRequest(base, request)
  const location = first.headers.location?.[0]
  if (first.status !== 307 || !location || typeof request.path !== 'string' || request.path.startsWith('*')) return { ...first, followed: false }
  let to: URL, from: URL
  try {
    to = new URL(location, base)
    from = new URL(request.path, base)
  } catch {
    return { ...first, followed: false }
  }
  if (!to.searchParams.has('_rsc') || to.pathname !== from.pathname) return { ...first, followed: false }
  return { ...(await rawRequest(base, { ...request, path: to.pathname + to.search })), followed: true }
}
