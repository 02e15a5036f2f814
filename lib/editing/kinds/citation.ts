import 'server-only'
import { citationTargetValue, type CitationTargetColumns } from '@/lib/domain/citation-target'
import type { RecordInput } from '@/lib/validation/records'
import { recordTag } from '@/lib/cache/tags'
import { casePublicTags, delegate, requireCase, str, touchCase, unique, type KindAdapter, type Row, type Tx } from './shared'

// A claim's link to a source: in a case, or on a person's, an organisation's or a provision's description.

/** The case a citation's target belongs to. */
async function citationCaseId(tx: Tx, r: Row): Promise<number | null> {
  if (r.caseId) return Number(r.caseId)
  if (r.eventId) return (await tx.event.findUnique({ where: { id: Number(r.eventId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.chargeId) return (await tx.charge.findUnique({ where: { id: Number(r.chargeId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.partyId) return (await tx.party.findUnique({ where: { id: Number(r.partyId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.stageId) return (await tx.stage.findUnique({ where: { id: Number(r.stageId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.decisionId) return (await tx.stageDecision.findUnique({ where: { id: Number(r.decisionId) }, select: { caseId: true } }))?.caseId ?? null
  if (r.conflictVersionId) {
    return (await tx.conflictVersion.findUnique({ where: { id: Number(r.conflictVersionId) }, select: { conflict: { select: { caseId: true } } } }))?.conflict.caseId ?? null
  }
  return null
}

const CITATION_TARGETS = ['caseId', 'eventId', 'chargeId', 'partyId', 'stageId', 'decisionId', 'personId', 'organisationId', 'provisionId', 'conflictVersionId'] as const

export const citationAdapter: KindAdapter = {
  entity: 'citation',
  model: delegate('citation'),
  columns: ['sourceId', 'quote', 'translation', 'locator', 'field', ...CITATION_TARGETS],
  softDelete: false,
  async toColumns(tx, input: RecordInput<'citation'>, existing) {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { deletedAt: true } })
    if (!source || source.deletedAt) return { ok: false, fieldErrors: { sourceId: ['Choose a source from the list.'] } }
    const targets: Record<(typeof CITATION_TARGETS)[number], number | null> = {
      caseId: null,
      eventId: null,
      chargeId: null,
      partyId: null,
      stageId: null,
      decisionId: null,
      personId: null,
      organisationId: null,
      provisionId: null,
      conflictVersionId: null,
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
      return { ok: true, data: { sourceId: input.sourceId, quote: input.quote, translation: input.translation, locator: input.locator, field, ...targets } }
    }
    if (t.kind === 'event' && input.caseId === null) {
      const event = await tx.event.findUnique({ where: { id: t.id }, select: { caseId: true } })
      if (!event || event.caseId !== null) return { ok: false, fieldErrors: { target: ['Choose an event from the list.'] } }
      if (existing && existing.eventId !== t.id) return { ok: false, fieldErrors: { _form: ['This citation belongs to another record.'] } }
      return { ok: true, data: { sourceId: input.sourceId, quote: input.quote, translation: input.translation, locator: input.locator, field: null, ...targets, eventId: t.id } }
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
    } else if (t.kind === 'stage') {
      targets.stageId = t.id
      targetCase = (await tx.stage.findUnique({ where: { id: t.id }, select: { caseId: true } }))?.caseId ?? null
    } else if (t.kind === 'decision') {
      targets.decisionId = t.id
      targetCase = (await tx.stageDecision.findUnique({ where: { id: t.id }, select: { caseId: true } }))?.caseId ?? null
    } else {
      targets.conflictVersionId = t.id
      targetCase = (await tx.conflictVersion.findUnique({ where: { id: t.id }, select: { conflict: { select: { caseId: true } } } }))?.conflict.caseId ?? null
    }
    if (targetCase !== caseId) return { ok: false, fieldErrors: { target: ['Choose something in this case.'] } }
    if (existing && (await citationCaseId(tx, existing)) !== caseId) return { ok: false, fieldErrors: { _form: ['This citation belongs to another case.'] } }
    return { ok: true, data: { sourceId: input.sourceId, quote: input.quote, translation: input.translation, locator: input.locator, field, ...targets } }
  },
  toFormValues: (r) => {
    const target = citationTargetValue(r as CitationTargetColumns)
    return { target, sourceId: str(r.sourceId), quote: str(r.quote), translation: str(r.translation), locator: str(r.locator) }
  },
  caseIdOf: citationCaseId,
  describe: (r) => `“${str(r.quote).slice(0, 60)}${str(r.quote).length > 60 ? '…' : ''}”`,
  // The source's page lists the citation; the claim's page shows it as a footnote.
  async publicTags(tx, r) {
    const caseId = await citationCaseId(tx, r)
    const owner = r.personId
      ? recordTag('person', Number(r.personId))
      : r.organisationId
        ? recordTag('organisation', Number(r.organisationId))
        : r.provisionId
          ? recordTag('provision', Number(r.provisionId))
          : null
    const lifeEvent = !caseId && r.eventId ? await tx.event.findUnique({ where: { id: Number(r.eventId) }, select: { personId: true } }) : null
    return unique([recordTag('source', Number(r.sourceId))], caseId ? await casePublicTags(tx, caseId) : [], owner ? [owner] : [], lifeEvent?.personId ? [recordTag('person', lifeEvent.personId)] : [])
  },
  async afterWrite(tx, before, after) {
    const row = after ?? before
    if (row) await touchCase(tx, await citationCaseId(tx, row))
  },
}
