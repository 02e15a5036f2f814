// The app's one logger: JSON lines on stdout (pino), for the server's request log
// (server/main.mjs), record writes (lib/editing/write.ts) and errors (instrumentation.ts).
// Plain JavaScript because the custom server imports it without a bundler.
//
// - No colours and no pretty-printing: one JSON object a line, for a log collector.
// - Secrets never reach a line: cookies, authorization headers, passwords, TOTP codes
//   and secrets are redacted wherever they appear in a logged object.
// - LOG_LEVEL sets the threshold (default "info"; "silent" turns logging off).
import pino from 'pino'

const REDACTED_KEYS = ['password', 'currentPassword', 'newPassword', 'secret', 'token', 'totpCode', 'backupCode', 'cookie', 'authorization']

const redactPaths = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["proxy-authorization"]', 'res.headers["set-cookie"]', ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`])]

/** @param {{ level?: string, destination?: import('pino').DestinationStream }} [options] */
export function createLogger(options = {}) {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  )
}

// One instance a process (the custom server and the app's bundle may each load this
// module; both write whole lines to the same stdout).
const GLOBAL_KEY = Symbol.for('casebook.logger')
/** @type {import('pino').Logger} */
export const logger = globalThis[GLOBAL_KEY] ?? (globalThis[GLOBAL_KEY] = createLogger())
