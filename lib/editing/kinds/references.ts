import 'server-only'
import { cleanUrl } from '@/lib/domain/canonical-url'
import { provisionName } from '@/lib/domain/provision-name'
import type { RecordInput } from '@/lib/validation/records'
import { alreadyStoredMessage, findSourceAt } from '../stored-source'
import { DASHBOARD_TAG, recordTag } from '@/lib/cache/tags'
import { chooseSlug, citingSourceTags, publicCaseIds, sourcesCitingIds, date, dateColumns, dateValues, delegate, keepOldSlug, str, unique, type KindAdapter } from './shared'

// What cases refer to: the articles of law charged, and the documents cited.

export const provisionAdapter: KindAdapter = {
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
  describe: (r) => provisionName({ article: str(r.article), part: str(r.part), code: str(r.code), title: str(r.title) }, { title: true }),
  // Its name is on every case charging it (and so the dashboard) and on the sources citing its description.
  async publicTags(tx, r) {
    const charges = await tx.charge.findMany({ where: { provisionId: r.id }, select: { id: true, caseId: true } })
    const caseIds = [...new Set(charges.map((c) => c.caseId))]
    const published = (await publicCaseIds(tx, caseIds)).length
    return unique(
      [recordTag('provision', r.id)],
      published ? [DASHBOARD_TAG] : [],
      caseIds.map((id) => recordTag('case', id)),
      await sourcesCitingIds(
        tx,
        'chargeId',
        charges.map((c) => c.id),
      ),
      await citingSourceTags(tx, { provisionId: r.id }),
    )
  },
  async deleteBlocker(tx, r) {
    const n = await tx.charge.count({ where: { provisionId: r.id } })
    return n ? `${n} charge${n === 1 ? ' cites' : 's cite'} this provision. Change those charges first.` : null
  },
  uniqueMessage: { field: 'article', message: 'This provision (jurisdiction, code, article and part) is already recorded.' },
  afterWrite: (tx, before, after) => keepOldSlug(tx, 'PROVISION', before, after),
}

export const sourceAdapter: KindAdapter = {
  entity: 'source',
  model: delegate('source'),
  columns: [
    'url',
    'title',
    'publisher',
    'authors',
    'language',
    'publishedAt',
    'publishedPrecision',
    'publishedApprox',
    'publishedAsPrinted',
    'dateNote',
    'revisedAt',
    'revisedPrecision',
    'revisedApprox',
    'archiveUrl',
    'text',
    'description',
    'deletedAt',
  ],
  stateColumns: ['deletedAt'],
  softDelete: true,
  async toColumns(tx, input: RecordInput<'source'>, existing) {
    const { published, revised, url, archiveUrl, ...rest } = input
    // Name the source already stored at this address (the unique index would only say "taken").
    const stored = url ? await findSourceAt(tx, url, existing?.id ?? null) : null
    if (stored) return { ok: false, fieldErrors: { url: [alreadyStoredMessage(stored)] } }
    return {
      ok: true,
      data: { ...rest, url: url ? cleanUrl(url) : null, archiveUrl: archiveUrl || null, ...dateColumns('published', published), ...dateColumns('revised', revised) },
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
    ...dateValues('revised', date(r.revisedAt, r.revisedPrecision, r.revisedApprox)),
    archiveUrl: str(r.archiveUrl),
    description: str(r.description),
    text: str(r.text),
  }),
  caseIdOf: async () => null,
  describe: (r) => `${str(r.publisher)}: ${str(r.title)}`,
  // Its title is in the footnotes of every page citing it.
  async publicTags(tx, r) {
    const citing = await tx.citation.findMany({
      where: { sourceId: r.id },
      select: {
        caseId: true,
        charge: { select: { caseId: true } },
        party: { select: { caseId: true } },
        conflictVersion: { select: { conflict: { select: { caseId: true } } } },
        personId: true,
        organisationId: true,
        provisionId: true,
        event: { select: { caseId: true, personId: true } },
      },
      take: 2000,
    })
    const ids = new Set<number>()
    for (const c of citing) {
      for (const id of [c.caseId, c.event?.caseId, c.charge?.caseId, c.party?.caseId, c.conflictVersion?.conflict.caseId]) if (id) ids.add(id)
    }
    const owners = citing.flatMap((c) => [
      ...(c.personId ? [recordTag('person', c.personId)] : []),
      ...(c.event?.personId ? [recordTag('person', c.event.personId)] : []),
      ...(c.organisationId ? [recordTag('organisation', c.organisationId)] : []),
      ...(c.provisionId ? [recordTag('provision', c.provisionId)] : []),
    ])
    return unique(
      [recordTag('source', r.id)],
      owners,
      [...ids].map((id) => recordTag('case', id)),
    )
  },
  async deleteBlocker(tx, r) {
    const n = await tx.citation.count({ where: { sourceId: r.id } })
    return n ? `${n} citation${n === 1 ? '' : 's'} point to this source. Remove or move them first.` : null
  },
  uniqueMessage: { field: 'url', message: 'This article is already stored (same address).' },
}
