import { recordHandler } from '@/lib/api/routes'
import { sendPreflight } from '@/lib/api/respond'
import { getPersonBySlug } from '@/lib/data/people'
import { PersonSchema } from '@/lib/validation/api'

// Read-only, public, rendered per request (lib/api/respond.ts); documented in /api/v1/openapi.json.
export const dynamic = 'force-dynamic'

export const GET = recordHandler('people', PersonSchema, (_id, slug) => getPersonBySlug(slug))
export const HEAD = GET
export const OPTIONS = sendPreflight
