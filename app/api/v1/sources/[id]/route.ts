import { recordHandler } from '@/lib/api/routes'
import { sendPreflight } from '@/lib/api/respond'
import { getSourceById } from '@/lib/data/sources'
import { SourceSchema } from '@/lib/validation/api'

// Read-only, public, rendered per request (lib/api/respond.ts); documented in /api/v1/openapi.json.
export const dynamic = 'force-dynamic'

export const GET = recordHandler('sources', SourceSchema, (id) => getSourceById(id))
export const HEAD = GET
export const OPTIONS = sendPreflight
