// Roles and what better-auth's admin plugin lets each do. Impersonation is granted
// to no one. Our own checks (lib/auth/session.ts) run in every action regardless.
import { createAccessControl } from 'better-auth/plugins/access'
import { defaultStatements } from 'better-auth/plugins/admin/access'

export const ROLES = ['admin', 'editor'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export const ac = createAccessControl(defaultStatements)

export const roles = {
  admin: ac.newRole({
    user: ['create', 'list', 'set-role', 'ban', 'set-password', 'get', 'update'],
    session: ['list', 'revoke', 'delete'],
  }),
  editor: ac.newRole({ user: [], session: [] }),
}
