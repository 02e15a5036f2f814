import 'server-only'
import { env } from '@/lib/env'

/** A path's absolute address on the site's public address (BETTER_AUTH_URL): what a citation, a share card or the sitemap names. */
export function absoluteUrl(path: string): string {
  return new URL(path, env.BETTER_AUTH_URL).toString()
}
