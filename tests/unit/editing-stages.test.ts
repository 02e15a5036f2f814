// Stages of a proceeding with per-defendant decisions (saveStageWithDecisions): one
// submission adds the stage and a decision for each defendant filled in, each with its
// own revision; a refused block writes nothing; the case's page data shows each
// defendant's sentence history and the sentence in force; the dashboard's sentence
// filter column follows.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { listCases, loadCaseDetail } from '@/lib/data/cases'
import { parseCaseQuery } from '@/lib/validation/case-filters'
import { saveStageWithDecisions, setCasePublished, NotAuthorizedError, type Actor } from '@/lib/editing/write'
import { decisionBlockName as b } from '@/lib/validation/records'
import { createCase, createPerson } from '../support/factories'
import { countAllTables } from '../support/table-counts'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'stage test', request: { ip: '203.0.113.9', userAgent: 'vitest' } }

async function twoDefendants() {
  const second = await createPerson(db, { name: 'Aigerim Tleuzhan' })
  const c = await createCase(db, { parties: [{ personId: second.id, role: 'DEFENDANT' }] })
  const [first, other] = c.partyIds as [number, number]
  return { c, first, other, caseId: String(c.id) }
}

describe('saveStageWithDecisions', () => {
  it('adds a first instance and an appeal that changes both sentences; the page and the filter column follow', async () => {
    const { c, first, other, caseId } = await twoDefendants()
    const parties = [first, other]
    const verdict = await saveStageWithDecisions(
      editor,
      {
        values: {
          caseId,
          kind: 'FIRST_INSTANCE',
          courtName: 'Almaty District Court',
          decided: '10 January 2020',
          [b(first, 'decision')]: 'CONVICTED',
          [b(first, 'sentenceKind')]: 'IMPRISONMENT',
          [b(first, 'sentenceYears')]: '3',
          [b(other, 'decision')]: 'CONVICTED',
          [b(other, 'sentenceKind')]: 'IMPRISONMENT',
          [b(other, 'sentenceYears')]: '2',
          [b(other, 'banYears')]: '5',
        },
        partyIds: parties,
      },
      meta,
    )
    expect(verdict.ok).toBe(true)
    if (!verdict.ok) return
    expect(verdict.ids).toHaveLength(1)
    expect(verdict.also.map((a) => a.entity)).toEqual(['decision', 'decision'])
    const revisions = await db.revision.findMany({ where: { caseId: c.id, action: 'create', entity: { in: ['stage', 'decision'] } }, select: { entity: true } })
    expect(revisions.map((r) => r.entity).sort()).toEqual(['decision', 'decision', 'stage'])
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { sentenceKinds: true } })).sentenceKinds).toBe('|IMPRISONMENT|ACTIVITY_BAN|')

    const appeal = await saveStageWithDecisions(
      editor,
      {
        values: {
          caseId,
          kind: 'APPEAL',
          courtName: 'Almaty City Court',
          decided: 'March 2020',
          [b(first, 'decision')]: 'CHANGED',
          [b(first, 'sentenceKind')]: 'RESTRICTED_FREEDOM',
          [b(first, 'sentenceYears')]: '3',
          [b(other, 'decision')]: 'CHANGED',
          [b(other, 'sentenceKind')]: 'SUSPENDED',
          [b(other, 'sentenceYears')]: '2',
        },
        partyIds: parties,
      },
      meta,
    )
    expect(appeal.ok).toBe(true)
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { sentenceKinds: true } })).sentenceKinds).toBe('|SUSPENDED|RESTRICTED_FREEDOM|')

    const page = (await loadCaseDetail({ id: c.id }))!
    expect(page.stages.map((st) => [st.kind, st.courtName])).toEqual([
      ['FIRST_INSTANCE', 'Almaty District Court'],
      ['APPEAL', 'Almaty City Court'],
    ])
    const history = page.sentenceHistories.find((h) => h.partyId === first)!
    expect(history.steps.map((s) => s.sentence)).toEqual(['3 years’ imprisonment', '3 years’ restricted freedom'])
    expect(page.parties.find((p) => p.id === first)!.sentence?.text).toBe('3 years’ restricted freedom')
    expect(page.parties.find((p) => p.id === other)!.sentence?.text).toBe('2 years’ suspended sentence')

    // The dashboard's filter finds the sentences in force, not those the appeal replaced.
    const found = async (sentence: string) => (await listCases(parseCaseQuery({ sentence }).query)).items.map((x) => x.slug)
    const slug = (await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { slug: true } })).slug
    expect(await found('restricted-freedom')).toContain(slug)
    expect(await found('suspended')).toContain(slug)
    expect(await found('imprisonment')).not.toContain(slug)
  })

  it('skips a defendant whose block is empty, and refuses the whole stage when one block is wrong, writing nothing', async () => {
    const { first, other, caseId } = await twoDefendants()
    const only = await saveStageWithDecisions(editor, { values: { caseId, kind: 'FIRST_INSTANCE', [b(first, 'decision')]: 'ACQUITTED' }, partyIds: [first, other] }, meta)
    expect(only.ok && only.also.length).toBe(1)

    const before = await countAllTables(db)
    const bad = await saveStageWithDecisions(
      editor,
      {
        values: { caseId, kind: 'APPEAL', [b(first, 'decision')]: 'UPHELD', [b(other, 'sentenceYears')]: 'three', [b(other, 'fineCurrency')]: 'dollars' },
        partyIds: [first, other],
      },
      meta,
    )
    expect(bad.ok).toBe(false)
    if (bad.ok || bad.reason !== 'invalid') throw new Error('expected field errors')
    expect(bad.fieldErrors[b(other, 'sentenceYears')]?.[0]).toMatch(/whole number/)
    expect(bad.fieldErrors[b(other, 'fineCurrency')]?.[0]).toMatch(/three-letter currency code/)
    expect(bad.fieldErrors[b(other, 'decision')]?.[0]).toMatch(/Choose what the stage decided/)
    expect(await countAllTables(db)).toEqual(before)
  })

  it('refuses a decision for a party who is not a defendant (a lawyer), writing nothing', async () => {
    const lawyer = await createPerson(db, { name: 'A lawyer Zxcvbnm' })
    const c = await createCase(db, { parties: [{ personId: lawyer.id, role: 'LAWYER' }] })
    const lawyerParty = c.partyIds[1]!
    const before = await countAllTables(db)
    const r = await saveStageWithDecisions(editor, { values: { caseId: String(c.id), kind: 'FIRST_INSTANCE', [b(lawyerParty, 'decision')]: 'CONVICTED' }, partyIds: [lawyerParty] }, meta)
    expect(!r.ok && r.reason === 'invalid' && r.fieldErrors[b(lawyerParty, 'partyId')]).toEqual(['Choose a defendant of this case: a decision is about a defendant.'])
    expect(await countAllTables(db)).toEqual(before)
  })

  it('refuses a defendant of another case, and anyone not an editor', async () => {
    const { caseId } = await twoDefendants()
    const elsewhere = await twoDefendants()
    const before = await countAllTables(db)
    const wrong = await saveStageWithDecisions(editor, { values: { caseId, kind: 'APPEAL', [b(elsewhere.first, 'decision')]: 'UPHELD' }, partyIds: [elsewhere.first] }, meta)
    expect(wrong.ok).toBe(false)
    if (!wrong.ok && wrong.reason === 'invalid') expect(wrong.fieldErrors[b(elsewhere.first, 'partyId')]).toEqual(['Choose a defendant of this case.'])
    expect(await countAllTables(db)).toEqual(before)
    await expect(saveStageWithDecisions(null, { values: { caseId, kind: 'APPEAL' }, partyIds: [] }, meta)).rejects.toThrow(NotAuthorizedError)
    await expect(saveStageWithDecisions({ ...editor, role: 'reader' as never }, { values: { caseId, kind: 'APPEAL' }, partyIds: [] }, meta)).rejects.toThrow(NotAuthorizedError)
  })

  it('cites the stage and every decision from the form’s Source group, in the same transaction; a source without a quote writes nothing', async () => {
    const { c, first, other, caseId } = await twoDefendants()
    const source = await db.source.create({ data: { title: 'Verdict', publisher: 'Example News', language: 'en', text: 'Both were convicted.' } })
    const values = { caseId, kind: 'FIRST_INSTANCE', [b(first, 'decision')]: 'CONVICTED', [b(other, 'decision')]: 'ACQUITTED', citeSourceId: String(source.id) }
    const before = await countAllTables(db)
    const noQuote = await saveStageWithDecisions(editor, { values, partyIds: [first, other] }, meta)
    expect(noQuote.ok).toBe(false)
    if (!noQuote.ok && noQuote.reason === 'invalid') expect(Object.keys(noQuote.fieldErrors)).toEqual(['citeQuote'])
    expect(await countAllTables(db)).toEqual(before)
    const r = await saveStageWithDecisions(editor, { values: { ...values, citeQuote: 'Both were convicted' }, partyIds: [first, other] }, meta)
    if (!r.ok) throw new Error(JSON.stringify(r))
    const cites = await db.citation.findMany({ where: { sourceId: source.id }, orderBy: { id: 'asc' } })
    expect(cites.map((x) => [x.stageId !== null, x.decisionId !== null, x.quote])).toEqual([
      [true, false, 'Both were convicted'],
      [false, true, 'Both were convicted'],
      [false, true, 'Both were convicted'],
    ])
    expect(await db.revision.count({ where: { caseId: c.id, entity: 'citation', action: 'create' } })).toBe(3)
  })

  it('keeps a published case’s decisions unsourced until cited: publishing names them', async () => {
    const { c, first, caseId } = await twoDefendants()
    await db.case.update({ where: { id: c.id }, data: { publishedAt: null } })
    const r = await saveStageWithDecisions(
      editor,
      {
        values: { caseId, kind: 'FIRST_INSTANCE', [b(first, 'decision')]: 'CONVICTED', [b(first, 'sentenceKind')]: 'FINE', [b(first, 'fineAmount')]: '100', [b(first, 'fineCurrency')]: 'usd' },
        partyIds: [first],
      },
      meta,
    )
    expect(r.ok).toBe(true)
    const version = (await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } })).version
    const publish = await setCasePublished(editor, c.id, version, true, meta)
    expect(publish.ok).toBe(false)
    if (!publish.ok) expect(publish.formError).toMatch(/Decision \(first instance\): .* — convicted; Fine of 100 USD/)
  })
})
