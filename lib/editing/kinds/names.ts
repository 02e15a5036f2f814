import 'server-only'
import { nameSearchKey } from '@/lib/domain/fold-name'
import type { RecordInput } from '@/lib/validation/records'
import { recordTag } from '@/lib/cache/tags'
import type { Tx } from './shared'
import { chooseSlug, namedInCasesTags, sourcesCitingIds, citingSourceTags, delegate, keepOldSlug, str, unique, type KindAdapter } from './shared'

// People and organisations, and the other names sources give them.

/**
 * A person's name is on their page, on every page of the cases they are a party to
 * (and so the dashboard and those cases' sources), and on the pages of the sources
 * that cite their profile or their life events.
 */
async function personTags(tx: Tx, personId: number): Promise<string[]> {
  // Two indexed look-ups, not one OR across a join (which scans every citation).
  const [parties, lifeEvents] = await Promise.all([
    tx.party.findMany({ where: { personId }, select: { id: true, caseId: true } }),
    tx.event.findMany({ where: { personId, caseId: null }, select: { id: true } }),
  ])
  return unique(
    [recordTag('person', personId)],
    await namedInCasesTags(tx, parties),
    await citingSourceTags(tx, { personId }),
    await sourcesCitingIds(
      tx,
      'eventId',
      lifeEvents.map((e) => e.id),
    ),
  )
}

async function organisationTags(tx: Tx, organisationId: number): Promise<string[]> {
  const [parties, asAuthority, asCourt] = await Promise.all([
    tx.party.findMany({ where: { organisationId }, select: { id: true, caseId: true } }),
    tx.case.findMany({ where: { authorityId: organisationId }, select: { id: true } }),
    tx.stage.findMany({ where: { courtId: organisationId }, select: { caseId: true } }),
  ])
  return unique(
    [recordTag('organisation', organisationId)],
    await namedInCasesTags(tx, parties, [...asAuthority.map((c) => c.id), ...asCourt.map((s) => s.caseId)]),
    await citingSourceTags(tx, { organisationId }),
  )
}

export const personAdapter: KindAdapter = {
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
  publicTags: (tx, r) => personTags(tx, r.id),
  async deleteBlocker(tx, r) {
    const n = await tx.party.count({ where: { personId: r.id } })
    return n ? `This person is a party to ${n} case${n === 1 ? '' : 's'}. Remove them from those cases first.` : null
  },
  afterWrite: (tx, before, after) => keepOldSlug(tx, 'PERSON', before, after),
}

export const organisationAdapter: KindAdapter = {
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
  publicTags: (tx, r) => organisationTags(tx, r.id),
  async deleteBlocker(tx, r) {
    const [parties, cases, stages] = await Promise.all([
      tx.party.count({ where: { organisationId: r.id } }),
      tx.case.count({ where: { authorityId: r.id, deletedAt: null } }),
      tx.stage.count({ where: { courtId: r.id } }),
    ])
    if (parties) return `This organisation is a party to ${parties} case${parties === 1 ? '' : 's'}. Remove it from those cases first.`
    if (cases) return `This organisation is the authority of ${cases} case${cases === 1 ? '' : 's'}. Change those cases first.`
    if (stages) return `This organisation is the court of ${stages} stage${stages === 1 ? '' : 's'} of a case. Change those stages first.`
    return null
  },
  afterWrite: (tx, before, after) => keepOldSlug(tx, 'ORGANISATION', before, after),
}

export const aliasAdapter: KindAdapter = {
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
  // Aliases show on their owner's page (and make the dashboard's name search find them).
  publicTags: (tx, r) => (r.personId ? personTags(tx, Number(r.personId)) : organisationTags(tx, Number(r.organisationId))),
  uniqueMessage: { field: 'name', message: 'This name is already recorded for them.' },
}
