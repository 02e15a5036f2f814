// The XSS half of the attack battery (issue 8): hostile text in every text field of
// every kind of record, on every page that shows the field — public pages for an
// anonymous reader, editor pages for a signed-in editor, the audit log and user list
// for an admin — and through the real editor forms. Each page load asserts that
// nothing ran and nothing became markup (tests/e2e/support/xss-checks.ts).
//
// How it samples, to stay within a minute or so on two cores:
//  - Database path: EVERY payload (support/xss-payloads.ts: 164) goes into EVERY text
//    field (FIELDS: 44, every text column of every kind of record). The payloads make
//    WORLD_COUNT batches (1: fewer, fuller pages are cheaper than more, emptier ones —
//    measured, 29 s against 51 s for 2); each batch is one "world" — a published case
//    with a defendant, aliases, an authority, a party organisation, a provision, a
//    charge, an event, a life event, a conflict, a related case, citations of one
//    source on all of them — written with the factories, and each of the world's text
//    fields holds the whole batch, one payload after another, behind a marker naming
//    the field. One page load thus checks every payload in every field the page shows:
//    31 pages (VIEWS: every public page and every editor page showing a record or a
//    part of one), 31 loads for 164 × 44 payload-fields. Each page must show the markers
//    of the fields VIEWS lists for it, so the list cannot quietly go stale. Where a page
//    cuts text short (a meta description, a 40-character label) it sees only the first
//    payloads of a field: each field's list starts at a different payload. The 20
//    address payloads also each get a source of their own whose address (url and
//    archive url) is the payload alone: 20 source pages, the editor's source list, and
//    the first world's case page (its sources).
//  - Reflected text: every payload as a dashboard `status` filter (answered “Ignored
//    status …”), as many to an address as fit in 8 KB (2 loads); REFLECTED_SAMPLE (6)
//    payloads, seeded, in every other dashboard parameter at once and in the editor
//    list's `q`, `notice` and `rev` (12 loads).
//  - Forms: FORM_SAMPLE (12) payloads, seeded, typed into 12 fields of the real editor
//    forms (6 saves), then 8 pages showing them, the history and its diffs included.
//  - Audit log and users: 10 payloads as the X-Forwarded-For and User-Agent of anonymous
//    sign-in attempts, 10 as account names and 2 as roles, on the admin's pages.
// The hostile records are removed afterwards (pass or fail): other specs render the
// dashboard and the editor's menus, which would otherwise list them.
import { type Browser, type BrowserContext, type Page } from '@playwright/test'
import {
  createCase,
  createCaseRelation,
  createCitation,
  createConflict,
  createOrganisation,
  createPerson,
  createPersonEvent,
  createProvision,
  createSource,
  uniqueToken,
  type CreatedCase,
} from '../support/factories'
import { day } from '@/lib/domain/partial-date'
import { createUser } from '../support/users'
import { expect, test } from './support/db'
import { serverActionId } from './support/editor'
import { addToCase, dateInput, editRecord, openAddForm, pick, signInAsEditor, tick } from './support/editor-forms'
import { multipart, rawRequest } from './support/raw-http'
import { addSessionCookie, adminWithTotpCookieValue, signedInCookieValue } from './support/sessions'
import { armContext, inspect, problemsOf, shownText, watch } from './support/xss-checks'
import { ADDRESS_PAYLOADS, ALL_PAYLOADS, describeHit, expand, GENERAL_PAYLOADS, type Payload } from './support/xss-payloads'
import type { PrismaClient } from '@/lib/generated/prisma/client'

const WORLD_COUNT = 1
const FORM_SAMPLE = 12
const REFLECTED_SAMPLE = 6

// ---------------------------------------------------------------------------
// The text fields of every kind of record, numbered (the number is part of each hit id).

const FIELDS = [
  'case.title',
  'case.summary',
  'case.caseNumber',
  'case.jurisdiction',
  'person.name',
  'person.description',
  'alias.name',
  'alias.script',
  'authority.name',
  'authority.description',
  'authorityAlias.name',
  'partyOrg.name',
  'partyOrg.description',
  'provision.jurisdiction',
  'provision.code',
  'provision.article',
  'provision.part',
  'provision.title',
  'provision.description',
  'defendant.outcome',
  'defendant.sentence',
  'defendant.note',
  'partyOrg.note',
  'charge.description',
  'event.title',
  'event.description',
  'lifeEvent.title',
  'lifeEvent.description',
  'source.title',
  'source.publisher',
  'source.authors',
  'source.url',
  'source.archiveUrl',
  'source.publishedAsPrinted',
  'source.dateNote',
  'source.text',
  'source.description',
  'source.language',
  'citation.quote',
  'citation.locator',
  'conflict.subject',
  'conflict.note',
  'conflictVersion.statement',
  'relation.note',
] as const
type Field = (typeof FIELDS)[number]
const FIELD_NO = new Map<Field, number>(FIELDS.map((f, i) => [f, i + 1]))
const FIELD_NAMES = new Map<number, string>(FIELDS.map((f, i) => [i + 1, f]))

/** A world's marker for a field: plain letters and digits, so that it survives every page's formatting. */
const marker = (run: string, world: number, field: Field) => `xss${run}w${world}f${FIELD_NO.get(field)}x`

function batches(payloads: Payload[], count: number): Payload[][] {
  const out: Payload[][] = Array.from({ length: count }, () => [])
  payloads.forEach((p, i) => out[i % count]!.push(p))
  // A different first payload per field and world, for the pages that cut text short.
  return out
}

const rotate = <T>(list: T[], by: number) => list.map((_, i) => list[(i + by) % list.length]!)

type World = {
  no: number
  run: string
  value: (field: Field) => string
  case: CreatedCase
  related: { id: number; slug: string }
  person: { id: number; slug: string }
  authority: { id: number; slug: string }
  partyOrg: { id: number; slug: string }
  provision: { id: number; slug: string }
  source: { id: number }
  parts: Record<'alias' | 'authorityAlias' | 'event' | 'lifeEvent' | 'charge' | 'defendantParty' | 'orgParty' | 'citation' | 'conflict' | 'conflictVersion' | 'relation', number>
}

/** Writes one world: every text field holds `batch`, behind the field's marker. */
async function buildWorld(db: PrismaClient, run: string, no: number, batch: Payload[]): Promise<World> {
  const value = (field: Field) => {
    const fieldNo = FIELD_NO.get(field)!
    const text = rotate(batch, fieldNo % batch.length)
      .map((p) => expand(p, fieldNo))
      .join(' ')
    return `${marker(run, no, field)} ${text}`
  }
  // Addresses are kept address-shaped at the start, so that the source links are real links with the payloads inside.
  const address = (field: Field, host: string) => `https://${host}/${marker(run, no, field)}/${value(field).slice(marker(run, no, field).length + 1)}`

  const authority = await createOrganisation(db, { name: value('authority.name'), description: value('authority.description'), kind: 'COURT', aliases: [{ name: value('authorityAlias.name') }] })
  const partyOrg = await createOrganisation(db, { name: value('partyOrg.name'), description: value('partyOrg.description'), kind: 'NGO' })
  const person = await createPerson(db, { name: value('person.name'), description: value('person.description'), aliases: [{ name: value('alias.name'), script: value('alias.script') }] })
  const provision = await createProvision(db, {
    jurisdiction: value('provision.jurisdiction'),
    code: value('provision.code'),
    article: value('provision.article'),
    part: value('provision.part'),
    title: value('provision.title'),
    description: value('provision.description'),
  })
  const source = await createSource(db, {
    title: value('source.title'),
    publisher: value('source.publisher'),
    url: address('source.url', 'news.example.org'),
    archiveUrl: address('source.archiveUrl', 'archive.example.org'),
    publishedAsPrinted: value('source.publishedAsPrinted'),
    language: value('source.language'),
    text: value('source.text'),
  })
  await db.source.update({ where: { id: source.id }, data: { authors: value('source.authors'), dateNote: value('source.dateNote'), description: value('source.description') } })
  const cite = { sourceId: source.id, quote: value('citation.quote'), locator: value('citation.locator') }
  const c = await createCase(db, {
    title: value('case.title'),
    summary: value('case.summary'),
    caseNumber: value('case.caseNumber'),
    jurisdiction: value('case.jurisdiction'),
    authorityId: authority.id,
    opened: day(2031, 1, no),
    defendant: { personId: person.id },
    defendantOutcome: { outcome: value('defendant.outcome'), sentence: value('defendant.sentence') },
    parties: [{ organisationId: partyOrg.id, role: 'PROSECUTOR', note: value('partyOrg.note'), citations: [cite] }],
    charges: [{ provisionId: provision.id, description: value('charge.description'), citations: [cite] }],
    events: [{ kind: 'CHARGE', date: day(2031, 2, no), title: value('event.title'), description: value('event.description'), citations: [cite] }],
    summaryCitations: [cite],
    statusCitations: [cite],
  })
  const defendantParty = c.defendant!.partyId
  await db.party.update({ where: { id: defendantParty }, data: { note: value('defendant.note') } })
  await createCitation(db, { partyId: defendantParty }, cite)
  const lifeEvent = await createPersonEvent(db, person.id, { kind: 'EXILE', date: day(2031, 3, no), title: value('lifeEvent.title'), description: value('lifeEvent.description'), citations: [cite] })
  for (const target of [
    { personId: person.id, field: 'description' as const },
    { organisationId: authority.id, field: 'description' as const },
    { organisationId: partyOrg.id, field: 'description' as const },
    { provisionId: provision.id },
  ]) {
    await createCitation(db, target, cite)
  }
  const conflict = await createConflict(db, {
    caseId: c.id,
    eventId: c.eventIds[0]!,
    subject: value('conflict.subject'),
    note: value('conflict.note'),
    versions: [
      { statement: value('conflictVersion.statement'), preferred: true, citations: [cite] },
      { statement: `Second version ${marker(run, no, 'conflictVersion.statement')}`, citations: [cite] },
    ],
  })
  const related = await createCase(db, { title: `Related case ${run}-${no}`, opened: day(2031, 1, no), defendant: null })
  const relation = await createCaseRelation(db, { fromCaseId: c.id, toCaseId: related.id, kind: 'SAME_FACTS', note: value('relation.note') })
  const [alias, authorityAlias, citation] = await Promise.all([
    db.alias.findFirstOrThrow({ where: { personId: person.id }, select: { id: true } }),
    db.alias.findFirstOrThrow({ where: { organisationId: authority.id }, select: { id: true } }),
    db.citation.findFirstOrThrow({ where: { caseId: c.id, field: 'summary' }, select: { id: true } }),
  ])
  const orgParty = c.partyIds.find((id) => id !== defendantParty)!
  return {
    no,
    run,
    value,
    case: c,
    related,
    person,
    authority,
    partyOrg,
    provision,
    source,
    parts: {
      alias: alias.id,
      authorityAlias: authorityAlias.id,
      event: c.eventIds[0]!,
      lifeEvent: lifeEvent.id,
      charge: c.chargeIds[0]!,
      defendantParty,
      orgParty,
      citation: citation.id,
      conflict: conflict.id,
      conflictVersion: conflict.versionIds[0]!,
      relation: relation.id,
    },
  }
}

// ---------------------------------------------------------------------------
// Which page shows which field. Each page must show these fields' markers (in its
// text, attributes or form values); every page, whatever it shows, must be clean.

const CASE_FIELDS: Field[] = [
  'case.title',
  'case.summary',
  'case.caseNumber',
  'case.jurisdiction',
  'person.name',
  'authority.name',
  'partyOrg.name',
  'provision.code',
  'provision.article',
  'provision.part',
  'provision.jurisdiction',
  'provision.title',
  'defendant.outcome',
  'defendant.sentence',
  'defendant.note',
  'partyOrg.note',
  'charge.description',
  'event.title',
  'event.description',
  'source.title',
  'source.publisher',
  'source.url',
  'source.archiveUrl',
  'citation.quote',
  'citation.locator',
  'conflict.subject',
  'conflict.note',
  'conflictVersion.statement',
  'relation.note',
]

type View = { name: string; path: (w: World) => string; shows: Field[]; as: 'reader' | 'editor' }

const SOURCE_LINKS: Field[] = ['source.title', 'source.publisher', 'source.url', 'source.archiveUrl', 'citation.quote', 'citation.locator']
const PROVISION_NAME: Field[] = ['provision.jurisdiction', 'provision.code', 'provision.article', 'provision.part', 'provision.title']
const DASHBOARD: Field[] = ['case.title', 'case.jurisdiction', 'person.name', 'event.title', ...PROVISION_NAME]

const VIEWS: View[] = [
  { name: 'case page', as: 'reader', path: (w) => `/cases/${w.case.slug}`, shows: CASE_FIELDS },
  { name: 'related case page', as: 'reader', path: (w) => `/cases/${w.related.slug}`, shows: ['case.title', 'relation.note'] },
  { name: 'dashboard search', as: 'reader', path: (w) => `/?q=${marker(w.run, w.no, 'case.title')}`, shows: DASHBOARD },
  { name: 'site search', as: 'reader', path: (w) => `/search?q=${marker(w.run, w.no, 'case.title')}`, shows: ['case.title'] },
  { name: 'dashboard by person', as: 'reader', path: (w) => `/?person=${w.person.slug}`, shows: DASHBOARD },
  { name: 'dashboard by provision', as: 'reader', path: (w) => `/?provision=${w.provision.slug}`, shows: DASHBOARD },
  {
    name: 'person page',
    as: 'reader',
    path: (w) => `/people/${w.person.slug}`,
    shows: ['person.name', 'person.description', 'alias.name', 'alias.script', 'lifeEvent.title', 'lifeEvent.description', 'case.title', 'defendant.outcome', 'defendant.sentence', ...SOURCE_LINKS],
  },
  { name: 'authority page', as: 'reader', path: (w) => `/organisations/${w.authority.slug}`, shows: ['authority.name', 'authority.description', 'authorityAlias.name', 'case.title', ...SOURCE_LINKS] },
  { name: 'party organisation page', as: 'reader', path: (w) => `/organisations/${w.partyOrg.slug}`, shows: ['partyOrg.name', 'partyOrg.description', 'case.title', ...SOURCE_LINKS] },
  { name: 'provision page', as: 'reader', path: (w) => `/provisions/${w.provision.slug}`, shows: [...PROVISION_NAME, 'provision.description', 'case.title', 'person.name', ...SOURCE_LINKS] },
  {
    name: 'source page',
    as: 'reader',
    path: (w) => `/sources/${w.source.id}`,
    shows: [
      'source.title',
      'source.publisher',
      'source.authors',
      'source.url',
      'source.archiveUrl',
      'source.publishedAsPrinted',
      'source.dateNote',
      'source.description',
      'source.language',
      'citation.quote',
      'citation.locator',
      // What each citation supports, named.
      'case.title',
      'person.name',
      'authority.name',
      'partyOrg.name',
      ...PROVISION_NAME,
      'event.title',
      'lifeEvent.title',
      'conflict.subject',
      'conflictVersion.statement',
    ],
  },
  {
    name: 'editor case workspace',
    as: 'editor',
    path: (w) => `/editor/cases/${w.case.id}`,
    shows: [
      'case.title',
      'case.summary',
      'case.caseNumber',
      'case.jurisdiction',
      'person.name',
      'authority.name',
      'partyOrg.name',
      'defendant.outcome',
      'defendant.sentence',
      'provision.code',
      'provision.article',
      'provision.part',
      'provision.title',
      'event.title',
      'conflict.subject',
      'conflictVersion.statement',
      'source.title',
      'source.publisher',
      'citation.quote',
      'citation.locator',
    ],
  },
  { name: 'editor case preview', as: 'editor', path: (w) => `/editor/cases/${w.case.id}/preview`, shows: CASE_FIELDS },
  { name: 'editor case list', as: 'editor', path: (w) => `/editor/records/case?q=${marker(w.run, w.no, 'case.title')}`, shows: ['case.title', 'case.jurisdiction'] },
  { name: 'editor person list', as: 'editor', path: (w) => `/editor/records/person?q=${marker(w.run, w.no, 'person.name')}`, shows: ['person.name'] },
  { name: 'editor organisation list', as: 'editor', path: (w) => `/editor/records/organisation?q=${marker(w.run, w.no, 'authority.name')}`, shows: ['authority.name'] },
  { name: 'editor provision list', as: 'editor', path: (w) => `/editor/records/provision?q=${marker(w.run, w.no, 'provision.title')}`, shows: PROVISION_NAME },
  { name: 'editor source list', as: 'editor', path: (w) => `/editor/records/source?q=${marker(w.run, w.no, 'source.title')}`, shows: ['source.title', 'source.publisher', 'source.url'] },
  {
    name: 'editor person',
    as: 'editor',
    path: (w) => `/editor/records/person/${w.person.id}`,
    shows: ['person.name', 'person.description', 'alias.name', 'alias.script', 'lifeEvent.title', 'citation.quote', 'citation.locator', 'source.title', 'source.publisher'],
  },
  {
    name: 'editor authority',
    as: 'editor',
    path: (w) => `/editor/records/organisation/${w.authority.id}`,
    shows: ['authority.name', 'authority.description', 'authorityAlias.name', 'citation.quote', 'citation.locator', 'source.title', 'source.publisher'],
  },
  {
    name: 'editor provision',
    as: 'editor',
    path: (w) => `/editor/records/provision/${w.provision.id}`,
    shows: [...PROVISION_NAME, 'provision.description', 'citation.quote', 'citation.locator', 'source.title', 'source.publisher'],
  },
  {
    name: 'editor source',
    as: 'editor',
    path: (w) => `/editor/records/source/${w.source.id}`,
    shows: ['source.title', 'source.publisher', 'source.authors', 'source.url', 'source.archiveUrl', 'source.publishedAsPrinted', 'source.dateNote', 'source.text', 'source.description', 'source.language'],
  },
  { name: 'editor alias', as: 'editor', path: (w) => `/editor/records/alias/${w.parts.alias}`, shows: ['alias.name', 'alias.script'] },
  {
    name: 'editor defendant party',
    as: 'editor',
    path: (w) => `/editor/records/party/${w.parts.defendantParty}`,
    // The sentence is a decision's (the workspace lists it under its stage), not the
    // party's. The "who" picker shows the chosen name, not every person and organisation.
    shows: ['defendant.outcome', 'defendant.note', 'person.name'],
  },
  { name: 'editor organisation party', as: 'editor', path: (w) => `/editor/records/party/${w.parts.orgParty}`, shows: ['partyOrg.note', 'partyOrg.name'] },
  {
    name: 'editor charge',
    as: 'editor',
    path: (w) => `/editor/records/charge/${w.parts.charge}`,
    shows: ['charge.description', 'person.name', 'provision.code', 'provision.article', 'provision.part', 'provision.title'],
  },
  { name: 'editor event', as: 'editor', path: (w) => `/editor/records/event/${w.parts.event}`, shows: ['event.title', 'event.description'] },
  { name: 'editor life event', as: 'editor', path: (w) => `/editor/records/event/${w.parts.lifeEvent}`, shows: ['lifeEvent.title', 'lifeEvent.description'] },
  {
    name: 'editor citation',
    as: 'editor',
    path: (w) => `/editor/records/citation/${w.parts.citation}`,
    shows: [
      'citation.quote',
      'citation.locator',
      'source.title',
      'source.publisher',
      'event.title',
      'person.name',
      'partyOrg.name',
      'provision.code',
      'provision.article',
      'provision.part',
      'conflict.subject',
      'conflictVersion.statement',
    ],
  },
  { name: 'editor conflict', as: 'editor', path: (w) => `/editor/records/conflict/${w.parts.conflict}`, shows: ['conflict.subject', 'conflict.note', 'event.title'] },
  { name: 'editor conflict version', as: 'editor', path: (w) => `/editor/records/conflictVersion/${w.parts.conflictVersion}`, shows: ['conflictVersion.statement', 'conflict.subject'] },
  { name: 'editor relation', as: 'editor', path: (w) => `/editor/records/relation/${w.parts.relation}`, shows: ['relation.note'] },
]

// ---------------------------------------------------------------------------

/** One page load to check: as whom, where, and the markers it must show. */
type Job = { as: 'reader' | 'editor' | 'admin'; label: string; path: string; mustShow?: string[] }

/** Hit ids in a problem, named by field and payload. */
const explain = (problem: string) => problem.replace(/\b(\d{4,6})\b/, (id) => `${id} = ${describeHit(Number(id), FIELD_NAMES)}`)

/** Loads `path`, lets it hydrate, and returns what is wrong with it, and which of `mustShow` it lacks. */
async function visit(page: Page, job: Job): Promise<{ problems: string[]; missing: string[] }> {
  const seen = watch(page)
  try {
    const response = await page.goto(job.path, { waitUntil: 'load' })
    const problems: string[] = []
    if (!response || response.status() >= 400) problems.push(`answered ${response?.status()}`)
    // An injected handler of a failed image or an animation fires within a frame or two of load.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 30)))))
    problems.push(...problemsOf(await inspect(page), seen))
    const mustShow = job.mustShow ?? []
    const text = mustShow.length ? await shownText(page) : ''
    return { problems: problems.map(explain), missing: mustShow.filter((m) => !text.includes(m)) }
  } finally {
    seen.stop()
  }
}

type Identity = { as: Job['as']; sessionValue: string | null }

/** The two identities most jobs run as: an anonymous reader and a signed-in editor. */
async function readerAndEditor(db: Parameters<typeof signedInCookieValue>[0], editor: Parameters<typeof signedInCookieValue>[1]): Promise<Identity[]> {
  return [
    { as: 'reader', sessionValue: null },
    { as: 'editor', sessionValue: await signedInCookieValue(db, editor) },
  ]
}

/**
 * Runs `jobs` on `parallel` tabs per identity (page loads wait on the network as much as
 * on the CPU: three at a time, two beside another spec's worker, beat one on two cores). Returns every
 * problem and every missing marker, prefixed by the job's label.
 */
async function runJobs(browser: Browser, baseURL: string, identities: Identity[], jobs: Job[], parallel = test.info().config.workers === 1 ? 3 : 2): Promise<{ failures: string[]; missing: string[] }> {
  const contexts: BrowserContext[] = []
  const pages = new Map<Job['as'], Page[]>()
  for (const identity of identities) {
    const context = await browser.newContext()
    contexts.push(context)
    await armContext(context)
    if (identity.sessionValue) await addSessionCookie(context, baseURL, identity.sessionValue)
    pages.set(identity.as, await Promise.all(Array.from({ length: parallel }, () => context.newPage())))
  }
  const failures: string[] = []
  const missing: string[] = []
  const queue = [...jobs]
  await Promise.all(
    Array.from({ length: parallel }, async (_, lane) => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const result = await visit(pages.get(job.as)![lane]!, job)
        failures.push(...result.problems.map((p) => `${job!.label} (${job!.path.slice(0, 80)}): ${p}`))
        missing.push(...result.missing.map((m) => `${job!.label}: does not show ${FIELD_NAMES.get(Number(/f(\d+)x$/.exec(m)?.[1])) ?? m}`))
      }
    }),
  )
  await Promise.all(contexts.map((c) => c.close()))
  return { failures, missing }
}

type Written = { cases?: number[]; people?: number[]; organisations?: number[]; provisions?: number[]; sources?: number[]; users?: string[] }

/**
 * Removes what a test wrote to show hostile text, whether it passed or not, so that no
 * other spec renders it afterwards (the dashboard lists recent cases and every
 * jurisdiction, every editor form's menus every person and source). The database's
 * foreign keys cascade from cases to their parts and from people to their aliases and
 * life events; citations go with what they cite.
 */
async function removeWritten(db: PrismaClient, w: Written): Promise<void> {
  await db.case.deleteMany({ where: { id: { in: w.cases ?? [] } } })
  await db.person.deleteMany({ where: { id: { in: w.people ?? [] } } })
  await db.organisation.deleteMany({ where: { id: { in: w.organisations ?? [] } } })
  await db.legalProvision.deleteMany({ where: { id: { in: w.provisions ?? [] } } })
  await db.citation.deleteMany({ where: { sourceId: { in: w.sources ?? [] } } })
  await db.source.deleteMany({ where: { id: { in: w.sources ?? [] } } })
  await db.user.deleteMany({ where: { id: { in: w.users ?? [] } } })
}

test('every payload in every text field, written to the database, is inert on every page that shows the field', async ({ browser, db, baseURL }) => {
  test.setTimeout(180_000)
  const run = uniqueToken().replace(/[^a-z0-9]/g, '')
  // Some payloads hold a NUL, a lone surrogate or bidi controls: stored as they are.
  const worlds: World[] = []
  const addressSources: { id: number; no: number }[] = []
  try {
    await checkWorlds(db, browser, baseURL!, run, worlds, addressSources)
  } finally {
    await removeWritten(db, {
      cases: worlds.flatMap((w) => [w.case.id, w.related.id]),
      people: worlds.map((w) => w.person.id),
      organisations: worlds.flatMap((w) => [w.authority.id, w.partyOrg.id]),
      provisions: worlds.map((w) => w.provision.id),
      sources: [...worlds.map((w) => w.source.id), ...addressSources.map((s) => s.id)],
    })
  }
})

async function checkWorlds(db: PrismaClient, browser: Browser, baseURL: string, run: string, worlds: World[], addressSources: { id: number; no: number }[]): Promise<void> {
  for (const [i, batch] of batches(ALL_PAYLOADS, WORLD_COUNT).entries()) worlds.push(await buildWorld(db, run, i + 1, batch))

  // Each address payload on its own, as a source's address, cited by the first world's case.
  const urlOf = (p: Payload) => expand(p, FIELD_NO.get('source.url')!)
  await db.citation.deleteMany({ where: { source: { url: { in: ADDRESS_PAYLOADS.map(urlOf) } } } })
  await db.source.deleteMany({ where: { url: { in: ADDRESS_PAYLOADS.map(urlOf) } } })
  for (const p of ADDRESS_PAYLOADS) {
    const s = await createSource(db, { title: `Address source ${run} ${p.no}`, url: urlOf(p), archiveUrl: expand(p, FIELD_NO.get('source.archiveUrl')!) })
    await createCitation(db, { caseId: worlds[0]!.case.id, field: 'summary' }, { sourceId: s.id, quote: `Address payload ${p.no}` })
    addressSources.push({ id: s.id, no: p.no })
  }

  const jobs: Job[] = worlds.flatMap((w) => VIEWS.map((v) => ({ as: v.as, label: `world ${w.no}, ${v.name}`, path: v.path(w), mustShow: v.shows.map((f) => marker(run, w.no, f)) })))
  // The address payloads: each on its own source page (a link only for http(s)), all of
  // them on the first world's case page (its list of sources) and in the editor's list.
  for (const s of addressSources) jobs.push({ as: 'reader', label: `address payload ${s.no}, source page`, path: `/sources/${s.id}`, mustShow: [`Address source ${run} ${s.no}`] })
  jobs.push({
    as: 'editor',
    label: 'address payloads, editor source list',
    path: `/editor/records/source?q=${encodeURIComponent(`Address source ${run}`)}`,
    mustShow: addressSources.map((s) => `Address source ${run} ${s.no}`),
  })
  const editor = await createUser(db, { role: 'editor' })
  const { failures, missing } = await runJobs(browser, baseURL, await readerAndEditor(db, editor), jobs)
  expect(missing, 'fields missing from pages said to show them (a page lost a field, or VIEWS is out of date)').toEqual([])
  expect(failures).toEqual([])
}

// ---------------------------------------------------------------------------
// Through the real editor forms: what an editor types is saved, re-rendered in the
// forms, the history and its diffs, and on the public pages, as text.

/** mulberry32: a fixed seed gives the same sample on every run. */
function seeded(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `n` of `list`, drawn without repeats by a seeded shuffle. */
function sample<T>(list: T[], n: number, seed: number): T[] {
  const random = seeded(seed)
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy.slice(0, n)
}

// What a form refuses to store (control characters, half a surrogate pair): not typeable.
// eslint-disable-next-line no-control-regex
const typeable = (p: Payload) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDFFF]/.test(p.template)

test('hostile text typed by an editor is shown as text on the public pages, never run', async ({ page, db }) => {
  const token = uniqueToken()
  const editor = await createUser(db, { role: 'editor' })
  const source = await createSource(db)
  await signInAsEditor(page, editor)
  const name = `Mallory <img src=x onerror="window.__xss='name'"> ${token}`
  await page.goto('/editor/records/person/new')
  const form = page.getByTestId('record-form-person')
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Description').fill(`</p><script>window.__xss='description'</script>`)
  await form.getByRole('button', { name: 'Create person' }).click()
  await expect(page.getByTestId('save-notice')).toHaveText('Created the person.')
  const aliasForm = await openAddForm(page, 'Add an alias')
  await aliasForm.getByLabel('Name as written').fill(`"><svg onload="window.__xss='alias'">`)
  await aliasForm.getByLabel('Script or language').fill('Latn')
  await aliasForm.getByLabel('Kind of name').selectOption('OTHER')
  await aliasForm.getByRole('button', { name: 'Add alias' }).click()
  await expect(page.getByTestId('save-notice')).toHaveText('Created the alias.')
  const citeForm = await openAddForm(page, 'Cite a source for the description')
  await pick(citeForm, 'Source', { text: source.title, value: String(source.id) })
  await citeForm.getByLabel('Quote').fill(`<iframe src="javascript:window.__xss='quote'"></iframe>`)
  await citeForm.getByRole('button', { name: 'Add citation' }).click()
  await expect(page.getByTestId('save-notice')).toHaveText('Created the citation.')

  const person = await db.person.findFirstOrThrow({ where: { name } })
  expect(source.id).toBeGreaterThan(0)
  // A person is public once a published case names them.
  await createCase(db, { defendant: { personId: person.id } })
  await page.goto(`/people/${person.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByText(`"><svg onload="window.__xss='alias'">`)).toBeVisible()
  await expect(page.getByText(`</p><script>window.__xss='description'</script>`)).toBeVisible()
  // The page's own schema.org data block aside (inspect() checks that it stays escaped JSON).
  expect(await page.locator('main img, main svg[onload], main iframe, main script:not([type="application/ld+json"])').count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined()
})

test(`a sample of ${FORM_SAMPLE} payloads typed into the editor's forms is inert in the forms, the history, its diffs and the public pages`, async ({ browser, db, baseURL }) => {
  test.setTimeout(120_000)
  const run = uniqueToken().replace(/[^a-z0-9]/g, '')
  const picked = sample(GENERAL_PAYLOADS.filter(typeable), FORM_SAMPLE, 8)
  // Each form field gets one picked payload, behind a marker (`xss<run>form<n>x`); the hit id is 90000 + n*1000 + payload.
  const source = await createSource(db, { title: `Form source ${run}` })
  const person = await createPerson(db, { name: `Form defendant ${run}` })
  const c = await createCase(db, { title: `Form case ${run}`, defendant: { personId: person.id }, opened: day(2031, 5, 1) })
  try {
    await typeAndCheck(db, browser, baseURL!, run, picked, { source, person, c })
  } finally {
    await removeWritten(db, { cases: [c.id], people: [person.id], sources: [source.id] })
  }
})

async function typeAndCheck(
  db: PrismaClient,
  browser: Browser,
  baseURL: string,
  run: string,
  picked: Payload[],
  { source, person, c }: { source: { id: number; title: string }; person: { id: number }; c: CreatedCase },
): Promise<void> {
  const typed = (n: number, max = 200) => {
    const p = picked[n % picked.length]!
    return `xss${run}form${n}x ${p.template.replaceAll('¤', String(90_000 + n * 1000 + p.no)).replaceAll('§', `__xss.push(${90_000 + n * 1000 + p.no})`)}`.slice(0, max)
  }
  const editor = await createUser(db, { role: 'editor' })
  const context = await browser.newContext()
  await armContext(context)
  const page = await context.newPage()
  await signInAsEditor(page, editor)

  await editRecord(
    page,
    'case',
    c.id,
    async (f) => {
      await f.getByLabel('Title').fill(typed(0))
      await f.getByLabel('Summary', { exact: true }).fill(typed(1, 5000))
      await f.getByLabel('Case number').fill(typed(2, 100))
      await f.getByLabel('Edit summary').fill(typed(3, 500))
    },
    'Saved the case.',
  )
  await editRecord(
    page,
    'person',
    person.id,
    async (f) => {
      await f.getByLabel('Name').fill(typed(4))
      await f.getByLabel('Description').fill(typed(5, 5000))
    },
    'Saved the person.',
  )
  await addToCase(
    page,
    c.id,
    'Add an event',
    async (f) => {
      await f.getByLabel('Kind of event').selectOption('HEARING')
      await dateInput(f, 'Date').fill('2 June 2031')
      await f.getByLabel('Title', { exact: false }).first().fill(typed(6, 300))
      await f.getByLabel('Description').fill(typed(7, 5000))
    },
    'Created the event.',
  )
  await addToCase(
    page,
    c.id,
    'Add a charge',
    async (f) => {
      await tick(f, 'partyIds', String(c.defendant!.partyId))
      await f.getByLabel('Outcome of the charge').selectOption('PENDING')
      await f.getByLabel('The offence as the sources describe it').fill(typed(8, 1000))
    },
    'Created the charge.',
  )
  await addToCase(
    page,
    c.id,
    'Add a citation',
    async (f) => {
      await tick(f, 'targets', 'case:summary')
      await pick(f, 'Source', { text: source.title, value: String(source.id) })
      await f.getByLabel('Quote').fill(typed(9, 1000))
      await f.getByLabel('Where in the source').fill(typed(10, 200))
    },
    'Created the citation.',
  )
  // A second edit of the title: the history diffs the first hostile title against the second.
  await editRecord(page, 'case', c.id, (f) => f.getByLabel('Title').fill(typed(11)), 'Saved the case.')
  await context.close()

  const slug = (await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { slug: true } })).slug
  const personSlug = (await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { slug: true } })).slug
  const marks = (...ns: number[]) => ns.map((n) => `xss${run}form${n}x`)
  const jobs: Job[] = [
    { as: 'reader', label: 'form path, case page', path: `/cases/${slug}`, mustShow: marks(11, 1, 2, 4, 6, 7, 8, 9, 10) },
    { as: 'reader', label: 'form path, person page', path: `/people/${personSlug}`, mustShow: marks(4, 5, 11) },
    { as: 'reader', label: 'form path, dashboard search', path: `/?q=xss${run}form11x`, mustShow: marks(11, 4, 6) },
    { as: 'editor', label: 'form path, case workspace', path: `/editor/cases/${c.id}`, mustShow: marks(11, 1, 2, 4, 6, 9) },
    { as: 'editor', label: 'form path, case history', path: `/editor/records/case/${c.id}/history`, mustShow: marks(0, 11, 1, 2, 3) },
    { as: 'editor', label: 'form path, person history', path: `/editor/records/person/${person.id}/history`, mustShow: marks(4, 5) },
    { as: 'editor', label: 'form path, editor home (recent changes)', path: '/editor', mustShow: marks(11) },
    { as: 'editor', label: 'form path, person form', path: `/editor/records/person/${person.id}`, mustShow: marks(4, 5) },
  ]
  const { failures, missing } = await runJobs(browser, baseURL, await readerAndEditor(db, editor), jobs)
  expect(missing).toEqual([])
  expect(failures).toEqual([])
}

// ---------------------------------------------------------------------------
// Reflected: addresses whose query the page repeats (“Ignored status …”, the search box).

/** encodeURIComponent, but half a surrogate pair (which it refuses) becomes U+FFFD, as a browser would send it. */
const encodeQuery = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))

test('payloads in the query of an address are shown as text, never run: every payload as a dashboard filter, a sample in every other reflected parameter', async ({ browser, db, baseURL }) => {
  test.setTimeout(120_000)
  // As many payloads to an address as fit in 8 KB, percent-encoded: half Node's request-head limit.
  const jobs: Job[] = []
  let chunk: Payload[] = []
  const flush = () => {
    if (!chunk.length) return
    jobs.push({
      as: 'reader',
      label: `dashboard status filter, payloads ${chunk[0]!.no}–${chunk.at(-1)!.no}`,
      path: `/?${chunk.map((p) => `status=${encodeQuery(expand(p, 80))}`).join('&')}`,
      mustShow: ['Ignored status'],
    })
    chunk = []
  }
  for (const p of ALL_PAYLOADS) {
    if (chunk.map((c) => encodeQuery(expand(c, 80)).length + 8).reduce((a, b) => a + b, 0) + encodeQuery(expand(p, 80)).length > 8_000) flush()
    chunk.push(p)
  }
  flush()
  for (const p of sample(ALL_PAYLOADS, REFLECTED_SAMPLE, 81)) {
    const v = (field: number) => encodeQuery(expand(p, field))
    jobs.push({
      as: 'reader',
      label: `dashboard parameters, payload ${p.no}`,
      path: `/?q=${v(81)}&kind=${v(82)}&sort=${v(83)}&person=${v(84)}&provision=${v(85)}&year=${v(86)}&jurisdiction=${v(87)}&page=${v(88)}`,
      mustShow: ['Ignored kind'],
    })
    jobs.push({ as: 'editor', label: `editor list search and notice, payload ${p.no}`, path: `/editor/records/person?q=${v(89)}&notice=${v(90)}&rev=${v(91)}` })
  }
  const editor = await createUser(db, { role: 'editor' })
  const { failures, missing } = await runJobs(browser, baseURL!, await readerAndEditor(db, editor), jobs)
  expect(missing).toEqual([])
  expect(failures).toEqual([])
})

// ---------------------------------------------------------------------------
// For admins: what anyone can try to put in the audit log (a forged address and browser
// with a failed sign-in), and what a script could put in an account (its name, its role).

test('payloads an anonymous visitor plants in the audit log, and in account names and roles, are inert for an admin', async ({ browser, db, baseURL }) => {
  test.setTimeout(120_000)
  const run = uniqueToken().replace(/[^a-z0-9]/g, '')
  // Header values: printable ASCII only, and no comma (the log keeps the first address of X-Forwarded-For).
  const headerSafe = ALL_PAYLOADS.filter((p) => /^[\x20-\x7e]*$/.test(p.template) && !p.template.includes(','))
  const planted = sample(headerSafe, 10, 95)
  const signIn = serverActionId('signInAction')
  for (const [i, p] of planted.entries()) {
    const text = `xss${run}ip${i}x ${expand(p, 92)}`
    const { body, contentType } = multipart([
      ['_1_email', `xss${run}-${i}@example.org`],
      ['_1_password', 'not-the-password'],
      ['0', '["$undefined","$K1"]'],
    ])
    const response = await rawRequest(baseURL!, {
      method: 'POST',
      path: '/sign-in',
      headers: { 'content-type': contentType, 'next-action': signIn, accept: 'text/x-component', 'x-forwarded-for': text, 'user-agent': expand(p, 93) },
      body,
    })
    expect(response.status, `sign-in attempt ${i}`).toBeLessThan(500)
  }
  // The forged X-Forwarded-For never reaches the log: the address is the connection's (server/main.mjs).
  expect(await db.auditLog.count({ where: { ip: { startsWith: `xss${run}ip` } } })).toBe(0)
  expect(await db.auditLog.count({ where: { detail: { contains: `xss${run}-` }, ip: '127.0.0.1' } })).toBe(planted.length)

  const named = sample(ALL_PAYLOADS, 10, 96)
  const hostileUsers: string[] = []
  try {
    for (const [i, p] of named.entries()) {
      const user = await createUser(db, { role: 'editor' })
      hostileUsers.push(user.id)
      await db.user.update({ where: { id: user.id }, data: { name: `xss${run}name${i}x ${expand(p, 94)}`, ...(i < 2 ? { role: `xss${run}role${i}x ${expand(p, 95)}` } : {}) } })
    }
    const admin = await createUser(db, { role: 'admin' })
    const jobs: Job[] = [
      { as: 'admin', label: 'audit log', path: '/editor/audit', mustShow: planted.map((_, i) => `xss${run}-${i}@example.org`) },
      { as: 'admin', label: 'users', path: '/editor/users', mustShow: [...named.map((_, i) => `xss${run}name${i}x`), `xss${run}role0x`, `xss${run}role1x`] },
    ]
    const { failures, missing } = await runJobs(browser, baseURL!, [{ as: 'admin', sessionValue: await adminWithTotpCookieValue(db, admin) }], jobs, 2)
    expect(missing).toEqual([])
    expect(failures).toEqual([])
  } finally {
    // (The audit log is append-only: its planted entries stay, as text.)
    await removeWritten(db, { users: hostileUsers })
  }
})
