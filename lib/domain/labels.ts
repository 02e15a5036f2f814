// Reader-facing words for the stored enums. Pure.
import { scriptOrLanguageName } from './locale-names'
import type { AliasKind, CaseKind, CaseRelationKind, ChargeDisposition, DecisionKind, DefendantSituation, OrganisationKind, PartyRole, SentenceKind, StageKind } from '@/lib/generated/prisma/enums'

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  CRIMINAL: 'Criminal',
  ADMINISTRATIVE: 'Administrative',
  CIVIL: 'Civil',
  INTERNATIONAL: 'International / UN',
}

export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  DEFENDANT: 'Defendant',
  COMPLAINANT: 'Complainant',
  LAWYER: 'Lawyer',
  JUDGE: 'Judge',
  PROSECUTOR: 'Prosecutor',
  INVESTIGATOR: 'Investigator',
  OFFICIAL: 'Official',
  WITNESS: 'Witness',
  VICTIM: 'Victim',
}

export const SITUATION_LABELS: Record<DefendantSituation, string> = {
  AT_LIBERTY: 'At liberty',
  HOUSE_ARREST: 'House arrest',
  DETAINED: 'Detained',
  IMPRISONED: 'Imprisoned',
  IN_EXILE: 'In exile',
  TRAVEL_BAN: 'Travel ban',
}

export const DISPOSITION_LABELS: Record<ChargeDisposition, string> = {
  PENDING: 'Pending',
  DROPPED: 'Dropped',
  CONVICTED: 'Convicted',
  ACQUITTED: 'Acquitted',
  PLEA_DEAL: 'Plea deal',
}

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  NGO: 'Non-governmental organisation',
  STATE_BODY: 'State body',
  COURT: 'Court',
  POLICE: 'Police',
  MEDIA: 'Media',
  UN_BODY: 'UN body',
  COMPANY: 'Company',
  OTHER: 'Organisation',
}

export const ALIAS_KIND_LABELS: Record<AliasKind, string> = {
  TRANSLITERATION: 'transliteration',
  TRANSLATION: 'translation',
  MAIDEN_NAME: 'maiden name',
  NICKNAME: 'nickname',
  MISSPELLING: 'spelling seen in a source',
  OTHER: 'other name',
}

export const STAGE_KIND_LABELS: Record<StageKind, string> = {
  FIRST_INSTANCE: 'First instance',
  APPEAL: 'Appeal',
  CASSATION: 'Cassation',
  SUPERVISORY_REVIEW: 'Supervisory review',
  RETRIAL: 'Retrial',
  INTERNATIONAL_REVIEW: 'International review',
}

export const DECISION_LABELS: Record<DecisionKind, string> = {
  CONVICTED: 'Convicted',
  ACQUITTED: 'Acquitted',
  PLEA_DEAL: 'Convicted on a plea deal',
  DISCHARGED: 'Case dismissed',
  UPHELD: 'Upheld',
  OVERTURNED: 'Overturned',
  CHANGED: 'Changed',
  SENT_BACK: 'Sent back for retrial',
  VIOLATION_FOUND: 'Violation found',
  NO_VIOLATION: 'No violation found',
  OTHER: 'Other decision',
}

/** The main penalty, as a filter menu names it. */
export const SENTENCE_KIND_LABELS: Record<SentenceKind, string> = {
  IMPRISONMENT: 'Imprisonment',
  SUSPENDED: 'Suspended sentence',
  RESTRICTED_FREEDOM: 'Restricted freedom',
  PROBATION: 'Probation',
  FINE: 'Fine',
  ACTIVITY_BAN: 'Ban on activity',
  NONE: 'No penalty',
}

/** What kind of name an alias is, as readers and editors alike see it: "Cyrillic script, spelling seen in a source". */
export function aliasKindText(alias: { script: string; kind: AliasKind }): string {
  return `${scriptOrLanguageName(alias.script)}, ${ALIAS_KIND_LABELS[alias.kind]}`
}

/** Relation labels read from each side: "International review of" / "Reviewed internationally by". */
export const RELATION_LABELS: Record<CaseRelationKind, { outgoing: string; incoming: string }> = {
  APPEAL_OF: { outgoing: 'Appeal of', incoming: 'Appealed in' },
  SAME_FACTS: { outgoing: 'Same facts as', incoming: 'Same facts as' },
  INTERNATIONAL_REVIEW_OF: { outgoing: 'International review of', incoming: 'Reviewed internationally in' },
  RELATED: { outgoing: 'Related to', incoming: 'Related to' },
}

export const JURISDICTION_LABELS: Record<string, string> = {
  KZ: 'Kazakhstan',
  UN: 'United Nations',
}

export function jurisdictionLabel(code: string): string {
  return JURISDICTION_LABELS[code] ?? code
}
