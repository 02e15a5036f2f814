// The status's date in words and the "not confirmed for a year" rule
// (docs/decisions/030-status-dates-in-words.md).
import { describe, expect, it } from 'vitest'
import { CASE_STATUSES, deriveCaseStatus, disputedFactsText, FINAL_STATUSES, staleStatusDate, staleStatusText, statusBasisOf, statusDateText, statusInWords, type StatusEvent } from '@/lib/domain/case-status'
import { day, month, season, year } from '@/lib/domain/partial-date'

const ev = (id: number, kind: StatusEvent['kind'], date: StatusEvent['date'], placedAfterId: number | null = null): StatusEvent => ({ id, kind, statusAfter: null, date, placedAfterId })
const stored = (d: ReturnType<typeof deriveCaseStatus>) => ({ status: d.status, asOf: d.asOf, undated: d.undated })

describe('statusBasisOf reads back which input set a stored status', () => {
  const cases: { name: string; events: StatusEvent[]; override: Parameters<typeof deriveCaseStatus>[1] }[] = [
    { name: 'an event alone', events: [ev(1, 'CASE_TERMINATED', day(2020, 5, 27))], override: null },
    { name: 'an override alone', events: [], override: { status: 'INVESTIGATION', date: month(2021, 2) } },
    { name: 'an override without a date', events: [ev(1, 'CHARGE', month(2020, 4))], override: { status: 'INVESTIGATION', date: null } },
    { name: 'an override newer than the events', events: [ev(1, 'INVESTIGATION_OPENED', month(2020, 4))], override: { status: 'INVESTIGATION', date: month(2021, 2) } },
    { name: 'an override on the same date as an event of its status', events: [ev(1, 'INVESTIGATION_OPENED', month(2021, 2))], override: { status: 'INVESTIGATION', date: month(2021, 2) } },
    { name: 'an event after the override, of the same status', events: [ev(1, 'INVESTIGATION_OPENED', month(2021, 5))], override: { status: 'INVESTIGATION', date: month(2021, 2) } },
    { name: 'an event after the override, of another status', events: [ev(1, 'CHARGE', month(2021, 5))], override: { status: 'INVESTIGATION', date: month(2021, 2) } },
    {
      name: 'an undated event after an event later than the override',
      events: [ev(1, 'HEARING', month(2021, 5)), ev(2, 'INVESTIGATION_OPENED', null, 1)],
      override: { status: 'INVESTIGATION', date: month(2021, 2) },
    },
    { name: 'nothing', events: [], override: null },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const derived = deriveCaseStatus(c.events, c.override)
      expect(statusBasisOf(stored(derived), c.override ?? null)).toBe(derived.source)
    })
  }
})

describe('statusDateText: one word per meaning', () => {
  it('says "since" for the event that set the status and "last confirmed" for a source’s statement', () => {
    expect(statusDateText({ status: 'DROPPED', asOf: day(2020, 5, 27), undated: false, basis: 'event' })).toBe('since 27 May 2020')
    expect(statusDateText({ status: 'INVESTIGATION', asOf: month(2021, 2), undated: false, basis: 'override' })).toBe('last confirmed February 2021')
    expect(statusDateText({ status: 'CHARGED', asOf: null, undated: true, basis: 'event' })).toBe('since a date not reported')
    expect(statusDateText({ status: 'INVESTIGATION', asOf: null, undated: false, basis: 'default' })).toBe('')
    expect(statusDateText({ status: 'INVESTIGATION', asOf: null, undated: false, basis: 'override' })).toBe('')
  })
  it('never says "as of"', () => {
    for (const basis of ['event', 'override'] as const) expect(statusDateText({ status: 'CHARGED', asOf: year(2019), undated: false, basis })).not.toMatch(/as of/)
  })
  it('statusInWords puts the label first', () => {
    expect(statusInWords({ status: 'DROPPED', asOf: day(2020, 5, 27), undated: false, basis: 'event' })).toBe('Dropped, since 27 May 2020')
    expect(statusInWords({ status: 'INVESTIGATION', asOf: null, undated: false, basis: 'default' })).toBe('Investigation')
  })
})

describe('staleStatusDate: a running proceeding not confirmed for a year', () => {
  const running = (asOf: ReturnType<typeof month> | null) => ({ status: 'INVESTIGATION' as const, asOf, undated: false })
  it('counts from the end of the period the date names', () => {
    // "February 2021" may mean 28 February: stale only after 28 February 2022 has passed.
    expect(staleStatusDate(running(month(2021, 2)), new Date('2022-02-28T23:59:59Z'))).toBeNull()
    expect(staleStatusDate(running(month(2021, 2)), new Date('2022-03-01T00:00:01Z'))).toEqual(month(2021, 2))
    expect(staleStatusDate(running(year(2021)), new Date('2022-12-31T12:00:00Z'))).toBeNull()
    expect(staleStatusDate(running(year(2021)), new Date('2023-01-01T00:00:01Z'))).not.toBeNull()
    expect(staleStatusDate(running(season(2021, 'winter')), new Date('2023-02-27T00:00:00Z'))).toBeNull()
    expect(staleStatusDate(running(day(2021, 3, 10)), new Date('2022-03-11T00:00:01Z'))).not.toBeNull()
  })
  it('does not flag a final status, or a status with no reported date', () => {
    const longAgo = new Date('2030-01-01T00:00:00Z')
    for (const status of CASE_STATUSES) {
      const flagged = staleStatusDate({ status, asOf: month(2019, 1), undated: false }, longAgo) !== null
      expect(flagged, status).toBe(!FINAL_STATUSES.has(status))
    }
    expect(staleStatusDate({ status: 'CHARGED', asOf: null, undated: true }, longAgo)).toBeNull()
    expect(staleStatusDate(running(null), longAgo)).toBeNull()
  })
  it('says so in words', () => {
    expect(staleStatusText(month(2021, 2))).toBe('Not confirmed since February 2021: more than a year ago.')
  })
})

describe('disputedFactsText', () => {
  it('counts the disagreements', () => {
    expect(disputedFactsText(1)).toBe('1 fact is disputed between sources')
    expect(disputedFactsText(3)).toBe('3 facts are disputed between sources')
  })
})
