import { idListHandler } from '@/lib/api/routes'
import { sendPreflight } from '@/lib/api/respond'
import { listOrganisations } from '@/lib/data/api'
import { OrganisationPageSchema } from '@/lib/validation/api'

// Read-only, public, rendered per request (lib/api/respond.ts); documented in /api/v1/openapi.json.
export const dynamic = 'force-dynamic'

export const GET = idListHandler(OrganisationPageSchema, listOrganisations)
export const HEAD = GET
export const OPTIONS = sendPreflight
