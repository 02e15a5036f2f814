// Test data factories: realistic records written through Prisma on whatever client
// the caller gives (the unit tests' per-file database, or the e2e database from a
// Playwright test). Every record gets a unique slug, so factories can run against a
// database that already holds other data (the seeded e2e database). Each factory
// takes only what a test cares about and fills in the rest; they compose by ids.
//
// Dates are PartialDates built with lib/domain/partial-date.ts (`day`, `month`,
// `season`, `year`), stored as the three columns the schema uses.
import { refreshCaseDerived } from '@/lib/editing/case-derived'
import type { CaseCitationField } from '@/lib/domain/citation-target'
import { aliasesWithSearchKeys, nameSearchKey } from '@/lib/domain/fold-name'
import { day, type PartialDate } from '@/lib/domain/partial-date'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import type { AliasKind, CaseKind, CaseStatus, ChargeDisposition, EventKind, OrganisationKind, PartyRole, SlugEntity } from '@/lib/generated/prisma/enums'

export type Db = PrismaClient | Prisma.TransactionClient

let counter = 0
/** A short token unique within this process and, with overwhelming odds, across processes. */
export function uniqueToken(): string {
  counter += 1
  return `${Math.random().toString(36).slice(2, 8)}${counter.toString(36)}`
}

/** URL-safe slug: lower case, hyphens, a unique suffix. */
export function uniqueSlug(base: string): string {
  const stem = base
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${stem || 'x'}-${uniqueToken()}`
}

/** Runs `fn` in one transaction when given a full client; inside the caller's otherwise. */
async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if ('$transaction' in db) return db.$transaction((tx) => fn(tx))
  return fn(db)
}

const dateColumns = (d: PartialDate | null | undefined) => ({
  at: d?.at ?? null,
  precision: d?.precision ?? null,
  approx: d?.approx ?? false,
})

// ---------------------------------------------------------------------------
// People and organisations

export type AliasInput = { name: string; script?: string; kind?: AliasKind }

export type PersonInput = {
  name?: string
  slug?: string
  description?: string
  aliases?: AliasInput[]
}

export type CreatedNamed = { id: number; slug: string; name: string }

export async function createPerson(db: Db, input: PersonInput = {}): Promise<CreatedNamed> {
  const name = input.name ?? `Aigerim Nurlanovna ${uniqueToken()}`
  const created = await db.person.create({
    data: {
      slug: input.slug ?? uniqueSlug(name),
      name,
      nameFolded: nameSearchKey(name),
      description: input.description ?? 'Civil-society activist in Almaty.',
      aliases: {
        create: aliasesWithSearchKeys((input.aliases ?? []).map((a) => ({ name: a.name, script: a.script ?? 'Latn', kind: a.kind ?? 'TRANSLITERATION' }))),
      },
    },
    select: { id: true, slug: true, name: true },
  })
  return created
}

export type OrganisationInput = {
  name?: string
  slug?: string
  kind?: OrganisationKind
  country?: string | null
  description?: string
  aliases?: AliasInput[]
}

export async function createOrganisation(db: Db, input: OrganisationInput = {}): Promise<CreatedNamed> {
  const name = input.name ?? `Almaty City Police Department ${uniqueToken()}`
  return db.organisation.create({
    data: {
      slug: input.slug ?? uniqueSlug(name),
      name,
      nameFolded: nameSearchKey(name),
      kind: input.kind ?? 'POLICE',
      country: input.country === undefined ? 'KZ' : input.country,
      description: input.description ?? '',
      aliases: {
        create: aliasesWithSearchKeys((input.aliases ?? []).map((a) => ({ name: a.name, script: a.script ?? 'Latn', kind: a.kind ?? 'TRANSLITERATION' }))),
      },
    },
    select: { id: true, slug: true, name: true },
  })
}

// ---------------------------------------------------------------------------
// Provisions and sources

export type ProvisionInput = {
  slug?: string
  jurisdiction?: string
  code?: string
  article?: string
  part?: string | null
  paragraph?: string | null
  /** The article a part is under, the part a paragraph is under. */
  parentId?: number | null
  title?: string
  description?: string
}

export type CreatedProvision = { id: number; slug: string; article: string; title: string }

export async function createProvision(db: Db, input: ProvisionInput = {}): Promise<CreatedProvision> {
  // (jurisdiction, code, article, part) is unique: a unique article number by default.
  const article = input.article ?? `9${Math.floor(Math.random() * 1e6)}`
  const jurisdiction = input.jurisdiction ?? 'KZ'
  return db.legalProvision.create({
    data: {
      slug: input.slug ?? uniqueSlug(`${jurisdiction}-cc-art-${article}`),
      jurisdiction,
      code: input.code ?? 'Criminal Code of the Republic of Kazakhstan',
      article,
      part: input.part ?? null,
      paragraph: input.paragraph ?? null,
      parentId: input.parentId ?? null,
      title: input.title ?? 'Dissemination of knowingly false information',
      description: input.description ?? 'Spreading information the authorities call false.',
    },
    select: { id: true, slug: true, article: true, title: true },
  })
}

export type SourceInput = {
  title?: string
  publisher?: string
  /** Null: a source with no verified web address. */
  url?: string | null
  archiveUrl?: string | null
  language?: string
  published?: PartialDate | null
  publishedAsPrinted?: string | null
  /** When the source says it was updated (none by default). */
  revised?: PartialDate | null
  text?: string
}

export type CreatedSource = { id: number; title: string; url: string | null }

export async function createSource(db: Db, input: SourceInput = {}): Promise<CreatedSource> {
  const token = uniqueToken()
  const published = input.published === undefined ? day(2021, 2, 4) : input.published
  const d = dateColumns(published)
  const r = dateColumns(input.revised)
  return db.source.create({
    data: {
      title: input.title ?? `Activist's case dropped after expert review (${token})`,
      publisher: input.publisher ?? 'Example News',
      url: input.url === undefined ? `https://news.example.org/${token}` : input.url,
      archiveUrl: input.archiveUrl ?? null,
      language: input.language ?? 'en',
      publishedAt: d.at,
      publishedPrecision: d.precision,
      publishedApprox: d.approx,
      publishedAsPrinted: input.publishedAsPrinted ?? null,
      revisedAt: r.at,
      revisedPrecision: r.precision,
      revisedApprox: r.approx,
      text: input.text ?? 'The investigation was terminated for lack of evidence.',
    },
    select: { id: true, title: true, url: true },
  })
}

// ---------------------------------------------------------------------------
// Citations

/** Exactly one target, as the schema's comment on Citation requires. */
export type CitationTarget =
  | { caseId: number; field: CaseCitationField }
  | { eventId: number }
  | { chargeId: number }
  | { partyId: number }
  | { personId: number; field?: 'description' }
  | { organisationId: number; field?: 'description' }
  | { provisionId: number }
  | { conflictVersionId: number }

export type CitationInput = { sourceId: number; quote?: string; translation?: string; locator?: string }

export async function createCitation(db: Db, target: CitationTarget, input: CitationInput): Promise<{ id: number }> {
  return db.citation.create({
    data: {
      sourceId: input.sourceId,
      quote: input.quote ?? 'The pre-trial investigation was terminated.',
      translation: input.translation ?? '',
      locator: input.locator ?? 'para. 3',
      ...target,
    },
    select: { id: true },
  })
}

// ---------------------------------------------------------------------------
// Cases

export type EventInput = {
  kind: EventKind
  date: PartialDate
  title?: string
  description?: string
  /** The status this event sets when it is not the kind's default. */
  statusAfter?: CaseStatus | null
  /** The person a case event concerns (an arrest), if any. */
  personId?: number | null
  citations?: CitationInput[]
}

export type ChargeInput = {
  provisionId?: number | null
  description?: string
  disposition?: ChargeDisposition
  dispositionDate?: PartialDate | null
  citations?: CitationInput[]
}

export type PartyInput = ({ personId: number } | { organisationId: number }) & {
  role: Exclude<PartyRole, 'DEFENDANT'> | 'DEFENDANT'
  note?: string
  citations?: CitationInput[]
}

export type CaseInput = {
  slug?: string
  title?: string
  kind?: CaseKind
  jurisdiction?: string
  caseNumber?: string | null
  summary?: string
  authorityId?: number | null
  /** False: a draft (publishedAt null), which the public pages never show. Default true. */
  published?: boolean
  opened?: PartialDate | null
  closed?: PartialDate | null
  statusOverride?: { status: CaseStatus; date?: PartialDate | null } | null
  /**
   * The (first) defendant: an existing person's id, details for a new person, or
   * null for a case without one. Default: a new person.
   */
  defendant?: { personId: number } | PersonInput | null
  /** `sentence`: in words, as a first-instance decision's. */
  defendantOutcome?: { outcome?: string; sentence?: string }
  /** Other parties (lawyers, judges, further defendants). */
  parties?: PartyInput[]
  /** Charges against the first defendant. */
  charges?: ChargeInput[]
  events?: EventInput[]
  /** Citations of the case summary. */
  summaryCitations?: CitationInput[]
  statusCitations?: CitationInput[]
}

export type CreatedCase = {
  id: number
  slug: string
  title: string
  defendant: { partyId: number; personId: number; slug: string; name: string } | null
  partyIds: number[]
  chargeIds: number[]
  eventIds: number[]
}

/**
 * A case with its defendant, charges, events and citations, then the derived
 * columns (status, years, last event) refreshed exactly as the data layer does.
 */
export async function createCase(db: Db, input: CaseInput = {}): Promise<CreatedCase> {
  return inTransaction(db, async (tx) => {
    const title = input.title ?? `Criminal case against an activist (${uniqueToken()})`
    const opened = dateColumns(input.opened)
    const closed = dateColumns(input.closed)
    const override = input.statusOverride ?? null
    const overrideDate = dateColumns(override?.date)
    const c = await tx.case.create({
      data: {
        slug: input.slug ?? uniqueSlug(title),
        title,
        kind: input.kind ?? 'CRIMINAL',
        jurisdiction: input.jurisdiction ?? 'KZ',
        caseNumber: input.caseNumber ?? null,
        summary: input.summary ?? 'Opened over a speech; the activist says the case is retaliation for his work.',
        authorityId: input.authorityId ?? null,
        publishedAt: input.published === false ? null : new Date('2021-03-01T00:00:00Z'),
        openedAt: opened.at,
        openedPrecision: opened.precision,
        openedApprox: opened.approx,
        closedAt: closed.at,
        closedPrecision: closed.precision,
        closedApprox: closed.approx,
        statusOverride: override?.status ?? null,
        statusOverrideAt: overrideDate.at,
        statusOverridePrecision: overrideDate.precision,
        statusOverrideApprox: overrideDate.approx,
        // Placeholder: refreshCaseDerived below computes the real status.
        status: 'INVESTIGATION',
      },
      select: { id: true, slug: true, title: true },
    })

    let defendant: CreatedCase['defendant'] = null
    const partyIds: number[] = []
    if (input.defendant !== null) {
      const person =
        input.defendant && 'personId' in input.defendant
          ? await tx.person.findUniqueOrThrow({
              where: { id: input.defendant.personId },
              select: { id: true, slug: true, name: true },
            })
          : await createPerson(tx, input.defendant ?? {})
      const party = await tx.party.create({
        data: {
          caseId: c.id,
          personId: person.id,
          role: 'DEFENDANT',
          outcome: input.defendantOutcome?.outcome ?? null,
        },
        select: { id: true },
      })
      partyIds.push(party.id)
      defendant = { partyId: party.id, personId: person.id, slug: person.slug, name: person.name }
      // A sentence is a first-instance decision; in words only, as typed.
      if (input.defendantOutcome?.sentence) {
        const stage = await tx.stage.create({ data: { caseId: c.id, kind: 'FIRST_INSTANCE' }, select: { id: true } })
        await tx.stageDecision.create({ data: { caseId: c.id, stageId: stage.id, partyId: party.id, decision: 'CONVICTED', sentenceNote: input.defendantOutcome.sentence } })
      }
    }

    for (const p of input.parties ?? []) {
      const party = await tx.party.create({
        data: {
          caseId: c.id,
          role: p.role,
          note: p.note ?? '',
          ...('personId' in p ? { personId: p.personId } : { organisationId: p.organisationId }),
        },
        select: { id: true },
      })
      partyIds.push(party.id)
      for (const cite of p.citations ?? []) await createCitation(tx, { partyId: party.id }, cite)
    }

    const chargeIds: number[] = []
    if (input.charges?.length && !defendant) throw new Error('createCase: charges need a defendant')
    for (const ch of input.charges ?? []) {
      const d = dateColumns(ch.dispositionDate)
      const charge = await tx.charge.create({
        data: {
          caseId: c.id,
          partyId: defendant!.partyId,
          provisionId: ch.provisionId ?? null,
          description: ch.description ?? '',
          disposition: ch.disposition ?? 'PENDING',
          dispositionAt: d.at,
          dispositionPrecision: d.precision,
          dispositionApprox: d.approx,
        },
        select: { id: true },
      })
      chargeIds.push(charge.id)
      for (const cite of ch.citations ?? []) await createCitation(tx, { chargeId: charge.id }, cite)
    }

    const eventIds: number[] = []
    for (const e of input.events ?? []) {
      const event = await tx.event.create({
        data: {
          caseId: c.id,
          personId: e.personId ?? null,
          kind: e.kind,
          occurredAt: e.date.at,
          precision: e.date.precision,
          approx: e.date.approx,
          title: e.title ?? `${e.kind.toLowerCase().replaceAll('_', ' ')}`,
          description: e.description ?? '',
          statusAfter: e.statusAfter ?? null,
        },
        select: { id: true },
      })
      eventIds.push(event.id)
      for (const cite of e.citations ?? []) await createCitation(tx, { eventId: event.id }, cite)
    }

    for (const cite of input.summaryCitations ?? []) await createCitation(tx, { caseId: c.id, field: 'summary' }, cite)
    for (const cite of input.statusCitations ?? []) await createCitation(tx, { caseId: c.id, field: 'status' }, cite)

    await refreshCaseDerived(tx, c.id)
    return { ...c, defendant, partyIds, chargeIds, eventIds }
  })
}

/** Adds an event to an existing case and refreshes its derived status, as an editor's save does. */
export async function addCaseEvent(db: Db, caseId: number, e: EventInput): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const event = await tx.event.create({
      data: {
        caseId,
        personId: e.personId ?? null,
        kind: e.kind,
        occurredAt: e.date.at,
        precision: e.date.precision,
        approx: e.date.approx,
        title: e.title ?? e.kind.toLowerCase().replaceAll('_', ' '),
        description: e.description ?? '',
        statusAfter: e.statusAfter ?? null,
      },
      select: { id: true },
    })
    for (const cite of e.citations ?? []) await createCitation(tx, { eventId: event.id }, cite)
    await refreshCaseDerived(tx, caseId)
    return event
  })
}

/** A dated fact about a person's life outside any case (moved country, left for exile). */
export async function createPersonEvent(db: Db, personId: number, e: Omit<EventInput, 'statusAfter' | 'personId'>): Promise<{ id: number }> {
  const event = await db.event.create({
    data: {
      personId,
      kind: e.kind,
      occurredAt: e.date.at,
      precision: e.date.precision,
      approx: e.date.approx,
      title: e.title ?? e.kind.toLowerCase(),
      description: e.description ?? '',
    },
    select: { id: true },
  })
  for (const cite of e.citations ?? []) await createCitation(db, { eventId: event.id }, cite)
  return event
}

export type ConflictInput = {
  caseId: number
  eventId?: number | null
  subject?: string
  note?: string
  /** At least two: sources disagree. Each version has its own citations. */
  versions: { statement: string; preferred?: boolean; citations: CitationInput[] }[]
}

export type CreatedConflict = { id: number; versionIds: number[] }

export async function createConflict(db: Db, input: ConflictInput): Promise<CreatedConflict> {
  if (input.versions.length < 2) throw new Error('createConflict: a conflict needs at least two versions')
  return inTransaction(db, async (tx) => {
    const conflict = await tx.conflict.create({
      data: {
        caseId: input.caseId,
        eventId: input.eventId ?? null,
        subject: input.subject ?? 'What the activist was charged with',
        note: input.note ?? '',
      },
      select: { id: true },
    })
    const versionIds: number[] = []
    for (const [position, v] of input.versions.entries()) {
      const version = await tx.conflictVersion.create({
        data: { conflictId: conflict.id, statement: v.statement, preferred: v.preferred ?? false, position },
        select: { id: true },
      })
      versionIds.push(version.id)
      for (const cite of v.citations) await createCitation(tx, { conflictVersionId: version.id }, cite)
    }
    return { id: conflict.id, versionIds }
  })
}

export type RelationInput = {
  fromCaseId: number
  toCaseId: number
  kind?: 'APPEAL_OF' | 'SAME_FACTS' | 'INTERNATIONAL_REVIEW_OF' | 'RELATED'
  note?: string
}

export async function createCaseRelation(db: Db, input: RelationInput): Promise<{ id: number }> {
  return db.caseRelation.create({
    data: { fromCaseId: input.fromCaseId, toCaseId: input.toCaseId, kind: input.kind ?? 'RELATED', note: input.note ?? '' },
    select: { id: true },
  })
}

/** An old slug that keeps answering after a rename (the record's id is the target). */
export async function createSlugRedirect(db: Db, input: { entity: SlugEntity; oldSlug?: string; targetId: number }): Promise<{ id: number; oldSlug: string }> {
  return db.slugRedirect.create({
    data: { entity: input.entity, oldSlug: input.oldSlug ?? uniqueSlug('old-slug'), targetId: input.targetId },
    select: { id: true, oldSlug: true },
  })
}

/**
 * Renames a case's slug the way an editor would: the new slug on the case and a
 * redirect from the old one.
 */
export async function renameCaseSlug(db: Db, caseId: number, newSlug: string = uniqueSlug('renamed-case')) {
  return inTransaction(db, async (tx) => {
    const old = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { slug: true } })
    await tx.case.update({ where: { id: caseId }, data: { slug: newSlug } })
    await createSlugRedirect(tx, { entity: 'CASE', oldSlug: old.slug, targetId: caseId })
    return { oldSlug: old.slug, newSlug }
  })
}

/**
 * Takes a published case down the way an editor's unpublish (or delete, with
 * `deleted`) does: no longer published, withdrawn at `at`. Its address then answers
 * 410 (docs/decisions/009-withdrawn-cases-410.md).
 */
export async function withdrawCase(db: Db, caseId: number, { at = new Date(), deleted = false }: { at?: Date; deleted?: boolean } = {}): Promise<void> {
  await db.case.update({
    where: { id: caseId },
    data: { publishedAt: null, withdrawnAt: at, ...(deleted ? { deletedAt: at } : {}) },
  })
}
