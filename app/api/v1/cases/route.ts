import { caseListGET } from '@/lib/api/routes'
import { sendPreflight } from '@/lib/api/respond'

// Read-only, public, rendered per request (lib/api/respond.ts); documented in /api/v1/openapi.json.
export const dynamic = 'force-dynamic'

export const GET = caseListGET
export const HEAD = caseListGET
export const OPTIONS = sendPreflight
