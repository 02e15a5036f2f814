// HTTP load with autocannon: the same generator, connection count and duration for
// every URL, so that the numbers compare. autocannon's own latency histogram has a
// resolution of 1 ms, too coarse for a static file answered in about a millisecond,
// so we also time every response ourselves (its 'response' event carries the exact
// time) and take percentiles from those. Every response's x-nextjs-cache header
// (HIT, MISS, STALE, or none) is read from the client's parsed headers, so a run can
// say how many of its responses Next.js rendered and what those cost.
//
// runLoad loads one URL (or a stream of distinct URLs of one kind); runMixedLoad sends
// a mix of kinds of request, each chosen per request by the caller, and checks every
// answer against what that kind must answer.
import autocannon from 'autocannon'

export type LoadOptions = {
  connections: number
  /** Seconds. */
  duration: number
  /** Request headers sent with every request (e.g. Accept-Encoding, as a browser sends). */
  headers?: Record<string, string>
}

export type LoadTarget = {
  label: string
  /** A path on the server, or a function that gives the path of each request (distinct URLs). */
  path: string | (() => string | null)
  /** For distinct URLs: at most this many requests, so that none repeats. */
  maxRequests?: number
}

export type LoadResult = {
  label: string
  path: string
  requests: number
  durationS: number
  requestsPerSecond: number
  p50: number
  p90: number
  p99: number
  max: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  /** 2xx responses by their x-nextjs-cache header ('none' when absent), with their own percentiles. */
  cache: Record<string, CacheShare>
}

export type CacheShare = { count: number; p50: number; p99: number; max: number }

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

class Samples {
  private values = new Float64Array(1 << 16)
  private size = 0

  add(value: number): void {
    if (this.size === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2)
      bigger.set(this.values)
      this.values = bigger
    }
    this.values[this.size++] = value
  }

  sorted(): Float64Array {
    return this.values.slice(0, this.size).sort()
  }
}

/** The x-nextjs-cache value in llhttp's flat header list ([name, value, name, value…]). */
function cacheHeader(headers: unknown): string {
  if (!Array.isArray(headers)) return 'none'
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (String(headers[i]).toLowerCase() === 'x-nextjs-cache') return String(headers[i + 1])
  }
  return 'none'
}

export async function runLoad(baseUrl: string, target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const samples = new Samples()
  const byCache = new Map<string, Samples>()
  // Without pipelining a client has one request in flight: the headers it parsed last
  // belong to the response it reports next.
  const lastCache = new WeakMap<object, string>()
  const dynamic = typeof target.path === 'function' ? target.path : null
  const path = typeof target.path === 'string' ? target.path : '(distinct URLs)'

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        ...(dynamic && target.maxRequests ? { amount: target.maxRequests } : { duration: options.duration }),
        timeout: 30,
        pipelining: 1,
        setupClient: (client) => {
          client.on('headers', (info: { headers?: unknown }) => lastCache.set(client, cacheHeader(info?.headers)))
        },
        ...(options.headers ? { headers: options.headers } : {}),
        requests: [dynamic ? { method: 'GET', setupRequest: (request) => ({ ...request, path: dynamic() ?? '/' }) } : { method: 'GET', path }],
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    )
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) return
      samples.add(responseTime)
      const state = lastCache.get(client as object) ?? 'none'
      let share = byCache.get(state)
      if (!share) byCache.set(state, (share = new Samples()))
      share.add(responseTime)
    })
    // With `amount` autocannon ignores `duration`: stop it ourselves.
    if (dynamic && target.maxRequests) {
      const timer = setTimeout(() => instance.stop(), options.duration * 1000)
      instance.on('done', () => clearTimeout(timer))
    }
  })

  const sorted = samples.sorted()
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]))
  return {
    label: target.label,
    path,
    requests: result.requests.total,
    durationS: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    cache: shares(byCache),
  }
}

// ---------------------------------------------------------------------------
// Mixed load

/** What the server answered to one request of a mixed load (header names in lower case). */
export type Answer = { status: number; body: string; headers: Record<string, string> }

/** One request of a mixed load, chosen by the caller just before it is sent. */
export type MixedRequest = {
  kind: string
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  /**
   * The answer's outcome when it is one this request may get ('ok', or e.g.
   * 'throttled' for a refused sign-in), or null when it is wrong (an error).
   */
  check: (answer: Answer) => string | null
}

export type KindResult = {
  /** Requests sent, and answered (sent − answered: lost to a timeout or a socket error, or still in flight when the run stopped). */
  sent: number
  answered: number
  /** Over every answer of the kind, right or wrong (ms). */
  p50: number
  p99: number
  max: number
  statusCodes: Record<string, number>
  /** Right answers by outcome ('ok', 'throttled', …). */
  outcomes: Record<string, number>
  /** Wrong answers: 5xx, 4xx, and 2xx/3xx answers the check refused (wrong status or content). */
  serverErrors: number
  clientErrors: number
  wrongAnswers: number
  /** Up to 3 wrong answers, for the report. */
  examples: string[]
  /** Answers by their x-nextjs-cache header ('none' when absent). */
  cache: Record<string, CacheShare>
}

export type MixedLoadResult = {
  durationS: number
  sent: number
  answered: number
  p50: number
  p90: number
  p99: number
  max: number
  /** Requests that got no answer within the timeout, and socket errors (autocannon's counts: not by kind). */
  timeouts: number
  socketErrors: number
  byKind: Record<string, KindResult>
}

type KindTally = {
  sent: number
  samples: Samples
  statusCodes: Map<number, number>
  outcomes: Map<string, number>
  server: number
  client: number
  wrong: number
  examples: string[]
  cache: Map<string, Samples>
}

/** The request of each connection in flight, and when it was sent (autocannon's per-connection context). */
type InFlight = { request?: MixedRequest; sentAt?: number }

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1)

function lowerCaseHeaders(headers: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)]))
}

/**
 * `options.connections` connections for `options.duration` seconds; each request is
 * `next()`'s choice, made just before it is sent (autocannon's setupRequest), so the
 * sequence of requests is the caller's (e.g. from a seeded generator) whatever the
 * timing. Each answer is checked with the request's own check; every answer is
 * timed (from setupRequest to the end of the response) and counted by kind.
 */
export async function runMixedLoad(baseUrl: string, kinds: readonly string[], next: () => MixedRequest, options: LoadOptions): Promise<MixedLoadResult> {
  const all = new Samples()
  const tallies = new Map<string, KindTally>(
    kinds.map((kind) => [kind, { sent: 0, samples: new Samples(), statusCodes: new Map(), outcomes: new Map(), server: 0, client: 0, wrong: 0, examples: [], cache: new Map() }]),
  )
  const tally = (kind: string) => {
    const t = tallies.get(kind)
    if (!t) throw new Error(`runMixedLoad: a request of kind "${kind}", not one of ${kinds.join(', ')}`)
    return t
  }

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.duration,
        timeout: 30,
        // One request in flight per connection: its context is that request's.
        pipelining: 1,
        ...(options.headers ? { headers: options.headers } : {}),
        requests: [
          {
            setupRequest: (request, context) => {
              const chosen = next()
              const inFlight = context as InFlight
              inFlight.request = chosen
              inFlight.sentAt = performance.now()
              tally(chosen.kind).sent++
              return {
                ...request,
                method: chosen.method,
                path: chosen.path,
                headers: { ...request.headers, ...chosen.headers },
                ...(chosen.body === undefined ? {} : { body: chosen.body }),
              }
            },
            onResponse: (status, body, context, rawHeaders) => {
              const { request, sentAt } = context as InFlight
              if (!request || sentAt === undefined) return
              const ms = performance.now() - sentAt
              const headers = lowerCaseHeaders(rawHeaders)
              const t = tally(request.kind)
              all.add(ms)
              t.samples.add(ms)
              bump(t.statusCodes, status)
              const state = headers['x-nextjs-cache'] ?? 'none'
              let share = t.cache.get(state)
              if (!share) t.cache.set(state, (share = new Samples()))
              share.add(ms)
              const outcome = status >= 500 || status < 200 ? null : request.check({ status, body, headers })
              if (outcome !== null) {
                bump(t.outcomes, outcome)
                return
              }
              if (status >= 500) t.server++
              else if (status >= 400) t.client++
              else t.wrong++
              if (t.examples.length < 3) t.examples.push(`${status} ${request.method} ${request.path}: ${body.replace(/\s+/g, ' ').slice(0, 160)}`)
            },
          },
        ],
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    )
  })

  const sorted = all.sorted()
  const byKind: Record<string, KindResult> = {}
  for (const [kind, t] of tallies) {
    const s = t.samples.sorted()
    byKind[kind] = {
      sent: t.sent,
      answered: s.length,
      p50: percentile(s, 50),
      p99: percentile(s, 99),
      max: s.length ? s[s.length - 1]! : Number.NaN,
      statusCodes: Object.fromEntries([...t.statusCodes].sort(([a], [b]) => a - b)),
      outcomes: Object.fromEntries(t.outcomes),
      serverErrors: t.server,
      clientErrors: t.client,
      wrongAnswers: t.wrong,
      examples: t.examples,
      cache: shares(t.cache),
    }
  }
  return {
    durationS: result.duration,
    sent: [...tallies.values()].reduce((n, t) => n + t.sent, 0),
    answered: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    timeouts: result.timeouts,
    socketErrors: result.errors - result.timeouts,
    byKind,
  }
}

function shares(byState: Map<string, Samples>): Record<string, CacheShare> {
  return Object.fromEntries(
    [...byState].map(([state, values]) => {
      const s = values.sorted()
      return [state, { count: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? Number.NaN }]
    }),
  )
}

/** "HIT 99.8% · MISS 12": how the 2xx responses of a run were served. */
export function describeCache(cache: Record<string, CacheShare>): string {
  const total = Object.values(cache).reduce((n, c) => n + c.count, 0)
  if (total === 0) return '–'
  return Object.entries(cache)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([state, c]) => (c.count / total >= 0.01 ? `${state} ${((100 * c.count) / total).toFixed(1)}%` : `${state} ${c.count}`))
    .join(' · ')
}
