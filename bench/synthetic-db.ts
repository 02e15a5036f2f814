// A large, realistic, deterministic Casebook database for `npm run bench`.
//
// The schema comes from the real migrations (lib/db/migrations.ts applyMigrations),
// then rows go in through better-sqlite3 prepared statements in one transaction:
// Prisma would take minutes for a million events. Everything is drawn from a seeded
// generator, so the same parameters give the same file, byte for byte in content;
// the file is cached under bench/.tmp/ by its parameters, the migrations and this
// generator's own source, and rebuilt only when one of them changes.
//
// Two things must match what the app itself writes, or sorting and filtering on the
// synthetic rows would not behave like on real ones:
//  - DateTime columns hold the text Prisma's better-sqlite3 adapter writes by default
//    (timestampFormat "iso8601": `toISOString()` with "Z" as "+00:00", e.g.
//    '2020-04-01T00:00:00.000+00:00'); booleans are 0/1; enums are their names.
//  - The derived columns of Case (status, statusAt, lastEventId, lastEventAt,
//    firstYear, lastYear) follow lib/editing/case-derived.ts refreshCaseDerived, using
//    the same pure functions (deriveCaseStatus, latestEvent). After building,
//    `verifyAgainstApp` runs the app's own refreshCaseDerived through Prisma on a
//    sample of cases and fails if a single stored byte changes.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrationsList } from '@/lib/db/migrations'
import {
  deriveCaseStatus,
  EVENT_KIND_LABELS,
  FINAL_STATUSES,
  latestEvent,
  latestReportedDate,
  sortEvents,
  type CaseStatus,
  type EventKind,
  type StatusEvent,
  type StatusOverride,
} from '@/lib/domain/case-status'
import { nameSearchKey } from '@/lib/domain/fold-name'
import { day, month, season, year, type DatePrecision, type PartialDate } from '@/lib/domain/partial-date'
import type { AliasKind, CaseKind, CaseRelationKind, ChargeDisposition, DefendantSituation, OrganisationKind, PartyRole } from '@/lib/generated/prisma/enums'
import { Random, Weighted } from './prng'
import {
  FIRST_NAMES,
  HEADLINES,
  JURISDICTIONS,
  LAST_NAMES,
  latinVariant,
  NATIONAL_CODES,
  OFFENCES,
  ORGANISATION_TEMPLATES,
  OUTLETS,
  QUOTES,
  slugify,
  toCyrillic,
  UN_ARTICLES,
  UN_BODIES,
  UN_INSTRUMENT,
} from './synthetic-content'

// ---------------------------------------------------------------------------
// Parameters

export type SyntheticParams = {
  cases: number
  /** Everything else scales with the number of cases (defaults: the issue's 10k/30k/100k/50k). */
  peoplePerCase: number
  eventsPerCase: number
  sourcesPerCase: number
  seed: string
}

export const DEFAULT_PARAMS: SyntheticParams = {
  cases: 10_000,
  peoplePerCase: 3,
  eventsPerCase: 10,
  sourcesPerCase: 5,
  seed: 'casebook-bench-1',
}

/** The fixed "today" of the synthetic world, so that the file does not depend on the clock. */
const NOW = Date.UTC(2026, 5, 30)
const FIRST_CASE_YEAR = 2008
const SOURCES_FROM = Date.UTC(FIRST_CASE_YEAR, 0, 1)
const DAY_MS = 86_400_000

/** The large tables: a full scan of any of them is a bug on a public page (bench/query-plans.ts). */
export const LARGE_TABLES = ['Case', 'Event', 'Person', 'Source', 'Citation', 'Party', 'Charge', 'Alias'] as const

// ---------------------------------------------------------------------------
// Column formats (see the header comment)

type Bool = 0 | 1
const bool = (value: boolean): Bool => (value ? 1 : 0)

/** A DateTime as Prisma's better-sqlite3 adapter stores it. */
export function sqlDateTime(date: Date | number): string {
  return new Date(date).toISOString().replace('Z', '+00:00')
}

type DateColumns = { at: string | null; precision: DatePrecision | null; approx: Bool }
function dateColumns(d: PartialDate | null): DateColumns {
  return d ? { at: sqlDateTime(d.at), precision: d.precision, approx: bool(d.approx) } : { at: null, precision: null, approx: 0 }
}

// ---------------------------------------------------------------------------
// Row shapes: one per table, with exactly the columns we write. The INSERT statements
// are built from these objects' keys, so a typo cannot silently leave a column out.

type PersonRow = { id: number; slug: string; name: string; nameFolded: string; description: string; createdAt: string; updatedAt: string }
type AliasRow = { id: number; name: string; nameFolded: string; script: string; kind: AliasKind; personId: number | null; organisationId: number | null }
type OrganisationRow = {
  id: number
  slug: string
  name: string
  nameFolded: string
  kind: OrganisationKind
  country: string | null
  description: string
  createdAt: string
  updatedAt: string
}
type ProvisionRow = {
  id: number
  slug: string
  jurisdiction: string
  code: string
  article: string
  part: string | null
  title: string
  description: string
  createdAt: string
  updatedAt: string
}
type SourceRow = {
  id: number
  url: string | null
  title: string
  publisher: string
  authors: string
  language: string
  publishedAt: string | null
  publishedPrecision: DatePrecision | null
  publishedApprox: Bool
  publishedAsPrinted: string | null
  dateNote: string
  accessedAt: string | null
  archiveUrl: string | null
  text: string
  description: string
  createdAt: string
  updatedAt: string
}
type CaseRow = {
  id: number
  slug: string
  title: string
  kind: CaseKind
  jurisdiction: string
  authorityId: number | null
  caseNumber: string | null
  summary: string
  openedAt: string | null
  openedPrecision: DatePrecision | null
  openedApprox: Bool
  closedAt: string | null
  closedPrecision: DatePrecision | null
  closedApprox: Bool
  statusOverride: CaseStatus | null
  statusOverrideAt: string | null
  statusOverridePrecision: DatePrecision | null
  statusOverrideApprox: Bool
  status: CaseStatus
  statusAt: string | null
  statusPrecision: DatePrecision | null
  statusApprox: Bool
  lastEventId: number | null
  lastEventAt: string | null
  firstYear: number | null
  lastYear: number | null
  publishedAt: string | null
  createdAt: string
  updatedAt: string
}
type RelationRow = { id: number; fromCaseId: number; toCaseId: number; kind: CaseRelationKind; note: string }
type PartyRow = {
  id: number
  caseId: number
  personId: number | null
  organisationId: number | null
  role: PartyRole
  outcome: string | null
  situation: DefendantSituation | null
  situationAt: string | null
  situationPrecision: DatePrecision | null
  situationApprox: Bool
  note: string
}
type ChargeRow = {
  id: number
  caseId: number
  partyId: number
  provisionId: number | null
  description: string
  disposition: ChargeDisposition
  dispositionAt: string | null
  dispositionPrecision: DatePrecision | null
  dispositionApprox: Bool
}
type EventRow = {
  id: number
  caseId: number | null
  personId: number | null
  kind: EventKind
  occurredAt: string
  precision: DatePrecision
  approx: Bool
  title: string
  description: string
  statusAfter: CaseStatus | null
}
type CitationRow = {
  id: number
  sourceId: number
  quote: string
  locator: string
  field: string | null
  caseId: number | null
  eventId: number | null
  chargeId: number | null
  partyId: number | null
  personId: number | null
  organisationId: number | null
  provisionId: number | null
  conflictVersionId: number | null
}
type ConflictRow = { id: number; caseId: number; eventId: number | null; subject: string; note: string }
type ConflictVersionRow = { id: number; conflictId: number; statement: string; preferred: Bool; position: number }
type SlugRedirectRow = { id: number; entity: 'CASE'; oldSlug: string; targetId: number; createdAt: string }

type Tables = {
  Person: PersonRow
  Alias: AliasRow
  Organisation: OrganisationRow
  LegalProvision: ProvisionRow
  Source: SourceRow
  Case: CaseRow
  CaseRelation: RelationRow
  Party: PartyRow
  Charge: ChargeRow
  Event: EventRow
  Citation: CitationRow
  Conflict: ConflictRow
  ConflictVersion: ConflictVersionRow
  SlugRedirect: SlugRedirectRow
}
type TableName = keyof Tables

/** Prepared INSERTs, one per table, created on first use from the first row's keys. */
class Writer {
  private readonly statements = new Map<TableName, { statement: Database.Statement; columns: string[] }>()

  constructor(private readonly db: Database.Database) {}

  insert<T extends TableName>(table: T, row: Tables[T]): void {
    let prepared = this.statements.get(table)
    if (!prepared) {
      const columns = Object.keys(row)
      const statement = this.db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      this.statements.set(table, (prepared = { statement, columns }))
    }
    // Positional parameters bind noticeably faster than named ones.
    const values = row as Record<string, unknown>
    prepared.statement.run(prepared.columns.map((c) => values[c]))
  }
}

// ---------------------------------------------------------------------------
// Dates

/** A partial date of a random precision around `ms`, normalised the way the app stores it. */
function partialDateAround(random: Random, ms: number, precisions: Weighted<DatePrecision>): PartialDate {
  const d = new Date(ms)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + 1
  const precision = precisions.sample(random)
  const approx = precision !== 'DAY' && random.chance(0.3)
  switch (precision) {
    case 'DAY':
      return day(y, m, d.getUTCDate())
    case 'MONTH':
      return month(y, m, approx)
    case 'SEASON':
      // Winter runs from December to February and is named after the December.
      if (m === 12) return season(y, 'winter', approx)
      if (m <= 2) return season(y - 1, 'winter', approx)
      return season(y, m <= 5 ? 'spring' : m <= 8 ? 'summer' : 'autumn', approx)
    case 'YEAR':
      return year(y, approx)
  }
}

const EVENT_PRECISIONS = new Weighted<DatePrecision>([
  ['DAY', 80],
  ['MONTH', 12],
  ['SEASON', 3],
  ['YEAR', 5],
])
const SOURCE_PRECISIONS = new Weighted<DatePrecision>([
  ['DAY', 92],
  ['MONTH', 6],
  ['YEAR', 2],
])

// ---------------------------------------------------------------------------
// A case's story: the steps a prosecution goes through, with dates

type StoryEvent = { kind: EventKind; statusAfter: CaseStatus | null; ms: number; personIndex: number | null }

const VERDICT_OUTCOME = new Weighted<CaseStatus | null>([
  [null, 70], // a VERDICT defaults to CONVICTED
  ['CONVICTED', 8],
  ['PLEA_DEAL', 12],
  ['ACQUITTED', 10],
])
const NEUTRAL_KINDS = new Weighted<EventKind>([
  ['SEARCH', 3],
  ['DETENTION', 4],
  ['HOUSE_ARREST', 2],
  ['RELEASE', 2],
  ['OTHER', 5],
  ['EXILE', 1],
  ['COMPLAINT', 1],
])

/**
 * The events of one case in the order they happen: investigation, arrest, charge,
 * indictment, hearings, verdict, sentence, appeal; any stage may be the last (the case
 * is still there, or was dropped). Stops at the synthetic "today". `target` is how
 * many events the case should have: hearings and status-neutral events (a search, a
 * detention extension) fill up to it.
 */
function caseStory(random: Random, kind: CaseKind, startMs: number, target: number, defendants: number): StoryEvent[] {
  const events: StoryEvent[] = []
  let t = startMs
  let stopped = false
  const step = (kindOfEvent: EventKind, minDays: number, maxDays: number, statusAfter: CaseStatus | null = null) => {
    if (stopped) return false
    t += random.int(minDays, maxDays) * DAY_MS
    if (t > NOW) {
      stopped = true
      return false
    }
    events.push({ kind: kindOfEvent, statusAfter, ms: t, personIndex: null })
    return true
  }
  const continues = (p: number) => !stopped && random.chance(p)
  const dropped = () => {
    if (random.chance(0.06)) {
      step('CASE_TERMINATED', 10, 200)
      stopped = true
    }
    return stopped
  }

  if (kind === 'INTERNATIONAL') {
    step('COMPLAINT', 0, 0)
    step('OTHER', 30, 120)
    if (continues(0.7)) step('INTERNATIONAL_OPINION', 120, 500)
  } else {
    if (random.chance(0.2)) step('COMPLAINT', 0, 0)
    step('INVESTIGATION_OPENED', events.length ? 5 : 0, 60)
    if (random.chance(0.4)) step('SEARCH', 1, 30)
    if (random.chance(0.6)) {
      step('ARREST', 1, 40, null)
      if (random.chance(0.7)) step('DETENTION', 1, 3)
      else if (random.chance(0.5)) step('HOUSE_ARREST', 1, 3)
    }
    if (!dropped() && continues(0.88)) {
      step('CHARGE', 3, 60)
      if (!dropped() && continues(0.85)) {
        step('INDICTMENT', 30, 180)
        if (!dropped() && continues(0.9)) {
          const hearings = Math.max(1, target - events.length - 4)
          for (let i = 0; i < hearings && !stopped; i++) step('HEARING', 7, 45)
          if (continues(0.9)) {
            const outcome = VERDICT_OUTCOME.sample(random)
            step('VERDICT', 3, 40, outcome)
            const convicted = outcome === null || outcome === 'CONVICTED' || outcome === 'PLEA_DEAL'
            if (convicted && continues(0.6)) step('SENTENCE', 0, 14)
            if (continues(0.45)) {
              step('APPEAL', 10, 30)
              if (continues(0.8)) step('APPEAL_DECISION', 60, 200)
            }
            if (convicted && continues(0.1)) step('OTHER', 300, 2000, 'SENTENCE_SERVED')
          }
        }
      }
    }
  }

  // Status-neutral events anywhere in the span (a search, a detention extension, an
  // exile): they change the timeline and the "last event", not the status.
  const first = events[0]?.ms ?? startMs
  const last = Math.min(NOW, (events.at(-1)?.ms ?? startMs) + 90 * DAY_MS)
  while (events.length < target) {
    const neutral = NEUTRAL_KINDS.sample(random)
    events.push({ kind: neutral, statusAfter: null, ms: first + random.next() * (last - first), personIndex: null })
  }
  for (const e of events) if (e.kind === 'ARREST' || e.kind === 'DETENTION' || e.kind === 'EXILE') e.personIndex = random.int(0, defendants - 1)
  return events
}

// ---------------------------------------------------------------------------
// Derived columns: the same computation as lib/editing/case-derived.ts refreshCaseDerived

type Derived = Pick<CaseRow, 'status' | 'statusAt' | 'statusPrecision' | 'statusApprox' | 'lastEventId' | 'lastEventAt' | 'firstYear' | 'lastYear'>

function deriveColumns(events: readonly StatusEvent[], override: StatusOverride | null, opened: PartialDate | null, closed: PartialDate | null): Derived & { statusEventId: number | null } {
  const derived = deriveCaseStatus(events, override)
  const last = latestEvent(events)
  const lastReported = latestReportedDate(events)
  const years = events.flatMap((e) => (e.date ? [e.date.at.getUTCFullYear()] : []))
  if (opened) years.push(opened.at.getUTCFullYear())
  if (closed) years.push(closed.at.getUTCFullYear())
  if (derived.asOf) years.push(derived.asOf.at.getUTCFullYear())
  const over = closed !== null || FINAL_STATUSES.has(derived.status)
  const asOf = dateColumns(derived.asOf)
  return {
    status: derived.status,
    statusAt: asOf.at,
    statusPrecision: asOf.precision,
    statusApprox: asOf.approx,
    lastEventId: last?.id ?? null,
    lastEventAt: lastReported ? sqlDateTime(lastReported.at) : null,
    firstYear: years.length ? Math.min(...years) : null,
    lastYear: over && years.length ? Math.max(...years) : null,
    statusEventId: derived.eventId,
  }
}

// ---------------------------------------------------------------------------
// The generator

type Ids = { alias: number; party: number; charge: number; event: number; citation: number; conflict: number; version: number; relation: number; redirect: number }

type ProvisionRef = { id: number; title: string }

class Generator {
  private readonly random: Random
  private readonly w: Writer
  private readonly ids: Ids = { alias: 0, party: 0, charge: 0, event: 0, citation: 0, conflict: 0, version: 0, relation: 0, redirect: 0 }
  private readonly peopleCount: number
  private readonly sourceCount: number
  private readonly eventTarget: number
  private readonly personNames: string[] = []
  /** People ids [1, lawyers] are lawyers, then officials (judges, prosecutors); defendants after. */
  private readonly lawyers: number
  private readonly officials: number
  private nextDefendant: number
  private readonly provisionsByJurisdiction = new Map<string, ProvisionRef[]>()
  private readonly organisationsByJurisdiction = new Map<string, { id: number; kind: OrganisationKind; name: string }[]>()
  private readonly folded = new Map<string, string>()
  private readonly jurisdictions = new Weighted(JURISDICTIONS.map(([code, weight]) => [code, weight] as const))
  private readonly cities = new Map(JURISDICTIONS.map(([code, , city]) => [code, city]))

  constructor(
    db: Database.Database,
    private readonly params: SyntheticParams,
  ) {
    this.random = new Random(params.seed)
    this.w = new Writer(db)
    this.peopleCount = Math.max(100, Math.round(params.cases * params.peoplePerCase))
    this.sourceCount = Math.max(100, Math.round(params.cases * params.sourcesPerCase))
    this.eventTarget = params.eventsPerCase
    this.lawyers = Math.max(5, Math.round(this.peopleCount * 0.02))
    this.officials = Math.max(5, Math.round(this.peopleCount * 0.02))
    this.nextDefendant = this.lawyers + this.officials + 1
  }

  run(): void {
    this.people()
    this.organisations()
    this.provisions()
    this.sources()
    for (let id = 1; id <= this.params.cases; id++) this.oneCase(id)
    // Descriptions of organisations cite sources too.
    for (const list of this.organisationsByJurisdiction.values()) {
      for (const o of list) this.cite({ organisationId: o.id, field: 'description' }, NOW - this.random.int(0, 3000) * DAY_MS)
    }
  }

  private fold(name: string): string {
    let key = this.folded.get(name)
    if (key === undefined) this.folded.set(name, (key = nameSearchKey(name)))
    return key
  }

  /** createdAt/updatedAt of records: spread over the two years the tracker has existed, in id order. */
  private recordTime(index: number, total: number): string {
    const from = Date.UTC(2024, 0, 1)
    return sqlDateTime(from + Math.floor(((NOW - from) * index) / total / 1000) * 1000)
  }

  private people(): void {
    const r = this.random
    for (let i = 1; i <= this.peopleCount; i++) {
      const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`
      this.personNames.push(name)
      const role = i <= this.lawyers ? 'Lawyer' : i <= this.lawyers + this.officials ? 'Official' : 'Activist'
      const time = this.recordTime(i, this.peopleCount)
      this.w.insert('Person', {
        id: i,
        slug: `${slugify(name)}-${i}`,
        name,
        nameFolded: this.fold(name),
        description: r.chance(0.5) ? `${role} from ${r.pick(JURISDICTIONS)[2]}.` : '',
        createdAt: time,
        updatedAt: time,
      })
      // Every person has one other spelling: Cyrillic, or another transliteration.
      const latin = r.chance(0.4) ? latinVariant(name) : null
      const alias = latin ?? toCyrillic(name)
      this.w.insert('Alias', {
        id: ++this.ids.alias,
        name: alias,
        nameFolded: this.fold(alias),
        script: latin ? 'Latn' : 'Cyrl',
        kind: 'TRANSLITERATION',
        personId: i,
        organisationId: null,
      })
    }
  }

  private organisations(): void {
    let id = 0
    const time = this.recordTime(0, 1)
    const add = (jurisdiction: string, name: string, kind: OrganisationKind, country: string | null) => {
      this.w.insert('Organisation', {
        id: ++id,
        slug: `${slugify(name)}-${id}`,
        name,
        nameFolded: this.fold(name),
        kind,
        country,
        description: '',
        createdAt: time,
        updatedAt: time,
      })
      const list = this.organisationsByJurisdiction.get(jurisdiction) ?? []
      list.push({ id, kind, name })
      this.organisationsByJurisdiction.set(jurisdiction, list)
    }
    for (const [code, , city] of JURISDICTIONS) {
      if (code === 'UN') {
        for (const body of UN_BODIES) add(code, body, 'UN_BODY', null)
        continue
      }
      for (const template of ORGANISATION_TEMPLATES) add(code, template.name(city, code), template.kind, code)
    }
  }

  /** ~300 provisions: 21 articles of two codes per national jurisdiction, plus the ICCPR. */
  private provisions(): void {
    const r = this.random
    let id = 0
    const time = this.recordTime(0, 1)
    for (const [jurisdiction] of JURISDICTIONS) {
      const list: ProvisionRef[] = []
      const add = (code: string, article: string, part: string | null, title: string) => {
        const slug = slugify(`${jurisdiction} ${code === UN_INSTRUMENT ? 'iccpr' : code === NATIONAL_CODES[0] ? 'cc' : 'cao'} ${article} ${part ?? ''}`)
        this.w.insert('LegalProvision', {
          id: ++id,
          slug,
          jurisdiction,
          code,
          article,
          part,
          title,
          description: '',
          createdAt: time,
          updatedAt: time,
        })
        list.push({ id, title })
      }
      if (jurisdiction === 'UN') {
        for (const [article, title] of UN_ARTICLES) add(UN_INSTRUMENT, article, null, title)
      } else {
        const used = new Set<string>()
        for (let i = 0; i < 21; i++) {
          const code = i % 4 === 3 ? NATIONAL_CODES[1] : NATIONAL_CODES[0]
          let article: string
          do article = String(r.int(100, 450))
          while (used.has(`${code}/${article}`))
          used.add(`${code}/${article}`)
          add(code, article, r.chance(0.5) ? String(r.int(1, 4)) : null, OFFENCES[i % OFFENCES.length]!)
        }
      }
      this.provisionsByJurisdiction.set(jurisdiction, list)
    }
  }

  /** Sources in publication order, so that an event can cite reports from just after it. */
  private sources(): void {
    const r = this.random
    const span = NOW - SOURCES_FROM
    for (let i = 1; i <= this.sourceCount; i++) {
      const [publisher, domain, language] = r.pick(OUTLETS)
      const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`
      const title = r.pick(HEADLINES)(name)
      const published = partialDateAround(r, SOURCES_FROM + (span * i) / this.sourceCount, SOURCE_PRECISIONS)
      const at = published.at
      const datePath = `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}`
      const url = r.chance(0.98) ? `https://${domain}/${datePath}/${slugify(title)}-${i}` : null
      const time = this.recordTime(i, this.sourceCount)
      this.w.insert('Source', {
        id: i,
        url,
        title,
        publisher,
        authors: r.chance(0.7) ? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}` : '',
        language,
        publishedAt: sqlDateTime(at),
        publishedPrecision: published.precision,
        publishedApprox: bool(published.approx),
        publishedAsPrinted: r.chance(0.3) ? at.toISOString().slice(0, 10).split('-').reverse().join('.') : null,
        dateNote: '',
        accessedAt: url ? time : null,
        archiveUrl: url && r.chance(0.3) ? `https://web.archive.org/web/${at.toISOString().slice(0, 10).replaceAll('-', '')}000000/${url}` : null,
        text: `${r.pick(QUOTES)} ${r.pick(QUOTES)} ${r.pick(QUOTES)}`,
        description: `${publisher} report on the case of ${name}.`,
        createdAt: time,
        updatedAt: time,
      })
    }
  }

  /** A source published shortly after `ms` (sources are numbered in publication order). */
  private sourceNear(ms: number): number {
    const position = Math.floor(((ms - SOURCES_FROM) / (NOW - SOURCES_FROM)) * this.sourceCount)
    return Math.min(this.sourceCount, Math.max(1, position + this.random.int(0, 40)))
  }

  private cite(target: Partial<Pick<CitationRow, 'caseId' | 'eventId' | 'chargeId' | 'partyId' | 'personId' | 'organisationId' | 'conflictVersionId' | 'field'>>, ms: number): void {
    const r = this.random
    this.w.insert('Citation', {
      id: ++this.ids.citation,
      sourceId: this.sourceNear(ms),
      quote: r.pick(QUOTES),
      locator: r.chance(0.5) ? `para. ${r.int(1, 30)}` : '',
      field: target.field ?? null,
      caseId: target.caseId ?? null,
      eventId: target.eventId ?? null,
      chargeId: target.chargeId ?? null,
      partyId: target.partyId ?? null,
      personId: target.personId ?? null,
      organisationId: target.organisationId ?? null,
      provisionId: null,
      conflictVersionId: target.conflictVersionId ?? null,
    })
  }

  private defendant(): number {
    const r = this.random
    // Some activists are prosecuted again and again.
    if (this.nextDefendant > this.lawyers + this.officials + 1 && r.chance(0.08)) {
      return r.int(this.lawyers + this.officials + 1, this.nextDefendant - 1)
    }
    const id = this.nextDefendant
    this.nextDefendant = id >= this.peopleCount ? this.lawyers + this.officials + 1 : id + 1
    // Some people's descriptions ("journalist, founder of …") cite a source.
    if (r.chance(0.1)) this.cite({ personId: id, field: 'description' }, NOW - r.int(0, 5000) * DAY_MS)
    return id
  }

  private oneCase(id: number): void {
    const r = this.random
    const jurisdiction = this.jurisdictions.sample(r)
    const kind: CaseKind = jurisdiction === 'UN' ? 'INTERNATIONAL' : r.chance(0.8) ? 'CRIMINAL' : r.chance(0.7) ? 'ADMINISTRATIVE' : 'CIVIL'
    // More cases in recent years: the square root skews the start year later.
    const startMs = Date.UTC(FIRST_CASE_YEAR, 0, 1) + Math.sqrt(r.next()) * (NOW - Date.UTC(FIRST_CASE_YEAR, 0, 1) - 30 * DAY_MS)
    const organisations = this.organisationsByJurisdiction.get(jurisdiction)!
    const courts = organisations.filter((o) => o.kind === 'COURT' || o.kind === 'UN_BODY')
    const court = r.pick(courts)

    // Parties
    const defendantCount = r.chance(0.6) ? 1 : r.chance(0.7) ? 2 : 3
    const defendantPeople = Array.from({ length: defendantCount }, () => this.defendant())
    const names = defendantPeople.map((p) => this.personNames[p - 1]!)
    const orgDefendant = kind !== 'INTERNATIONAL' && r.chance(0.03) ? (organisations.find((o) => o.kind === 'MEDIA' || o.kind === 'NGO') ?? null) : null

    // Events (a case's target count averages `eventsPerCase`)
    const target = Math.max(1, Math.round(this.eventTarget * (0.25 + 1.3 * r.next())))
    const story = caseStory(r, kind, startMs, target, defendantCount)
    const events = story.map((e) => ({ ...e, id: ++this.ids.event, date: partialDateAround(r, e.ms, EVENT_PRECISIONS) }))
    const statusEvents: StatusEvent[] = events.map((e) => ({ id: e.id, kind: e.kind, statusAfter: e.statusAfter, date: e.date }))

    // An editor's override on a few cases ("still under investigation as of ...").
    const override: StatusOverride | null = r.chance(0.02)
      ? {
          status: r.pick(['INVESTIGATION', 'AWAITING_TRIAL', 'CLOSED'] as const),
          date: r.chance(0.8) ? partialDateAround(r, startMs + r.next() * (NOW - startMs), EVENT_PRECISIONS) : null,
        }
      : null
    const earliest = sortEvents(statusEvents)[0]
    const opened = earliest && r.chance(0.9) ? earliest.date : null
    const provisional = deriveCaseStatus(statusEvents, override)
    const closed = FINAL_STATUSES.has(provisional.status) && provisional.asOf && r.chance(0.6) ? provisional.asOf : null
    const derived = deriveColumns(statusEvents, override, opened, closed)
    const status = derived.status

    // The case row
    const createdMs = Math.max(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + ((NOW - Date.UTC(2024, 0, 1)) * id) / this.params.cases - 5 * DAY_MS)
    const published = r.chance(0.98)
    const lastName = names[0]!.split(' ')[1]!
    const title = defendantCount === 1 ? (r.chance(0.5) ? `Case against ${names[0]}` : `Prosecution of ${names[0]}`) : `${names[0]} and others`
    const o = dateColumns(opened)
    const c = dateColumns(closed)
    const ov = dateColumns(override?.date ?? null)
    this.w.insert('Case', {
      id,
      slug: `${slugify(`${jurisdiction} ${lastName} ${new Date(startMs).getUTCFullYear()}`)}-${id}`,
      title,
      kind,
      jurisdiction,
      authorityId: r.chance(0.85) ? court.id : null,
      caseNumber: r.chance(0.6) ? `${r.int(1000, 9999)}-${new Date(startMs).getUTCFullYear()}-${r.int(10, 99)}` : null,
      summary: `${names.join(', ')} ${defendantCount > 1 ? 'were' : 'was'} prosecuted in ${jurisdiction} after ${r.pick(['social media posts', 'a peaceful protest', 'an interview', 'reporting on corruption', 'organising a petition'])}. ${r.pick(QUOTES)}`,
      openedAt: o.at,
      openedPrecision: o.precision,
      openedApprox: o.approx,
      closedAt: c.at,
      closedPrecision: c.precision,
      closedApprox: c.approx,
      statusOverride: override?.status ?? null,
      statusOverrideAt: ov.at,
      statusOverridePrecision: ov.precision,
      statusOverrideApprox: ov.approx,
      status,
      statusAt: derived.statusAt,
      statusPrecision: derived.statusPrecision,
      statusApprox: derived.statusApprox,
      lastEventId: derived.lastEventId,
      lastEventAt: derived.lastEventAt,
      firstYear: derived.firstYear,
      lastYear: derived.lastYear,
      publishedAt: published ? sqlDateTime(createdMs + 3 * DAY_MS) : null,
      createdAt: sqlDateTime(createdMs),
      updatedAt: sqlDateTime(createdMs + 3 * DAY_MS),
    })
    const lastMs = events.length ? Math.max(...events.map((e) => e.ms)) : startMs
    this.cite({ caseId: id, field: 'summary' }, lastMs)
    if (derived.statusAt && r.chance(0.5)) this.cite({ caseId: id, field: 'status' }, Date.parse(derived.statusAt))

    // Parties and charges
    const convicted = status === 'CONVICTED' || status === 'PLEA_DEAL' || status === 'APPEAL_PENDING' || status === 'APPEAL_DECIDED' || status === 'SENTENCE_SERVED'
    const detained = events.some((e) => e.kind === 'DETENTION')
    const exiled = events.find((e) => e.kind === 'EXILE')
    const disposition: ChargeDisposition = status === 'ACQUITTED' ? 'ACQUITTED' : status === 'DROPPED' ? 'DROPPED' : status === 'PLEA_DEAL' ? 'PLEA_DEAL' : convicted ? 'CONVICTED' : 'PENDING'
    const dispositionDate = disposition === 'PENDING' ? null : dateColumns(events.find((e) => e.id === derived.statusEventId)?.date ?? null)
    const provisions = this.provisionsByJurisdiction.get(jurisdiction)!
    const addDefendant = (personId: number | null, organisationId: number | null) => {
      const situation: DefendantSituation | null = organisationId ? null : exiled ? 'IN_EXILE' : convicted && r.chance(0.7) ? 'IMPRISONED' : detained && disposition === 'PENDING' ? 'DETAINED' : 'AT_LIBERTY'
      const situationDate = situation ? dateColumns(events.at(-1)?.date ?? null) : dateColumns(null)
      const partyId = ++this.ids.party
      this.w.insert('Party', {
        id: partyId,
        caseId: id,
        personId,
        organisationId,
        role: 'DEFENDANT',
        outcome: convicted ? (status === 'PLEA_DEAL' ? 'Convicted on a plea deal' : 'Convicted') : disposition === 'PENDING' ? null : disposition.toLowerCase(),
        situation,
        situationAt: situationDate.at,
        situationPrecision: situationDate.precision,
        situationApprox: situationDate.approx,
        note: '',
      })
      if (r.chance(0.3)) this.cite({ partyId }, lastMs)
      const chargeCount = r.chance(0.55) ? 1 : r.chance(0.65) ? 2 : 3
      for (let i = 0; i < chargeCount; i++) {
        const provision = r.chance(0.95) ? provisions[r.skewedIndex(provisions.length)]! : null
        const chargeId = ++this.ids.charge
        this.w.insert('Charge', {
          id: chargeId,
          caseId: id,
          partyId,
          provisionId: provision?.id ?? null,
          description: provision ? provision.title : 'Offence not named in the sources',
          disposition,
          dispositionAt: dispositionDate?.at ?? null,
          dispositionPrecision: dispositionDate?.precision ?? null,
          dispositionApprox: dispositionDate?.approx ?? 0,
        })
        if (r.chance(0.25)) this.cite({ chargeId }, lastMs)
      }
    }
    for (const personId of defendantPeople) addDefendant(personId, null)
    if (orgDefendant) addDefendant(null, orgDefendant.id)
    const other = (role: PartyRole, personId: number) =>
      this.w.insert('Party', {
        id: ++this.ids.party,
        caseId: id,
        personId,
        organisationId: null,
        role,
        outcome: null,
        situation: null,
        situationAt: null,
        situationPrecision: null,
        situationApprox: 0,
        note: '',
      })
    other('LAWYER', 1 + r.skewedIndex(this.lawyers, 3))
    if (r.chance(0.3)) other('JUDGE', this.lawyers + 1 + r.skewedIndex(this.officials))
    if (r.chance(0.2)) other('PROSECUTOR', this.lawyers + 1 + r.skewedIndex(this.officials))

    // Events and their citations
    for (const e of events) {
      const d = dateColumns(e.date)
      const who = e.personIndex === null ? null : names[e.personIndex]!
      this.w.insert('Event', {
        id: e.id,
        caseId: id,
        personId: null,
        kind: e.kind,
        occurredAt: d.at!,
        precision: e.date.precision,
        approx: d.approx,
        title: `${EVENT_KIND_LABELS[e.kind]}${who ? `: ${who}` : e.kind === 'HEARING' || e.kind === 'VERDICT' ? ` at ${court.name}` : ''}`,
        description: r.chance(0.6) ? r.pick(QUOTES) : '',
        statusAfter: e.statusAfter,
      })
      this.cite({ eventId: e.id }, e.ms)
      if (r.chance(0.4)) this.cite({ eventId: e.id }, e.ms)
    }
    // A dated fact about a defendant's life, outside the case (caseId null).
    if (r.chance(0.15)) {
      const personId = defendantPeople[0]!
      const ms = Math.min(NOW, lastMs + r.int(30, 700) * DAY_MS)
      const date = partialDateAround(r, ms, EVENT_PRECISIONS)
      const eventId = ++this.ids.event
      this.w.insert('Event', {
        id: eventId,
        caseId: null,
        personId,
        kind: r.chance(0.5) ? 'EXILE' : 'OTHER',
        occurredAt: sqlDateTime(date.at),
        precision: date.precision,
        approx: bool(date.approx),
        title: `${names[0]} leaves the country`,
        description: '',
        statusAfter: null,
      })
      this.cite({ eventId }, ms)
    }

    // Sources that disagree (a date, a charge), on a few cases.
    if (events.length && r.chance(0.02)) {
      const about = r.pick(events)
      const conflictId = ++this.ids.conflict
      this.w.insert('Conflict', { id: conflictId, caseId: id, eventId: about.id, subject: `The date of the ${EVENT_KIND_LABELS[about.kind].toLowerCase()}`, note: '' })
      const preferred = r.int(0, 2)
      for (let position = 0; position < 2; position++) {
        const versionId = ++this.ids.version
        this.w.insert('ConflictVersion', {
          id: versionId,
          conflictId,
          statement: `${formatDay(about.ms + position * 7 * DAY_MS)}`,
          preferred: bool(preferred === position),
          position,
        })
        this.cite({ conflictVersionId: versionId }, about.ms)
      }
    }

    // Related cases (an appeal, the same facts, a UN review of a national case).
    if (id > 1 && r.chance(kind === 'INTERNATIONAL' ? 0.8 : 0.03)) {
      const relationKind: CaseRelationKind = kind === 'INTERNATIONAL' ? 'INTERNATIONAL_REVIEW_OF' : r.chance(0.5) ? 'RELATED' : r.chance(0.5) ? 'SAME_FACTS' : 'APPEAL_OF'
      this.w.insert('CaseRelation', { id: ++this.ids.relation, fromCaseId: id, toCaseId: r.int(Math.max(1, id - 500), id - 1), kind: relationKind, note: '' })
    }
    // An old slug that still redirects.
    if (r.chance(0.01)) {
      this.w.insert('SlugRedirect', { id: ++this.ids.redirect, entity: 'CASE', oldSlug: `case-${id}-${slugify(lastName)}`, targetId: id, createdAt: sqlDateTime(createdMs) })
    }
  }
}

function formatDay(ms: number): string {
  return `It happened on ${new Date(Math.min(ms, NOW)).toISOString().slice(0, 10)}.`
}

// ---------------------------------------------------------------------------
// Building, caching, verifying

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
export const TMP_DIR = path.join(BENCH_DIR, '.tmp')

/** What the cached file depends on: parameters, migrations, and the generator's own code. */
async function cacheKey(params: SyntheticParams): Promise<string> {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(params))
  const migrations = await readMigrationsList(DEFAULT_MIGRATIONS_DIR)
  for (const m of migrations.migrationDirectories) {
    hash.update(m.path)
    hash.update(m.migrationFile.content.tag === 'ok' ? m.migrationFile.content.value : '')
  }
  for (const file of ['synthetic-db.ts', 'synthetic-content.ts', 'prng.ts']) hash.update(readFileSync(path.join(BENCH_DIR, file)))
  // The domain logic the derived columns come from.
  for (const file of ['lib/domain/case-status.ts', 'lib/domain/partial-date.ts', 'lib/domain/fold-name.ts']) hash.update(readFileSync(file))
  return hash.digest('hex').slice(0, 12)
}

export type SyntheticDb = {
  path: string
  url: string
  params: SyntheticParams
  /** False when a cached file was reused. */
  generated: boolean
  /** How long building the file took (when it was built, for a cached file). */
  generatedInMs: number
  counts: Record<string, number>
  sizeBytes: number
}

/** Kept next to the database file: what a reused file contains and how long it took to build. */
type Manifest = { generatedInMs: number; counts: Record<string, number> }

function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

function tableCounts(db: Database.Database): Record<string, number> {
  const tables = ['Case', 'Event', 'Citation', 'Source', 'Person', 'Alias', 'Party', 'Charge', 'Organisation', 'LegalProvision', 'CaseRelation', 'Conflict', 'ConflictVersion', 'SlugRedirect']
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]))
}

/**
 * Returns the synthetic database for these parameters, building it if no cached copy
 * exists (or `rebuild`). The build goes to a temporary name and is renamed when
 * complete and verified, so an interrupted build never leaves a half-filled cache.
 */
export async function ensureSyntheticDb(params: SyntheticParams, { rebuild = false, log = console.log }: { rebuild?: boolean; log?: (line: string) => void } = {}): Promise<SyntheticDb> {
  const key = await cacheKey(params)
  const stem = `synthetic-${params.cases}`
  const file = path.join(TMP_DIR, `${stem}-${key}.db`)
  const url = `file:${file}`

  const manifestFile = `${file}.json`
  if (!rebuild && existsSync(file) && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
    return { path: file, url, params, generated: false, ...manifest, sizeBytes: statSync(file).size }
  }

  // Older builds of the same size are superseded by this one.
  if (existsSync(TMP_DIR)) {
    for (const name of readdirSync(TMP_DIR)) {
      if (!name.startsWith(`${stem}-`) || !name.endsWith('.db')) continue
      removeDatabaseFile(path.join(TMP_DIR, name))
      rmSync(path.join(TMP_DIR, `${name}.json`), { force: true })
    }
  }
  const building = `${file}.building`
  removeDatabaseFile(building)
  const started = performance.now()
  log(`Generating a synthetic database with ${params.cases.toLocaleString('en')} cases → ${path.relative(process.cwd(), file)}`)
  await applyMigrations(`file:${building}`)

  const db = new Database(building)
  try {
    // A throwaway file being filled in one go: no journal, no fsync. Foreign keys are
    // checked once at the end instead of per row (Case and Event refer to each other).
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('foreign_keys = OFF')
    db.pragma('cache_size = -262144')
    db.pragma('temp_store = MEMORY')

    // Filling tables without their secondary indexes and building those afterwards is
    // several times faster. The exact CREATE INDEX statements are kept from
    // sqlite_master and replayed, so the schema stays what the migrations made.
    const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE '\\_prisma%' ESCAPE '\\'`).all() as { name: string; sql: string }[]
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`)

    const generator = new Generator(db, params)
    db.transaction(() => generator.run())()
    const filled = performance.now()
    log(`  rows written in ${((filled - started) / 1000).toFixed(1)} s`)

    db.transaction(() => {
      for (const index of indexes) db.exec(index.sql)
    })()
    const problems = db.prepare('PRAGMA foreign_key_check').all()
    if (problems.length) throw new Error(`Synthetic database violates foreign keys: ${JSON.stringify(problems.slice(0, 5))}`)
    db.exec('ANALYZE')
    db.pragma('journal_mode = WAL')
    log(`  indexes, foreign-key check and ANALYZE in ${((performance.now() - filled) / 1000).toFixed(1)} s`)
  } finally {
    db.close()
  }

  await verifyAgainstApp(building, log)
  renameSync(building, file)
  removeDatabaseFile(building)
  const generatedInMs = performance.now() - started

  const check = new Database(file, { readonly: true })
  let counts: Record<string, number>
  try {
    counts = tableCounts(check)
  } finally {
    check.close()
  }
  writeFileSync(manifestFile, `${JSON.stringify({ generatedInMs, counts } satisfies Manifest, null, 2)}\n`)
  return { path: file, url, params, generated: true, generatedInMs, counts, sizeBytes: statSync(file).size }
}

const DERIVED_COLUMNS = ['status', 'statusAt', 'statusPrecision', 'statusApprox', 'lastEventId', 'lastEventAt', 'firstYear', 'lastYear', 'updatedAt'] as const

/**
 * Runs the app's refreshCaseDerived (lib/editing/case-derived.ts) through Prisma on a
 * sample of cases, passing each case's own updatedAt as "now", and compares the raw
 * stored text before and after. Identical bytes prove both that the generator derives
 * the columns like the app does and that it writes dates in Prisma's format.
 */
async function verifyAgainstApp(file: string, log: (line: string) => void): Promise<void> {
  const { createPrismaClient } = await import('@/lib/db/client')
  const { refreshCaseDerived } = await import('@/lib/editing/case-derived')
  const raw = new Database(file, { readonly: true })
  const prisma = createPrismaClient(`file:${file}`)
  try {
    const total = (raw.prepare('SELECT max(id) AS n FROM "Case"').get() as { n: number }).n
    const overridden = raw.prepare('SELECT id FROM "Case" WHERE statusOverride IS NOT NULL LIMIT 20').all() as { id: number }[]
    const sample = new Set([...Array.from({ length: 180 }, (_, i) => 1 + Math.floor((i * total) / 180)), ...overridden.map((o) => o.id)])
    const read = raw.prepare(`SELECT ${DERIVED_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "Case" WHERE id = ?`)
    for (const id of sample) {
      const before = read.get(id) as Record<string, unknown>
      await refreshCaseDerived(prisma, id, new Date(String(before.updatedAt)))
      const after = read.get(id) as Record<string, unknown>
      const differs = DERIVED_COLUMNS.filter((c) => before[c] !== after[c])
      if (differs.length) {
        throw new Error(`Synthetic case ${id} differs from what refreshCaseDerived stores: ` + differs.map((c) => `${c} ${JSON.stringify(before[c])} ≠ ${JSON.stringify(after[c])}`).join('; '))
      }
    }
    log(`  derived columns and date format match the app's refreshCaseDerived on ${sample.size} sampled cases`)
  } finally {
    await prisma.$disconnect()
    raw.close()
  }
  // Fold the WAL back into the file before it is renamed.
  const db = new Database(file)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}
