import 'server-only'
import { cleanUrl } from '@/lib/domain/canonical-url'
import { childLevel, provisionLevel, provisionName } from '@/lib/domain/provision-name'
import type { FieldErrors } from '@/lib/actions/safe-action-types'
import type { RecordInput } from '@/lib/validation/records'
import { alreadyStoredMessage, findSourceAt } from '../stored-source'
import { DASHBOARD_TAG, recordTag } from '@/lib/cache/tags'
import {
  chooseSlug,
  citingSourceTags,
  provisionTreeTags,
  publicCaseIds,
  sourcesCitingIds,
  date,
  dateColumns,
  dateValues,
  delegate,
  keepOldSlug,
  str,
  unique,
  type KindAdapter,
  type Row,
  type Tx,
} from './shared'

// What cases refer to: the articles of law charged, and the documents cited.

const PROVISION_TREE_COLUMNS = ['jurisdiction', 'code', 'article', 'part', 'paragraph'] as const
type Placement = { parentId: number | null; jurisdiction: string; code: string; article: string; part: string | null; paragraph: string | null }

/**
 * Where the provision goes in its code's tree, as columns: an article types its own
 * jurisdiction, code and article; a part takes them from its article, a paragraph also
 * the part from its part. Refused: a parent that is a paragraph or gone, a cycle (a
 * provision under its own descendant), and a provision with sub-provisions changing
 * what they inherit from it.
 */
async function placeProvision(tx: Tx, input: RecordInput<'provision'>, existing: Row | null): Promise<{ ok: true; placement: Placement } | { ok: false; fieldErrors: FieldErrors }> {
  let placement: Placement
  if (input.parentId === null) {
    placement = { parentId: null, jurisdiction: input.jurisdiction, code: input.code, article: input.article, part: null, paragraph: null }
  } else {
    const parent = await tx.legalProvision.findUnique({ where: { id: input.parentId } })
    if (!parent || parent.deletedAt) return { ok: false, fieldErrors: { parentId: ['Choose the parent provision from the list.'] } }
    // Up from the parent: this provision must not be among its ancestors (nor the parent itself).
    for (let at: { id: number; parentId: number | null } | null = parent, depth = 0; at && depth < 10; depth++) {
      if (existing && at.id === existing.id) return { ok: false, fieldErrors: { parentId: ['A provision cannot be placed under itself or under one of its own parts or paragraphs.'] } }
      at = at.parentId === null ? null : await tx.legalProvision.findUnique({ where: { id: at.parentId }, select: { id: true, parentId: true } })
    }
    const level = childLevel(provisionLevel(parent))
    if (level === null) return { ok: false, fieldErrors: { parentId: ['A paragraph has no sub-provisions: choose an article (for a part) or a part (for a paragraph).'] } }
    if (level === 'part') {
      if (!input.part) return { ok: false, fieldErrors: { part: ['Enter the number of the part.'] } }
      if (input.paragraph) return { ok: false, fieldErrors: { paragraph: ['Under an article this is a part: leave the paragraph empty, or choose the part as the parent to add a paragraph of it.'] } }
      placement = { parentId: parent.id, jurisdiction: parent.jurisdiction, code: parent.code, article: parent.article, part: input.part, paragraph: null }
    } else {
      if (!input.paragraph) return { ok: false, fieldErrors: { paragraph: ['Enter the number of the paragraph.'] } }
      placement = { parentId: parent.id, jurisdiction: parent.jurisdiction, code: parent.code, article: parent.article, part: parent.part, paragraph: input.paragraph }
    }
  }
  if (existing && PROVISION_TREE_COLUMNS.some((c) => placement[c] !== (existing[c] ?? null))) {
    const children = await tx.legalProvision.count({ where: { parentId: existing.id } })
    if (children) {
      const what = existing.part ? 'paragraphs' : 'parts'
      return {
        ok: false,
        fieldErrors: {
          _form: [
            `This provision has ${what} recorded under it, which take its jurisdiction, code and number: those cannot change while they are there. Change only the title and description, or move or delete its ${what} first.`,
          ],
        },
      }
    }
  }
  // The unique index cannot see a duplicate article: its empty part is NULL, and NULLs differ.
  const { parentId: _p, ...tree } = placement
  const same = await tx.legalProvision.findFirst({ where: { ...tree, NOT: existing ? { id: existing.id } : undefined }, select: { id: true } })
  if (same)
    return { ok: false, fieldErrors: { [placement.paragraph ? 'paragraph' : placement.part ? 'part' : 'article']: ['This provision (jurisdiction, code, article, part and paragraph) is already recorded.'] } }
  return { ok: true, placement }
}

export const provisionAdapter: KindAdapter = {
  entity: 'provision',
  model: delegate('legalProvision'),
  columns: ['slug', 'parentId', 'jurisdiction', 'code', 'article', 'part', 'paragraph', 'title', 'description', 'deletedAt'],
  stateColumns: ['deletedAt'],
  softDelete: true,
  async toColumns(tx, input: RecordInput<'provision'>, existing) {
    const placed = await placeProvision(tx, input, existing)
    if (!placed.ok) return placed
    const p = placed.placement
    const name = [p.jurisdiction, p.code, p.article, p.part, p.paragraph].filter(Boolean).join(' ')
    const slug = await chooseSlug(tx, 'PROVISION', input.slug, name, existing)
    if (!slug.ok) return slug
    return { ok: true, data: { ...p, title: input.title, description: input.description, slug: slug.slug } }
  },
  toFormValues: (r) => ({
    parentId: str(r.parentId),
    jurisdiction: str(r.jurisdiction),
    code: str(r.code),
    article: str(r.article),
    part: str(r.part),
    paragraph: str(r.paragraph),
    title: str(r.title),
    slug: str(r.slug),
    description: str(r.description),
  }),
  caseIdOf: async () => null,
  describe: (r) => provisionName({ article: str(r.article), part: str(r.part), paragraph: str(r.paragraph), code: str(r.code), title: str(r.title) }, { title: true }),
  // Its name is on every case charging it (and so the dashboard) and on the sources
  // citing its description; its article's page (and its part's) lists it with the
  // cases charged under it, and its parts' and paragraphs' pages name it as theirs.
  async publicTags(tx, r) {
    const descendants = await tx.legalProvision.findMany({ where: { OR: [{ parentId: r.id }, { parent: { parentId: r.id } }] }, select: { id: true } })
    const charges = await tx.charge.findMany({ where: { provisionId: r.id }, select: { id: true, caseId: true } })
    const caseIds = [...new Set(charges.map((c) => c.caseId))]
    // The dashboard's menu offers an article while a public case is charged under it or any of its descendants.
    const treeCharges = await tx.charge.findMany({ where: { provisionId: { in: [r.id, ...descendants.map((d) => d.id)] } }, select: { caseId: true }, distinct: ['caseId'] })
    const published = (
      await publicCaseIds(
        tx,
        treeCharges.map((c) => c.caseId),
      )
    ).length
    return unique(
      await provisionTreeTags(tx, [r.id]),
      descendants.map((d) => recordTag('provision', d.id)),
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
    const children = await tx.legalProvision.count({ where: { parentId: r.id, deletedAt: null } })
    if (children) {
      const what = r.part ? (children === 1 ? 'paragraph' : 'paragraphs') : children === 1 ? 'part' : 'parts'
      return `${children} ${what} of this provision ${children === 1 ? 'is' : 'are'} recorded under it. Delete or move ${children === 1 ? 'it' : 'them'} first.`
    }
    const n = await tx.charge.count({ where: { provisionId: r.id } })
    return n ? `${n} charge${n === 1 ? ' cites' : 's cite'} this provision. Change those charges first.` : null
  },
  uniqueMessage: { field: '_form', message: 'This provision (jurisdiction, code, article, part and paragraph) is already recorded.' },
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
