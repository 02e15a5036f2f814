// Plain data shapes the data layer returns to pages: no Prisma types leak past
// lib/data, so pages cannot reach for fields (or relations) they were not given.
import type { CaseStatus, EventKind, StatusBasis } from '@/lib/domain/case-status'
import type { PartialDate } from '@/lib/domain/partial-date'
import type { AliasKind, CaseKind, CaseRelationKind, ChargeDisposition, DecisionKind, DefendantSituation, OrganisationKind, PartyRole, StageKind } from '@/lib/generated/prisma/enums'

export type { AliasKind, CaseKind, CaseRelationKind, ChargeDisposition, DefendantSituation, OrganisationKind, PartyRole }

export type SourceRefDTO = {
  id: number
  title: string
  publisher: string
  url: string | null
  archiveUrl: string | null
  /** BCP 47 tag of the document's language: the `lang` of the quotes from it. */
  language: string
  published: PartialDate | null
}

export type CitationDTO = {
  id: number
  quote: string
  /** The quote in English, when the source is in another language; '' when none was given. */
  translation: string
  locator: string
  source: SourceRefDTO
}

export type NamedRefDTO = { slug: string; name: string }

/** A party that may be a person or an organisation; `href` is its page. */
export type PartyRefDTO = NamedRefDTO & { href: string }

export type ProvisionRefDTO = {
  slug: string
  jurisdiction: string
  code: string
  article: string
  part: string | null
  paragraph: string | null
  title: string
}

export type AliasDTO = { name: string; script: string; kind: AliasKind }

export type CaseListItemDTO = {
  slug: string
  title: string
  kind: CaseKind
  jurisdiction: string
  status: CaseStatus
  statusAsOf: PartialDate | null
  /** The status was set by an event whose date is not reported ("since a date not reported"). */
  statusUndated: boolean
  /** What dates the status: "since" (an event) or "last confirmed" (an editor's status from a source). */
  statusBasis: StatusBasis
  /** Disagreements between sources recorded on the case. */
  conflictCount: number
  defendants: PartyRefDTO[]
  provisions: ProvisionRefDTO[]
  lastEvent: { title: string; kind: EventKind; date: PartialDate | null } | null
}

export type PartyDTO = {
  id: number
  role: PartyRole
  person: NamedRefDTO | null
  organisation: NamedRefDTO | null
  outcome: string | null
  /** The sentence in force after the stages so far (lib/domain/sentence.ts), cited by its decision. */
  sentence: { text: string; citations: CitationDTO[] } | null
  situation: DefendantSituation | null
  situationAsOf: PartialDate | null
  note: string
  citations: CitationDTO[]
}

export type DecisionDTO = {
  id: number
  partyId: number
  defendant: NamedRefDTO | null
  decision: DecisionKind
  /** The sentence in words, "" when the decision states none. */
  sentence: string
  citations: CitationDTO[]
}

/** A stage of the proceeding, in the order readers follow them. */
export type StageDTO = {
  id: number
  kind: StageKind
  /** The court's page when it is a record; otherwise its name as the sources give it, or null. */
  court: NamedRefDTO | null
  courtName: string | null
  decided: PartialDate | null
  note: string
  citations: CitationDTO[]
  decisions: DecisionDTO[]
}

/** One defendant's decisions across the stages, in order: "3 years’ imprisonment → 3 years’ restricted freedom". */
export type SentenceHistoryDTO = {
  partyId: number
  defendant: NamedRefDTO | null
  steps: { stageId: number; stage: StageKind; decided: PartialDate | null; decision: DecisionKind; sentence: string; citations: CitationDTO[] }[]
}

export type ChargeDTO = {
  id: number
  defendant: NamedRefDTO | null
  provision: ProvisionRefDTO | null
  description: string
  disposition: ChargeDisposition
  dispositionDate: PartialDate | null
  citations: CitationDTO[]
}

export type EventDTO = {
  id: number
  kind: EventKind
  /** Null: the sources do not report the date; the event is in timeline order all the same. */
  date: PartialDate | null
  title: string
  description: string
  statusAfter: CaseStatus | null
  citations: CitationDTO[]
}

export type ConflictDTO = {
  id: number
  subject: string
  note: string
  eventId: number | null
  versions: { id: number; statement: string; preferred: boolean; citations: CitationDTO[] }[]
}

export type RelatedCaseDTO = {
  slug: string
  title: string
  status: CaseStatus
  /** How the related case stands to this one, read from this case's side. */
  relation: CaseRelationKind
  direction: 'outgoing' | 'incoming'
  note: string
}

export type CaseDetailDTO = {
  id: number
  slug: string
  title: string
  kind: CaseKind
  jurisdiction: string
  caseNumber: string | null
  /** `kind` (optional: pages stored before it was added lack it) tells a court from an investigating body. */
  authority: (NamedRefDTO & { kind?: OrganisationKind }) | null
  summary: string
  summaryCitations: CitationDTO[]
  status: CaseStatus
  statusAsOf: PartialDate | null
  statusUndated: boolean
  /** What dates the status ("since" or "last confirmed"); optional: pages stored before it was added lack it, and read "since". */
  statusBasis?: StatusBasis
  statusCitations: CitationDTO[]
  openedCitations: CitationDTO[]
  closedCitations: CitationDTO[]
  opened: PartialDate | null
  closed: PartialDate | null
  parties: PartyDTO[]
  charges: ChargeDTO[]
  events: EventDTO[]
  stages: StageDTO[]
  sentenceHistories: SentenceHistoryDTO[]
  conflicts: ConflictDTO[]
  related: RelatedCaseDTO[]
  updatedAt: Date
}

export type PersonCaseRoleDTO = {
  case: { slug: string; title: string; status: CaseStatus; statusAsOf: PartialDate | null; statusUndated: boolean; statusBasis: StatusBasis }
  role: PartyRole
  outcome: string | null
  sentence: string | null
}

export type PersonDetailDTO = {
  id: number
  slug: string
  name: string
  description: string
  descriptionCitations: CitationDTO[]
  aliases: AliasDTO[]
  roles: PersonCaseRoleDTO[]
  events: EventDTO[]
  updatedAt: Date
}

export type OrganisationDetailDTO = {
  id: number
  slug: string
  name: string
  kind: OrganisationKind
  country: string | null
  description: string
  descriptionCitations: CitationDTO[]
  aliases: AliasDTO[]
  roles: PersonCaseRoleDTO[]
  casesAsAuthority: { slug: string; title: string; status: CaseStatus }[]
  updatedAt: Date
}

export type ProvisionDetailDTO = ProvisionRefDTO & {
  id: number
  description: string
  descriptionCitations: CitationDTO[]
  /** The provisions above it, from the article down: a paragraph's article and part, a part's article. */
  ancestors: ProvisionRefDTO[]
  /** The provisions directly under it: an article's parts, a part's paragraphs. */
  children: ProvisionRefDTO[]
  /** Published cases charged under it or under any provision below it; `chargedUnder`: the provisions their charges name. */
  cases: { slug: string; title: string; status: CaseStatus; statusAsOf: PartialDate | null; statusUndated: boolean; statusBasis: StatusBasis; defendants: PartyRefDTO[]; chargedUnder: ProvisionRefDTO[] }[]
  updatedAt: Date
}

export type SourceDetailDTO = SourceRefDTO & {
  authors: string
  publishedAsPrinted: string | null
  dateNote: string
  /** When the source says it was updated; null when it does not say. */
  revised: PartialDate | null
  accessedAt: Date | null
  description: string
  /** What cites this source, grouped by the case (or person) the claim belongs to. */
  citedBy: {
    quote: string
    /** The quote in English, or ''. */
    translation: string
    locator: string
    claim: string
    href: string
    context: string
  }[]
}
