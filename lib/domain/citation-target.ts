// What a citation supports, as one key: "event:12", "case:summary", "person:7". The
// editor's forms post these keys (lib/validation/records.ts) and the pages group
// citations by them. Pure.

export type CitationTargetColumns = {
  caseId?: number | null
  field?: string | null
  eventId?: number | null
  chargeId?: number | null
  partyId?: number | null
  conflictVersionId?: number | null
  personId?: number | null
  organisationId?: number | null
  provisionId?: number | null
}

const PARTS = ['event', 'charge', 'party', 'conflictVersion', 'person', 'organisation', 'provision'] as const

/** The key of the one target a citation row sets; a case field when no part is set. */
export function citationTargetKey(row: CitationTargetColumns): string {
  for (const part of PARTS) {
    const id = row[`${part}Id`]
    if (id !== null && id !== undefined) return `${part}:${id}`
  }
  return `case:${row.field ?? ''}`
}
