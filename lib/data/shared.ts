import 'server-only'
import { fromColumns, type PartialDate } from '@/lib/domain/partial-date'
import { statusBasisOf, type CaseStatus, type StatusBasis } from '@/lib/domain/case-status'
import type { CitationDTO, NamedRefDTO, PartyRefDTO, ProvisionRefDTO, SourceRefDTO } from './dto'
import type { DatePrecision } from '@/lib/generated/prisma/enums'
import { publicCaseWhere } from '@/lib/queries/public-records'

// Selections and mappers shared by the data functions, so that every page cites its
// sources the same way.

export const sourceRefSelect = {
  id: true,
  title: true,
  publisher: true,
  url: true,
  archiveUrl: true,
  language: true,
  publishedAt: true,
  publishedPrecision: true,
  publishedApprox: true,
} as const

export const citationSelect = {
  id: true,
  quote: true,
  translation: true,
  locator: true,
  source: { select: sourceRefSelect },
} as const

export const provisionRefSelect = {
  slug: true,
  jurisdiction: true,
  code: true,
  article: true,
  part: true,
  paragraph: true,
  title: true,
} as const

export { publicCaseWhere, publicPersonWhere, publicOrganisationWhere } from '@/lib/queries/public-records'

/**
 * A person or organisation named by a citation (a to-one relation, which Prisma cannot
 * filter in a select): what publicNamedRef needs to tell whether it is public.
 */
export const namedRefVisibilitySelect = {
  slug: true,
  name: true,
  deletedAt: true,
  parties: { where: { case: publicCaseWhere }, select: { id: true }, take: 1 },
} as const

type NamedRefVisibility = { slug: string; name: string; deletedAt: Date | null; parties: { id: number }[]; casesAsAuthority?: { id: number }[] }

/** The person or organisation if it is public (publicPersonWhere, publicOrganisationWhere), else null. */
export function publicNamedRef(r: NamedRefVisibility | null): NamedRefDTO | null {
  if (!r || r.deletedAt || (r.parties.length === 0 && !r.casesAsAuthority?.length)) return null
  return { slug: r.slug, name: r.name }
}

type SourceRow = {
  id: number
  title: string
  publisher: string
  url: string | null
  archiveUrl: string | null
  language: string
  publishedAt: Date | null
  publishedPrecision: DatePrecision | null
  publishedApprox: boolean
}

export function toSourceRef(s: SourceRow): SourceRefDTO {
  return {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    archiveUrl: s.archiveUrl,
    language: s.language,
    published: fromColumns(s.publishedAt, s.publishedPrecision, s.publishedApprox),
  }
}

export function toCitation(c: { id: number; quote: string; translation: string; locator: string; source: SourceRow }): CitationDTO {
  return { id: c.id, quote: c.quote, translation: c.translation, locator: c.locator, source: toSourceRef(c.source) }
}

export function toProvisionRef(p: ProvisionRefDTO): ProvisionRefDTO {
  return { slug: p.slug, jurisdiction: p.jurisdiction, code: p.code, article: p.article, part: p.part, paragraph: p.paragraph, title: p.title }
}

/** An event's date; null when the sources do not report it. */
export function eventDate(e: { occurredAt: Date | null; precision: DatePrecision | null; approx: boolean }): PartialDate | null {
  return fromColumns(e.occurredAt, e.precision, e.approx)
}

/** The person or organisation a party row names, with the address of its page. */
export function toPartyRef(p: { person: NamedRefDTO | null; organisation: NamedRefDTO | null }): PartyRefDTO | null {
  if (p.person) return { ...p.person, href: `/people/${p.person.slug}` }
  if (p.organisation) return { ...p.organisation, href: `/organisations/${p.organisation.slug}` }
  return null
}

export function isPresent<T>(x: T | null): x is T {
  return x !== null
}

export function byId<T extends { id: number }>(a: T, b: T): number {
  return a.id - b.id
}

/** The stored columns a case's status, its date and what dates it are read from (toCaseStatus). */
export const caseStatusSelect = {
  status: true,
  statusAt: true,
  statusPrecision: true,
  statusApprox: true,
  statusUndated: true,
  statusOverride: true,
  statusOverrideAt: true,
  statusOverridePrecision: true,
  statusOverrideApprox: true,
} as const

type CaseStatusRow = {
  status: CaseStatus
  statusAt: Date | null
  statusPrecision: DatePrecision | null
  statusApprox: boolean
  statusUndated: boolean
  statusOverride: CaseStatus | null
  statusOverrideAt: Date | null
  statusOverridePrecision: DatePrecision | null
  statusOverrideApprox: boolean
}

/** A case's status with its date and whether an event or a source's statement dates it ("since" or "last confirmed"). */
export function toCaseStatus(c: CaseStatusRow): { status: CaseStatus; statusAsOf: PartialDate | null; statusUndated: boolean; statusBasis: StatusBasis } {
  const stored = { status: c.status, asOf: fromColumns(c.statusAt, c.statusPrecision, c.statusApprox), undated: c.statusUndated }
  const override = c.statusOverride ? { status: c.statusOverride, date: fromColumns(c.statusOverrideAt, c.statusOverridePrecision, c.statusOverrideApprox) } : null
  return { status: stored.status, statusAsOf: stored.asOf, statusUndated: stored.undated, statusBasis: statusBasisOf(stored, override) }
}
