// Case status: the vocabulary, its URL form, and how a case's status derives from
// its events. Pure: no framework imports. The enums mirror prisma/schema.prisma;
// tests/unit/case-status.test.ts fails if the two drift apart.
import { comparePartialDates, type PartialDate } from './partial-date'

export const CASE_STATUSES = [
  'INVESTIGATION',
  'CHARGED',
  'AWAITING_TRIAL',
  'ON_TRIAL',
  'CONVICTED',
  'PLEA_DEAL',
  'ACQUITTED',
  'DROPPED',
  'APPEAL_PENDING',
  'APPEAL_DECIDED',
  'SENTENCE_SERVED',
  'DECIDED',
  'CLOSED',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const EVENT_KINDS = [
  'COMPLAINT',
  'INVESTIGATION_OPENED',
  'SEARCH',
  'ARREST',
  'DETENTION',
  'HOUSE_ARREST',
  'CHARGE',
  'INDICTMENT',
  'HEARING',
  'VERDICT',
  'SENTENCE',
  'APPEAL',
  'APPEAL_DECISION',
  'CASE_TERMINATED',
  'RELEASE',
  'EXILE',
  'INTERNATIONAL_OPINION',
  'OTHER',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const STATUS_LABELS: Record<CaseStatus, string> = {
  INVESTIGATION: 'Investigation',
  CHARGED: 'Charged',
  AWAITING_TRIAL: 'Awaiting trial',
  ON_TRIAL: 'On trial',
  CONVICTED: 'Convicted',
  PLEA_DEAL: 'Plea deal',
  ACQUITTED: 'Acquitted',
  DROPPED: 'Dropped',
  APPEAL_PENDING: 'Appeal pending',
  APPEAL_DECIDED: 'Appeal decided',
  SENTENCE_SERVED: 'Sentence served',
  DECIDED: 'Decided',
  CLOSED: 'Closed',
}

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  COMPLAINT: 'Complaint',
  INVESTIGATION_OPENED: 'Investigation opened',
  SEARCH: 'Search or raid',
  ARREST: 'Arrest',
  DETENTION: 'Detention',
  HOUSE_ARREST: 'House arrest',
  CHARGE: 'Charge',
  INDICTMENT: 'Indictment',
  HEARING: 'Hearing',
  VERDICT: 'Verdict',
  SENTENCE: 'Sentence',
  APPEAL: 'Appeal',
  APPEAL_DECISION: 'Appeal decision',
  CASE_TERMINATED: 'Case terminated',
  RELEASE: 'Release',
  EXILE: 'Exile',
  INTERNATIONAL_OPINION: 'International opinion',
  OTHER: 'Other',
}

/** URL form: lowercase with hyphens, as in `/?status=awaiting-trial`. */
export function statusToParam(status: CaseStatus): string {
  return status.toLowerCase().replaceAll('_', '-')
}

export function statusFromParam(param: string): CaseStatus | null {
  const candidate = param.trim().toUpperCase().replaceAll('-', '_')
  return (CASE_STATUSES as readonly string[]).includes(candidate) ? (candidate as CaseStatus) : null
}

/** Statuses after which nothing more is expected in the proceeding. */
export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set(['ACQUITTED', 'DROPPED', 'APPEAL_DECIDED', 'SENTENCE_SERVED', 'DECIDED', 'CLOSED'])

/**
 * The status an event of each kind moves its case to, unless the event names one
 * (a verdict may be a conviction, an acquittal or a plea deal). Null: the event does
 * not change the status (a raid, an arrest and a release change the defendant's
 * situation, not the stage of the proceeding).
 */
export const DEFAULT_STATUS_FOR_EVENT: Record<EventKind, CaseStatus | null> = {
  COMPLAINT: null,
  INVESTIGATION_OPENED: 'INVESTIGATION',
  SEARCH: null,
  ARREST: null,
  DETENTION: null,
  HOUSE_ARREST: null,
  CHARGE: 'CHARGED',
  INDICTMENT: 'AWAITING_TRIAL',
  HEARING: 'ON_TRIAL',
  VERDICT: 'CONVICTED',
  SENTENCE: 'CONVICTED',
  APPEAL: 'APPEAL_PENDING',
  APPEAL_DECISION: 'APPEAL_DECIDED',
  CASE_TERMINATED: 'DROPPED',
  RELEASE: null,
  EXILE: null,
  INTERNATIONAL_OPINION: 'DECIDED',
  OTHER: null,
}

export type StatusEvent = {
  id: number
  kind: EventKind
  statusAfter: CaseStatus | null
  date: PartialDate
}

export type StatusOverride = { status: CaseStatus; date: PartialDate | null }

export type DerivedStatus = {
  status: CaseStatus
  /** The date the status holds from ("as of"); null when nothing dates it. */
  asOf: PartialDate | null
  /** The event that set the status; null when it comes from the override or the default. */
  eventId: number | null
  source: 'event' | 'override' | 'default'
}

export function statusSetBy(event: Pick<StatusEvent, 'kind' | 'statusAfter'>): CaseStatus | null {
  return event.statusAfter ?? DEFAULT_STATUS_FOR_EVENT[event.kind]
}

/** Events in timeline order; ties keep a stable order by id. */
export function sortEvents<T extends { id: number; date: PartialDate }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => comparePartialDates(a.date, b.date) || a.id - b.id)
}

/**
 * The case's status is set by its latest status-changing event. An editor's override
 * wins over events up to its own date; an event dated after the override is newer
 * news and wins (docs/decisions/004-status-vocabulary.md). A case with neither is
 * under investigation, undated.
 */
export function deriveCaseStatus(events: readonly StatusEvent[], override?: StatusOverride | null): DerivedStatus {
  const latest = sortEvents(events.filter((e) => statusSetBy(e) !== null)).at(-1)
  const fromEvent: DerivedStatus | null = latest ? { status: statusSetBy(latest)!, asOf: latest.date, eventId: latest.id, source: 'event' } : null
  if (override) {
    const fromOverride: DerivedStatus = { status: override.status, asOf: override.date, eventId: null, source: 'override' }
    if (!fromEvent || !override.date) return fromOverride
    return comparePartialDates(fromEvent.asOf!, override.date) > 0 ? fromEvent : fromOverride
  }
  return fromEvent ?? { status: 'INVESTIGATION', asOf: null, eventId: null, source: 'default' }
}

/** The latest event of any kind, for the dashboard's "last event" column. */
export function latestEvent<T extends { id: number; date: PartialDate }>(events: readonly T[]): T | null {
  return sortEvents(events).at(-1) ?? null
}
