// Sentences as stored (lib/domain/sentence.ts): how they read, which kinds the
// dashboard filters find, and which one stands after a chain of stages.
import { describe, expect, it } from 'vitest'
import { compareStages, encodeSentenceKinds, formatMonths, formatSentence, sentenceInForce, sentenceKindsOf, type Sentence, type StagedDecision } from '@/lib/domain/sentence'

const none: Sentence = { sentenceKind: null, sentenceMonths: null, fineAmount: null, fineCurrency: null, activityBanMonths: null, deportation: false, sentenceNote: '' }
const s = (over: Partial<Sentence>): Sentence => ({ ...none, ...over })
const d = (over: Partial<StagedDecision>): StagedDecision => ({ ...none, decision: 'CONVICTED', stageKind: 'FIRST_INSTANCE', ...over })

describe('formatSentence', () => {
  it('reads a length, a fine and a ban as a court would say them', () => {
    expect(formatSentence(s({ sentenceKind: 'IMPRISONMENT', sentenceMonths: 36 }))).toBe('3 years’ imprisonment')
    expect(formatSentence(s({ sentenceKind: 'RESTRICTED_FREEDOM', sentenceMonths: 30 }))).toBe('2 years 6 months’ restricted freedom')
    expect(formatSentence(s({ sentenceKind: 'FINE', fineAmount: 333, fineCurrency: 'USD' }))).toBe('Fine of 333 USD')
    expect(formatSentence(s({ sentenceKind: 'FINE', activityBanMonths: 84, sentenceNote: 'the ban covers political activity' }))).toBe('Fine; 7-year ban on activity; the ban covers political activity')
    expect(formatSentence(s({ sentenceKind: 'IMPRISONMENT', sentenceMonths: 96, fineAmount: 1_500_000, fineCurrency: 'KZT', deportation: true }))).toBe(
      '8 years’ imprisonment; fine of 1,500,000 KZT; deportation',
    )
    expect(formatSentence(s({ sentenceKind: 'SUSPENDED' }))).toBe('Suspended sentence')
    expect(formatSentence(s({ sentenceKind: 'IMPRISONMENT', sentenceMonths: 12 }))).toBe('1 year’s imprisonment')
    expect(formatSentence(s({ sentenceKind: 'PROBATION', sentenceMonths: 13 }))).toBe('1 year 1 month’s probation')
  })

  it('says nothing when no sentence is stated, and keeps the editor’s words as typed', () => {
    expect(formatSentence(none)).toBe('')
    expect(formatSentence(s({ sentenceNote: 'eight years, as reported' }))).toBe('eight years, as reported')
  })

  it('writes lengths in years and months', () => {
    expect(formatMonths(12)).toBe('1 year')
    expect(formatMonths(18)).toBe('1 year 6 months')
    expect(formatMonths(8)).toBe('8 months')
  })
})

describe('sentenceKindsOf and encodeSentenceKinds', () => {
  it('finds the main penalty and what comes on top of it, in a fixed order', () => {
    expect(sentenceKindsOf(s({ sentenceKind: 'IMPRISONMENT', activityBanMonths: 36, deportation: true }))).toEqual(['IMPRISONMENT', 'ACTIVITY_BAN', 'DEPORTATION'])
    expect(sentenceKindsOf(s({ sentenceKind: 'NONE' }))).toEqual([])
    expect(sentenceKindsOf(s({ sentenceKind: 'SUSPENDED', fineAmount: 10 }))).toEqual(['SUSPENDED', 'FINE'])
    expect(encodeSentenceKinds(['FINE', 'IMPRISONMENT', 'FINE'])).toBe('|IMPRISONMENT|FINE|')
    expect(encodeSentenceKinds([])).toBe('')
  })
})

describe('sentenceInForce', () => {
  const first = d({ sentenceKind: 'IMPRISONMENT', sentenceMonths: 36 })
  it('is the appeal’s changed sentence after a first instance', () => {
    const appeal = d({ stageKind: 'APPEAL', decision: 'CHANGED', sentenceKind: 'RESTRICTED_FREEDOM', sentenceMonths: 36 })
    expect(sentenceInForce([first, appeal])).toBe(appeal)
  })
  it('stays the first sentence when an appeal upholds it without restating it', () => {
    expect(sentenceInForce([first, d({ stageKind: 'APPEAL', decision: 'UPHELD' })])).toBe(first)
  })
  it('is none after an acquittal on appeal or a retrial order, and is the retrial’s afterwards', () => {
    expect(sentenceInForce([first, d({ stageKind: 'APPEAL', decision: 'OVERTURNED' })])).toBeNull()
    const retrial = d({ stageKind: 'RETRIAL', sentenceKind: 'SUSPENDED', sentenceMonths: 24 })
    expect(sentenceInForce([first, d({ stageKind: 'CASSATION', decision: 'SENT_BACK' }), retrial])).toBe(retrial)
  })
  it('is left as it was by an international body’s finding', () => {
    expect(sentenceInForce([first, d({ stageKind: 'INTERNATIONAL_REVIEW', decision: 'VIOLATION_FOUND' })])).toBe(first)
  })
})

describe('compareStages', () => {
  it('orders dated stages by date, and by kind when a date is missing; then as entered', () => {
    const a = { id: 3, kind: 'APPEAL' as const, decidedAt: new Date('2020-03-01') }
    const b = { id: 1, kind: 'CASSATION' as const, decidedAt: new Date('2020-06-01') }
    const c = { id: 2, kind: 'RETRIAL' as const, decidedAt: null }
    const e = { id: 4, kind: 'RETRIAL' as const, decidedAt: null }
    expect([e, c, b, a].sort(compareStages).map((x) => x.id)).toEqual([3, 1, 2, 4])
  })

  it('puts an undated first instance (one made from an old free-text sentence) before its dated appeal', () => {
    const first = { id: 9, kind: 'FIRST_INSTANCE' as const, decidedAt: null }
    const appeal = { id: 5, kind: 'APPEAL' as const, decidedAt: new Date('2020-06-10') }
    expect([appeal, first].sort(compareStages).map((x) => x.id)).toEqual([9, 5])
    const staged = [
      { ...d({ sentenceKind: 'IMPRISONMENT', sentenceMonths: 60 }), ...first, stageKind: first.kind },
      { ...d({ stageKind: 'APPEAL', decision: 'CHANGED', sentenceKind: 'IMPRISONMENT', sentenceMonths: 36 }), ...appeal, stageKind: appeal.kind },
    ].sort(compareStages)
    expect(formatSentence(sentenceInForce(staged)!)).toBe('3 years’ imprisonment')
  })
})
