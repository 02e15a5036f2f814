import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SlugEntity } from '@/lib/generated/prisma/enums'
import { foldText, nameSearchKey } from '@/lib/domain/fold-name'
import { formatPartialDate, fromColumns, type PartialDate } from '@/lib/domain/partial-date'
import { canonicalUrl } from '@/lib/domain/canonical-url'
import { caseCitationsWhere, casePartIdsSelect } from '@/lib/data/shared'
import { alreadyStoredMessage, findSourceAt } from './stored-source'
import type { FieldErrors } from '@/lib/actions/safe-action-types'
import { dateFormValues } from '@/lib/validation/form-fields'
import type { Entity, RecordInput } from '@/lib/validation/records'

// What the write engine (write.ts) needs to know about each kind of record: which
// columns a revision keeps, how form input becomes columns (checking that the ids it
// names exist and belong together), which public pages show the record, and what
// must happen alongside a write (slug redirects, the case's derived status).

export type Tx = Prisma.TransactionClient
export type Row = Record<string, unknown> & { id: number; version: number }

/** The few delegate methods the engine uses; every model has them. */
export type Delegate = {
  findUnique(args: { where: { id: number } }): Promise<Row | null>
  create(args: { data: Record<string, unknown> }): Promise<Row>
  updateMany(args: { where: { id: number; version?: number }; data: Record<string, unknown> }): Promise<{ count: number }>
  deleteMany(args: { where: { id: number; version: number } }): Promise<{ count: number }>
}

export type ToColumns = { ok: true; data: Record<string, unknown> } | { ok: false; fieldErrors: FieldErrors }

export type KindAdapter = {
  entity: Entity
  model(tx: Tx): Delegate
  /** Columns a revision snapshots and a restore writes back. Never derived columns. */
  columns: readonly string[]
  /** Columns only publish, unpublish, delete and undelete change (never a content restore). */
  stateColumns?: readonly string[]
  /** Top-level records are soft-deleted (deletedAt); parts of a case are removed with a snapshot. */
  softDelete: boolean
  toColumns(tx: Tx, input: never, existing: Row | null): Promise<ToColumns>
  toFormValues(row: Row): Record<string, string>
  /** The case whose history lists this record's revisions. */
  caseIdOf(tx: Tx, row: Row): Promise<number | null>
  describe(row: Row): string
  /** Public pages that show the record (revalidated after a write). */
  publicPaths(tx: Tx, row: Row): Promise<string[]>
  /** Why the record cannot be deleted now, or null. */
  deleteBlocker?(tx: Tx, row: Row): Promise<string | null>
  /** Runs in the write's transaction after every create, update, delete and restore. */
  afterWrite?(tx: Tx, before: Row | null, after: Row | null): Promise<void>
  /** Unique constraints: the form field to blame and what to say. */
  uniqueMessage?: { field: string; message: string }
}

export const DASHBOARD_PATHS = ['/', '/browse/[query]']

const date = (at: unknown, precision: unknown, approx: unknown): PartialDate | null =>
  fromColumns(at as Date | null, precision as PartialDate['precision'] | null, approx as boolean)

const dateValues = (name: string, d: PartialDate | null) => dateFormValues(name, d, formatPartialDate)

const dateColumns = (prefix: string, d: PartialDate | null, names = { at: `${prefix}At`, precision: `${prefix}Precision`, approx: `${prefix}Approx` }) => ({
  [names.at]: d?.at ?? null,
  [names.precision]: d?.precision ?? null,
  [names.approx]: d?.approx ?? false,
})

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))

function delegate<K extends keyof Tx>(key: K) {
  return (tx: Tx) => tx[key] as unknown as Delegate
}

// ---------------------------------------------------------------------------
// Slugs: made from the name when the editor gives none, unique across the records
// and the old slugs that still redirect; a rename keeps the old address working.

function slugify(text: string): string {
  return foldText(text).replace(/\s+/g, '-').replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '')
}

async function slugTaken(tx: Tx, entity: SlugEntity, slug: string, exceptId: number | null): Promise<boolean> {
  const where = { slug, NOT: exceptId === null ? undefined : { id: exceptId } }
  const [row, redirect] = await Promise.all([
    entity === 'CASE'
      ? tx.case.findFirst({ where, select: { id: true } })
      : entity === 'PERSON'
        ? tx.person.findFirst({ where, select: { id: true } })
        : entity === 'ORGANISATION'
          ? tx.organisation.findFirst({ where, select: { id: true } })
          : tx.legalProvision.findFirst({ where, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { entity_oldSlug: { entity, oldSlug: slug } }, select: { targetId: true } }),
  ])
  return row !== null || (redirect !== null && redirect.targetId !== exceptId)
}

/** The slug to store: the editor's (refused if taken) or one made from `name`. */
async function chooseSlug(tx: Tx, entity: SlugEntity, wanted: string, name: string, existing: Row | null): Promise<{ ok: true; slug: string } | { ok: false; fieldErrors: FieldErrors }> {
  const exceptId = existing?.id ?? null
  if (wanted) {
    if (existing && wanted === existing.slug) return { ok: true, slug: wanted }
    if (await slugTaken(tx, entity, wanted, exceptId)) return { ok: false, fieldErrors: { slug: ['This address is already used by another record. Choose another one.'] } }
    return { ok: true, slug: wanted }
  }
  if (existing) return { ok: true, slug: String(existing.slug) }
  const base = slugify(name) || entity.toLowerCase()
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!(await slugTaken(tx, entity, candidate, exceptId))) return { ok: true, slug: candidate }
  }
  return { ok: false, fieldErrors: { slug: ['Could not make a free address from the name. Type one.'] } }
}

async function keepOldSlug(tx: Tx, entity: SlugEntity, before: Row | null, after: Row | null): Promise<void> {
  if (!after) return
  const newSlug = String(after.slug)
  // The new slug no longer redirects anywhere: it is a record's own address again.
  await tx.slugRedirect.deleteMany({ where: { entity, oldSlug: newSlug } })
  if (before && before.slug !== after.slug) {
    await tx.slugRedirect.upsert({
      where: { entity_oldSlug: { entity, oldSlug: String(before.slug) } },
      create: { entity, oldSlug: String(before.slug), targetId: after.id },
      update: { targetId: after.id },
    })
    // Older slugs pointing at this record keep pointing at it: nothing to do.
  }
}

// ---------------------------------------------------------------------------
// Which public pages show a case: its own, the dashboard, the pages of everyone and
// everything it links to (they list the case or show its status).

export async function casePublicPaths(tx: Tx, caseId: number): Promise<string[]> {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      slug: true,
      authority: { select: { slug: true } },
      parties: { select: { person: { select: { slug: true } }, organisation: { select: { slug: true } } } },
      charges: { select: { provision: { select: { slug: true } } } },
      relationsOut: { select: { toCase: { select: { slug: true } } } },
      relationsIn: { select: { fromCase: { select: { slug: true } } } },
    },
  })
  if (!c) return DASHBOARD_PATHS
  const parts = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: casePartIdsSelect })
  const sources = await tx.citation.findMany({
    where: caseCitationsWhere(parts),
    select: { sourceId: true },
    distinct: ['sourceId'],
  })
  const paths = new Set<string>([...DASHBOARD_PATHS, `/cases/${c.slug}`])
  if (c.authority) paths.add(`/organisations/${c.authority.slug}`)
  for (const p of c.parties) {
    if (p.person) paths.add(`/people/${p.person.slug}`)
    if (p.organisation) paths.add(`/organisations/${p.organisation.slug}`)
  }
  for (const ch of c.charges) if (ch.provision) paths.add(`/provisions/${ch.provision.slug}`)
  for (const r of c.relationsOut) paths.add(`/cases/${r.toCase.slug}`)
  for (const r of c.relationsIn) paths.add(`/cases/${r.fromCase.slug}`)
  for (const s of sources) paths.add(`/sources/${s.sourceId}`)
  return [...paths]
}

async function casePagesOf(tx: Tx, where: Prisma.CaseWhereInput): Promise<string[]> {
  const cases = await tx.case.findMany({ where, select: { slug: true }, take: 500 })
  return cases.map((c) => `/cases/${c.slug}`)
}

/** After any change to a part of a case: its derived status and "last changed" date. */
async function touchCase(tx: Tx, caseId: number | null): Promise<void> {
  if (caseId === null) return
  const { refreshCaseDerived } = await import('@/lib/data/case-derived')
  if (await tx.case.findUnique({ where: { id: caseId }, select: { id: true } })) await refreshCaseDerived(tx, caseId)
}

/** A part of a case must name a case that exists and is not deleted. */
async function requireCase(tx: Tx, caseId: number): Promise<FieldErrors | null> {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: { deletedAt: true } })
  return c && !c.deletedAt ? null : { _form: ['This case does not exist or was deleted.'] }
}

/** A part of a case keeps the case it was created in. */
function sameCase(existing: Row | null, caseId: number): FieldErrors | null {
  return existing && existing.caseId !== caseId ? { _form: ['This record belongs to another case.'] } : null
}

// ---------------------------------------------------------------------------

const CASE_STATE = ['publishedAt', 'withdrawnAt', 'deletedAt'] as const

const caseAdapter: KindAdapter = {
  entity: 'case',
  model: delegate('case'),
  columns: [
    'slug', 'title', 'kind', 'jurisdiction', 'authorityId', 'caseNumber', 'summary',
    'openedAt', 'openedPrecision', 'openedApprox', 'closedAt', 'closedPrecision', 'closedApprox',
    'statusOverride', 'statusOverrideAt', 'statusOverridePrecision', 'statusOverrideApprox',
    ...CASE_STATE,
  ],
  stateColumns: CASE_STATE,
  softDelete: true,
  async toColumns(tx, input: RecordInput<'case'>, existing) {
    if (input.authorityId !== null) {
      const org = await tx.organisation.findUnique({ where: { id: input.authorityId }, select: { deletedAt: true } })
      if (!org || org.deletedAt) return { ok: false, fieldErrors: { authorityId: ['Choose an organisation from the list.'] } }
    }
    const slug = await chooseSlug(tx, 'CASE', input.slug, input.title, existing)
    if (!slug.ok) return slug
    return {
      ok: true,
      data: {
        slug: slug.slug,
        title: input.title,
        kind: input.kind,
        jurisdiction: input.jurisdiction,
        authorityId: input.authorityId,
        caseNumber: input.caseNumber,
        summary: input.summary,
        ...dateColumns('opened', input.opened),
        ...dateColumns('closed', input.closed),
        statusOverride: input.statusOverride,
        ...dateColumns('statusOverride', input.statusOverride ? input.statusOverrideAsOf : null),
        // A new case starts as a draft, its status derived from (no) events.
        ...(existing ? {} : { status: 'INVESTIGATION' }),
      },
    }
  },
  toFormValues: (r) => ({
    title: str(r.title),
    slug: str(r.slug),
    kind: str(r.kind),
    jurisdiction: str(r.jurisdiction),
    authorityId: str(r.authorityId),
    caseNumber: str(r.caseNumber),
    summary: str(r.summary),
    ...dateValues('opened', date(r.openedAt, r.openedPrecision, r.openedApprox)),
    ...dateValues('closed', date(r.closedAt, r.closedPrecision, r.closedApprox)),
    statusOverride: str(r.statusOverride),
    ...dateValues('statusOverrideAsOf', date(r.statusOverrideAt, r.statusOverridePrecision, r.statusOverrideApprox)),
  }),
  caseIdOf: async (_tx, r) => r.id,
  describe: (r) => str(r.title),
  publicPaths: (tx, r) => casePublicPaths(tx, r.id),
  async afterWrite(tx, before, after) {
    await keepOldSlug(tx, 'CASE', before, after)
    if (after) await touchCase(tx, after.id)
  },
}

const personAdapter: KindAdapter = {
  entity: 'person',
  model: delegate('person'),
  columns: ['slug', 'name', 'nameFolded', 'description', 'deletedAt'],
  stateColumns: ['deletedAt'],
  softDelete: true,
  async toColumns(tx, input: RecordInput<'person'>, existing) {
    const slug = await chooseSlug(tx, 'PERSON', input.slug, input.name, existing)
    if (!slug.ok) return slug
    return { ok: true, data: { slug: slug.slug, name: input.name, nameFolded: nameSearchKey(input.name), description: input.description } }
  },
  toFormValues: (r) => ({ name: str(r.name), slug: str(r.slug), description: str(r.description) }),
  caseIdOf: async () => null,
  describe: (r) => str(r.name),
  async publicPaths(tx, r) {
    return [...DASHBOARD_PATHS, `/people/${r.slug}`, ...(await casePagesOf(tx, { parties: { some: { personId: r.id } } }))]
  },
  async deleteBlocker(tx, r) {
    const n = await tx.party.count({ where: { personId: r.id } })
    return n ? `This person is a party to ${n} case${n === 1 ? '' : 's'}. Remove them from those cases first.` : null
  },
  afterWrite: (tx, before, after) => keepOldSlug(tx, 'PERSON', before, after),
}

const organisationAdapter: KindAdapter = {
  entity: 'organisation',
  model: delegate('organisation'),
  columns: ['slug', 'name', 'nameFolded', 'kind', 'country', 'description', 'deletedAt'],
  stateColumns: ['deletedAt'],
  softDelete: true,
  async toColumns(tx, input: RecordInput<'organisation'>, existing) {
    const slug = await chooseSlug(tx, 'ORGANISATION', input.slug, input.name, existing)
    if (!slug.ok) return slug
    return { ok: true, data: { slug: slug.slug, name: input.name, nameFolded: nameSearchKey(input.name), kind: input.kind, country: input.country, description: input.description } }
  },
  toFormValues: (r) => ({ name: str(r.name), slug: str(r.slug), kind: str(r.kind), country: str(r.country), description: str(r.description) }),
  caseIdOf: async () => null,
  describe: (r) => str(r.name),
  async publicPaths(tx, r) {
    return [
      ...DASHBOARD_PATHS,
      `/organisations/${r.slug}`,
      ...(await casePagesOf(tx, { OR: [{ authorityId: r.id }, { parties: { some: { organisationId: r.id } } }] })),
    ]
  },
  async deleteBlocker(tx, r) {
    const [parties, cases] = await Promise.all([tx.party.count({ where: { organisationId: r.id } }), tx.case.count({ where: { authorityId: r.id, deletedAt: null } })])
    if (parties) return `This organisation is a party to ${parties} case${parties === 1 ? '' : 's'}. Remove it from those cases first.`
    if (cases) return `This organisation is the authority of ${cases} case${cases === 1 ? '' : 's'}. Change those cases first.`
    return null
  },
  afterWrite: (tx, before, after) => keepOldSlug(tx, 'ORGANISATION', before, after),
}

const provisionAdapter: KindAdapter = {
  entity: 'provision',
  model: delegate('legalProvision'),
  columns: ['slug', 'jurisdiction', 'code', 'article', 'part', 'title', 'description', 'deletedAt'],
  stateColumns: ['deletedAt'],
  softDelete: true,
  async toColumns(tx, input: RecordInput<'provision'>, existing) {
    const name = `${input.jurisdiction} ${input.code} ${input.article}${input.part ? ` ${input.part}` : ''}`
    const slug = await chooseSlug(tx, 'PROVISION', input.slug, name, existing)
    if (!slug.ok) return slug
    const { slug: _ignored, ...rest } = input
    return { ok: true, data: { ...rest, slug: slug.slug } }
  },
  toFormValues: (r) => ({
    jurisdiction: str(r.jurisdiction),
    code: str(r.code),
    article: str(r.article),
    part: str(r.part),
    title: str(r.title),
    slug: str(r.slug),
    description: str(r.description),
  }),
  caseIdOf: async () => null,
  describe: (r) => `${str(r.code)}, art. ${str(r.article)}${r.part ? `(${str(r.part)})` : ''} — ${str(r.title)}`,
  async publicPaths(tx, r) {
    return [...DASHBOARD_PATHS, `/provisions/${r.slug}`, ...(await casePagesOf(tx, { charges: { some: { provisionId: r.id } } }))]
  },
  async deleteBlocker(tx, r) {
    const n = await tx.charge.count({ where: { provisionId: r.id } })
    return n ? `${n} charge${n === 1 ? ' cites' : 's cite'} this provision. Change those charges first.` : null
  },
  uniqueMessage: { field: 'article', message: 'This provision (jurisdiction, code, article and part) is already recorded.' },
  afterWrite: (tx, before, after) => keepOldSlug(tx, 'PROVISION', before, after),
}

const sourceAdapter: KindAdapter = {
  entity: 'source',
  model: delegate('source'),
  columns: [
    'url', 'title', 'publisher', 'authors', 'language', 'publishedAt', 'publishedPrecision', 'publishedApprox',
    'publishedAsPrinted', 'dateNote', 'archiveUrl', 'text', 'description', 'deletedAt',
  ],
  stateColumns: ['deletedAt'],
  softDelete: true,
  async toColumns(tx, input: RecordInput<'source'>, existing) {
    const { published, url, archiveUrl, ...rest } = input
    // Name the source already stored at this address (the unique index would only say "taken").
    const stored = url ? await findSourceAt(tx, url, existing?.id ?? null) : null
    if (stored) return { ok: false, fieldErrors: { url: [alreadyStoredMessage(stored)] } }
    return {
      ok: true,
      data: { ...rest, url: url ? canonicalUrl(url) : null, archiveUrl: archiveUrl || null, ...dateColumns('published', published) },
    }
  },
  toFormValues: (r) => ({
    url: str(r.url),
    title: str(r.title),
    publisher: str(r.publisher),
    authors: str(r.authors),
    language: str(r.language),
    ...dateValues('published', date(r.publishedAt, r.publishedPrecision, r.publishedApprox)),
    publishedAsPrinted: str(r.publishedAsPrinted),
    dateNote: str(r.dateNote),
    archiveUrl: str(r.archiveUrl),
    description: str(r.description),
    text: str(r.text),
  }),
  caseIdOf: async () => null,
  describe: (r) => `${str(r.publisher)}: ${str(r.title)}`,
  async publicPaths(tx, r) {
    const citing = await tx.citation.findMany({
      where: { sourceId: r.id },
      select: {
        caseId: true,
        event: { select: { caseId: true } },
        charge: { select: { caseId: true } },
        party: { select: { caseId: true } },
        conflictVersion: { select: { conflict: { select: { caseId: true } } } },
      },
      take: 2000,
    })
    const ids = new Set<number>()
    for (const c of citing) {
      for (const id of [c.caseId, c.event?.caseId, c.charge?.caseId, c.party?.caseId, c.conflictVersion?.conflict.caseId]) if (id) ids.add(id)
    }
    return [`/sources/${r.id}`, ...(await casePagesOf(tx, { id: { in: [...ids] } }))]
  },
  async deleteBlocker(tx, r) {
    const n = await tx.citation.count({ where: { sourceId: r.id } })
    return n ? `${n} citation${n === 1 ? '' : 's'} point to this source. Remove or move them first.` : null
  },
  uniqueMessage: { field: 'url', message: 'This article is already stored (same address).' },
}

const aliasAdapter: KindAdapter = {
  entity: 'alias',
  model: delegate('alias'),
  columns: ['name', 'nameFolded', 'script', 'kind', 'personId', 'organisationId'],
  softDelete: false,
  async toColumns(tx, input: RecordInput<'alias'>, existing) {
    const owner =
      input.owner.kind === 'person'
        ? await tx.person.findUnique({ where: { id: input.owner.id }, select: { deletedAt: true } })
        : await tx.organisation.findUnique({ where: { id: input.owner.id }, select: { deletedAt: true } })
    if (!owner || owner.deletedAt) return { ok: false, fieldErrors: { _form: ['The person or organisation this name belongs to does not exist.'] } }
    const personId = input.owner.kind === 'person' ? input.owner.id : null
    const organisationId = input.owner.kind === 'organisation' ? input.owner.id : null
    if (existing && (existing.personId !== personId || existing.organisationId !== organisationId)) {
      return { ok: false, fieldErrors: { _form: ['An alias stays with the person or organisation it was added to.'] } }
    }
    return { ok: true, data: { name: input.name, nameFolded: nameSearchKey(input.name), script: input.script, kind: input.kind, personId, organisationId } }
  },
  toFormValues: (r) => ({ owner: r.personId ? `person:${r.personId}` : `organisation:${str(r.organisationId)}`, name: str(r.name), script: str(r.script), kind: str(r.kind) }),
  caseIdOf: async () => null,
  describe: (r) => str(r.name),
  async publicPaths(tx, r) {
    if (r.personId) return (await personAdapter.publicPaths(tx, (await tx.person.findUnique({ where: { id: Number(r.personId) } })) as Row))
    const org = await tx.organisation.findUnique({ where: { id: Number(r.organisationId) } })
    return org ? organisationAdapter.publicPaths(tx, org as unknown as Row) : []
  },
  uniqueMessage: { field: 'name', message: 'This name is already recorded for them.' },
}

// --- parts of a case -------------------------------------------------------

function casePart(entity: Entity, key: keyof Tx, columns: string[], rest: Omit<KindAdapter, 'entity' | 'model' | 'columns' | 'softDelete' | 'caseIdOf' | 'publicPaths'>): KindAdapter {
  return {
    entity,
    model: delegate(key),
    columns,
    softDelete: false,
    caseIdOf: async (_tx, r) => (r.caseId as number | null) ?? null,
    publicPaths: async (tx, r) => (r.caseId ? casePublicPaths(tx, Number(r.caseId)) : DASHBOARD_PATHS),
    async afterWrite(tx, before, after) {
      await touchCase(tx, Number((after ?? before)?.caseId ?? 0) || null)
    },
    ...rest,
  }
}

const partyAdapter = casePart('party', 'party', ['caseId', 'personId', 'organisationId', 'role', 'outcome', 'sentence', 'situation', 'situationAt', 'situationPrecision', 'situationApprox', 'note'], {
  async toColumns(tx, input: RecordInput<'party'>, existing) {
    const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    const who =
      input.who.kind === 'person'
        ? await tx.person.findUnique({ where: { id: input.who.id }, select: { deletedAt: true } })
        : await tx.organisation.findUnique({ where: { id: input.who.id }, select: { deletedAt: true } })
    if (!who || who.deletedAt) return { ok: false, fieldErrors: { who: ['Choose a person or an organisation from the list.'] } }
    return {
      ok: true,
      data: {
        caseId: input.caseId,
        personId: input.who.kind === 'person' ? input.who.id : null,
        organisationId: input.who.kind === 'organisation' ? input.who.id : null,
        role: input.role,
        outcome: input.outcome,
        sentence: input.sentence,
        situation: input.situation,
        ...dateColumns('situation', input.situation ? input.situationAsOf : null),
        note: input.note,
      },
    }
  },
  toFormValues: (r) => ({
    caseId: str(r.caseId),
    who: r.personId ? `person:${r.personId}` : `organisation:${str(r.organisationId)}`,
    role: str(r.role),
    outcome: str(r.outcome),
    sentence: str(r.sentence),
    situation: str(r.situation),
    ...dateValues('situationAsOf', date(r.situationAt, r.situationPrecision, r.situationApprox)),
    note: str(r.note),
  }),
  describe: (r) => `${str(r.role).toLowerCase()} #${r.id}`,
  async deleteBlocker(tx, r) {
    const n = await tx.charge.count({ where: { partyId: r.id } })
    return n ? `This party has ${n} charge${n === 1 ? '' : 's'}. Delete those first.` : null
  },
})

const chargeAdapter = casePart('charge', 'charge', ['caseId', 'partyId', 'provisionId', 'description', 'disposition', 'dispositionAt', 'dispositionPrecision', 'dispositionApprox'], {
  async toColumns(tx, input: RecordInput<'charge'>, existing) {
    const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    const party = await tx.party.findUnique({ where: { id: input.partyId }, select: { caseId: true } })
    if (!party || party.caseId !== input.caseId) return { ok: false, fieldErrors: { partyId: ['Choose a defendant of this case.'] } }
    if (input.provisionId !== null) {
      const p = await tx.legalProvision.findUnique({ where: { id: input.provisionId }, select: { deletedAt: true } })
      if (!p || p.deletedAt) return { ok: false, fieldErrors: { provisionId: ['Choose a provision from the list.'] } }
    }
    return {
      ok: true,
      data: {
        caseId: input.caseId,
        partyId: input.partyId,
        provisionId: input.provisionId,
        description: input.description,
        disposition: input.disposition,
        ...dateColumns('disposition', input.dispositionAsOf),
      },
    }
  },
  toFormValues: (r) => ({
    caseId: str(r.caseId),
    partyId: str(r.partyId),
    provisionId: str(r.provisionId),
    description: str(r.description),
    disposition: str(r.disposition),
    ...dateValues('dispositionAsOf', date(r.dispositionAt, r.dispositionPrecision, r.dispositionApprox)),
  }),
  describe: (r) => `charge #${r.id}${r.description ? `: ${str(r.description)}` : ''}`,
})

const eventAdapter = casePart('event', 'event', ['caseId', 'personId', 'kind', 'occurredAt', 'precision', 'approx', 'title', 'description', 'statusAfter'], {
  async toColumns(tx, input: RecordInput<'event'>, existing) {
    const date = dateColumns('', input.occurred, { at: 'occurredAt', precision: 'precision', approx: 'approx' })
    const fields = { kind: input.kind, ...date, title: input.title, description: input.description, statusAfter: input.statusAfter }
    if (input.personId !== null) {
      // A fact of a person's life: no case, and it stays with its person.
      const person = await tx.person.findUnique({ where: { id: input.personId }, select: { deletedAt: true } })
      if (!person || person.deletedAt) return { ok: false, fieldErrors: { _form: ['This person does not exist or was deleted.'] } }
      if (existing && (existing.caseId !== null || existing.personId !== input.personId)) return { ok: false, fieldErrors: { _form: ['This event belongs to another record.'] } }
      return { ok: true, data: { ...fields, caseId: null, personId: input.personId } }
    }
    const caseId = input.caseId!
    const problem = (await requireCase(tx, caseId)) ?? sameCase(existing, caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    // personId on a case event (whom an arrest concerns) is kept as it is.
    return { ok: true, data: { ...fields, caseId } }
  },
  toFormValues: (r) => ({
    ...(r.caseId ? { caseId: str(r.caseId) } : { personId: str(r.personId) }),
    kind: str(r.kind),
    ...dateValues('occurred', date(r.occurredAt, r.precision, r.approx)),
    title: str(r.title),
    description: str(r.description),
    statusAfter: str(r.statusAfter),
  }),
  describe: (r) => str(r.title),
})
// A life event shows on its person's page.
const casePartPaths = eventAdapter.publicPaths
eventAdapter.publicPaths = async (tx, r) => {
  if (r.caseId) return casePartPaths(tx, r)
  const person = r.personId ? await tx.person.findUnique({ where: { id: Number(r.personId) } }) : null
  return person ? [`/people/${person.slug}`] : []
}

/** The case a citation's target belongs to. */
async function citationCaseId(tx: Tx, r: Row): Promise<number | null> {
  if (r.caseId) return Number(r.caseId)
  if (r.eventId) return (await tx.event.findUnique({ where: { id: Number(r.eventId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.chargeId) return (await tx.charge.findUnique({ where: { id: Number(r.chargeId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.partyId) return (await tx.party.findUnique({ where: { id: Number(r.partyId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.conflictVersionId) {
    return (await tx.conflictVersion.findUnique({ where: { id: Number(r.conflictVersionId) }, select: { conflict: { select: { caseId: true } } } }))?.conflict.caseId ?? null
  }
  return null
}

const CITATION_TARGETS = ['caseId', 'eventId', 'chargeId', 'partyId', 'personId', 'organisationId', 'provisionId', 'conflictVersionId'] as const

const citationAdapter: KindAdapter = {
  entity: 'citation',
  model: delegate('citation'),
  columns: ['sourceId', 'quote', 'locator', 'field', ...CITATION_TARGETS],
  softDelete: false,
  async toColumns(tx, input: RecordInput<'citation'>, existing) {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { deletedAt: true } })
    if (!source || source.deletedAt) return { ok: false, fieldErrors: { sourceId: ['Choose a source from the list.'] } }
    const targets: Record<(typeof CITATION_TARGETS)[number], number | null> = {
      caseId: null, eventId: null, chargeId: null, partyId: null, personId: null, organisationId: null, provisionId: null, conflictVersionId: null,
    }
    let field: string | null = null
    const t = input.target
    if (t.kind === 'person' || t.kind === 'organisation' || t.kind === 'provision') {
      if (input.caseId !== null) return { ok: false, fieldErrors: { target: ['Choose something in this case.'] } }
      // A description's citation: the record must exist, and an edit keeps its record.
      const owner =
        t.kind === 'person'
          ? await tx.person.findUnique({ where: { id: t.id }, select: { deletedAt: true } })
          : t.kind === 'organisation'
            ? await tx.organisation.findUnique({ where: { id: t.id }, select: { deletedAt: true } })
            : await tx.legalProvision.findUnique({ where: { id: t.id }, select: { deletedAt: true } })
      if (!owner || owner.deletedAt) return { ok: false, fieldErrors: { target: ['This record does not exist or was deleted.'] } }
      targets[`${t.kind}Id`] = t.id
      field = 'description'
      if (existing && existing[`${t.kind}Id`] !== t.id) return { ok: false, fieldErrors: { _form: ['This citation belongs to another record.'] } }
      return { ok: true, data: { sourceId: input.sourceId, quote: input.quote, locator: input.locator, field, ...targets } }
    }
    if (t.kind === 'event' && input.caseId === null) {
      const event = await tx.event.findUnique({ where: { id: t.id }, select: { caseId: true } })
      if (!event || event.caseId !== null) return { ok: false, fieldErrors: { target: ['Choose an event from the list.'] } }
      if (existing && existing.eventId !== t.id) return { ok: false, fieldErrors: { _form: ['This citation belongs to another record.'] } }
      return { ok: true, data: { sourceId: input.sourceId, quote: input.quote, locator: input.locator, field: null, ...targets, eventId: t.id } }
    }
    if (input.caseId === null) return { ok: false, fieldErrors: { target: ['A citation of a part of a case is added from the case’s page.'] } }
    const caseId = input.caseId
    const problem = await requireCase(tx, caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    let targetCase: number | null = null
    if (t.kind === 'case') {
      targets.caseId = caseId
      field = t.field
      targetCase = caseId
    } else if (t.kind === 'event') {
      targets.eventId = t.id
      targetCase = (await tx.event.findUnique({ where: { id: t.id }, select: { caseId: true } }))?.caseId ?? null
    } else if (t.kind === 'charge') {
      targets.chargeId = t.id
      targetCase = (await tx.charge.findUnique({ where: { id: t.id }, select: { caseId: true } }))?.caseId ?? null
    } else if (t.kind === 'party') {
      targets.partyId = t.id
      targetCase = (await tx.party.findUnique({ where: { id: t.id }, select: { caseId: true } }))?.caseId ?? null
    } else {
      targets.conflictVersionId = t.id
      targetCase = (await tx.conflictVersion.findUnique({ where: { id: t.id }, select: { conflict: { select: { caseId: true } } } }))?.conflict.caseId ?? null
    }
    if (targetCase !== caseId) return { ok: false, fieldErrors: { target: ['Choose something in this case.'] } }
    if (existing && (await citationCaseId(tx, existing)) !== caseId) return { ok: false, fieldErrors: { _form: ['This citation belongs to another case.'] } }
    return { ok: true, data: { sourceId: input.sourceId, quote: input.quote, locator: input.locator, field, ...targets } }
  },
  toFormValues: (r) => {
    const target = r.caseId
      ? `case:${str(r.field) || 'summary'}`
      : r.eventId
        ? `event:${r.eventId}`
        : r.chargeId
          ? `charge:${r.chargeId}`
          : r.partyId
            ? `party:${r.partyId}`
            : r.conflictVersionId
              ? `conflictVersion:${r.conflictVersionId}`
              : r.personId
                ? `person:${r.personId}`
                : r.organisationId
                  ? `organisation:${r.organisationId}`
                  : r.provisionId
                    ? `provision:${r.provisionId}`
                    : ''
    return { target, sourceId: str(r.sourceId), quote: str(r.quote), locator: str(r.locator) }
  },
  caseIdOf: citationCaseId,
  describe: (r) => `“${str(r.quote).slice(0, 60)}${str(r.quote).length > 60 ? '…' : ''}”`,
  async publicPaths(tx, r) {
    const caseId = await citationCaseId(tx, r)
    const owner = r.personId ? ['person', r.personId] : r.organisationId ? ['organisation', r.organisationId] : r.provisionId ? ['provision', r.provisionId] : null
    const ownerPaths = owner ? await KINDS[owner[0] as 'person'].publicPaths(tx, (await KINDS[owner[0] as 'person'].model(tx).findUnique({ where: { id: Number(owner[1]) } }))!) : []
    const lifeEvent = !caseId && r.eventId ? await tx.event.findUnique({ where: { id: Number(r.eventId) } }) : null
    const lifeEventPaths = lifeEvent ? await eventAdapter.publicPaths(tx, lifeEvent as unknown as Row) : []
    return [`/sources/${r.sourceId}`, ...(caseId ? await casePublicPaths(tx, caseId) : []), ...ownerPaths, ...lifeEventPaths]
  },
  async afterWrite(tx, before, after) {
    const row = after ?? before
    if (row) await touchCase(tx, await citationCaseId(tx, row))
  },
}

const relationAdapter: KindAdapter = {
  entity: 'relation',
  model: delegate('caseRelation'),
  columns: ['fromCaseId', 'toCaseId', 'kind', 'note'],
  softDelete: false,
  async toColumns(tx, input: RecordInput<'relation'>, existing) {
    const problem = await requireCase(tx, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    if (existing && existing.fromCaseId !== input.caseId) return { ok: false, fieldErrors: { _form: ['This relation belongs to another case.'] } }
    const other = await tx.case.findUnique({ where: { id: input.toCaseId }, select: { deletedAt: true } })
    if (!other || other.deletedAt) return { ok: false, fieldErrors: { toCaseId: ['Choose a case from the list.'] } }
    return { ok: true, data: { fromCaseId: input.caseId, toCaseId: input.toCaseId, kind: input.kind, note: input.note } }
  },
  toFormValues: (r) => ({ caseId: str(r.fromCaseId), toCaseId: str(r.toCaseId), kind: str(r.kind), note: str(r.note) }),
  caseIdOf: async (_tx, r) => Number(r.fromCaseId),
  describe: (r) => `${str(r.kind).toLowerCase().replaceAll('_', ' ')} case #${str(r.toCaseId)}`,
  async publicPaths(tx, r) {
    return [...(await casePublicPaths(tx, Number(r.fromCaseId))), ...(await casePublicPaths(tx, Number(r.toCaseId)))]
  },
  uniqueMessage: { field: 'toCaseId', message: 'These cases are already related this way.' },
  async afterWrite(tx, before, after) {
    const row = after ?? before
    if (row) await touchCase(tx, Number(row.fromCaseId))
  },
}

const conflictAdapter = casePart('conflict', 'conflict', ['caseId', 'eventId', 'subject', 'note'], {
  async toColumns(tx, input: RecordInput<'conflict'>, existing) {
    const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    if (input.eventId !== null) {
      const e = await tx.event.findUnique({ where: { id: input.eventId }, select: { caseId: true } })
      if (!e || e.caseId !== input.caseId) return { ok: false, fieldErrors: { eventId: ['Choose an event of this case.'] } }
    }
    return { ok: true, data: { caseId: input.caseId, eventId: input.eventId, subject: input.subject, note: input.note } }
  },
  toFormValues: (r) => ({ caseId: str(r.caseId), eventId: str(r.eventId), subject: str(r.subject), note: str(r.note) }),
  describe: (r) => str(r.subject),
  async deleteBlocker(tx, r) {
    const n = await tx.conflictVersion.count({ where: { conflictId: r.id } })
    return n ? `This disputed fact has ${n} version${n === 1 ? '' : 's'}. Delete those first.` : null
  },
})

async function versionCaseId(tx: Tx, r: Row): Promise<number | null> {
  return (await tx.conflict.findUnique({ where: { id: Number(r.conflictId) }, select: { caseId: true } }))?.caseId ?? null
}

const conflictVersionAdapter: KindAdapter = {
  entity: 'conflictVersion',
  model: delegate('conflictVersion'),
  columns: ['conflictId', 'statement', 'preferred', 'position'],
  softDelete: false,
  async toColumns(tx, input: RecordInput<'conflictVersion'>, existing) {
    const problem = await requireCase(tx, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    const conflict = await tx.conflict.findUnique({ where: { id: input.conflictId }, select: { caseId: true } })
    if (!conflict || conflict.caseId !== input.caseId) return { ok: false, fieldErrors: { conflictId: ['Choose a disputed fact of this case.'] } }
    if (existing && existing.conflictId !== input.conflictId) return { ok: false, fieldErrors: { conflictId: ['A version stays with its disputed fact.'] } }
    if (input.preferred) {
      // One preferred version per disputed fact, changed by the editor in the open:
      // never silently un-prefer another version (that would be a change without a revision).
      const other = await tx.conflictVersion.findFirst({ where: { conflictId: input.conflictId, preferred: true, NOT: existing ? { id: existing.id } : undefined }, select: { statement: true } })
      if (other) return { ok: false, fieldErrors: { preferred: [`Another version is already preferred (“${other.statement.slice(0, 80)}”). Un-mark it first.`] } }
    }
    const position = existing ? Number(existing.position) : await tx.conflictVersion.count({ where: { conflictId: input.conflictId } })
    return { ok: true, data: { conflictId: input.conflictId, statement: input.statement, preferred: input.preferred, position } }
  },
  toFormValues: (r) => ({ conflictId: str(r.conflictId), statement: str(r.statement), preferred: r.preferred ? 'on' : '' }),
  caseIdOf: versionCaseId,
  describe: (r) => str(r.statement).slice(0, 80),
  async publicPaths(tx, r) {
    const caseId = await versionCaseId(tx, r)
    return caseId ? casePublicPaths(tx, caseId) : DASHBOARD_PATHS
  },
  async deleteBlocker() {
    return null
  },
  async afterWrite(tx, before, after) {
    const row = after ?? before
    if (row) await touchCase(tx, await versionCaseId(tx, row))
  },
}

export const KINDS: Record<Entity, KindAdapter> = {
  case: caseAdapter,
  person: personAdapter,
  organisation: organisationAdapter,
  provision: provisionAdapter,
  source: sourceAdapter,
  alias: aliasAdapter,
  party: partyAdapter,
  charge: chargeAdapter,
  event: eventAdapter,
  citation: citationAdapter,
  relation: relationAdapter,
  conflict: conflictAdapter,
  conflictVersion: conflictVersionAdapter,
}
