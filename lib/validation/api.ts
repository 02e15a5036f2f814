// The JSON the API (/api/v1) answers, in zod: every response is parsed through its
// schema before it is sent (lib/api/respond.ts), so what a schema does not name never
// leaves the server (zod drops unknown keys), and the OpenAPI document
// (/api/v1/openapi.json, lib/api/openapi.ts) is generated from these same schemas.
// Changing a field here is changing the API: v1 only ever gains optional fields.
import { z } from '@/lib/validation/zod'
import { CASE_STATUSES, EVENT_KINDS, type StatusBasis } from '@/lib/domain/case-status'
import { DATE_PRECISIONS } from '@/lib/domain/partial-date'
import { ALIAS_KIND_LABELS, DECISION_LABELS, DISPOSITION_LABELS, ORGANISATION_KIND_LABELS, PARTY_ROLE_LABELS, RELATION_LABELS, SITUATION_LABELS, STAGE_KIND_LABELS } from '@/lib/domain/labels'
import { CASE_KINDS } from './case-filters'

const keysOf = <K extends string>(labels: Record<K, unknown>) => Object.keys(labels) as [K, ...K[]]

export const ApiDateSchema = z
  .object({
    start: z.iso.date().describe('First day of the period the source gives (never a finer date than it gives: read with `precision`)'),
    precision: z.enum(DATE_PRECISIONS),
    approx: z.boolean().describe('The source itself is vague ("about 2001")'),
    text: z.string().describe('As the site writes it: "10 March 2019", "April 2020", "spring 2020", "c. 2001"'),
  })
  .meta({ id: 'PartialDate', description: 'A date exactly as precise as its source' })

const date = ApiDateSchema.nullable()
const timestamp = z.iso.datetime()
const CaseStatusSchema = z.enum(CASE_STATUSES).meta({ id: 'CaseStatus' })
const EventKindSchema = z.enum(EVENT_KINDS).meta({ id: 'EventKind' })
const CaseKindSchema = z.enum(CASE_KINDS).meta({ id: 'CaseKind' })
const StatusBasisSchema = z
  .enum(['event', 'override', 'default'] satisfies StatusBasis[])
  .meta({ id: 'StatusBasis', description: 'What dates the status: "event" (since that event), "override" (an editor’s status from a source: last confirmed then), "default" (no event yet)' })

export const NamedRefSchema = z.object({ slug: z.string(), name: z.string() }).meta({ id: 'NamedRef' })
const PartyRefSchema = NamedRefSchema.extend({ href: z.string().describe('Path of its page on this site') }).meta({ id: 'PartyRef' })

export const ProvisionRefSchema = z
  .object({
    slug: z.string(),
    jurisdiction: z.string(),
    code: z.string(),
    article: z.string(),
    part: z.string().nullable(),
    paragraph: z.string().nullable(),
    title: z.string(),
  })
  .meta({ id: 'ProvisionRef' })

export const SourceRefSchema = z
  .object({
    id: z.int(),
    title: z.string(),
    publisher: z.string(),
    url: z.string().nullable(),
    archiveUrl: z.string().nullable(),
    language: z.string().describe('BCP 47 language tag'),
    published: date,
  })
  .meta({ id: 'SourceRef' })

export const CitationSchema = z
  .object({
    quote: z.string(),
    translation: z.string().describe('The quote in English; empty when none was given'),
    locator: z.string(),
    source: SourceRefSchema,
  })
  .meta({ id: 'Citation' })
const citations = z.array(CitationSchema)

const AliasSchema = z.object({ name: z.string(), script: z.string(), kind: z.enum(keysOf(ALIAS_KIND_LABELS)) }).meta({ id: 'Alias' })

export const CaseListItemSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    kind: CaseKindSchema,
    jurisdiction: z.string(),
    status: CaseStatusSchema,
    statusAsOf: date,
    statusUndated: z.boolean().describe('The status was set by an event whose date is not reported'),
    statusBasis: StatusBasisSchema,
    conflictCount: z.int().describe('Disagreements between sources recorded on the case'),
    defendants: z.array(PartyRefSchema),
    provisions: z.array(ProvisionRefSchema),
    lastEvent: z.object({ title: z.string(), kind: EventKindSchema, date }).nullable(),
  })
  .meta({ id: 'CaseListItem' })

const EventSchema = z
  .object({ id: z.int(), kind: EventKindSchema, date: date.describe('Null: the sources do not report it'), title: z.string(), description: z.string(), statusAfter: CaseStatusSchema.nullable(), citations })
  .meta({ id: 'Event' })

export const CaseSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    kind: CaseKindSchema,
    jurisdiction: z.string(),
    caseNumber: z.string().nullable(),
    authority: NamedRefSchema.extend({ kind: z.enum(keysOf(ORGANISATION_KIND_LABELS)).optional() }).nullable(),
    summary: z.string(),
    summaryCitations: citations,
    status: CaseStatusSchema,
    statusAsOf: date,
    statusUndated: z.boolean(),
    statusBasis: StatusBasisSchema.optional(),
    statusCitations: citations,
    opened: date,
    openedCitations: citations,
    closed: date,
    closedCitations: citations,
    parties: z.array(
      z.object({
        id: z.int(),
        role: z.enum(keysOf(PARTY_ROLE_LABELS)),
        person: NamedRefSchema.nullable(),
        organisation: NamedRefSchema.nullable(),
        outcome: z.string().nullable(),
        sentence: z.object({ text: z.string(), citations }).nullable().describe('The sentence in force after the stages so far'),
        situation: z.enum(keysOf(SITUATION_LABELS)).nullable(),
        situationAsOf: date,
        note: z.string(),
        citations,
      }),
    ),
    charges: z.array(
      z.object({
        defendant: NamedRefSchema.nullable(),
        provision: ProvisionRefSchema.nullable(),
        description: z.string(),
        disposition: z.enum(keysOf(DISPOSITION_LABELS)),
        dispositionDate: date,
        citations,
      }),
    ),
    events: z.array(EventSchema).describe('In timeline order'),
    stages: z.array(
      z.object({
        kind: z.enum(keysOf(STAGE_KIND_LABELS)),
        courtName: z.string().nullable(),
        decided: date,
        note: z.string(),
        citations,
        decisions: z.array(z.object({ partyId: z.int(), defendant: NamedRefSchema.nullable(), decision: z.enum(keysOf(DECISION_LABELS)), sentence: z.string(), citations })),
      }),
    ),
    conflicts: z.array(
      z.object({
        subject: z.string(),
        note: z.string(),
        eventId: z.int().nullable(),
        versions: z.array(z.object({ statement: z.string(), preferred: z.boolean(), citations })),
      }),
    ),
    related: z.array(z.object({ slug: z.string(), title: z.string(), status: CaseStatusSchema, relation: z.enum(keysOf(RELATION_LABELS)), direction: z.enum(['outgoing', 'incoming']), note: z.string() })),
    updatedAt: timestamp,
  })
  .meta({ id: 'Case' })

const RoleSchema = z.object({
  case: z.object({ slug: z.string(), title: z.string(), status: CaseStatusSchema, statusAsOf: date, statusUndated: z.boolean(), statusBasis: StatusBasisSchema }),
  role: z.enum(keysOf(PARTY_ROLE_LABELS)),
  outcome: z.string().nullable(),
  sentence: z.string().nullable(),
})

export const PersonListItemSchema = z.object({ slug: z.string(), name: z.string(), description: z.string(), aliases: z.array(AliasSchema), updatedAt: timestamp }).meta({ id: 'PersonListItem' })

export const PersonSchema = PersonListItemSchema.extend({ descriptionCitations: citations, roles: z.array(RoleSchema), events: z.array(EventSchema) }).meta({ id: 'Person' })

export const OrganisationListItemSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(keysOf(ORGANISATION_KIND_LABELS)),
    country: z.string().nullable(),
    description: z.string(),
    aliases: z.array(AliasSchema),
    updatedAt: timestamp,
  })
  .meta({ id: 'OrganisationListItem' })

export const OrganisationSchema = OrganisationListItemSchema.extend({
  descriptionCitations: citations,
  roles: z.array(RoleSchema),
  casesAsAuthority: z.array(z.object({ slug: z.string(), title: z.string(), status: CaseStatusSchema })),
}).meta({ id: 'Organisation' })

export const ProvisionListItemSchema = ProvisionRefSchema.extend({ parent: z.string().nullable().describe('Slug of the provision above it'), updatedAt: timestamp }).meta({ id: 'ProvisionListItem' })

export const SourceListItemSchema = SourceRefSchema.extend({ authors: z.string(), updatedAt: timestamp }).meta({ id: 'SourceListItem' })

export const SourceSchema = SourceRefSchema.extend({
  authors: z.string(),
  publishedAsPrinted: z.string().nullable(),
  dateNote: z.string(),
  revised: date,
  accessedAt: timestamp.nullable(),
  description: z.string(),
  citedBy: z.array(z.object({ quote: z.string(), translation: z.string(), locator: z.string(), claim: z.string(), href: z.string(), context: z.string() })),
}).meta({ id: 'Source' })

export const EventListItemSchema = z
  .object({
    id: z.int(),
    kind: EventKindSchema,
    date,
    title: z.string(),
    description: z.string(),
    statusAfter: CaseStatusSchema.nullable(),
    case: z.object({ slug: z.string(), title: z.string() }).nullable(),
    person: NamedRefSchema.nullable().describe("Set for an event in a person's own life (not a case's)"),
  })
  .meta({ id: 'EventListItem' })

export const PageLinksSchema = z
  .object({
    self: z.string(),
    next: z.string().nullable().describe('The next page, with the same filters; null on the last page'),
  })
  .meta({ id: 'PageLinks' })

/** A page of a list: `data`, then `links.next` to follow until it is null. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), links: PageLinksSchema }).meta({ id })
}

export const CasePageSchema = pageOf(CaseListItemSchema, 'CasePage')
  .extend({ total: z.int().describe('Cases in the whole view') })
  .meta({ id: 'CasePage' })
export const PersonPageSchema = pageOf(PersonListItemSchema, 'PersonPage')
export const OrganisationPageSchema = pageOf(OrganisationListItemSchema, 'OrganisationPage')
export const ProvisionPageSchema = pageOf(ProvisionListItemSchema, 'ProvisionPage')
export const SourcePageSchema = pageOf(SourceListItemSchema, 'SourcePage')
export const EventPageSchema = pageOf(EventListItemSchema, 'EventPage')

/** RFC 9457 problem details: every 4xx the API answers. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    problems: z.array(z.string()).optional().describe('Each parameter that could not be read, and why'),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof ProblemSchema>

export const API_PAGE_SIZE = { default: 50, max: 200 } as const
