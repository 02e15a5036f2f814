import { sendExport } from '@/lib/api/exports'
import { sendPreflight } from '@/lib/api/respond'

// The dashboard's current view (its query string), every page, as JSON. Streamed, per request.
export const dynamic = 'force-dynamic'

export const GET = (request: Request) => sendExport(request, 'json')
export const HEAD = GET
export const OPTIONS = sendPreflight
