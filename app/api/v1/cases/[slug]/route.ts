import { recordHandler } from '@/lib/api/routes'
import { sendPreflight } from '@/lib/api/respond'
import { getCaseBySlug } from '@/lib/data/cases'
import { CaseSchema } from '@/lib/validation/api'

// Read-only, public, rendered per request (lib/api/respond.ts); documented in /api/v1/openapi.json.
export const dynamic = 'force-dynamic'

export const GET = recordHandler('cases', CaseSchema, (_id, slug) => getCaseBySlug(slug))
export const HEAD = GET
export const OPTIONS = sendPreflight
