// lib/domain/citation-target.ts and lib/domain/sourcing.ts: what a citation supports,
// as a key and in words, and which facts of a case still lack a source.
import { describe, expect, it } from 'vitest'
import { CASE_CITATION_FIELDS, caseFieldName, citationTargetKey, citationTargetLabel, citationTargetValue, isCaseCitationField } from '@/lib/domain/citation-target'
import { day, month } from '@/lib/domain/partial-date'
import { unsourcedFactsOf, type CaseFacts } from '@/lib/domain/sourcing'
import { CITATION_TARGET_PATTERN } from '@/lib/validation/records'

const CODE = 'Criminal Code of the Republic of Kazakhstan'

describe('citationTargetKey and citationTargetValue', () => {
  it('key the one part a citation row sets', () => {
    expect(citationTargetKey({ eventId: 12, caseId: null })).toBe('event:12')
    expect(citationTargetKey({ chargeId: 3 })).toBe('charge:3')
    expect(citationTargetKey({ partyId: 4 })).toBe('party:4')
    expect(citationTargetKey({ conflictVersionId: 5 })).toBe('conflictVersion:5')
    expect(citationTargetKey({ personId: 7, field: 'description' })).toBe('person:7')
    expect(citationTargetKey({ organisationId: 8 })).toBe('organisation:8')
    expect(citationTargetKey({ provisionId: 9 })).toBe('provision:9')
  })

  it('key a case field when no part is set; the menu reads a case citation without a field as the summary', () => {
    for (const field of CASE_CITATION_FIELDS) {
      expect(citationTargetKey({ caseId: 1, field })).toBe(`case:${field}`)
      expect(citationTargetValue({ caseId: 1, field })).toBe(`case:${field}`)
    }
    expect(citationTargetKey({ caseId: 1, field: null })).toBe('case:')
    expect(citationTargetValue({ caseId: 1, field: null })).toBe('case:summary')
    expect(citationTargetValue({ eventId: 2 })).toBe('event:2')
  })

  it('offer the editor every case field the form accepts', () => {
    for (const field of CASE_CITATION_FIELDS) expect(CITATION_TARGET_PATTERN.test(`case:${field}`)).toBe(true)
    expect(CITATION_TARGET_PATTERN.test('case:other')).toBe(false)
    expect(CITATION_TARGET_PATTERN.test('case:')).toBe(false)
  })
})

describe('caseFieldName', () => {
  it('names every case field a citation can support', () => {
    expect(Object.fromEntries(CASE_CITATION_FIELDS.map((f) => [f, caseFieldName(f)]))).toEqual({
      summary: 'summary',
      status: 'status',
      opened: 'date opened',
      closed: 'date closed',
      title: 'title',
    })
  })

  it('reads no field as the summary, and names an unknown one as stored', () => {
    expect(caseFieldName(null)).toBe('summary')
    expect(caseFieldName('')).toBe('summary')
    expect(caseFieldName('statusOverride')).toBe('statusOverride')
    expect(isCaseCitationField('toString')).toBe(false)
    expect(caseFieldName('toString')).toBe('toString')
  })
})

describe('citationTargetLabel', () => {
  it('names each field of a case', () => {
    expect(citationTargetLabel({ kind: 'case', field: 'summary' })).toBe('Case: summary')
    expect(citationTargetLabel({ kind: 'case', field: 'status' })).toBe('Case: status')
    expect(citationTargetLabel({ kind: 'case', field: 'opened' })).toBe('Case: date opened')
    expect(citationTargetLabel({ kind: 'case', field: 'closed' })).toBe('Case: date closed')
    expect(citationTargetLabel({ kind: 'case', field: 'title' })).toBe('Case: title')
    expect(citationTargetLabel({ kind: 'case', field: null })).toBe('Case: summary')
  })

  it('names an event by its date, as precise as known, and its title', () => {
    expect(citationTargetLabel({ kind: 'event', date: day(2019, 3, 10), title: 'Arrested in Almaty' })).toBe('Event: 10 March 2019 — Arrested in Almaty')
    expect(citationTargetLabel({ kind: 'event', date: month(2020, 9, true), title: 'Arrived in Turkey' })).toBe('Event: c. September 2020 — Arrived in Turkey')
  })

  it('names a charge by its defendant and its provision, or the offence as reported', () => {
    const provision = { article: '174', part: '1', code: CODE }
    expect(citationTargetLabel({ kind: 'charge', defendant: 'Serikzhan Bilash', provision, description: '' })).toBe(`Charge against Serikzhan Bilash: Article 174, part 1, ${CODE}`)
    expect(citationTargetLabel({ kind: 'charge', defendant: 'Serikzhan Bilash', provision: null, description: 'Inciting discord' })).toBe('Charge against Serikzhan Bilash: Inciting discord')
    expect(citationTargetLabel({ kind: 'charge', defendant: null, provision: null, description: 'Inciting discord' })).toBe('Charge against ?: Inciting discord')
  })

  it('names a party by name and role', () => {
    expect(citationTargetLabel({ kind: 'party', name: 'Serikzhan Bilash', role: 'DEFENDANT' })).toBe('Party: Serikzhan Bilash (defendant)')
    expect(citationTargetLabel({ kind: 'party', name: 'Almaty police', role: 'INVESTIGATOR' })).toBe('Party: Almaty police (investigator)')
    expect(citationTargetLabel({ kind: 'party', name: null, role: 'LAWYER' })).toBe('Party: ? (lawyer)')
  })

  it('names a version of a disputed fact by the fact and the start of the statement', () => {
    expect(citationTargetLabel({ kind: 'conflictVersion', subject: 'The April 2020 charges', statement: 'art. 174' })).toBe('Version of “The April 2020 charges”: art. 174')
    const long = 'x'.repeat(100)
    expect(citationTargetLabel({ kind: 'conflictVersion', subject: 'S', statement: long })).toBe(`Version of “S”: ${'x'.repeat(60)}`)
  })

  it('names the descriptions of people, organisations and provisions', () => {
    expect(citationTargetLabel({ kind: 'person' })).toBe('Profile')
    expect(citationTargetLabel({ kind: 'organisation' })).toBe('Profile')
    expect(citationTargetLabel({ kind: 'provision' })).toBe('Description')
  })
})

describe('unsourcedFactsOf', () => {
  const bilash = { person: { name: 'Serikzhan Bilash' }, organisation: null }
  const facts: CaseFacts = {
    summary: 'A summary in our words.',
    statusOverride: 'DROPPED',
    openedAt: new Date('2019-03-04T00:00:00Z'),
    closedAt: new Date('2020-05-27T00:00:00Z'),
    parties: [{ id: 1, role: 'DEFENDANT', ...bilash }],
    charges: [{ id: 2, description: '', provision: { article: '174', part: null, code: CODE }, party: bilash }],
    events: [{ id: 3, title: 'Arrested in Almaty', occurredAt: new Date('2019-03-10T00:00:00Z'), precision: 'DAY', approx: false }],
    stages: [],
    decisions: [],
    conflicts: [{ subject: 'The charges', versions: [{ id: 4, statement: 'One case' }] }],
  }

  it('lists every fact readers see without a citation, in page order, named as the "Supports" menu names it', () => {
    expect(unsourcedFactsOf(facts, new Set())).toEqual([
      { target: 'case:status', label: 'Case: status' },
      { target: 'case:opened', label: 'Case: date opened' },
      { target: 'case:closed', label: 'Case: date closed' },
      { target: 'case:summary', label: 'Case: summary' },
      { target: 'party:1', label: 'Party: Serikzhan Bilash (defendant)' },
      { target: 'charge:2', label: `Charge against Serikzhan Bilash: Article 174, ${CODE}` },
      { target: 'event:3', label: 'Event: 10 March 2019 — Arrested in Almaty' },
      { target: 'conflictVersion:4', label: 'Version of “The charges”: One case' },
    ])
  })

  it('names each unsourced charge by its defendant and its provision with the part', () => {
    const atajurt = { person: null, organisation: { name: 'Atajurt Eriktileri' } }
    const charges: CaseFacts['charges'] = [
      { id: 5, description: '', provision: { article: '174', part: '1', code: 'Criminal Code' }, party: bilash },
      { id: 6, description: 'Leading an unregistered organisation', provision: null, party: atajurt },
    ]
    expect(unsourcedFactsOf({ ...facts, summary: '', statusOverride: null, openedAt: null, closedAt: null, parties: [], events: [], conflicts: [], charges }, new Set()).map((f) => f.label)).toEqual([
      'Charge against Serikzhan Bilash: Article 174, part 1, Criminal Code',
      'Charge against Atajurt Eriktileri: Leading an unregistered organisation',
    ])
  })

  it('leaves out what is cited, and what the case does not show', () => {
    const cited = new Set(['case:opened', 'party:1', 'event:3', 'conflictVersion:4'])
    expect(unsourcedFactsOf({ ...facts, statusOverride: null, closedAt: null }, cited).map((f) => f.target)).toEqual(['case:summary', 'charge:2'])
    expect(unsourcedFactsOf({ ...facts, summary: '', statusOverride: null, openedAt: null, closedAt: null, parties: [], charges: [], events: [], conflicts: [] }, new Set())).toEqual([])
  })
})
