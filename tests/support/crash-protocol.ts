// What the crash test (tests/unit/crash-safety.test.ts) and its writer
// (tests/support/crash-writer.ts) agree on: the kinds of record written, the column
// each write puts its value in, and the lines the writer prints. Kept apart from the
// writer, which starts writing as soon as it is imported.

export type CrashEntity = 'case' | 'person' | 'party' | 'charge' | 'event' | 'source' | 'citation'

export const CRASH_ENTITIES: readonly CrashEntity[] = ['case', 'person', 'party', 'charge', 'event', 'source', 'citation']

/** The table of each kind (prisma/schema.prisma). */
export const TABLE: Record<CrashEntity, string> = {
  case: 'Case',
  person: 'Person',
  party: 'Party',
  charge: 'Charge',
  event: 'Event',
  source: 'Source',
  citation: 'Citation',
}

/** The text column each kind's writes put their value in. */
export const VALUE_COLUMN: Record<CrashEntity, string> = {
  case: 'summary',
  person: 'description',
  party: 'note',
  charge: 'description',
  event: 'title',
  source: 'title',
  citation: 'quote',
}

/** Deleted by setting deletedAt (the others, parts of a case, go for good with their citations). */
export const SOFT_DELETED: ReadonlySet<CrashEntity> = new Set(['case', 'person', 'source'])

export type Op = 'create' | 'update' | 'delete'

/** Printed before a write starts. `target`: what a new citation supports ("party:12"). */
export type BeginLine = { t: 'begin'; n: number; op: Op; entity: CrashEntity; id: number | null; version: number | null; value: string | null; target?: string }

/**
 * Printed once the write is committed and its pages expired (at `invalidatedAt`): the
 * acknowledgement. `version` is the record's version after the write (for a case part
 * deleted, that of its delete revision).
 */
export type AckLine = { t: 'ack'; n: number; op: Op; entity: CrashEntity; id: number; version: number; value: string | null; target?: string; tags: string[]; invalidatedAt: number }

/** A write the engine turned down: nothing written. */
export type RefusedLine = { t: 'refused'; n: number; op: Op; entity: CrashEntity; reason: string; detail: string }

export type WriterLine = BeginLine | AckLine | RefusedLine
