// Writes the seed data (./bilash.ts) in one transaction, idempotently.
//
// Idempotent by natural keys: a source by title + publisher (or URL), a person,
// organisation or case by slug, a provision by jurisdiction + code + article + part,
// a case relation by its two cases and kind. A record that already exists is left
// exactly as it is, never updated: an editor may have corrected it since. A record's
// children (a case's parties, charges, events, citations and conflicts; a person's
// aliases, description citations and life events) are written only together with the
// record, so a second run writes nothing and bumps no `updatedAt`.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import { refreshCaseDerived } from '@/lib/editing/case-derived'
import { cleanUrl } from '@/lib/domain/canonical-url'
import { aliasesWithSearchKeys, nameSearchKey } from '@/lib/domain/fold-name'
import type { PartialDate } from '@/lib/domain/partial-date'
import {
  CASES,
  ORGANISATIONS,
  PEOPLE,
  PERSON_EVENTS,
  PROVISIONS,
  RELATIONS,
  SOURCES,
  type CaseSeed,
  type Cite,
  type OrganisationKey,
  type OrganisationSeed,
  type PersonSeed,
  type ProvisionSeed,
  type PersonKey,
  type ProvisionKey,
  type SourceKey,
  type SourceSeed,
} from './bilash'

type Tx = Prisma.TransactionClient

const SOURCES_DIR = fileURLToPath(new URL('./sources/', import.meta.url))

export const SEED_TABLES = ['sources', 'people', 'organisations', 'provisions', 'cases', 'caseRelations', 'personEvents'] as const
export type SeedCounts = Record<(typeof SEED_TABLES)[number], number>
export type SeedResult = { created: boolean; counts: SeedCounts }

// ---------------------------------------------------------------------------
// Source text helpers (also used by the tests)

export function readSourceText(source: Pick<SourceSeed, 'file'>): string {
  return readFileSync(SOURCES_DIR + source.file, 'utf8')
}

/** Quotes are compared ignoring whitespace runs and the typography of quote marks. */
function normaliseChar(ch: string): string {
  if (ch === '‘' || ch === '’') return "'"
  if (ch === '“' || ch === '”') return '"'
  return ch
}

export function normaliseQuote(text: string): string {
  return [...text].map(normaliseChar).join('').replace(/\s+/g, ' ').trim()
}

/**
 * The passage of `text` that `quote` reproduces, exactly as the source prints it
 * (its own quote marks and spacing), or an error: a quote not in its source must
 * never reach the database.
 */
export function verbatimPassage(text: string, quote: string): string {
  // Normalise `text` while remembering where each normalised character came from.
  let normalised = ''
  const origin: number[] = []
  let inSpace = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      if (!inSpace) {
        normalised += ' '
        origin.push(i)
      }
      inSpace = true
      continue
    }
    inSpace = false
    normalised += normaliseChar(ch)
    origin.push(i)
  }
  const wanted = normaliseQuote(quote)
  const at = normalised.indexOf(wanted)
  if (!wanted || at === -1) throw new Error(`Quote not found in its source: “${quote}”`)
  return text.slice(origin[at], origin[at + wanted.length - 1]! + 1)
}

/**
 * The article body's paragraphs, numbered from 1 by their index + 1, as the "para. N"
 * locators count them: one per non-empty line from the body's first line to the line
 * it ends before, leaving out photo captions and subheadings.
 */
export function articleParagraphs(text: string, body: SourceSeed['body']): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const start = lines.findIndex((l) => l.startsWith(body.startsWith))
  if (start === -1) throw new Error(`Article body start not found: “${body.startsWith}”`)
  const endsBefore = body.endsBefore
  const end = endsBefore === null ? lines.length : lines.findIndex((l, i) => i > start && l.startsWith(endsBefore))
  if (end === -1) throw new Error(`Article body end not found: “${endsBefore}”`)
  const skip = new Set<string>(body.skipLines)
  return lines.slice(start, end).filter((l) => !skip.has(l))
}

// ---------------------------------------------------------------------------
// Writing

const dateColumns = <P extends string>(prefix: P, d: PartialDate | null | undefined) =>
  ({
    [`${prefix}At`]: d?.at ?? null,
    [`${prefix}Precision`]: d?.precision ?? null,
    [`${prefix}Approx`]: d?.approx ?? false,
  }) as Record<`${P}At`, Date | null> & Record<`${P}Precision`, PartialDate['precision'] | null> & Record<`${P}Approx`, boolean>

type CitationTarget = Partial<Record<'caseId' | 'eventId' | 'chargeId' | 'partyId' | 'stageId' | 'decisionId' | 'personId' | 'organisationId' | 'provisionId' | 'conflictVersionId', number>>

class SeedWriter {
  readonly counts: SeedCounts = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as SeedCounts
  private readonly sourceIds = new Map<SourceKey, number>()
  private readonly personIds = new Map<PersonKey, number>()
  private readonly organisationIds = new Map<OrganisationKey, number>()
  private readonly provisionIds = new Map<ProvisionKey, number>()
  private readonly caseIds = new Map<string, number>()
  private readonly texts = new Map<SourceKey, string>()
  /** People created by this run: only they get the seed's life events. */
  private readonly newPeople = new Set<PersonKey>()

  constructor(
    private readonly tx: Tx,
    private readonly now: Date,
  ) {}

  private text(key: SourceKey): string {
    let text = this.texts.get(key)
    if (text === undefined) {
      text = readSourceText(SOURCES[key])
      this.texts.set(key, text)
    }
    return text
  }

  private async cite(target: CitationTarget, cites: readonly Cite[]): Promise<void> {
    if (cites.length === 0) return
    await this.tx.citation.createMany({
      data: cites.map((c) => ({
        ...target,
        sourceId: this.sourceIds.get(c.source)!,
        // Stored exactly as the source prints it.
        quote: verbatimPassage(this.text(c.source), c.quote),
        locator: c.locator,
        field: c.field ?? null,
      })),
    })
  }

  // Seeding is a few hundred sequential writes in one transaction: clarity over batching.
  async sources(): Promise<void> {
    for (const [key, s] of Object.entries(SOURCES) as [SourceKey, SourceSeed][]) {
      // Stored canonically, as the editor stores them, so that the intake finds them.
      const url = s.url ? cleanUrl(s.url) : null
      const existing = await this.tx.source.findFirst({
        where: { OR: [{ title: s.title, publisher: s.publisher }, ...(url ? [{ url }] : [])] },
        select: { id: true },
      })
      if (existing) {
        this.sourceIds.set(key, existing.id)
        continue
      }
      const created = await this.tx.source.create({
        data: {
          url,
          title: s.title,
          publisher: s.publisher,
          authors: s.authors,
          language: s.language,
          ...dateColumns('published', s.published),
          publishedAsPrinted: s.publishedAsPrinted,
          dateNote: s.dateNote,
          text: this.text(key),
          description: s.description,
        },
        select: { id: true },
      })
      this.sourceIds.set(key, created.id)
      this.counts.sources++
    }
  }

  async people(): Promise<void> {
    for (const [key, p] of Object.entries(PEOPLE) as [PersonKey, PersonSeed][]) {
      const existing = await this.tx.person.findUnique({ where: { slug: p.slug }, select: { id: true } })
      if (existing) {
        this.personIds.set(key, existing.id)
        continue
      }
      const created = await this.tx.person.create({
        data: {
          slug: p.slug,
          name: p.name,
          nameFolded: nameSearchKey(p.name),
          description: p.description,
          aliases: {
            create: aliasesWithSearchKeys(p.aliases),
          },
        },
        select: { id: true },
      })
      await this.cite(
        { personId: created.id },
        p.cites.map((c) => ({ ...c, field: 'description' })),
      )
      this.personIds.set(key, created.id)
      this.newPeople.add(key)
      this.counts.people++
    }
  }

  async organisations(): Promise<void> {
    for (const [key, o] of Object.entries(ORGANISATIONS) as [OrganisationKey, OrganisationSeed][]) {
      const existing = await this.tx.organisation.findUnique({ where: { slug: o.slug }, select: { id: true } })
      if (existing) {
        this.organisationIds.set(key, existing.id)
        continue
      }
      const created = await this.tx.organisation.create({
        data: {
          slug: o.slug,
          name: o.name,
          nameFolded: nameSearchKey(o.name),
          kind: o.kind,
          country: o.country,
          description: o.description,
          aliases: {
            create: aliasesWithSearchKeys(o.aliases),
          },
        },
        select: { id: true },
      })
      await this.cite(
        { organisationId: created.id },
        o.cites.map((c) => ({ ...c, field: 'description' })),
      )
      this.organisationIds.set(key, created.id)
      this.counts.organisations++
    }
  }

  async provisions(): Promise<void> {
    for (const [key, p] of Object.entries(PROVISIONS) as [ProvisionKey, ProvisionSeed][]) {
      // findFirst, not the compound unique: `part` is null, and SQL never finds NULL equal.
      const existing = await this.tx.legalProvision.findFirst({
        where: { jurisdiction: p.jurisdiction, code: p.code, article: p.article, part: p.part },
        select: { id: true },
      })
      if (existing) {
        this.provisionIds.set(key, existing.id)
        continue
      }
      const created = await this.tx.legalProvision.create({
        data: {
          slug: p.slug,
          jurisdiction: p.jurisdiction,
          code: p.code,
          article: p.article,
          part: p.part,
          title: p.title,
          description: p.description,
        },
        select: { id: true },
      })
      await this.cite({ provisionId: created.id }, p.cites)
      this.provisionIds.set(key, created.id)
      this.counts.provisions++
    }
  }

  async personEvents(): Promise<void> {
    for (const e of PERSON_EVENTS) {
      if (!this.newPeople.has(e.person)) continue
      const created = await this.tx.event.create({
        data: {
          personId: this.personIds.get(e.person)!,
          kind: e.kind,
          occurredAt: e.date.at,
          precision: e.date.precision,
          approx: e.date.approx,
          title: e.title,
          description: e.description,
        },
        select: { id: true },
      })
      await this.cite({ eventId: created.id }, e.cites)
      this.counts.personEvents++
    }
  }

  async cases(): Promise<void> {
    for (const c of CASES) {
      const existing = await this.tx.case.findUnique({ where: { slug: c.slug }, select: { id: true } })
      if (existing) {
        this.caseIds.set(c.slug, existing.id)
        continue
      }
      this.caseIds.set(c.slug, await this.createCase(c))
      this.counts.cases++
    }
  }

  private async createCase(c: CaseSeed): Promise<number> {
    const { tx } = this
    const { id: caseId } = await tx.case.create({
      data: {
        slug: c.slug,
        title: c.title,
        kind: c.kind,
        jurisdiction: c.jurisdiction,
        authorityId: c.authority ? this.organisationIds.get(c.authority)! : null,
        caseNumber: c.caseNumber,
        summary: c.summary,
        ...dateColumns('opened', c.opened?.date),
        ...dateColumns('closed', c.closed?.date),
        statusOverride: c.statusOverride?.status ?? null,
        ...dateColumns('statusOverride', c.statusOverride?.date),
        // Placeholder: refreshCaseDerived sets the real status once the events exist.
        status: 'INVESTIGATION',
        // The seed cases are public record.
        publishedAt: this.now,
      },
      select: { id: true },
    })
    await this.cite({ caseId }, [...c.summaryCites, ...(c.opened?.cites ?? []), ...(c.closed?.cites ?? []), ...(c.statusOverride?.cites ?? [])])

    const partyOf = new Map<string, number>()
    for (const p of c.parties) {
      const party = await tx.party.create({
        data: {
          caseId,
          personId: p.person ? this.personIds.get(p.person)! : null,
          organisationId: p.organisation ? this.organisationIds.get(p.organisation)! : null,
          role: p.role,
          outcome: p.outcome ?? null,
          situation: p.situation?.value ?? null,
          ...dateColumns('situation', p.situation?.date),
          note: p.note ?? '',
        },
        select: { id: true },
      })
      await this.cite({ partyId: party.id }, p.cites)
      if (p.person) partyOf.set(p.person, party.id)
      for (const ch of p.charges ?? []) {
        const charge = await tx.charge.create({
          data: {
            caseId,
            partyId: party.id,
            provisionId: ch.provision ? this.provisionIds.get(ch.provision)! : null,
            description: ch.description,
            disposition: ch.disposition,
            ...dateColumns('disposition', ch.dispositionDate),
          },
          select: { id: true },
        })
        await this.cite({ chargeId: charge.id }, ch.cites)
      }
    }

    const eventIds = new Map<string, number>()
    for (const e of c.events) {
      const event = await tx.event.create({
        data: {
          caseId,
          kind: e.kind,
          occurredAt: e.date?.at ?? null,
          precision: e.date?.precision ?? null,
          approx: e.date?.approx ?? false,
          placedAfterId: e.after === undefined ? null : eventIds.get(e.after),
          title: e.title,
          description: e.description,
          statusAfter: e.statusAfter ?? null,
        },
        select: { id: true },
      })
      if (e.after !== undefined && !eventIds.has(e.after)) throw new Error(`${c.slug}: event "${e.key}" comes after unknown or later-listed event "${e.after}"`)
      await this.cite({ eventId: event.id }, e.cites)
      eventIds.set(e.key, event.id)
    }

    for (const st of c.stages ?? []) {
      const stage = await tx.stage.create({
        data: { caseId, kind: st.kind, courtId: st.court ? this.organisationIds.get(st.court)! : null, courtName: st.courtName ?? '', ...dateColumns('decided', st.date ?? undefined), note: st.note ?? '' },
        select: { id: true },
      })
      await this.cite({ stageId: stage.id }, st.cites)
      for (const { person, decision, cites, ...sentence } of st.decisions) {
        const partyId = partyOf.get(person)
        if (partyId === undefined) throw new Error(`${c.slug}: a decision names ${person}, who is not a party`)
        const row = await tx.stageDecision.create({ data: { caseId, stageId: stage.id, partyId, decision, ...sentence }, select: { id: true } })
        await this.cite({ decisionId: row.id }, cites)
      }
    }

    for (const k of c.conflicts) {
      if (k.event && !eventIds.has(k.event)) throw new Error(`${c.slug}: conflict names unknown event "${k.event}"`)
      const conflict = await tx.conflict.create({
        data: { caseId, eventId: k.event ? eventIds.get(k.event)! : null, subject: k.subject, note: k.note },
        select: { id: true },
      })
      for (const [position, v] of k.versions.entries()) {
        const version = await tx.conflictVersion.create({
          data: { conflictId: conflict.id, statement: v.statement, preferred: v.preferred, position },
          select: { id: true },
        })
        await this.cite({ conflictVersionId: version.id }, v.cites)
      }
    }

    await refreshCaseDerived(tx, caseId, this.now)
    return caseId
  }

  async relations(): Promise<void> {
    for (const r of RELATIONS) {
      const fromCaseId = this.caseIds.get(r.from)
      const toCaseId = this.caseIds.get(r.to)
      if (fromCaseId === undefined || toCaseId === undefined) throw new Error(`Relation names an unknown case: ${r.from} → ${r.to}`)
      const existing = await this.tx.caseRelation.findUnique({
        where: { fromCaseId_toCaseId_kind: { fromCaseId, toCaseId, kind: r.kind } },
        select: { id: true },
      })
      if (existing) continue
      await this.tx.caseRelation.create({ data: { fromCaseId, toCaseId, kind: r.kind, note: r.note } })
      this.counts.caseRelations++
    }
  }
}

/**
 * Writes the Bilash seed data. Safe to run any number of times: the first run creates
 * everything, later runs find it and write nothing.
 */
export async function seedDatabase(prisma: PrismaClient, options: { now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date()
  const counts = await prisma.$transaction(
    async (tx) => {
      const writer = new SeedWriter(tx, now)
      // Order matters: citations need sources; cases need people, organisations and
      // provisions; relations need cases.
      await writer.sources()
      await writer.people()
      await writer.organisations()
      await writer.provisions()
      await writer.personEvents()
      await writer.cases()
      await writer.relations()
      return writer.counts
    },
    // SQLite takes the write lock for the whole run; the default 5 s is tight on a slow disk.
    { timeout: 60_000 },
  )
  return { created: Object.values(counts).some((n) => n > 0), counts }
}
