import { idListHandler } from '@/lib/api/routes'
import { sendPreflight } from '@/lib/api/respond'
import { listEvents } from '@/lib/data/api'
import { EventPageSchema } from '@/lib/validation/api'

// Read-only, public, rendered per request (lib/api/respond.ts); documented in /api/v1/openapi.json.
export const dynamic = 'force-dynamic'

export const GET = idListHandler(EventPageSchema, listEvents)
export const HEAD = GET
export const OPTIONS = sendPreflight
