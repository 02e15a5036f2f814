import { openApiDocument } from '@/lib/api/openapi'
import { sendPreflight, sendWithEtag } from '@/lib/api/respond'

// The API's OpenAPI 3.1 document, generated from its schemas. It changes only with a
// deploy; its ETag lets clients and CDNs revalidate it for free.
export const dynamic = 'force-dynamic'

export function GET(request: Request): Response {
  return sendWithEtag(request, JSON.stringify(openApiDocument()), { 'content-type': 'application/json; charset=utf-8' })
}
export const HEAD = GET
export const OPTIONS = sendPreflight
