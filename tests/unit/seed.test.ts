// The seed data (prisma/seed/) on a real, migrated SQLite database: what readers will
// see must be cited, quoted verbatim, dated no finer than the sources, and written
// exactly once however often the seed runs.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrismaClient, type PrismaClient } from '@/lib/db/client'
import { applyMigrations } from '@/lib/db/migrations'
import { nameSearchKey } from '@/lib/domain/fold-name'
import { CASES, ORGANISATIONS, PEOPLE, PERSON_EVENTS, PROVISIONS, SOURCES, type Cite } from '@/prisma/seed/bilash'
import { checkQuote } from '@/lib/domain/quote-match'
import { articleParagraphs, normaliseQuote, readSourceText, seedDatabase, type SeedResult } from '@/prisma/seed/index'

// The seed's own database, not the shared per-test copy: these tests read one seeded
// state in turn and then seed it again.
let dir: string
let prisma: PrismaClient
let first: SeedResult

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-seed-test-'))
  const url = `file:${path.join(dir, 'seed.db')}`
  await applyMigrations(url)
  prisma = createPrismaClient(url)
  first = await seedDatabase(prisma)
})

afterAll(async () => {
  await prisma?.$disconnect()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Every table, whole rows in id order: equal snapshots mean an identical database. */
async function snapshot() {
  const byId = { orderBy: { id: 'asc' } } as const
  const tables = {
    person: await prisma.person.findMany(byId),
    alias: await prisma.alias.findMany(byId),
    organisation: await prisma.organisation.findMany(byId),
    legalProvision: await prisma.legalProvision.findMany(byId),
    source: await prisma.source.findMany(byId),
    case: await prisma.case.findMany(byId),
    caseRelation: await prisma.caseRelation.findMany(byId),
    party: await prisma.party.findMany(byId),
    charge: await prisma.charge.findMany(byId),
    event: await prisma.event.findMany(byId),
    citation: await prisma.citation.findMany(byId),
    conflict: await prisma.conflict.findMany(byId),
    conflictVersion: await prisma.conflictVersion.findMany(byId),
    slugRedirect: await prisma.slugRedirect.findMany(byId),
  }
  const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]))
  return { tables, counts }
}

async function caseBySlug(slug: string) {
  return prisma.case.findUniqueOrThrow({
    where: { slug },
    select: {
      id: true,
      status: true,
      statusAt: true,
      statusPrecision: true,
      openedAt: true,
      openedPrecision: true,
      events: { select: { kind: true, occurredAt: true, precision: true, approx: true } },
    },
  })
}

/** Every citation written in the seed data, found wherever it sits. */
function allSeedCites(): Cite[] {
  const found: Cite[] = []
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk)
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      if ('source' in value && 'quote' in value && 'locator' in value) found.push(value as Cite)
      else Object.values(value).forEach(walk)
    }
  }
  walk([PEOPLE, ORGANISATIONS, PROVISIONS, CASES, PERSON_EVENTS])
  return found
}

const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10)

describe('seedDatabase', () => {
  it('creates the sources, people, organisations, provisions and all six cases on an empty database', () => {
    expect(first.created).toBe(true)
    expect(first.counts).toMatchObject({
      sources: Object.keys(SOURCES).length,
      people: Object.keys(PEOPLE).length,
      organisations: Object.keys(ORGANISATIONS).length,
      provisions: Object.keys(PROVISIONS).length,
      cases: CASES.length,
      personEvents: PERSON_EVENTS.length,
    })
  })

  it('gives every seed case the status its events (or its override) derive', async () => {
    const expected: Record<string, string> = {
      'bilash-2019-inciting-discord': 'PLEA_DEAL',
      'un-wgad-bilash-opinion-2020': 'DECIDED',
      'bilash-2020-art-174-blue-flag-speech': 'DROPPED',
      'bilash-2020-art-389-atajurt-accounts': 'INVESTIGATION',
      'bilash-2020-unregistered-organisation-fine': 'CONVICTED',
      'kusmankyzy-2020-embezzlement': 'CONVICTED',
    }
    const cases = await prisma.case.findMany({ select: { slug: true, status: true, publishedAt: true, lastEventId: true } })
    expect(Object.fromEntries(cases.map((c) => [c.slug, c.status]))).toEqual(expected)
    for (const c of cases) {
      expect(c.publishedAt, c.slug).not.toBeNull()
      expect(c.lastEventId, c.slug).not.toBeNull()
    }

    // The art. 389 case has no closing event: the February 2021 reports keep it open.
    const open = await prisma.case.findUniqueOrThrow({
      where: { slug: 'bilash-2020-art-389-atajurt-accounts' },
      select: { statusOverride: true, statusAt: true, statusPrecision: true, citations: { select: { field: true } } },
    })
    expect(open).toMatchObject({ statusOverride: 'INVESTIGATION', statusPrecision: 'MONTH' })
    expect(iso(open.statusAt)).toBe('2021-02-01')
    expect(open.citations.some((c) => c.field === 'status')).toBe(true)

    const dropped = await caseBySlug('bilash-2020-art-174-blue-flag-speech')
    expect([iso(dropped.statusAt), dropped.statusPrecision]).toEqual(['2020-05-27', 'DAY'])
  })

  it('cites every event, case summary, party outcome, charge, conflict version and description', async () => {
    const uncitedEvents = await prisma.event.findMany({ where: { citations: { none: {} } }, select: { title: true } })
    expect(uncitedEvents).toEqual([])
    expect(await prisma.event.count({ where: { caseId: null } })).toBe(PERSON_EVENTS.length)

    const cases = await prisma.case.findMany({ select: { slug: true, citations: { select: { field: true } } } })
    for (const c of cases)
      expect(
        c.citations.map((x) => x.field),
        c.slug,
      ).toContain('summary')

    const parties = await prisma.party.findMany({
      select: { outcome: true, situation: true, citations: { select: { field: true } } },
    })
    for (const p of parties) {
      const fields = p.citations.map((c) => c.field)
      expect(p.citations.length).toBeGreaterThan(0)
      if (p.outcome) expect(fields).toContain('outcome')
      if (p.situation) expect(fields).toContain('situation')
    }
    // Every stage and every decision (with its sentence) cites a source.
    expect(await prisma.stage.count()).toBeGreaterThan(0)
    expect(await prisma.stage.count({ where: { citations: { none: {} } } })).toBe(0)
    expect(await prisma.stageDecision.count({ where: { citations: { none: {} } } })).toBe(0)

    expect(await prisma.charge.count({ where: { citations: { none: {} } } })).toBe(0)
    expect(await prisma.conflictVersion.count({ where: { citations: { none: {} } } })).toBe(0)
    expect(await prisma.person.count({ where: { citations: { none: {} } } })).toBe(0)
    expect(await prisma.organisation.count({ where: { citations: { none: {} } } })).toBe(0)
    expect(await prisma.legalProvision.count({ where: { citations: { none: {} } } })).toBe(0)
  })

  it('stores every quote verbatim from its source, short', async () => {
    const citations = await prisma.citation.findMany({ select: { quote: true, source: { select: { title: true, text: true } } } })
    expect(citations.length).toBeGreaterThan(100)
    for (const c of citations) {
      expect(normaliseQuote(c.source.text), `${c.source.title}: ${c.quote}`).toContain(normaliseQuote(c.quote))
      // The editor's check agrees: no demo citation is flagged.
      expect(checkQuote(c.quote, c.source.text), `${c.source.title}: ${c.quote}`).toBe('found')
      expect(c.quote.split(/\s+/).length, c.quote).toBeLessThanOrEqual(32)
    }
  })

  it('points every "para. N" locator at the paragraph that holds the quote', () => {
    const cites = allSeedCites()
    expect(cites.length).toBeGreaterThan(100)
    for (const c of cites) {
      const text = readSourceText(SOURCES[c.source])
      const match = /^para\. (\d+)$/.exec(c.locator)
      if (!match) {
        // Headline, standfirst, author note: outside the body, so only checked to exist.
        expect(normaliseQuote(text), c.quote).toContain(normaliseQuote(c.quote))
        continue
      }
      const paragraph = articleParagraphs(text, SOURCES[c.source].body)[Number(match[1]) - 1]
      expect(normaliseQuote(paragraph ?? ''), `${c.source} ${c.locator}: ${c.quote}`).toContain(normaliseQuote(c.quote))
    }
  })

  it('keeps both versions of the April 2020 charges, each cited, neither preferred', async () => {
    const conflict = await prisma.conflict.findFirstOrThrow({
      where: { case: { slug: 'bilash-2020-art-174-blue-flag-speech' }, subject: { contains: 'April 2020' } },
      select: {
        event: { select: { kind: true } },
        versions: {
          orderBy: { position: 'asc' },
          select: { statement: true, preferred: true, citations: { select: { source: { select: { publisher: true } } } } },
        },
      },
    })
    expect(conflict.event?.kind).toBe('INVESTIGATION_OPENED')
    expect(conflict.versions).toHaveLength(2)
    const [rferl, art174] = conflict.versions
    expect(rferl!.statement).toMatch(/desecration of the state flag/)
    expect(rferl!.citations.map((c) => c.source.publisher)).toContain(SOURCES.rferl.publisher)
    expect(art174!.statement).toMatch(/article 174/)
    expect(art174!.citations.length).toBeGreaterThan(0)
    expect(conflict.versions.map((v) => v.preferred)).toEqual([false, false])
  })

  it('dates nothing finer than its source does', async () => {
    const eventOf = async (slug: string, kind: string) => {
      const found = (await caseBySlug(slug)).events.filter((e) => e.kind === kind)
      expect(found, `${slug} ${kind}`).toHaveLength(1)
      const [e] = found
      return [iso(e!.occurredAt), e!.precision, e!.approx]
    }
    expect(await eventOf('bilash-2019-inciting-discord', 'ARREST')).toEqual(['2019-03-10', 'DAY', false])
    expect(await eventOf('bilash-2019-inciting-discord', 'VERDICT')).toEqual(['2019-08-01', 'MONTH', false])
    expect(await eventOf('bilash-2020-art-174-blue-flag-speech', 'INVESTIGATION_OPENED')).toEqual(['2020-04-01', 'MONTH', false])
    expect(await eventOf('bilash-2020-art-174-blue-flag-speech', 'CASE_TERMINATED')).toEqual(['2020-05-27', 'DAY', false])
    expect(await eventOf('bilash-2020-unregistered-organisation-fine', 'VERDICT')).toEqual(['2020-08-18', 'DAY', false])
    expect(await eventOf('kusmankyzy-2020-embezzlement', 'VERDICT')).toEqual(['2020-01-19', 'DAY', false])
    expect(await eventOf('un-wgad-bilash-opinion-2020', 'INTERNATIONAL_OPINION')).toEqual(['2020-11-01', 'MONTH', false])

    const opened = await caseBySlug('bilash-2020-art-174-blue-flag-speech')
    expect([iso(opened.openedAt), opened.openedPrecision]).toEqual(['2020-04-01', 'MONTH'])

    const lives = await prisma.event.findMany({ where: { caseId: null }, select: { title: true, occurredAt: true, precision: true } })
    const life = Object.fromEntries(lives.map((e) => [e.title, [iso(e.occurredAt), e.precision]]))
    expect(life['Moves from Xinjiang to Kazakhstan']).toEqual(['2000-01-01', 'YEAR'])
    expect(life['Receives Kazakh citizenship']).toEqual(['2011-01-01', 'YEAR'])
    expect(life['Misses his father’s funeral']).toEqual(['2020-11-01', 'MONTH'])
  })

  it('records the printed source dates and how they were read', async () => {
    const sources = await prisma.source.findMany({
      select: { publisher: true, publishedAsPrinted: true, publishedAt: true, publishedPrecision: true, publishedApprox: true, dateNote: true },
    })
    const read = Object.fromEntries(sources.map((s) => [s.publishedAsPrinted ?? `${s.publisher} (undated)`, [iso(s.publishedAt), s.publishedPrecision, s.publishedApprox]]))
    expect(read).toEqual({
      'MARCH 11, 2019, 1:18 PM': ['2019-03-11', 'DAY', false],
      '13/01/2020': ['2021-01-13', 'DAY', true],
      '04/02/2021': ['2021-02-04', 'DAY', false],
      '02/05/2021': ['2021-02-05', 'DAY', false],
      [`${SOURCES.rferl.publisher} (undated)`]: [undefined, null, false],
    })
    const misdated = sources.find((s) => s.publishedAsPrinted === '13/01/2020')
    expect(misdated?.dateNote).toMatch(/November 2020/)
  })

  it('finds people and organisations by the spellings the sources use', async () => {
    const aliases = await prisma.alias.findMany({ select: { name: true, nameFolded: true } })
    const names = aliases.map((a) => a.name)
    for (const name of ['Ayman Umarova', 'Shynkuat Bayzhanov', 'Laila Adilzhan', 'Tokayev', 'Saltanat Kusman', 'Atazhurt Eriktileri']) {
      expect(names).toContain(name)
    }
    for (const a of aliases) expect(a.nameFolded).toBe(nameSearchKey(a.name))
    // Two organisations share the Atajurt name; slugs tell them apart.
    const atajurts = await prisma.organisation.findMany({ where: { name: { startsWith: 'Atajurt' } }, select: { slug: true } })
    expect(atajurts.map((o) => o.slug).sort()).toEqual(['atajurt-eriktileri', 'atajurt-government-registered'])
  })

  it('charges the article only where the sources name one', async () => {
    const charges = await prisma.charge.findMany({
      select: { description: true, disposition: true, case: { select: { slug: true } }, provision: { select: { article: true } } },
    })
    const bySlug = Object.fromEntries(charges.map((c) => [c.case.slug, [c.provision?.article ?? null, c.disposition]]))
    expect(bySlug).toEqual({
      'bilash-2019-inciting-discord': ['174', 'PLEA_DEAL'],
      'bilash-2020-art-174-blue-flag-speech': ['174', 'DROPPED'],
      'bilash-2020-art-389-atajurt-accounts': ['389', 'PENDING'],
      'bilash-2020-unregistered-organisation-fine': [null, 'CONVICTED'],
      'kusmankyzy-2020-embezzlement': [null, 'CONVICTED'],
    })
    expect(charges.find((c) => c.case.slug === 'kusmankyzy-2020-embezzlement')?.description).toBe('embezzlement')
  })

  it('relates the UN opinion to the 2019 case and the 2020 case to Kusmankyzy’s', async () => {
    const relations = await prisma.caseRelation.findMany({
      select: { kind: true, fromCase: { select: { slug: true } }, toCase: { select: { slug: true } } },
    })
    const read = relations.map((r) => `${r.fromCase.slug} ${r.kind} ${r.toCase.slug}`)
    expect(read).toContain('un-wgad-bilash-opinion-2020 INTERNATIONAL_REVIEW_OF bilash-2019-inciting-discord')
    expect(read).toContain('bilash-2020-art-174-blue-flag-speech RELATED kusmankyzy-2020-embezzlement')
  })

  it('writes nothing when run again: every table and every updatedAt unchanged', async () => {
    const before = await snapshot()
    // A later clock would show in any timestamp the second run wrote.
    const second = await seedDatabase(prisma, { now: new Date('2031-01-01T00:00:00Z') })
    const after = await snapshot()
    expect(second.created).toBe(false)
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true)
    expect(after.counts).toEqual(before.counts)
    expect(after.tables.case.map((c) => c.updatedAt)).toEqual(before.tables.case.map((c) => c.updatedAt))
    expect(after.tables).toEqual(before.tables)
  })

  it('leaves records an editor has changed as they are, and restores only what is missing', async () => {
    await prisma.person.update({ where: { slug: 'serikzhan-bilash' }, data: { description: 'Edited by an editor.' } })
    const removed = await prisma.case.delete({ where: { slug: 'kusmankyzy-2020-embezzlement' }, select: { id: true } })
    const before = await snapshot()

    const again = await seedDatabase(prisma)

    expect(again.counts).toMatchObject({ cases: 1, caseRelations: 1, people: 0, sources: 0 })
    const bilash = await prisma.person.findUniqueOrThrow({ where: { slug: 'serikzhan-bilash' }, select: { description: true } })
    expect(bilash.description).toBe('Edited by an editor.')
    const restored = await prisma.case.findUniqueOrThrow({
      where: { slug: 'kusmankyzy-2020-embezzlement' },
      select: { id: true, status: true, _count: { select: { parties: true, events: true, charges: true } } },
    })
    expect(restored.id).not.toBe(removed.id)
    expect(restored).toMatchObject({ status: 'CONVICTED', _count: { parties: 3, events: 1, charges: 1 } })
    // Every other case is untouched.
    const after = await snapshot()
    const others = (rows: typeof before.tables.case) => rows.filter((c) => c.slug !== 'kusmankyzy-2020-embezzlement')
    expect(others(after.tables.case)).toEqual(others(before.tables.case))
  })
})
