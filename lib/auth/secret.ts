import 'server-only'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The auth secret: BETTER_AUTH_SECRET when set. In production it must be set (a
 * secret silently generated per machine would invalidate every TOTP secret on the
 * next deploy). In development and tests one is generated once into
 * data/auth-secret (git-ignored, mode 600), so no secret is ever committed and
 * better-auth's public fallback secret is never used.
 */
export function resolveAuthSecret(opts: { fromEnv: string | undefined; nodeEnv: string; dataDir: string }): string {
  if (opts.fromEnv) return opts.fromEnv
  if (opts.nodeEnv === 'production') {
    throw new Error(
      'BETTER_AUTH_SECRET is not set. In production it is required: generate one with `openssl rand -base64 32` and keep it (TOTP secrets are encrypted with it).',
    )
  }
  const file = path.join(opts.dataDir, 'auth-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(opts.dataDir, { recursive: true })
    const secret = randomBytes(32).toString('base64url')
    try {
      writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
      return secret
    } catch {
      return readFileSync(file, 'utf8').trim() // another process wrote it first
    }
  }
}
