// The production server (`npm start`): Next.js's request handler inside a plain Node
// HTTP server, for what `next start` cannot do (docs/decisions/015-custom-server.md):
//
// - The client's address comes from the socket, or from a trusted proxy's last
//   X-Forwarded-For entry when TRUST_PROXY=1, never from what a client claims
//   (lib/http/client-address.mjs). The sign-in throttle and the audit log read it.
// - A body larger than the app takes (Content-Length over MAX_REQUEST_BODY_BYTES) is
//   answered 413 before it is read (what the client still sends is read and dropped
//   for a moment, so it sees the answer rather than a reset). Malformed requests that made Next.js answer 500 get
//   their 4xx (server/request-checks.mjs): TRACE and other methods (405), undecodable
//   paths (400), a garbled router-state header (dropped), a chunked body past the
//   limit (413), a multipart body without a boundary or that never closes (400).
// - Every request is logged as one JSON line (method, path, status, time); Next.js's
//   own console output goes through the same logger (lib/log/logger.mjs). The query
//   string and the client's address are left out of request lines: what readers
//   search for, and who they are, stays out of the logs.
// - SIGTERM or SIGINT: stop accepting connections, finish every request already
//   accepted (answering it with `Connection: close`), and exit; after
//   SHUTDOWN_TIMEOUT_MS (default 10 s) whatever is left is cut and the exit code is 1.
//   /api/health answers 503 meanwhile, so a load balancer stops sending.
//
// Environment: HOST (default localhost), PORT (3000), TRUST_PROXY, LOG_LEVEL,
// SHUTDOWN_TIMEOUT_MS, plus the app's own (README).
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { format } from 'node:util'
import { pinoHttp } from 'pino-http'
import { markClientAddressesStamped, stampClientAddress, trustProxyFromEnv } from '../lib/http/client-address.mjs'
import { MAX_REQUEST_BODY_BYTES } from '../lib/http/limits.mjs'
import { logger } from '../lib/log/logger.mjs'
import { ALLOWED_METHODS, clientErrorForBody, correctStatus, isActionId, isUndecodablePath, isValidRouterStateTree, multipartBoundary, watchBody } from './request-checks.mjs'

process.env.NODE_ENV ??= 'production'
// Next.js colours its messages when it thinks it writes to a terminal; log lines are JSON.
if (!process.stdout.isTTY) process.env.NO_COLOR ??= '1'

const HOST = process.env.HOST || 'localhost'
const PORT = Number(process.env.PORT || 3000)
const TRUST_PROXY = trustProxyFromEnv(process.env.TRUST_PROXY)
const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000)
const HEALTH_PATH = '/api/health'
const REQUEST_ID = /^[\w.:-]{1,64}$/

routeConsoleToLogger()

const { default: next } = await import('next')
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, '..'), hostname: HOST, port: PORT })
await app.prepare()
const handle = app.getRequestHandler()
markClientAddressesStamped()

const requestLog = pinoHttp({
  logger,
  // A request id from a proxy in front is kept (so its log and ours line up); else a new one.
  genReqId: (req, res) => {
    const given = req.headers['x-request-id']
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    res.setHeader('x-request-id', id)
    return id
  },
  wrapSerializers: false,
  serializers: {
    // The address as asked: Next.js rewrites req.url to the route's pattern as it goes.
    req: (req) => ({ method: req.method, path: req.askedPath ?? pathOf(req.url) }),
    res: (res) => ({ status: res.statusCode }),
  },
  customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  customSuccessMessage: () => 'request',
  customErrorMessage: () => 'request failed',
  // pino-http makes up an Error ("failed with status code 500") for every 5xx; the real
  // one, if any, is logged where it was thrown (instrumentation.ts).
  customErrorObject: (_req, _res, err, logged) => (err?.message?.startsWith('failed with status code') ? { ...logged, err: undefined } : logged),
  quietReqLogger: true,
})

let shuttingDown = false

const server = http.createServer((req, res) => {
  if (shuttingDown) res.shouldKeepAlive = false
  req.askedPath = pathOf(req.url)
  stampClientAddress(req, TRUST_PROXY)
  requestLog(req, res)

  if (shuttingDown && pathOf(req.url) === HEALTH_PATH) return refuse(res, 503, { status: 'shutting-down' })
  const declaredLength = Number(req.headers['content-length'] ?? 0)
  if (declaredLength > MAX_REQUEST_BODY_BYTES) {
    return refuseUnread(req, res, 413, { error: `The request body is larger than ${MAX_REQUEST_BODY_BYTES / 1024 / 1024} MB.` })
  }
  if (!ALLOWED_METHODS.includes(req.method ?? '')) {
    res.setHeader('allow', ALLOWED_METHODS.join(', '))
    return refuse(res, 405, { error: 'Method not allowed.' })
  }
  // `*` (OPTIONS *) and absolute-form targets are for proxies, not for this app.
  if (!req.url?.startsWith('/')) return refuse(res, 400, { error: 'Bad request target.' })
  if (isUndecodablePath(req.url)) return refuse(res, 400, { error: 'Bad address: it is not valid percent-encoding (UTF-8).' })
  // The app has no images to optimise; Next.js's optimiser answered 500 for pages it fetched.
  if (pathOf(req.url) === '/_next/image') return refuse(res, 404, { error: 'Not found.' })
  // An action id that is not one (Next.js's are 42 hex digits) is answered as an unknown
  // action, 404, rather than Next.js's 500.
  const actionId = req.headers['next-action']
  if (actionId !== undefined && !isActionId(actionId)) {
    res.setHeader('x-nextjs-action-not-found', '1')
    return refuse(res, 404, { error: 'No such action.' })
  }
  const routerState = req.headers['next-router-state-tree']
  if (routerState !== undefined && (typeof routerState !== 'string' || !isValidRouterStateTree(routerState))) delete req.headers['next-router-state-tree']
  if (req.method === 'POST') {
    const boundary = multipartBoundary(req.headers['content-type'])
    if (boundary === null) return refuse(res, 400, { error: 'A multipart body needs a boundary.' })
    // Next.js reads the body and answers 500 when it is too long (chunked, so its size
    // was unknown) or a multipart body never closes: the client's error, said as such.
    const seen = watchBody(req)
    correctStatus(res, (status) => (status >= 500 ? (clientErrorForBody(seen, boundary) ?? status) : status))
  }

  handle(req, res).catch((err) => {
    logger.error({ err, path: pathOf(req.url) }, 'unhandled request error')
    if (!res.headersSent) refuse(res, 500, { error: 'Internal error' })
    else res.destroy()
  })
})

const connections = new Set()
server.on('connection', (socket) => {
  connections.add(socket)
  socket.once('close', () => connections.delete(socket))
})

server.listen(PORT, HOST, () => {
  logger.info({ host: HOST, port: PORT, trustProxy: TRUST_PROXY, node: process.version }, 'listening')
})
server.on('error', (err) => {
  logger.fatal({ err }, 'server error')
  process.exit(1)
})

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => shutDown(signal))

function shutDown(signal) {
  if (shuttingDown) return
  shuttingDown = true
  logger.info({ signal, timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutting down: no new connections, finishing accepted requests')
  const timer = setTimeout(() => {
    logger.warn({ openConnections: connections.size }, 'shutdown timed out: closing the remaining connections')
    server.closeAllConnections()
    process.exit(1)
  }, SHUTDOWN_TIMEOUT_MS)
  timer.unref()
  // close() stops the listener and, from Node 19, closes idle keep-alive connections;
  // its callback runs once the last busy connection has finished its response.
  server.close(() => {
    logger.info('shut down')
    process.exit(0)
  })
  server.closeIdleConnections()
}

function refuse(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

// How long a refused body is still read (and dropped) before the connection closes.
const LINGER_MS = 2_000

// Answers at once without reading the body, then reads and drops whatever the client is
// still sending, for up to LINGER_MS, before closing. Closing a socket with unread data
// makes the kernel send a reset, and a client still writing its body (a browser
// uploading a file) would lose the answer and show "connection reset" instead.
function refuseUnread(req, res, status, body) {
  const text = JSON.stringify(body)
  res.shouldKeepAlive = false
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
  res.write(text)
  const close = () => {
    clearTimeout(timer)
    if (!res.writableEnded) res.end()
  }
  const timer = setTimeout(close, LINGER_MS)
  req.once('end', close)
  req.once('error', close)
  req.resume()
}

function pathOf(url = '/') {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

// Next.js (and the libraries it runs) write to console.*; as JSON lines, an Error's
// stack stays one field instead of many lines. An error with a digest is one Next.js
// caught while answering a request: instrumentation.ts has logged it with its route.
function routeConsoleToLogger() {
  const write =
    (level) =>
    (...args) => {
      const err = args.find((arg) => arg instanceof Error)
      if (err && 'digest' in err) return
      const text = format(...args.filter((arg) => arg !== err))
      if (err) logger[level]({ err, source: 'console' }, text || err.message)
      else logger[level]({ source: 'console' }, text)
    }
  console.log = write('info')
  console.info = write('info')
  console.warn = write('warn')
  console.error = write('error')
}
