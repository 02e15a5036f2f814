// Case status: the vocabulary, its URL form, and how a case's status derives from
// its events. Pure: no framework imports. The enums mirror prisma/schema.prisma;
// tests/unit/case-status.test.ts fails if the two drift apart.
import { comparePartialDates, DATE_NOT_REPORTED, endOfPartialDate, formatPartialDate, fromColumns, type DatePrecision, type PartialDate } from './partial-date'

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
  /** Null: the sources do not report the date (see TimelineEvent). */
  date: PartialDate | null
  placedAfterId?: number | null
}

export type StatusOverride = { status: CaseStatus; date: PartialDate | null }

export type DerivedStatus = {
  status: CaseStatus
  /** The date the status holds from ("as of"); null when nothing dates it, or when `undated`. */
  asOf: PartialDate | null
  /** True when an event whose date is not reported set the status: "as of" reads "date not reported". */
  undated: boolean
  /** The event that set the status; null when it comes from the override or the default. */
  eventId: number | null
  source: 'event' | 'override' | 'default'
}

export function statusSetBy(event: Pick<StatusEvent, 'kind' | 'statusAfter'>): CaseStatus | null {
  return event.statusAfter ?? DEFAULT_STATUS_FOR_EVENT[event.kind]
}

/**
 * An event on a timeline. A dated one sorts by its date; an undated one (date null: the
 * sources do not report it) sits right after the event `placedAfterId` names, or before
 * every dated event when that is null (docs/decisions/018-undated-events.md).
 */
export type TimelineEvent = { id: number; date: PartialDate | null; placedAfterId?: number | null }

/** A stored event's timeline columns as a TimelineEvent. */
export function timelineEventOf(e: { id: number; occurredAt: Date | null; precision: DatePrecision | null; approx: boolean; placedAfterId?: number | null }): TimelineEvent {
  return { id: e.id, date: fromColumns(e.occurredAt, e.precision, e.approx), placedAfterId: e.placedAfterId ?? null }
}

/**
 * Events in timeline order: dated events by date (ties by id), each followed by the
 * undated events placed after it (several after the same event: by id). An undated
 * event whose predecessor is missing from `events`, or that is caught in a loop of
 * placements (which writes refuse), counts as placed first: it is never dropped.
 */
export function sortEvents<T extends TimelineEvent>(events: readonly T[]): T[] {
  const byId = (a: T, b: T) => a.id - b.id
  const dated = events.filter((e) => e.date !== null).sort((a, b) => comparePartialDates(a.date!, b.date!) || a.id - b.id)
  const ids = new Set(events.map((e) => e.id))
  const followers = new Map<number | null, T[]>()
  for (const e of events) {
    if (e.date !== null) continue
    const after = e.placedAfterId != null && ids.has(e.placedAfterId) && e.placedAfterId !== e.id ? e.placedAfterId : null
    followers.set(after, [...(followers.get(after) ?? []), e])
  }
  for (const list of followers.values()) list.sort(byId)
  const out: T[] = []
  const placed = new Set<number>()
  const emitFollowers = (of: number | null) => {
    // Iterative, so a long chain of undated events cannot overflow the stack.
    const stack = [...(followers.get(of) ?? [])].reverse()
    while (stack.length) {
      const e = stack.pop()!
      if (placed.has(e.id)) continue
      placed.add(e.id)
      out.push(e)
      stack.push(...[...(followers.get(e.id) ?? [])].reverse())
    }
  }
  emitFollowers(null)
  for (const e of dated) {
    placed.add(e.id)
    out.push(e)
    emitFollowers(e.id)
  }
  // Left over: undated events in a loop of placements. First, in id order.
  const loose = events.filter((e) => !placed.has(e.id)).sort(byId)
  return [...loose, ...out]
}

/**
 * The latest reported date at or before each event of a timeline (sortEvents order): an
 * event's own date, or for an undated one the date of the nearest dated event before it
 * (null when none is). What an undated event is known to come after.
 */
export function reportedDatesUpTo<T extends TimelineEvent>(ordered: readonly T[]): Map<number, PartialDate | null> {
  const out = new Map<number, PartialDate | null>()
  let last: PartialDate | null = null
  for (const e of ordered) {
    if (e.date) last = e.date
    out.set(e.id, last)
  }
  return out
}

/**
 * The case's status is set by its latest status-changing event in timeline order. An
 * editor's override wins over events up to its own date; an event dated after the
 * override is newer news and wins (docs/decisions/004-status-vocabulary.md); an undated
 * event wins only when the dated event it follows is already after the override. A case
 * with neither is under investigation, undated.
 */
export function deriveCaseStatus(events: readonly StatusEvent[], override?: StatusOverride | null): DerivedStatus {
  // Sorted before filtering: an undated event may follow one that sets no status.
  const ordered = sortEvents(events)
  const latest = ordered.filter((e) => statusSetBy(e) !== null).at(-1)
  if (!latest && !override) return { status: 'INVESTIGATION', asOf: null, undated: false, eventId: null, source: 'default' }
  const fromEvent: DerivedStatus | null = latest ? { status: statusSetBy(latest)!, asOf: latest.date, undated: latest.date === null, eventId: latest.id, source: 'event' } : null
  if (!override) return fromEvent!
  const fromOverride: DerivedStatus = { status: override.status, asOf: override.date, undated: false, eventId: null, source: 'override' }
  if (!fromEvent || !override.date) return fromOverride
  const known = reportedDatesUpTo(ordered).get(latest!.id) ?? null
  return known && comparePartialDates(known, override.date) > 0 ? fromEvent : fromOverride
}

/** The latest event of any kind, for the dashboard's "last event" column. */
export function latestEvent<T extends TimelineEvent>(events: readonly T[]): T | null {
  return sortEvents(events).at(-1) ?? null
}

/** The latest date the events report (none: null), which an undated last event is known to follow. */
export function latestReportedDate(events: readonly TimelineEvent[]): PartialDate | null {
  return sortEvents(events.filter((e) => e.date !== null)).at(-1)?.date ?? null
}

// ---------------------------------------------------------------------------
// The status's date, in words (docs/decisions/030-status-dates-in-words.md)

/** What dates a status: the event that set it, an editor's override from a source's statement, or nothing (the default). */
export type StatusBasis = DerivedStatus['source']

/** A status as the case stores it (refreshCaseDerived): the result, not which input won. */
export type StoredStatus = { status: CaseStatus; asOf: PartialDate | null; undated: boolean }

/** A status with what dates it: everything its words and its warning need. */
export type DatedStatus = StoredStatus & { basis: StatusBasis }

function sameDate(a: PartialDate | null, b: PartialDate | null): boolean {
  if (!a || !b) return a === b
  return a.at.getTime() === b.at.getTime() && a.precision === b.precision && a.approx === b.approx
}

/**
 * Which input set a stored status. The override won exactly when the stored status and
 * date are its own: deriveCaseStatus lets an event win only when it is dated after the
 * override (or is an undated event that follows one), so an event never leaves the
 * override's status at the override's date.
 */
export function statusBasisOf(stored: StoredStatus, override: StatusOverride | null): StatusBasis {
  if (override && !stored.undated && override.status === stored.status && sameDate(override.date, stored.asOf)) return 'override'
  return stored.asOf || stored.undated ? 'event' : 'default'
}

/** The one word for each basis: "since" is when the status began, "last confirmed" when a source last said it held. */
export const STATUS_DATE_WORDS: Record<Exclude<StatusBasis, 'default'>, string> = { event: 'since', override: 'last confirmed' }

/** What the words mean, for a tooltip or a reader's question. */
export const STATUS_DATE_MEANINGS: Record<Exclude<StatusBasis, 'default'>, string> = {
  event: 'the date of the event that set this status',
  override: 'the latest date a source stated this status; no later report changes it',
}

/** The status's date in words: "since April 2020", "since a date not reported", "last confirmed February 2021"; "" when nothing dates it. */
export function statusDateText(s: DatedStatus): string {
  if (s.basis === 'default' || (!s.asOf && !s.undated)) return ''
  const date = s.asOf ? formatPartialDate(s.asOf) : `a ${DATE_NOT_REPORTED}`
  return `${STATUS_DATE_WORDS[s.basis]} ${date}`
}

/** "Dropped, since 27 May 2020": the status and its date, as the page's description and plain-text exports say it. */
export function statusInWords(s: DatedStatus): string {
  const date = statusDateText(s)
  return date ? `${STATUS_LABELS[s.status]}, ${date}` : STATUS_LABELS[s.status]
}

/** A running proceeding's status whose latest supporting date is older than this is flagged. */
export const STATUS_CONFIRMATION_MONTHS = 12

/**
 * The date readers are warned about, or null: a status of a proceeding still running
 * (not final) whose date, read as late as its precision allows ("February 2021": the
 * end of February), is more than STATUS_CONFIRMATION_MONTHS before `now`. A final
 * status (dropped, acquitted…) does not lapse, and a status with no reported date
 * claims no date to be stale.
 */
export function staleStatusDate(s: StoredStatus, now: Date): PartialDate | null {
  if (FINAL_STATUSES.has(s.status) || !s.asOf) return null
  const end = endOfPartialDate(s.asOf)
  const limit = new Date(end)
  limit.setUTCMonth(limit.getUTCMonth() + STATUS_CONFIRMATION_MONTHS)
  return limit.getTime() < now.getTime() ? s.asOf : null
}

/** "Not confirmed since February 2021: more than a year ago." */
export function staleStatusText(date: PartialDate): string {
  return `Not confirmed since ${formatPartialDate(date)}: more than a year ago.`
}

/** "2 facts are disputed between sources": the flag beside a status, one per recorded disagreement. */
export function disputedFactsText(count: number): string {
  return count === 1 ? '1 fact is disputed between sources' : `${count} facts are disputed between sources`
}
