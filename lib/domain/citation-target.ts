// What a citation supports. As one key, "event:12", "case:summary", "person:7": the
// editor's forms post these keys (lib/validation/records.ts) and the pages group
// citations by them. As words, "Case: date opened", "Party: Serikzhan Bilash
// (defendant)": the source page, the editor's "Supports" menu and the list of facts a
// case still has to source all name a claim with citationTargetLabel. Pure.
import type { DecisionKind, PartyRole, StageKind } from '@/lib/generated/prisma/enums'
import { DECISION_LABELS, PARTY_ROLE_LABELS, STAGE_KIND_LABELS } from './labels'
import { formatEventDate, formatPartialDate, type PartialDate } from './partial-date'
import { provisionName, type ProvisionNaming } from './provision-name'

export type CitationTargetColumns = {
  caseId?: number | null
  field?: string | null
  eventId?: number | null
  chargeId?: number | null
  partyId?: number | null
  stageId?: number | null
  decisionId?: number | null
  conflictVersionId?: number | null
  personId?: number | null
  organisationId?: number | null
  provisionId?: number | null
}

const PARTS = ['event', 'charge', 'party', 'stage', 'decision', 'conflictVersion', 'person', 'organisation', 'provision'] as const

/** The key of the one target a citation row sets; a case field when no part is set. */
export function citationTargetKey(row: CitationTargetColumns): string {
  for (const part of PARTS) {
    const id = row[`${part}Id`]
    if (id !== null && id !== undefined) return `${part}:${id}`
  }
  return `case:${row.field ?? ''}`
}

/** The key as the editor's "Supports" menu has it: a case citation stored without a field supports the summary. */
export function citationTargetValue(row: CitationTargetColumns): string {
  const key = citationTargetKey(row)
  return key === 'case:' ? 'case:summary' : key
}

// ---------------------------------------------------------------------------

/** The fields of a case a citation can support (docs/decisions/003-citation-targets.md). */
export const CASE_CITATION_FIELDS = ['summary', 'status', 'opened', 'closed', 'title'] as const
export type CaseCitationField = (typeof CASE_CITATION_FIELDS)[number]

const CASE_FIELD_NAMES: Record<CaseCitationField, string> = {
  summary: 'summary',
  status: 'status',
  opened: 'date opened',
  closed: 'date closed',
  title: 'title',
}

export function isCaseCitationField(field: string): field is CaseCitationField {
  return (CASE_CITATION_FIELDS as readonly string[]).includes(field)
}

/** A case field as it reads after "the": "date opened". No field is the summary; an unknown one is named as stored. */
export function caseFieldName(field: string | null): string {
  const f = field || 'summary'
  return isCaseCitationField(f) ? CASE_FIELD_NAMES[f] : f
}

/** A claim a citation supports, with what its label shows. */
export type CitedClaim =
  | { kind: 'case'; field: string | null }
  | { kind: 'event'; date: PartialDate | null; title: string }
  | { kind: 'charge'; defendant: string | null; provision: ProvisionNaming | null; description: string }
  | { kind: 'party'; name: string | null; role: PartyRole }
  | { kind: 'stage'; stage: StageKind; court: string | null; date: PartialDate | null }
  | { kind: 'decision'; stage: StageKind; defendant: string | null; decision: DecisionKind; sentence: string }
  | { kind: 'conflictVersion'; subject: string; statement: string }
  | { kind: 'person' | 'organisation' | 'provision' }

/**
 * What a citation supports, in words: "Case: date opened", "Event: 10 March 2019 —
 * Arrested in Almaty", "Charge against Serikzhan Bilash: Article 174, part 1, Criminal Code",
 * "Party: Serikzhan Bilash (defendant)", "Version of “The charges”: …", "Profile"
 * (a person's or an organisation's description), "Description" (a provision's).
 */
export function citationTargetLabel(claim: CitedClaim): string {
  switch (claim.kind) {
    case 'case':
      return `Case: ${caseFieldName(claim.field)}`
    case 'event':
      return `Event: ${formatEventDate(claim.date)} — ${claim.title}`
    case 'charge':
      return `Charge against ${claim.defendant ?? '?'}: ${claim.provision ? provisionName(claim.provision) : claim.description}`
    case 'party':
      return `Party: ${claim.name ?? '?'} (${PARTY_ROLE_LABELS[claim.role].toLowerCase()})`
    case 'stage':
      return `Stage: ${STAGE_KIND_LABELS[claim.stage]}${claim.court ? `, ${claim.court}` : ''}${claim.date ? `, ${formatPartialDate(claim.date)}` : ''}`
    case 'decision':
      return `Decision (${STAGE_KIND_LABELS[claim.stage].toLowerCase()}): ${claim.defendant ?? '?'} — ${DECISION_LABELS[claim.decision].toLowerCase()}${claim.sentence ? `; ${claim.sentence}` : ''}`
    case 'conflictVersion':
      return `Version of “${claim.subject}”: ${claim.statement.slice(0, 60)}`
    case 'person':
    case 'organisation':
      return 'Profile'
    case 'provision':
      return 'Description'
  }
}
