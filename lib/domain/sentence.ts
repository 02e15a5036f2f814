// Sentences as courts hand them down: a main penalty with its length or amount, and
// what may come on top (a fine, a ban on activity, deportation), plus words for the
// rest. How they read ("3 years’ imprisonment; 7-year ban on activity"), which kinds a
// dashboard filter finds, and which sentence is in force after a chain of stages
// (a first instance, then an appeal that changes it). Pure.
import { formatDuration } from 'date-fns'
import type { DecisionKind, SentenceKind, StageKind } from '@/lib/generated/prisma/enums'
import { SENTENCE_KIND_LABELS } from './labels'

export type Sentence = {
  sentenceKind: SentenceKind | null
  sentenceMonths: number | null
  fineAmount: number | null
  fineCurrency: string | null
  activityBanMonths: number | null
  deportation: boolean
  sentenceNote: string
}

/** What the dashboard's sentence filter offers: the main penalties, and deportation. */
export const SENTENCE_FILTERS = ['IMPRISONMENT', 'SUSPENDED', 'RESTRICTED_FREEDOM', 'PROBATION', 'FINE', 'ACTIVITY_BAN', 'DEPORTATION'] as const
export type SentenceFilter = (typeof SENTENCE_FILTERS)[number]

export const SENTENCE_FILTER_LABELS: Record<SentenceFilter, string> = {
  IMPRISONMENT: SENTENCE_KIND_LABELS.IMPRISONMENT,
  SUSPENDED: SENTENCE_KIND_LABELS.SUSPENDED,
  RESTRICTED_FREEDOM: SENTENCE_KIND_LABELS.RESTRICTED_FREEDOM,
  PROBATION: SENTENCE_KIND_LABELS.PROBATION,
  FINE: SENTENCE_KIND_LABELS.FINE,
  ACTIVITY_BAN: SENTENCE_KIND_LABELS.ACTIVITY_BAN,
  DEPORTATION: 'Deportation',
}

/** A length typed as years and months, in months; null when both are empty. */
export function lengthInMonths(years: number | null, months: number | null): number | null {
  if (years === null && months === null) return null
  return (years ?? 0) * 12 + (months ?? 0)
}

/** "3 years", "1 year 6 months", "8 months". */
export function formatMonths(months: number): string {
  return formatDuration({ years: Math.floor(months / 12), months: months % 12 }, { format: ['years', 'months'] })
}

/** The possessive after a length: "3 years’", but "1 year’s", "2 years 1 month’s". */
function possessive(months: number): string {
  const last = months % 12 === 0 ? months / 12 : months % 12
  return last === 1 ? '’s' : '’'
}

/** "3-year", "18-month": a length before a noun. */
function lengthAdjective(months: number): string {
  if (months % 12 === 0) return `${months / 12}-year`
  return `${months}-month`
}

const MAIN_PHRASE: Record<Exclude<SentenceKind, 'FINE' | 'ACTIVITY_BAN' | 'NONE'>, string> = {
  IMPRISONMENT: 'imprisonment',
  SUSPENDED: 'suspended sentence',
  RESTRICTED_FREEDOM: 'restricted freedom',
  PROBATION: 'probation',
}

function fine(s: Sentence): string {
  if (s.fineAmount === null) return 'fine'
  return `fine of ${s.fineAmount.toLocaleString('en-GB')}${s.fineCurrency ? ` ${s.fineCurrency}` : ''}`
}

function ban(months: number | null): string {
  return months === null ? 'ban on activity' : `${lengthAdjective(months)} ban on activity`
}

/** True when the decision states any part of a sentence. */
export function hasSentence(s: Sentence): boolean {
  return s.sentenceKind !== null || s.fineAmount !== null || s.activityBanMonths !== null || s.deportation || s.sentenceNote !== ''
}

/** The sentence in words: "3 years’ imprisonment; fine of 333 USD; 7-year ban on activity; deportation; <note>". Empty when none is stated. */
export function formatSentence(s: Sentence): string {
  const parts: string[] = []
  const kind = s.sentenceKind
  if (kind === 'FINE') parts.push(capitalise(fine(s)))
  else if (kind === 'ACTIVITY_BAN') parts.push(capitalise(ban(s.sentenceMonths ?? s.activityBanMonths)))
  else if (kind === 'NONE') parts.push('No penalty')
  else if (kind !== null) parts.push(s.sentenceMonths === null ? capitalise(MAIN_PHRASE[kind]) : `${formatMonths(s.sentenceMonths)}${possessive(s.sentenceMonths)} ${MAIN_PHRASE[kind]}`)
  if (kind !== 'FINE' && s.fineAmount !== null) parts.push(fine(s))
  if (kind !== 'ACTIVITY_BAN' && s.activityBanMonths !== null) parts.push(ban(s.activityBanMonths))
  if (s.deportation) parts.push('deportation')
  // The editor's own words are shown as typed.
  const generated = capitalise(parts.join('; '))
  return [generated, s.sentenceNote].filter(Boolean).join('; ')
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text
}

/** The kinds of penalty a sentence holds, as the dashboard filters them. */
export function sentenceKindsOf(s: Sentence): SentenceFilter[] {
  const kinds = new Set<SentenceFilter>()
  if (s.sentenceKind && s.sentenceKind !== 'NONE') kinds.add(s.sentenceKind)
  if (s.fineAmount !== null) kinds.add('FINE')
  if (s.activityBanMonths !== null) kinds.add('ACTIVITY_BAN')
  if (s.deportation) kinds.add('DEPORTATION')
  return SENTENCE_FILTERS.filter((k) => kinds.has(k))
}

// ---------------------------------------------------------------------------
// A defendant's sentence across the stages of a case.

/** Decisions after which no sentence of the earlier stages stands. */
const CLEARS: ReadonlySet<DecisionKind> = new Set(['ACQUITTED', 'DISCHARGED', 'OVERTURNED', 'SENT_BACK'])
/** Decisions of bodies outside the domestic courts: they leave the sentence as it was. */
const OUTSIDE: ReadonlySet<StageKind> = new Set(['INTERNATIONAL_REVIEW'])

export type StagedDecision = Sentence & { decision: DecisionKind; stageKind: StageKind }

/**
 * The sentence in force after `decisions`, given in the order of their stages: the
 * last decision that stated one, unless a later one cleared it (acquitted,
 * overturned, sent back). An appeal that upholds without restating keeps it. Null:
 * no sentence stands.
 */
export function sentenceInForce<D extends StagedDecision>(decisions: readonly D[]): D | null {
  let inForce: D | null = null
  for (const d of decisions) {
    if (OUTSIDE.has(d.stageKind)) continue
    if (CLEARS.has(d.decision)) inForce = null
    else if (hasSentence(d)) inForce = d
  }
  return inForce
}

/** The stored form of the kinds in force across a case's defendants: "|FINE|ACTIVITY_BAN|", or "" for none. */
export function encodeSentenceKinds(kinds: Iterable<SentenceFilter>): string {
  const set = new Set(kinds)
  const ordered = SENTENCE_FILTERS.filter((k) => set.has(k))
  return ordered.length ? `|${ordered.join('|')}|` : ''
}

/** The order of the stages of one proceeding, for stages whose dates do not settle it. */
const STAGE_RANK: Record<StageKind, number> = { FIRST_INSTANCE: 0, APPEAL: 1, CASSATION: 2, SUPERVISORY_REVIEW: 3, RETRIAL: 4, INTERNATIONAL_REVIEW: 5 }

type Orderable = { decidedAt: Date | null; kind: StageKind; id: number }

/**
 * Stages in the order a reader follows them. Two dated stages go by date; when either
 * has no date (a stage made from an old free-text sentence, a court the sources do not
 * date), the kind decides: a first instance before its appeal, a cassation before the
 * retrial it orders. Ties keep the order they were entered in.
 */
export function compareStages(a: Orderable, b: Orderable): number {
  if (a.decidedAt && b.decidedAt && a.decidedAt.getTime() !== b.decidedAt.getTime()) return a.decidedAt.getTime() - b.decidedAt.getTime()
  if (!a.decidedAt || !b.decidedAt) {
    const byKind = STAGE_RANK[a.kind] - STAGE_RANK[b.kind]
    if (byKind !== 0) return byKind
  }
  return a.id - b.id
}
