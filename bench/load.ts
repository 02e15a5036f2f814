// HTTP load with autocannon: the same generator, connection count and duration for
// every URL, so that the numbers compare. autocannon's own latency histogram has a
// resolution of 1 ms, too coarse for a static file answered in about a millisecond,
// so we also time every response ourselves (its 'response' event carries the exact
// time) and take percentiles from those. Every response's x-nextjs-cache header
// (HIT, MISS, STALE, or none) is read from the client's parsed headers, so a run can
// say how many of its responses Next.js rendered and what those cost.
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
    cache: Object.fromEntries(
      [...byCache].map(([state, values]) => {
        const s = values.sorted()
        return [state, { count: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? Number.NaN }]
      }),
    ),
  }
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
