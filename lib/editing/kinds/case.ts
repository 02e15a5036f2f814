import 'server-only'
import type { RecordInput } from '@/lib/validation/records'
import { recordTag } from '@/lib/cache/tags'
import { casePublicTags, chooseSlug, date, dateColumns, dateValues, delegate, keepOldSlug, str, touchCase, unique, type KindAdapter } from './shared'

// ---------------------------------------------------------------------------

const CASE_STATE = ['publishedAt', 'withdrawnAt', 'deletedAt'] as const

export const caseAdapter: KindAdapter = {
  entity: 'case',
  model: delegate('case'),
  columns: [
    'slug',
    'title',
    'kind',
    'jurisdiction',
    'authorityId',
    'caseNumber',
    'summary',
    'openedAt',
    'openedPrecision',
    'openedApprox',
    'closedAt',
    'closedPrecision',
    'closedApprox',
    'statusOverride',
    'statusOverrideAt',
    'statusOverridePrecision',
    'statusOverrideApprox',
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
  // The authority the row named before an edit lists the case too, until this write.
  async publicTags(tx, r) {
    const tags = await casePublicTags(tx, r.id)
    return r.authorityId && (r.publishedAt || r.withdrawnAt) ? unique(tags, [recordTag('organisation', Number(r.authorityId))]) : tags
  },
  async afterWrite(tx, before, after) {
    await keepOldSlug(tx, 'CASE', before, after)
    if (after) await touchCase(tx, after.id)
  },
}
