// The writer that tests/unit/crash-safety.test.ts kills with SIGKILL: a process of its
// own doing what the editor's server actions do (lib/actions/records.ts), as fast as
// it can and forever. Each write goes through lib/editing/write.ts (the record, its
// revision and audit entry in one transaction), then expires the cache tags of the
// pages it changed in the page cache (what updateTag does through
// lib/cache/handler.mjs), and only then prints one line: the acknowledgement, as the
// action's answer is the editor's. Before each write it prints what it is about to
// do, so that the test knows which write a kill interrupted.
//
// Creates, updates and deletes of cases, people, parties, charges, events, sources and
// citations, chosen by a seeded generator; each write stores a value of its own in one
// text column of the record, which the test then looks for. At start it reads what the
// database holds (another run, killed, wrote it), as an app restarted on the file would.
//
//   DATABASE_URL=file:… node <this file, bundled by the test> <seed> [writes]
//
// With `writes`, it stops after that many (to try it by hand); without, it never stops.
//
// Lines on stdout are JSON, one per line (tests/support/crash-protocol.ts).
import { createHash } from 'node:crypto'
import { PageCacheStore, databasePathFromUrl } from '@/lib/cache/page-cache-store.mjs'
import { Random } from '@/bench/prng'
import { db } from '@/lib/db'
import { deleteRecord, saveRecord, type Actor, type WriteResult } from '@/lib/editing/write'
import { KINDS, type Row } from '@/lib/editing/kinds'
import { citationTargetKey } from '@/lib/domain/citation-target'
import { CRASH_ENTITIES, VALUE_COLUMN, type CrashEntity, type Op, type WriterLine } from './crash-protocol'

// ---------------------------------------------------------------------------

const [seed, limit] = process.argv.slice(2)
if (!seed) throw new Error('Usage: crash-writer <seed> [writes]')
const random = new Random(seed)
const actor: Actor = { id: 'crash-writer', email: 'crash-writer@example.org', role: 'editor' }
const store = new PageCacheStore({ databasePath: databasePathFromUrl() })

type Live = { id: number; version: number; caseId: number | null; personId?: number | null; partyId?: number; sourceId?: number; target?: string }

/** What the database holds that this run may still write: no deleted records, nothing in a deleted case. */
const live: Record<CrashEntity, Map<number, Live>> = {
  case: new Map(),
  person: new Map(),
  party: new Map(),
  charge: new Map(),
  event: new Map(),
  source: new Map(),
  citation: new Map(),
}

/**
 * Every party's person and every citation's source, in deleted cases too: what blocks
 * deleting a person or a source (the engine counts them all).
 */
const partyPerson = new Map<number, number | null>()
const citationOf = new Map<number, { sourceId: number; target: string }>()

async function load(): Promise<void> {
  const add = (entity: CrashEntity, row: Live) => live[entity].set(row.id, row)
  for (const c of await db.case.findMany({ where: { deletedAt: null }, select: { id: true, version: true } })) add('case', { ...c, caseId: c.id })
  for (const p of await db.person.findMany({ where: { deletedAt: null }, select: { id: true, version: true } })) add('person', { ...p, caseId: null })
  for (const s of await db.source.findMany({ where: { deletedAt: null }, select: { id: true, version: true } })) add('source', { ...s, caseId: null })
  const inLiveCase = (caseId: number | null) => caseId !== null && live.case.has(caseId)
  for (const p of await db.party.findMany({ select: { id: true, version: true, caseId: true, personId: true } })) {
    partyPerson.set(p.id, p.personId)
    if (inLiveCase(p.caseId)) add('party', p)
  }
  for (const c of await db.charge.findMany({ select: { id: true, version: true, caseId: true, partyId: true } })) if (inLiveCase(c.caseId)) add('charge', c)
  for (const e of await db.event.findMany({ select: { id: true, version: true, caseId: true } })) if (inLiveCase(e.caseId)) add('event', e)
  const citations = await db.citation.findMany({
    select: {
      id: true,
      version: true,
      sourceId: true,
      caseId: true,
      field: true,
      eventId: true,
      chargeId: true,
      partyId: true,
      personId: true,
      event: { select: { caseId: true } },
      charge: { select: { caseId: true } },
      party: { select: { caseId: true } },
    },
  })
  for (const c of citations) {
    citationOf.set(c.id, { sourceId: c.sourceId, target: citationTargetKey(c) })
    const caseId = c.caseId ?? c.event?.caseId ?? c.charge?.caseId ?? c.party?.caseId ?? null
    if (caseId !== null ? inLiveCase(caseId) : c.personId !== null && live.person.has(c.personId)) {
      add('citation', { id: c.id, version: c.version, caseId, sourceId: c.sourceId, target: citationTargetKey(c) })
    }
  }
}

// ---------------------------------------------------------------------------

let n = 0
const print = (line: WriterLine) => process.stdout.write(`${JSON.stringify(line)}\n`)
// The test is gone (its end of the pipe closed): stop, rather than write on unwatched.
process.stdout.on('error', () => process.exit(1))

const pick = <T>(items: Iterable<T>): T | undefined => {
  const list = [...items]
  return list.length ? random.pick(list) : undefined
}

/** A value no other write of any run stores: the seed names the run, `n` the write. */
const valueOf = (entity: CrashEntity) => `${entity} ${seed} #${n}`

const DATES = ['10 March 2019', 'April 2020', '2021', 'c. 2018', '4 February 2021']

/** The form values of a new record: a case part in a case this run can still write. */
function newValues(entity: CrashEntity, value: string): Record<string, string> | null {
  const aCase = pick(live.case.values())
  switch (entity) {
    case 'case':
      return { title: `Criminal case ${value}`, kind: 'CRIMINAL', jurisdiction: 'KZ', summary: value, opened: random.pick(DATES) }
    case 'person':
      // A name unlike every other write's: the engine refuses one that looks like a
      // person already recorded ("#15" and "#16" of two runs can fold alike).
      return { name: `Aigerim ${createHash('sha256').update(value).digest('hex').slice(0, 16)}`, description: value }
    case 'source': {
      // Now and then a long text, which a revision stores once by its hash (revision-texts.ts).
      const text = random.chance(0.2) ? `${value} `.repeat(400) : `Reported in ${value}.`
      return { url: `https://news.example.org/${encodeURIComponent(value.replaceAll(' ', '-'))}`, title: value, publisher: 'Example News', language: 'en', published: random.pick(DATES), text }
    }
    case 'party': {
      const person = pick(live.person.values())
      if (!aCase || !person) return null
      return { caseId: String(aCase.id), who: `person:${person.id}`, role: random.chance(0.7) ? 'DEFENDANT' : 'LAWYER', note: value }
    }
    case 'charge': {
      const party = pick(live.party.values())
      if (!party) return null
      return { caseId: String(party.caseId), partyId: String(party.id), description: value, disposition: random.pick(['PENDING', 'DROPPED', 'CONVICTED']) }
    }
    case 'event':
      if (!aCase) return null
      return { caseId: String(aCase.id), kind: random.pick(['ARREST', 'CHARGE', 'HEARING', 'VERDICT', 'INVESTIGATION_OPENED']), occurred: random.pick(DATES), title: value }
    case 'citation': {
      const source = pick(live.source.values())
      if (!source) return null
      const kind = random.pick(['case', 'event', 'charge', 'party', 'person'] as const)
      if (kind === 'case') return aCase ? { caseId: String(aCase.id), target: random.pick(['case:summary', 'case:opened', 'case:status']), sourceId: String(source.id), quote: value } : null
      if (kind === 'person') {
        const person = pick(live.person.values())
        return person ? { target: `person:${person.id}`, sourceId: String(source.id), quote: value, locator: 'para. 2' } : null
      }
      const part = pick(live[kind].values())
      return part ? { caseId: String(part.caseId), target: `${kind}:${part.id}`, sourceId: String(source.id), quote: value } : null
    }
  }
}

/** Whether the engine would refuse to delete it (the test wants writes, not refusals). */
function deletable(entity: CrashEntity, id: number): boolean {
  if (entity === 'party') return ![...live.charge.values()].some((c) => c.partyId === id)
  if (entity === 'source') return ![...citationOf.values()].some((c) => c.sourceId === id)
  if (entity === 'person') return ![...partyPerson.values()].includes(id)
  // The engine soft-deletes a case and leaves its parts: this run writes none of them again.
  return true
}

/** After a delete: what went with the record (a case's parts, a part's citations). */
function forget(entity: CrashEntity, id: number): void {
  live[entity].delete(id)
  if (entity === 'party') partyPerson.delete(id)
  if (entity === 'citation') citationOf.delete(id)
  if (entity === 'case') {
    for (const kind of ['party', 'charge', 'event', 'citation'] as const) for (const row of live[kind].values()) if (row.caseId === id) live[kind].delete(row.id)
  }
  if (entity === 'person') for (const row of live.citation.values()) if (row.target === `person:${id}`) live.citation.delete(row.id)
  if (entity === 'event' || entity === 'charge' || entity === 'party') {
    // Their citations go with them (ON DELETE CASCADE).
    for (const row of live.citation.values()) if (row.target === `${entity}:${id}`) live.citation.delete(row.id)
    for (const [citationId, c] of citationOf) if (c.target === `${entity}:${id}`) citationOf.delete(citationId)
  }
}

function remember(entity: CrashEntity, id: number, version: number, values: Record<string, string>): void {
  const existing = live[entity].get(id)
  if (existing) {
    existing.version = version
    return
  }
  const num = (key: string) => (values[key] ? Number(values[key]) : null)
  const caseId = entity === 'case' ? id : num('caseId')
  const row: Live = { id, version, caseId }
  if (entity === 'party') {
    row.personId = Number(values.who!.split(':')[1])
    partyPerson.set(id, row.personId)
  }
  if (entity === 'charge') row.partyId = Number(values.partyId)
  if (entity === 'citation') {
    row.sourceId = Number(values.sourceId)
    row.target = values.target!
    citationOf.set(id, { sourceId: row.sourceId, target: row.target })
  }
  live[entity].set(id, row)
}

const describeRefusal = (r: Exclude<WriteResult, { ok: true }>) => ('formError' in r && r.formError ? r.formError : JSON.stringify('fieldErrors' in r ? r.fieldErrors : r))

/** What the action does after a successful write: expire the pages, then answer. */
function acknowledge(op: Op, entity: CrashEntity, result: Extract<WriteResult, { ok: true }>, value: string | null, target?: string): void {
  const invalidatedAt = Date.now()
  store.invalidate(result.tags, invalidatedAt)
  print({ t: 'ack', n, op, entity, id: result.id, version: result.version, value, target, tags: result.tags, invalidatedAt })
  // A reader then loads one of those pages, which the cache stores again (handler.mjs `set`).
  if (result.tags.length && random.chance(0.3)) {
    const tag = random.pick(result.tags)
    store.put(`crash:${tag}:${n}`, { kind: 'APP_PAGE', html: `<p>${value ?? ''}</p>`, status: 200 }, Date.now(), [tag])
  }
}

async function create(entity: CrashEntity): Promise<boolean> {
  const value = valueOf(entity)
  const values = newValues(entity, value)
  if (!values) return false
  const target = values.target
  print({ t: 'begin', n, op: 'create', entity, id: null, version: null, value, target })
  const result = await saveRecord(actor, { entity, id: null, version: null, values }, { summary: `crash test write ${n}` })
  if (!result.ok) {
    print({ t: 'refused', n, op: 'create', entity, reason: result.reason, detail: describeRefusal(result) })
    return true
  }
  remember(entity, result.id, result.version, values)
  acknowledge('create', entity, result, value, target)
  return true
}

async function update(entity: CrashEntity): Promise<boolean> {
  const target = pick(live[entity].values())
  if (!target) return false
  // As the editor's form: the record's current values, one of them changed.
  const row = (await KINDS[entity].model(db).findUnique({ where: { id: target.id } })) as Row
  const values: Record<string, string> = KINDS[entity].toFormValues(row)
  const value = valueOf(entity)
  values[VALUE_COLUMN[entity]] = value
  if (target.caseId !== null && entity !== 'case') values.caseId = String(target.caseId)
  print({ t: 'begin', n, op: 'update', entity, id: target.id, version: row.version, value })
  const result = await saveRecord(actor, { entity, id: target.id, version: row.version, values }, { summary: `crash test write ${n}` })
  if (!result.ok) {
    print({ t: 'refused', n, op: 'update', entity, reason: result.reason, detail: describeRefusal(result) })
    return true
  }
  remember(entity, result.id, result.version, values)
  acknowledge('update', entity, result, value)
  return true
}

async function remove(entity: CrashEntity): Promise<boolean> {
  const target = pick([...live[entity].values()].filter((row) => deletable(entity, row.id)))
  if (!target) return false
  print({ t: 'begin', n, op: 'delete', entity, id: target.id, version: target.version, value: null })
  const result = await deleteRecord(actor, entity, target.id, target.version, { summary: `crash test delete ${n}` })
  if (!result.ok) {
    print({ t: 'refused', n, op: 'delete', entity, reason: result.reason, detail: describeRefusal(result) })
    return true
  }
  forget(entity, target.id)
  acknowledge('delete', entity, result, null)
  return true
}

async function oneWrite(): Promise<void> {
  for (;;) {
    const entity = random.pick(CRASH_ENTITIES)
    // Grow to a few records of each kind, then hover there: deletes as likely as creates.
    const size = live[entity].size
    const roll = random.next()
    const op: Op = size < 3 || roll < 0.35 ? 'create' : roll < 0.75 ? 'update' : size > 6 || roll < 0.95 ? 'delete' : 'create'
    n += 1
    const done = op === 'create' ? await create(entity) : op === 'update' ? await update(entity) : await remove(entity)
    if (done) return
    n -= 1
  }
}

await load()
while (limit === undefined || n < Number(limit)) await oneWrite()
await db.$disconnect()
store.close()
