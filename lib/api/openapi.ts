import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import { CASE_STATUSES, statusToParam } from '@/lib/domain/case-status'
import { SENTENCE_FILTERS } from '@/lib/domain/sentence'
import { z } from '@/lib/validation/zod'
import { CASE_KINDS, CASE_SORTS, sentenceToParam } from '@/lib/validation/case-filters'
import {
  API_PAGE_SIZE,
  CasePageSchema,
  CaseSchema,
  EventPageSchema,
  OrganisationPageSchema,
  OrganisationSchema,
  PersonPageSchema,
  PersonSchema,
  ProblemSchema,
  ProvisionPageSchema,
  SourcePageSchema,
  SourceSchema,
} from '@/lib/validation/api'
import { API_PREFIX } from './routes'

// The OpenAPI 3.1 document of /api/v1, generated from the schemas every response is
// parsed through (lib/validation/api.ts): the document cannot describe a field the API
// does not send, or miss one it does.

const pageParams = {
  limit: z.int().min(1).max(API_PAGE_SIZE.max).optional().describe(`Items per page (default ${API_PAGE_SIZE.default})`),
  cursor: z.string().optional().describe('Where the page starts: copy it from `links.next` (opaque)'),
}

const CaseListQuery = z.object({
  status: z
    .string()
    .optional()
    .describe(`Statuses, comma-separated or repeated: ${CASE_STATUSES.map(statusToParam).join(', ')}`),
  kind: z.enum(CASE_KINDS.map((k) => k.toLowerCase()) as [string, ...string[]]).optional(),
  jurisdiction: z.string().optional().describe('Country code, e.g. kz'),
  provision: z.string().optional().describe('Slug of a provision: cases charged under it or any provision below it'),
  person: z.string().optional().describe('Slug of a person who is a party'),
  year: z.int().min(1900).max(2100).optional().describe('Cases active during the year'),
  sentence: z
    .enum(SENTENCE_FILTERS.map(sentenceToParam) as [string, ...string[]])
    .optional()
    .describe('A kind of sentence in force for a defendant'),
  q: z.string().max(200).optional().describe("Text in the title or a party's name, in any spelling"),
  sort: z.enum(CASE_SORTS).optional().describe('Default: recent (latest event first), as the dashboard'),
  ...pageParams,
})

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } })
const notModified = { description: 'Not modified: the ETag given in If-None-Match is current' }
const ok = (description: string, schema: z.ZodType) => ({
  description,
  headers: z.object({ ETag: z.string().describe('A hash of the body; send it back in If-None-Match') }),
  content: { 'application/json': { schema } },
})

function buildDocument() {
  const registry = new OpenAPIRegistry()
  const list = (path: string, summary: string, schema: z.ZodType, query: z.ZodObject = z.object(pageParams)) =>
    registry.registerPath({
      method: 'get',
      path: `${API_PREFIX}${path}`,
      summary,
      request: { query },
      responses: { 200: ok(summary, schema), 304: notModified, 400: problem('A parameter could not be read: `problems` lists each') },
    })
  const record = (path: string, param: string, summary: string, schema: z.ZodType, gone = false) =>
    registry.registerPath({
      method: 'get',
      path: `${API_PREFIX}${path}/{${param}}`,
      summary,
      request: { params: z.object({ [param]: z.string() }) },
      responses: {
        200: ok(summary, schema),
        304: notModified,
        308: { description: 'Renamed: `Location` is its current address' },
        404: problem('Not on the public record'),
        ...(gone ? { 410: problem('Withdrawn after publication') } : {}),
      },
    })

  list('/cases', "The dashboard's cases, with its filters and order", CasePageSchema, CaseListQuery)
  record('/cases', 'slug', 'A published case', CaseSchema, true)
  list('/people', 'People named as parties to published cases', PersonPageSchema)
  record('/people', 'slug', 'A person', PersonSchema)
  list('/organisations', 'Organisations that are parties to or authorities of published cases', OrganisationPageSchema)
  record('/organisations', 'slug', 'An organisation', OrganisationSchema)
  list('/provisions', 'Legal provisions (articles, parts, paragraphs)', ProvisionPageSchema)
  list('/sources', 'Source documents', SourcePageSchema)
  record('/sources', 'id', 'A source document and what cites it', SourceSchema)
  list('/events', 'Dated events of published cases and public people', EventPageSchema)

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Casebook API',
      version: '1.0.0',
      description:
        'Read-only. Only published records. Lists are paginated by cursor: follow `links.next` until it is null. ' +
        'Every answer has an ETag (If-None-Match answers 304) and may be read from any origin (CORS). ' +
        'Dates are as precise as their sources: `start` is the first day of the period `precision` names.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
  })
}

let document: ReturnType<typeof buildDocument> | undefined

/** Built once per process: it depends only on the code. */
export function openApiDocument(): ReturnType<typeof buildDocument> {
  document ??= buildDocument()
  return document
}
