// Crash safety: the app killed with SIGKILL in the middle of its writes, 50 times on
// the same database file, loses nothing it acknowledged and never leaves half a write.
//
// A writer process (tests/support/crash-writer.ts) saves records through the editor's
// own write path (lib/editing/write.ts, then the page-cache invalidation the server
// action does) as fast as it can, and prints a line once each write is committed. This
// test kills it at a random moment, restarts it on the same file, and after every kill
// opens a copy of the file as it was left (the database and its write-ahead log) and
// checks:
//   - PRAGMA integrity_check is ok and PRAGMA foreign_key_check finds nothing;
//   - every acknowledged write is there, with its value and version; every
//     acknowledged delete is (with the citations that went with it); nothing else;
//   - the write the kill interrupted is there entirely or not at all;
//   - every record's revisions match its version, every revision has its audit entry,
//     every long text a revision refers to is stored; every acknowledged
//     invalidation of a page is recorded.
// The kills are chosen by a seeded generator: the seed is printed; CRASH_SEED=<seed>
// repeats the same writes and kill points (timing aside).
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { Random } from '@/bench/prng'
import { databasePathFromUrl } from '@/lib/cache/page-cache-store.mjs'
import { CRASH_ENTITIES, SOFT_DELETED, TABLE, VALUE_COLUMN, type AckLine, type BeginLine, type CrashEntity, type WriterLine } from '../support/crash-protocol'
import { TMP_DIR } from '../support/paths'

const KILLS = Number(process.env.CRASH_KILLS ?? 50)
/** The kill comes once this run acknowledged between these many writes… */
const ACKS_BEFORE_KILL = [3, 40] as const
/** …and then up to this many milliseconds later. */
const MAX_DELAY_MS = 10
/** A run not killed after this long is stuck (it never acknowledged enough writes): the test fails. */
const RUN_TIMEOUT_MS = 30_000

const seed = process.env.CRASH_SEED || Math.random().toString(36).slice(2, 10)
const root = path.join(import.meta.dirname, '..', '..')

// ---------------------------------------------------------------------------
// The writer, bundled once and run by `node` itself: tsx would put a process of its own
// between the kill and the writer (killing tsx leaves the writer running), and takes
// twice as long to start. Starting is most of each run's time.

const bundle = path.join(TMP_DIR, `crash-writer-${process.pid}.mjs`)

async function buildWriter(): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'tests/support/crash-writer.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // What scripts run with (package.json): `server-only` is an empty module there.
    conditions: ['react-server'],
    tsconfig: path.join(root, 'tsconfig.json'),
    // The native driver and Prisma's runtime load from node_modules; the rest is bundled
    // (date-fns' index alone takes longer to load than the whole bundle).
    external: ['better-sqlite3', '@prisma/*', 'pino'],
    logLevel: 'error',
  })
}

const running = new Set<ChildProcess>()

afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
  rmSync(bundle, { force: true })
})

type Run = { lines: WriterLine[]; stderr: string; signal: NodeJS.Signals | null; code: number | null }

/** One run of the writer on `file`, killed with SIGKILL once it acknowledged `acks` writes and `delayMs` passed. */
function runUntilKilled(file: string, runSeed: string, acks: number, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    // --liftoff-only: V8 compiles Prisma's query compiler (WebAssembly, 3 MB) with its
    // baseline compiler only. Optimising it costs a second of CPU at every start, more
    // than a run of writes saves with the faster code.
    const child = spawn(process.execPath, ['--liftoff-only', bundle, runSeed], {
      cwd: root,
      // Its stdout carries the acknowledgements: no log lines there.
      env: { ...process.env, DATABASE_URL: `file:${file}`, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.add(child)
    const lines: WriterLine[] = []
    let pending = ''
    let stderr = ''
    let acked = 0
    let killing = false
    const kill = () => child.kill('SIGKILL')
    const stuck = setTimeout(() => {
      kill()
      reject(new Error(`seed ${seed}: run ${runSeed} acknowledged ${acked} writes in ${RUN_TIMEOUT_MS} ms; stderr:\n${stderr}`))
    }, RUN_TIMEOUT_MS)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      pending += chunk
      const complete = pending.split('\n')
      // A line cut short by the kill never reached the editor: not an acknowledgement.
      pending = complete.pop()!
      for (const text of complete) {
        let line: WriterLine
        try {
          line = JSON.parse(text) as WriterLine
        } catch {
          kill()
          reject(new Error(`seed ${seed}: run ${runSeed} printed something other than its lines: ${text}`))
          return
        }
        lines.push(line)
        if (line.t === 'ack') acked += 1
      }
      if (!killing && acked >= acks) {
        killing = true
        if (delayMs === 0) kill()
        else setTimeout(kill, delayMs)
      }
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    // 'close': the process is gone and every line it wrote has been read.
    child.on('close', (code, signal) => {
      clearTimeout(stuck)
      running.delete(child)
      resolve({ lines, stderr, signal, code })
    })
  })
}

// ---------------------------------------------------------------------------
// What the database must hold: every acknowledged write, applied in order.

type Expected = {
  entity: CrashEntity
  id: number
  version: number
  value: string
  /** live; deleted (soft: the row stays); gone (a case part deleted, or its citation with it). */
  state: 'live' | 'deleted' | 'gone'
  /** A citation's target ("party:12"), whose delete takes the citation with it. */
  target?: string
  /** Gone with its target, so without a delete revision of its own. */
  cascaded?: boolean
}

const keyOf = (entity: CrashEntity, id: number) => `${entity}:${id}`

class Model {
  readonly records = new Map<string, Expected>()
  /** The latest acknowledged invalidation of each tag. */
  readonly invalidated = new Map<string, number>()
  acks = 0

  apply(line: AckLine): void {
    this.acks += 1
    for (const tag of line.tags) this.invalidated.set(tag, Math.max(this.invalidated.get(tag) ?? 0, line.invalidatedAt))
    this.write(line.op, line.entity, line.id, line.version, line.value, line.target)
  }

  write(op: AckLine['op'], entity: CrashEntity, id: number, version: number, value: string | null, target?: string): void {
    const key = keyOf(entity, id)
    const known = this.records.get(key)
    if (op === 'create') {
      if (known) throw new Error(`seed ${seed}: ${key} acknowledged as created twice`)
      this.records.set(key, { entity, id, version, value: value!, state: 'live', target })
      return
    }
    if (!known) throw new Error(`seed ${seed}: ${op} of ${key}, which no acknowledged write created`)
    known.version = version
    if (op === 'update') {
      known.value = value!
      return
    }
    known.state = SOFT_DELETED.has(entity) ? 'deleted' : 'gone'
    if (entity === 'event' || entity === 'charge' || entity === 'party') {
      for (const r of this.records.values()) if (r.entity === 'citation' && r.state === 'live' && r.target === key) Object.assign(r, { state: 'gone', cascaded: true })
    }
  }
}

type Row = { id: number; version: number; value: string; deletedAt: number | null; target: string | null }

const CITATION_TARGET_SQL = `CASE WHEN eventId IS NOT NULL THEN 'event:' || eventId WHEN chargeId IS NOT NULL THEN 'charge:' || chargeId WHEN partyId IS NOT NULL THEN 'party:' || partyId
  WHEN personId IS NOT NULL THEN 'person:' || personId ELSE 'case:' || COALESCE(field, '') END`

function readRows(db: Database.Database, entity: CrashEntity): Map<number, Row> {
  const deletedAt = SOFT_DELETED.has(entity) ? 'deletedAt' : 'NULL'
  const target = entity === 'citation' ? CITATION_TARGET_SQL : 'NULL'
  const rows = db.prepare(`SELECT id, version, "${VALUE_COLUMN[entity]}" AS value, ${deletedAt} AS deletedAt, ${target} AS target FROM "${TABLE[entity]}"`).all() as Row[]
  return new Map(rows.map((r) => [r.id, r]))
}

type CheckStats = { records: number; inFlightApplied: boolean | null; longTexts: number }

/**
 * Checks the database file `file` against `model`, after a run whose interrupted
 * write (if the kill came during one) was `inFlight`. That write is in the database
 * entirely or not at all; when it is, the model takes it in (the next run sees it).
 */
function check(file: string, model: Model, inFlight: BeginLine | null, where: string): CheckStats {
  const db = new Database(file, { fileMustExist: true })
  try {
    const say = (what: string) => `seed ${seed}, ${where}: ${what}`
    expect(db.pragma('integrity_check'), say('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    expect(db.pragma('foreign_key_check'), say('foreign_key_check')).toEqual([])
    const rows = Object.fromEntries(CRASH_ENTITIES.map((e) => [e, readRows(db, e)])) as Record<CrashEntity, Map<number, Row>>

    // The interrupted write: all of it, or nothing.
    let inFlightApplied: boolean | null = null
    if (inFlight) {
      const { op, entity } = inFlight
      if (op === 'create') {
        const extra = [...rows[entity].values()].filter((r) => !model.records.has(keyOf(entity, r.id)))
        expect(extra.length, say(`rows of ${entity} no acknowledged write created (one at most: the interrupted create)`)).toBeLessThanOrEqual(1)
        inFlightApplied = extra.length === 1
        if (extra[0]) {
          expect(extra[0], say('the interrupted create, committed')).toMatchObject({ version: 1, value: inFlight.value, deletedAt: null })
          model.write('create', entity, extra[0].id, 1, inFlight.value, extra[0].target ?? undefined)
        }
      } else {
        const known = model.records.get(keyOf(entity, inFlight.id!))
        expect(known?.version, say(`the version the writer read for ${entity} ${inFlight.id} is the last one acknowledged`)).toBe(inFlight.version)
        const row = rows[entity].get(inFlight.id!)
        if (op === 'update') inFlightApplied = row !== undefined && row.version === inFlight.version! + 1
        else if (SOFT_DELETED.has(entity)) inFlightApplied = row !== undefined && row.deletedAt !== null
        else inFlightApplied = row === undefined
        if (inFlightApplied) model.write(op, entity, inFlight.id!, inFlight.version! + 1, inFlight.value)
      }
    }

    // Every acknowledged write, and nothing else.
    let records = 0
    for (const entity of CRASH_ENTITIES) {
      for (const row of rows[entity].values()) expect(model.records.has(keyOf(entity, row.id)), say(`${entity} ${row.id} (${row.value}) was never written`)).toBe(true)
    }
    for (const r of model.records.values()) {
      records += 1
      const row = rows[r.entity].get(r.id)
      const name = `${r.entity} ${r.id}`
      if (r.state === 'gone') {
        expect(row, say(`${name} was deleted${r.cascaded ? ' with what it cites' : ''}`)).toBeUndefined()
        continue
      }
      expect(row, say(`${name} (${r.value}) is missing`)).toBeDefined()
      expect({ version: row!.version, value: row!.value, deleted: row!.deletedAt !== null }, say(name)).toEqual({ version: r.version, value: r.value, deleted: r.state === 'deleted' })
    }

    // The rest of each write, from the same transaction. Every record has one revision
    // per version it had (a part of a case deleted: its delete revision last; a citation
    // gone with what it cited: none of its own), and nothing else has any.
    const revisions = new Map(
      (
        db.prepare(`SELECT entity, entityId, COUNT(*) AS n, MAX(version) AS latest, MAX(CASE WHEN action = 'delete' THEN version END) AS deletedAt FROM "Revision" GROUP BY entity, entityId`).all() as {
          entity: string
          entityId: number
          n: number
          latest: number
          deletedAt: number | null
        }[]
      ).map((r) => [`${r.entity}:${r.entityId}`, r]),
    )
    for (const r of model.records.values()) {
      const got = revisions.get(keyOf(r.entity, r.id))
      const deletedAt = r.state === 'live' || r.cascaded ? null : r.version
      expect(got && { n: got.n, latest: got.latest, deletedAt: got.deletedAt }, say(`revisions of ${r.entity} ${r.id}`)).toEqual({ n: r.version, latest: r.version, deletedAt })
    }
    const unknown = [...revisions.keys()].filter((key) => !model.records.has(key))
    expect(unknown, say('revisions of records no acknowledged write created')).toEqual([])
    expect(
      db
        .prepare(
          `SELECT c.id, c.lastEventId FROM "Case" c WHERE (c.lastEventId IS NULL) != (NOT EXISTS (SELECT 1 FROM "Event" e WHERE e.caseId = c.id))
           OR (c.lastEventId IS NOT NULL AND c.lastEventId NOT IN (SELECT e.id FROM "Event" e WHERE e.caseId = c.id))`,
        )
        .all(),
      say('cases whose derived last event is not one of their events'),
    ).toEqual([])
    const unaudited = db
      .prepare(
        `WITH r AS (SELECT entity AS type, CAST(entityId AS TEXT) AS id, COUNT(*) AS n FROM "Revision" GROUP BY 1, 2),
              a AS (SELECT targetType AS type, targetId AS id, COUNT(*) AS n FROM "AuditLog" WHERE action LIKE 'record-%' GROUP BY 1, 2)
         SELECT r.type, r.id, r.n AS revisions, a.n AS audits FROM r FULL JOIN a ON a.type = r.type AND a.id = r.id WHERE r.n IS NOT a.n`,
      )
      .all()
    expect(unaudited, say('records whose revisions and audit entries differ in number')).toEqual([])
    expect(
      db.prepare(`SELECT a.id FROM "AuditLog" a WHERE a.action LIKE 'record-%' AND NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r.id = json_extract(a.detail, '$.revisionId'))`).all(),
      say('audit entries naming a revision that is not there'),
    ).toEqual([])
    const texts = db
      .prepare(
        `WITH refs AS (SELECT j.value AS hash FROM "Revision" r, json_tree(r.before) j WHERE j.key = '$text'
                       UNION ALL SELECT j.value FROM "Revision" r, json_tree(r.after) j WHERE j.key = '$text')
         SELECT hash, EXISTS (SELECT 1 FROM "RevisionText" t WHERE t.hash = refs.hash) AS stored FROM refs`,
      )
      .all() as { hash: string; stored: number }[]
    expect(
      texts.filter((t) => !t.stored),
      say('long texts revisions refer to but that are not stored'),
    ).toEqual([])

    // Every acknowledged invalidation: the pages the write changed stay expired.
    const invalidations = new Map((db.prepare('SELECT tag, invalidatedAt FROM "PageCacheInvalidation"').all() as { tag: string; invalidatedAt: number }[]).map((i) => [i.tag, i.invalidatedAt]))
    const lost = [...model.invalidated].filter(([tag, at]) => !((invalidations.get(tag) ?? 0) >= at))
    expect(lost, say('acknowledged invalidations not recorded')).toEqual([])
    return { records, inFlightApplied, longTexts: texts.length }
  } finally {
    db.close()
  }
}

/** The database file as the kill left it (with its write-ahead log), copied: the next run gets the original. */
function copyAsLeft(file: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(to + suffix, { force: true })
  copyFileSync(file, to)
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${to}-wal`)
}

// ---------------------------------------------------------------------------

describe('crash safety', () => {
  it(`keeps every acknowledged write, whole, through ${KILLS} SIGKILLs of the app mid-write`, { timeout: 300_000 }, async () => {
    console.log(`crash test: seed ${seed} (CRASH_SEED=${seed} repeats it)`)
    const started = performance.now()
    await buildWriter()
    const file = databasePathFromUrl()
    const copy = `${file}.as-left`
    const random = new Random(seed)
    const model = new Model()
    let midWrite = 0
    let applied = 0
    let records = 0
    let longTexts = 0
    const refused: WriterLine[] = []
    try {
      for (let k = 1; k <= KILLS; k++) {
        const runSeed = `${seed}/${k}`
        const run = await runUntilKilled(file, runSeed, random.int(...ACKS_BEFORE_KILL), random.int(0, MAX_DELAY_MS))
        expect({ signal: run.signal, code: run.code, stderr: run.stderr }, `seed ${seed}, run ${k}: the writer ended only by the kill`).toEqual({ signal: 'SIGKILL', code: null, stderr: '' })
        let inFlight: BeginLine | null = null
        for (const line of run.lines) {
          if (line.t === 'begin') inFlight = line
          else if (line.t === 'ack') {
            model.apply(line)
            inFlight = null
          } else {
            refused.push(line)
            inFlight = null
          }
        }
        if (inFlight) midWrite += 1
        copyAsLeft(file, copy)
        const stats = check(copy, model, inFlight, `after kill ${k}`)
        if (stats.inFlightApplied) applied += 1
        records = stats.records
        longTexts = stats.longTexts
      }
      // And the file itself, as the next start of the app would open it.
      check(file, model, null, 'at the end, on the file itself')
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `crash test: ${KILLS} kills, ${model.acks} acknowledged writes checked (${records} records at the end, ${longTexts} long texts), ` +
        `${midWrite} kills mid-write (${applied} of those writes committed, ${midWrite - applied} rolled back), ${seconds} s`,
    )
    expect(refused, `seed ${seed}: writes the engine refused (the writer only asks for valid ones)`).toEqual([])
    // Most kills must land inside a write, or the test would prove little.
    expect(midWrite, `seed ${seed}: kills during a write`).toBeGreaterThanOrEqual(KILLS / 2)
  })
})
