import { recordHandler } from '@/lib/api/routes'
import { sendPreflight } from '@/lib/api/respond'
import { getOrganisationBySlug } from '@/lib/data/people'
import { OrganisationSchema } from '@/lib/validation/api'

// Read-only, public, rendered per request (lib/api/respond.ts); documented in /api/v1/openapi.json.
export const dynamic = 'force-dynamic'

export const GET = recordHandler('organisations', OrganisationSchema, (_id, slug) => getOrganisationBySlug(slug))
export const HEAD = GET
export const OPTIONS = sendPreflight
