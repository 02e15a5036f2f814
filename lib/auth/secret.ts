import 'server-only'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The auth secret: BETTER_AUTH_SECRET when set. Otherwise the one generated once into
 * data/auth-secret (git-ignored, mode 600) beside the database, so no secret is ever
 * committed and better-auth's public fallback is never used. The secret encrypts the
 * TOTP secrets stored in that same database, so the two live and move together.
 * In production the file is created by `npm run db:setup` (run by `npm start`), never
 * silently by a running server: a server that finds neither refuses to start auth,
 * rather than inventing a secret that would break every TOTP setup on the next deploy.
 */
export function resolveAuthSecret(opts: { fromEnv: string | undefined; nodeEnv: string; dataDir: string }): string {
  if (opts.fromEnv) return opts.fromEnv
  const file = path.join(opts.dataDir, AUTH_SECRET_FILE)
  if (opts.nodeEnv === 'production') {
    try {
      return readFileSync(file, 'utf8').trim()
    } catch {
      throw new Error(
        `BETTER_AUTH_SECRET is not set and ${file} does not exist: run \`npm run db:setup\`, or set BETTER_AUTH_SECRET (e.g. \`openssl rand -base64 32\`) and keep it stable (TOTP secrets are encrypted with it).`,
      )
    }
  }
  return ensureAuthSecretFile(opts.dataDir)
}

export const AUTH_SECRET_FILE = 'auth-secret'

/** Reads data/auth-secret, creating it with a random secret the first time. */
export function ensureAuthSecretFile(dataDir: string): string {
  const file = path.join(dataDir, AUTH_SECRET_FILE)
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(dataDir, { recursive: true })
    const secret = randomBytes(32).toString('base64url')
    try {
      writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
      return secret
    } catch {
      return readFileSync(file, 'utf8').trim() // another process wrote it first
    }
  }
}
