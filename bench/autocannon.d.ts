// The part of autocannon 8's programmatic API the benchmark uses. autocannon ships no
// types and @types/autocannon lags behind its releases, so we declare what we call.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string | Buffer
      /**
       * Called before every request with the connection's context (a fresh object for
       * each request when `requests` has one entry); returns the request to send.
       */
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null | undefined
      /** Called with every response to this request: status, whole body, the same context, headers by name. */
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void
    }

    interface Options {
      url: string
      connections?: number
      /** Seconds. Ignored when `amount` is set. */
      duration?: number
      amount?: number
      /** Seconds before a request counts as timed out. */
      timeout?: number
      pipelining?: number
      headers?: Record<string, string>
      requests?: Request[]
      /** Called with every client autocannon creates (it emits 'headers' with the parsed response head). */
      setupClient?: (client: Client) => void
    }

    interface Client extends EventEmitter {
      on(event: 'headers', listener: (info: { statusCode: number; headers: unknown[] }) => void): this
      on(event: string, listener: (...args: unknown[]) => void): this
    }

    interface Histogram {
      average: number
      mean: number
      stddev: number
      min: number
      max: number
      total: number
      p50: number
      p90: number
      p99: number
    }

    interface Result {
      url: string
      /** Seconds. */
      duration: number
      start: Date
      finish: Date
      errors: number
      timeouts: number
      non2xx: number
      resets: number
      statusCodeStats: Record<string, { count: number }>
      latency: Histogram
      requests: Histogram & { sent: number }
      throughput: Histogram
    }

    interface Instance extends EventEmitter {
      stop(): void
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this
      on(event: 'done', listener: (result: Result) => void): this
      on(event: string, listener: (...args: unknown[]) => void): this
    }
  }

  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): autocannon.Instance

  export = autocannon
}
