// Next.js names every server action by a hash salted with its encryption key, and makes
// a new random key at each build on a machine it takes for a container (it keeps none
// in .next/cache there). A rebuild then renames every action, and a form that was open
// in a browser before it can no longer be saved. Deriving the key from the auth secret
// keeps the names stable across rebuilds and the same on every app server, without a
// second secret to manage. NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, when set, wins.
import { hkdfSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * @param {{ authSecret?: string, dataDir: string }} input
 * @returns {string | null} a base64 AES-256 key, or null when there is no secret yet
 */
export function serverActionKey({ authSecret, dataDir }) {
  let secret = authSecret
  if (!secret) {
    try {
      // Written by `npm run db:setup` (lib/auth/secret.ts), which `npm start` runs first.
      secret = readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim()
    } catch {
      return null
    }
  }
  return Buffer.from(hkdfSync('sha256', secret, 'casebook', 'next.js server action key', 32)).toString('base64')
}
