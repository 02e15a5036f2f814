import 'server-only'
import type { RecordInput } from '@/lib/validation/records'
import { recordTag } from '@/lib/cache/tags'
import { lengthInMonths } from '@/lib/domain/sentence'
import { casePart, partTags } from './case-parts'
import { date, dateColumns, dateValues, requireCase, sameCase, str, unique, type Row, type Tx } from './shared'

// The stages of a proceeding (first instance, appeal, ...) and what each decided per
// defendant. Both are parts of their case: listed in its history, shown on its pages.

/** A stage's court, when it is a record, shows the case on no page of its own; its name shows on the case's pages. */
export const stageAdapter = casePart('stage', 'stage', ['caseId', 'kind', 'courtId', 'courtName', 'decidedAt', 'decidedPrecision', 'decidedApprox', 'note'], {
  async toColumns(tx, input: RecordInput<'stage'>, existing) {
    const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
    if (problem) return { ok: false, fieldErrors: problem }
    if (input.courtId !== null) {
      const court = await tx.organisation.findUnique({ where: { id: input.courtId }, select: { deletedAt: true } })
      if (!court || court.deletedAt) return { ok: false, fieldErrors: { courtId: ['Choose an organisation from the list.'] } }
    }
    return {
      ok: true,
      data: { caseId: input.caseId, kind: input.kind, courtId: input.courtId, courtName: input.courtName, ...dateColumns('decided', input.decided), note: input.note },
    }
  },
  toFormValues: (r) => ({
    caseId: str(r.caseId),
    kind: str(r.kind),
    courtId: str(r.courtId),
    courtName: str(r.courtName),
    ...dateValues('decided', date(r.decidedAt, r.decidedPrecision, r.decidedApprox)),
    note: str(r.note),
  }),
  describe: (r) => `${str(r.kind).toLowerCase().replaceAll('_', ' ')} #${r.id}`,
  async deleteBlocker(tx, r) {
    const n = await tx.stageDecision.count({ where: { stageId: r.id } })
    return n ? `This stage has ${n} decision${n === 1 ? '' : 's'}. Delete those first.` : null
  },
  async publicTags(tx, r) {
    const tags = await partTags(tx, r)
    // The court's own page is not listed here: no organisation page lists stages.
    return r.courtId && tags.length > 1 ? unique(tags, [recordTag('organisation', Number(r.courtId))]) : tags
  },
})

const yearsAndMonths = (n: number | null) => (n === null ? { years: '', months: '' } : { years: String(Math.floor(n / 12)), months: String(n % 12) })

export const decisionAdapter = casePart(
  'decision',
  'stageDecision',
  ['caseId', 'stageId', 'partyId', 'decision', 'sentenceKind', 'sentenceMonths', 'fineAmount', 'fineCurrency', 'activityBanMonths', 'deportation', 'sentenceNote'],
  {
    async toColumns(tx: Tx, input: RecordInput<'decision'>, existing: Row | null) {
      const problem = (await requireCase(tx, input.caseId)) ?? sameCase(existing, input.caseId)
      if (problem) return { ok: false, fieldErrors: problem }
      const [stage, party] = await Promise.all([
        tx.stage.findUnique({ where: { id: input.stageId }, select: { caseId: true } }),
        tx.party.findUnique({ where: { id: input.partyId }, select: { caseId: true, role: true } }),
      ])
      if (!stage || stage.caseId !== input.caseId) return { ok: false, fieldErrors: { stageId: ['Choose a stage of this case.'] } }
      if (!party || party.caseId !== input.caseId) return { ok: false, fieldErrors: { partyId: ['Choose a defendant of this case.'] } }
      // A court decides for a defendant (or, in an international review, for the person it concerns), never for a lawyer or a judge.
      if (party.role !== 'DEFENDANT' && party.role !== 'VICTIM') return { ok: false, fieldErrors: { partyId: ['Choose a defendant of this case: a decision is about a defendant.'] } }
      return {
        ok: true,
        data: {
          caseId: input.caseId,
          stageId: input.stageId,
          partyId: input.partyId,
          decision: input.decision,
          sentenceKind: input.sentenceKind,
          sentenceMonths: lengthInMonths(input.sentenceYears, input.sentenceExtraMonths),
          fineAmount: input.fineAmount,
          fineCurrency: input.fineCurrency,
          activityBanMonths: lengthInMonths(input.banYears, input.banExtraMonths),
          deportation: input.deportation,
          sentenceNote: input.sentenceNote,
        },
      }
    },
    toFormValues: (r) => {
      const length = yearsAndMonths(r.sentenceMonths as number | null)
      const ban = yearsAndMonths(r.activityBanMonths as number | null)
      return {
        caseId: str(r.caseId),
        stageId: str(r.stageId),
        partyId: str(r.partyId),
        decision: str(r.decision),
        sentenceKind: str(r.sentenceKind),
        sentenceYears: length.years,
        sentenceExtraMonths: length.months,
        fineAmount: str(r.fineAmount),
        fineCurrency: str(r.fineCurrency),
        banYears: ban.years,
        banExtraMonths: ban.months,
        deportation: r.deportation ? 'on' : '',
        sentenceNote: str(r.sentenceNote),
      }
    },
    describe: (r) => `decision #${r.id}: ${str(r.decision).toLowerCase().replaceAll('_', ' ')}`,
    uniqueMessage: { field: 'partyId', message: 'This stage already has a decision for this defendant: edit that one.' },
  },
)
