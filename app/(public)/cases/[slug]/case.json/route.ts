import { recordHandler } from '@/lib/api/routes'
import { getCaseBySlug } from '@/lib/data/cases'
import { CaseSchema } from '@/lib/validation/api'

// The case as JSON, to download from its page: the API's representation
// (/api/v1/cases/<slug>), saved under a name of its own. Rendered per request.
export const dynamic = 'force-dynamic'

export const GET = recordHandler('cases', CaseSchema, (_id, slug) => getCaseBySlug(slug), {
  prefix: '',
  headers: (slug) => ({ 'content-disposition': `attachment; filename="casebook-case-${slug}-${new Date().toISOString().slice(0, 10)}.json"` }),
})
export const HEAD = GET
