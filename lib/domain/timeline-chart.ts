// Geometry of the timeline pictures (case page, person page): where a date with
// precision falls on a time axis, how marks that would overlap are stacked, the
// status a case was in over time, and the spells of detention, house arrest and
// exile. Pure: no framework imports; the SVG components only draw what this returns.
import { reportedDatesUpTo, statusSetBy, type CaseStatus, type EventKind, type StatusEvent } from './case-status'
import { comparePartialDates, endOfPartialDate, formatPartialDate, type PartialDate } from './partial-date'

const DAY_MS = 86_400_000

/** The stretch of time a date can mean: "April 2020" is [1 April 2020, 1 May 2020). */
export type TimeRange = { start: number; end: number }

export function rangeOfDate(d: PartialDate): TimeRange {
  return { start: d.at.getTime(), end: endOfPartialDate(d).getTime() }
}

/** A linear map from time (ms) to x; clamps nothing, so callers see what falls outside. */
export type TimeScale = { from: number; to: number; left: number; right: number }

export function xOf(scale: TimeScale, t: number): number {
  if (scale.to === scale.from) return (scale.left + scale.right) / 2
  return scale.left + ((t - scale.from) / (scale.to - scale.from)) * (scale.right - scale.left)
}

/**
 * The time the axis covers: from the start of the first month to the end of the last,
 * with at least `minDays` in all (a case whose events all fall on one day still gets an
 * axis). Null when there is nothing to place.
 */
export function axisDomain(ranges: readonly TimeRange[], minDays = 60): TimeRange | null {
  if (!ranges.length) return null
  let start = Math.min(...ranges.map((r) => r.start))
  let end = Math.max(...ranges.map((r) => r.end))
  const short = minDays * DAY_MS - (end - start)
  if (short > 0) {
    start -= short / 2
    end += short / 2
  }
  const first = new Date(start)
  const last = new Date(end)
  const startOfMonth = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)
  const endOfMonth = last.getTime() === Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1) ? last.getTime() : Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)
  return { start: startOfMonth, end: endOfMonth }
}

export type Tick = { t: number; label: string }

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Tick marks at the first of a month or of a year, as many as fit in `maxTicks`: years
 * (every 1, 2, 5, 10…) for long spans, months (every 1, 2, 3, 6) for short ones. A
 * month tick says its year at January and at the first tick.
 */
export function timeTicks(domain: TimeRange, maxTicks = 8): Tick[] {
  const from = new Date(domain.start)
  const to = new Date(domain.end)
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth())
  const ticks: Tick[] = []
  const monthStep = [1, 2, 3, 6].find((s) => months / s <= maxTicks)
  if (monthStep !== undefined) {
    let y = from.getUTCFullYear()
    let m = from.getUTCMonth()
    if (Date.UTC(y, m, 1) < domain.start) m += 1
    // Align to the step so ticks fall on Jan/Apr/Jul/Oct rather than wherever the case began.
    while (m % monthStep !== 0) m += 1
    for (let t = Date.UTC(y, m, 1); t <= domain.end; t = Date.UTC(y, m, 1)) {
      const d = new Date(t)
      const withYear = ticks.length === 0 || d.getUTCMonth() === 0
      ticks.push({ t, label: withYear ? `${MONTH_ABBR[d.getUTCMonth()]} ${d.getUTCFullYear()}` : MONTH_ABBR[d.getUTCMonth()]! })
      m += monthStep
      y += Math.floor(m / 12)
      m %= 12
    }
    return ticks
  }
  const years = months / 12
  const yearStep = [1, 2, 5, 10, 20, 50, 100].find((s) => years / s <= maxTicks) ?? 100
  let y = from.getUTCFullYear()
  if (Date.UTC(y, 0, 1) < domain.start) y += 1
  while (y % yearStep !== 0) y += 1
  for (; Date.UTC(y, 0, 1) <= domain.end; y += yearStep) ticks.push({ t: Date.UTC(y, 0, 1), label: String(y) })
  return ticks
}

/**
 * Where a date is drawn: a day as a point, anything coarser (a month, a season, a
 * year) as the span of the whole period, because the source does not say which day.
 */
export type DateMark = { shape: 'point' | 'span'; x0: number; x1: number; approx: boolean }

export function markOfDate(d: PartialDate, scale: TimeScale): DateMark {
  const r = rangeOfDate(d)
  return { shape: d.precision === 'DAY' ? 'point' : 'span', x0: xOf(scale, r.start), x1: xOf(scale, r.end), approx: d.approx }
}

/**
 * Stacks marks that would overlap into lanes: each item goes into the first lane
 * whose last mark ends at least `gap` before it starts. Items are taken in the order
 * given (timeline order); returns each item's lane, 0 at the top, and the lane count.
 */
export function assignLanes(extents: readonly { x0: number; x1: number }[], gap = 4): { lanes: number[]; count: number } {
  const laneEnds: number[] = []
  const lanes = extents.map(({ x0, x1 }) => {
    let lane = laneEnds.findIndex((end) => end + gap <= x0)
    if (lane === -1) lane = laneEnds.push(-Infinity) - 1
    laneEnds[lane] = Math.max(x1, x0)
    return lane
  })
  return { lanes, count: laneEnds.length }
}

// ---------------------------------------------------------------------------
// Status over time

/**
 * A stretch of time in one status. It starts with the event that set it (`from`: its
 * date), or, when that event's date is not reported, somewhere after `knownAfter` (the
 * latest date reported before it). The last band is open: the status holds as far as
 * the sources tell.
 */
export type StatusBand = {
  status: CaseStatus
  from: PartialDate | null
  /** Only when `from` is null: the latest reported date before the band began (null: none). */
  knownAfter: PartialDate | null
  /** The event that set the status; null when an editor's dated statement of the status did. */
  eventId: number | null
  /** Where the next band begins; null for the last band, which is open. */
  until: PartialDate | null
  untilUnknownAfter: PartialDate | null
}

/**
 * The case's status over time, as lib/domain/case-status.ts derives it, from its
 * events in timeline order (sortEvents; the pages' DTOs are in that order): each
 * status-changing event begins a band, unless it repeats the
 * status in force. `current` is the case's status as stored: when an editor's
 * statement of the status (the override) wins over the events, the bands up to its
 * date stand and a band from its date follows. No event and no statement: no band.
 */
export function statusBands(ordered: readonly StatusEvent[], current: { status: CaseStatus; asOf: PartialDate | null; undated: boolean }): StatusBand[] {
  const knownBefore = reportedDatesUpTo(ordered)
  const bands: StatusBand[] = []
  for (const e of ordered) {
    const status = statusSetBy(e)
    if (!status || bands.at(-1)?.status === status) continue
    bands.push({ status, from: e.date, knownAfter: e.date ? null : (knownBefore.get(e.id) ?? null), eventId: e.id, until: null, untilUnknownAfter: null })
  }
  // The stored status is not the events' last word: an editor's statement of it won.
  // Bands that begin after its date cannot have won over it. The default (under
  // investigation, nothing dates it) is no statement: it draws no band.
  const last = bands.at(-1)
  const stated = last ? last.status !== current.status : current.asOf !== null || current.status !== 'INVESTIGATION'
  if (stated) {
    const asOf = current.asOf
    const kept = asOf ? bands.filter((b) => !b.from || comparePartialDates(b.from, asOf) <= 0) : [...bands]
    if (kept.at(-1)?.status !== current.status) {
      kept.push({ status: current.status, from: asOf, knownAfter: asOf ? null : (kept.at(-1)?.from ?? null), eventId: null, until: null, untilUnknownAfter: null })
    }
    bands.splice(0, bands.length, ...kept)
  }
  for (let i = 0; i < bands.length - 1; i++) {
    bands[i]!.until = bands[i + 1]!.from
    bands[i]!.untilUnknownAfter = bands[i + 1]!.from ? null : bands[i + 1]!.knownAfter
  }
  return bands
}

// ---------------------------------------------------------------------------
// Detention, house arrest and exile

export const SPELL_KINDS = ['DETENTION', 'HOUSE_ARREST', 'EXILE'] as const
export type SpellKind = (typeof SPELL_KINDS)[number]

export const SPELL_LABELS: Record<SpellKind, string> = { DETENTION: 'Detention', HOUSE_ARREST: 'House arrest', EXILE: 'Exile' }

/** The event kinds that begin a spell; RELEASE ends detention and house arrest. */
export const SPELL_STARTED_BY: Partial<Record<EventKind, SpellKind>> = { ARREST: 'DETENTION', DETENTION: 'DETENTION', HOUSE_ARREST: 'HOUSE_ARREST', EXILE: 'EXILE' }

/** The defendant situations (Party.situation) that are a spell. */
export const SPELL_OF_SITUATION: Record<string, SpellKind | undefined> = { DETAINED: 'DETENTION', IMPRISONED: 'DETENTION', HOUSE_ARREST: 'HOUSE_ARREST', IN_EXILE: 'EXILE' }

/**
 * A spell of detention, house arrest or exile. `from` null: the start is not reported
 * (an undated event: `knownAfter` says what it follows). The end is `to` (an event's
 * date), or an undated event (`endUndated`), or only bounded: `endedBy` when a later
 * situation shows the spell over by then, otherwise open. `confirmedUntil` is the
 * latest date the sources show it still holding (its start, or a later "as of").
 */
export type Spell = {
  kind: SpellKind
  from: PartialDate | null
  /** True when the start is only the date a situation was reported "as of": it may have begun earlier. */
  fromIsAsOf: boolean
  knownAfter: PartialDate | null
  to: PartialDate | null
  endUndated: boolean
  endedBy: PartialDate | null
  confirmedUntil: PartialDate | null
  startEventId: number | null
  endEventId: number | null
}

export type SpellEvent = { id: number; kind: EventKind; date: PartialDate | null; placedAfterId?: number | null }

/** True when the spell's end is reported in no way: drawn open, "until at least …". */
export function isOpenSpell(s: Spell): boolean {
  return !s.to && !s.endUndated && !s.endedBy
}

/**
 * Spells from a person's events in timeline order (sortEvents): an arrest or detention begins
 * detention, house arrest begins house arrest (ending detention: a court moved the
 * defendant home), a release ends either; exile begins with an exile event and no event
 * ends it. `situation` is what the case records for the defendant "as of" a date: it
 * confirms an open spell of its kind until that date, shows detention or house arrest
 * over by then when it says otherwise, and begins a spell (reported as of that date,
 * which may be later than its start) when none of its kind is open.
 */
export function spellsOf(ordered: readonly SpellEvent[], situation: { value: string; asOf: PartialDate | null } | null = null): Spell[] {
  const knownBefore = reportedDatesUpTo(ordered)
  const spells: Spell[] = []
  let confinement: Spell | null = null
  let exile: Spell | null = null
  const spell = (kind: SpellKind, from: PartialDate | null, extra: Partial<Spell> = {}): Spell => {
    const s: Spell = { kind, from, fromIsAsOf: false, knownAfter: null, to: null, endUndated: false, endedBy: null, confirmedUntil: from, startEventId: null, endEventId: null, ...extra }
    spells.push(s)
    return s
  }
  const open = (kind: SpellKind, e: SpellEvent): Spell => {
    const knownAfter = e.date ? null : (knownBefore.get(e.id) ?? null)
    return spell(kind, e.date, { knownAfter, confirmedUntil: e.date ?? knownAfter, startEventId: e.id })
  }
  const close = (s: Spell, e: SpellEvent) => {
    s.to = e.date
    s.endUndated = e.date === null
    s.endEventId = e.id
  }
  for (const e of ordered) {
    const starts = SPELL_STARTED_BY[e.kind]
    if (e.kind === 'RELEASE') {
      if (confinement) close(confinement, e)
      confinement = null
    } else if (starts === 'EXILE') {
      exile ??= open('EXILE', e)
    } else if (starts) {
      if (confinement?.kind === starts) continue
      if (confinement) close(confinement, e)
      confinement = open(starts, e)
    }
  }
  if (situation) {
    const kind = SPELL_OF_SITUATION[situation.value]
    const asOf = situation.asOf
    const confirm = (s: Spell) => {
      if (asOf && (!s.confirmedUntil || comparePartialDates(asOf, s.confirmedUntil) > 0)) s.confirmedUntil = asOf
    }
    if (kind === 'EXILE') {
      if (exile) confirm(exile)
      else spell('EXILE', asOf, { fromIsAsOf: asOf !== null })
    } else if (kind && confinement?.kind === kind) {
      confirm(confinement)
    } else {
      // Detention or house arrest was over by the date of a situation that is not it.
      if (confinement) confinement.endedBy = asOf
      if (kind) spell(kind, asOf, { fromIsAsOf: asOf !== null })
    }
  }
  return spells
}

/** A spell in words, for the text alternative: "House arrest from 11 March 2019 to August 2019". */
export function describeSpell(s: Spell): string {
  const label = SPELL_LABELS[s.kind]
  const start = s.from
    ? s.fromIsAsOf
      ? `reported as of ${formatPartialDate(s.from)} (it may have begun earlier)`
      : `from ${formatPartialDate(s.from)}`
    : s.knownAfter
      ? `from a date not reported, after ${formatPartialDate(s.knownAfter)}`
      : 'from a date not reported'
  const until = s.confirmedUntil ? `until at least ${formatPartialDate(s.confirmedUntil)}` : null
  const end = s.to
    ? `to ${formatPartialDate(s.to)}`
    : s.endUndated
      ? `to a date not reported${until ? ` (${until})` : ''}`
      : s.endedBy
        ? `${until ? `${until}, ` : ''}over by ${formatPartialDate(s.endedBy)} (the end date is not reported)`
        : `${until ?? 'to a date not reported'}; its end is not reported`
  return `${label} ${start}, ${end}`
}
