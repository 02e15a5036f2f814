// A case page's content as stored for its version permalink (CaseVersion.snapshot): the
// public DTO as JSON, its content hash, and the tolerant reading of old snapshots.
// Pure: no database, no framework.
import { createHash } from 'node:crypto'
import type { CaseDetailDTO } from '@/lib/data/dto'

/**
 * The shape snapshots are written in. When CaseDetailDTO gains a field, old snapshots
 * lack it: give it a default in `upgradeSnapshot` (what the page showed before the field
 * existed), and bump this only when a field changes meaning.
 */
export const SNAPSHOT_FORMAT = 1

/** The content a version is about: everything the page shows. Not `updatedAt`: a save that changes nothing is no new version. */
function content(c: CaseDetailDTO): Omit<CaseDetailDTO, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = c
  return rest
}

export function contentHash(c: CaseDetailDTO): string {
  return createHash('sha256')
    .update(JSON.stringify(content(c)))
    .digest('hex')
}

export function serializeSnapshot(c: CaseDetailDTO): string {
  return JSON.stringify(c)
}

// The DTO's dates: `at` of every partial date, and the case's `updatedAt`. Only these
// keys are turned back into Dates, so that a title that happens to look like a date stays text.
const DATE_KEYS = new Set(['at', 'updatedAt'])
const ISO_INSTANT = /^\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

function reviveDates(key: string, value: unknown): unknown {
  return DATE_KEYS.has(key) && typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : value
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : [])

/** Every list a component maps over, and every citation list, present even when an older snapshot lacks it. */
function withCitations(items: unknown, nested: Record<string, (v: unknown) => unknown> = {}): Json[] {
  return list(items).map((item) => {
    const out: Json = { ...item, citations: list(item.citations) }
    for (const [key, fix] of Object.entries(nested)) out[key] = fix(item[key])
    return out
  })
}

/**
 * A stored snapshot as the page components expect it today: missing lists and
 * optional fields get the value "nothing recorded", so that a version written before
 * the DTO gained a field still renders. Throws only on text that is not a snapshot at all.
 */
export function upgradeSnapshot(format: number, text: string): CaseDetailDTO {
  const raw: unknown = JSON.parse(text, reviveDates)
  if (!isObject(raw) || typeof raw.title !== 'string' || typeof raw.status !== 'string') throw new Error(`Not a case snapshot (format ${format})`)
  const c: Json = {
    caseNumber: null,
    authority: null,
    summary: '',
    statusAsOf: null,
    statusUndated: false,
    opened: null,
    closed: null,
    ...raw,
    summaryCitations: list(raw.summaryCitations),
    statusCitations: list(raw.statusCitations),
    openedCitations: list(raw.openedCitations),
    closedCitations: list(raw.closedCitations),
    parties: withCitations(raw.parties, { sentence: (s) => (isObject(s) ? { ...s, citations: list(s.citations) } : null) }),
    charges: withCitations(raw.charges),
    events: withCitations(raw.events),
    stages: withCitations(raw.stages, { decisions: (d) => withCitations(d) }),
    sentenceHistories: list(raw.sentenceHistories).map((h) => ({ ...h, steps: withCitations(h.steps) })),
    conflicts: list(raw.conflicts).map((k) => ({ ...k, versions: withCitations(k.versions) })),
    related: list(raw.related),
    updatedAt: raw.updatedAt instanceof Date ? raw.updatedAt : new Date(0),
  }
  return c as unknown as CaseDetailDTO
}
