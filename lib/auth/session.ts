import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { stampedClientAddress } from '@/lib/http/client-address.mjs'
import { getAuth } from './config'
import { isRole, type Role } from './roles'

export type CurrentUser = {
  id: string
  email: string
  name: string
  role: Role
  twoFactorEnabled: boolean
}

export type RequestInfo = { ip: string | null; userAgent: string | null }

/** The signed-in user, or null. Reads the session from the database on every call. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  // headers() first: it marks the page dynamic before anything touches the secret.
  const requestHeaders = await headers()
  const session = await getAuth().api.getSession({ headers: requestHeaders })
  if (!session) return null
  const { user } = session
  // A user without a known role (or banned: better-auth deletes their sessions) gets nothing.
  if (!isRole(user.role) || user.banned) return null
  return { id: user.id, email: user.email, name: user.name, role: user.role, twoFactorEnabled: Boolean(user.twoFactorEnabled) }
}

export const TOTP_SETUP_PATH = '/editor/account?setup=totp'

/**
 * Admins must have a second factor before they can do anything else; the account
 * page (where they set it up) passes allowPendingTotp.
 */
export function mustSetUpTotp(user: CurrentUser): boolean {
  return user.role === 'admin' && !user.twoFactorEnabled
}

/** For editor pages and data functions: the user, or a redirect to /sign-in. */
export async function requireEditor(opts: { allowPendingTotp?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect('/sign-in')
  if (!opts.allowPendingTotp && mustSetUpTotp(user)) redirect(TOTP_SETUP_PATH)
  return user
}

/** For admin pages: an editor is sent back to /editor with a notice. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireEditor()
  if (user.role !== 'admin') redirect('/editor?denied=admin')
  return user
}

/**
 * The client address for the audit log and the sign-in throttle: the one the server
 * stamped on the request (the socket's, or a trusted proxy's; server/main.mjs). Null
 * when the app runs without that server (`next dev`), never a client's own claim.
 */
export async function getRequestInfo(): Promise<RequestInfo> {
  const h = await headers()
  return { ip: stampedClientAddress(h), userAgent: h.get('user-agent') }
}
