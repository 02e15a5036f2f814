import { describe, expect, it } from 'vitest'
import {
  CASE_STATUSES,
  DEFAULT_STATUS_FOR_EVENT,
  deriveCaseStatus,
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  FINAL_STATUSES,
  latestEvent,
  sortEvents,
  STATUS_LABELS,
  statusFromParam,
  statusSetBy,
  statusToParam,
  type StatusEvent,
} from '@/lib/domain/case-status'
import { DATE_PRECISIONS, day, month, year } from '@/lib/domain/partial-date'
import { CASE_KIND_LABELS, DISPOSITION_LABELS, PARTY_ROLE_LABELS, SITUATION_LABELS } from '@/lib/domain/labels'
import { CASE_KINDS } from '@/lib/validation/case-filters'
import * as PrismaEnums from '@/lib/generated/prisma/enums'

let nextId = 1
const ev = (kind: StatusEvent['kind'], date: StatusEvent['date'], statusAfter: StatusEvent['statusAfter'] = null): StatusEvent => ({
  id: nextId++,
  kind,
  statusAfter,
  date,
})

describe('the domain vocabularies match the Prisma schema', () => {
  it('case statuses', () => {
    expect([...CASE_STATUSES]).toEqual(Object.values(PrismaEnums.CaseStatus))
  })
  it('event kinds', () => {
    expect([...EVENT_KINDS]).toEqual(Object.values(PrismaEnums.EventKind))
  })
  it('date precisions', () => {
    expect([...DATE_PRECISIONS]).toEqual(Object.values(PrismaEnums.DatePrecision))
  })
  it('case kinds offered by the dashboard filter', () => {
    expect([...CASE_KINDS]).toEqual(Object.values(PrismaEnums.CaseKind))
  })
  it('every enum value has a reader-facing label', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...CASE_STATUSES].sort())
    expect(Object.keys(EVENT_KIND_LABELS).sort()).toEqual([...EVENT_KINDS].sort())
    expect(Object.keys(CASE_KIND_LABELS).sort()).toEqual(Object.values(PrismaEnums.CaseKind).sort())
    expect(Object.keys(PARTY_ROLE_LABELS).sort()).toEqual(Object.values(PrismaEnums.PartyRole).sort())
    expect(Object.keys(SITUATION_LABELS).sort()).toEqual(Object.values(PrismaEnums.DefendantSituation).sort())
    expect(Object.keys(DISPOSITION_LABELS).sort()).toEqual(Object.values(PrismaEnums.ChargeDisposition).sort())
  })
})

describe('status URL form', () => {
  it('round-trips every status through its lowercase, hyphenated form', () => {
    for (const s of CASE_STATUSES) {
      const param = statusToParam(s)
      expect(param).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(statusFromParam(param)).toBe(s)
    }
    expect(statusToParam('AWAITING_TRIAL')).toBe('awaiting-trial')
  })

  it('is forgiving about case and spaces, strict about words', () => {
    expect(statusFromParam(' Plea-Deal ')).toBe('PLEA_DEAL')
    expect(statusFromParam('DROPPED')).toBe('DROPPED')
    expect(statusFromParam('nonsense')).toBeNull()
    expect(statusFromParam('')).toBeNull()
    expect(statusFromParam('dropped-')).toBeNull()
  })
})

describe('statusSetBy', () => {
  it('uses the default for the kind unless the event names a status', () => {
    expect(statusSetBy({ kind: 'CASE_TERMINATED', statusAfter: null })).toBe('DROPPED')
    expect(statusSetBy({ kind: 'VERDICT', statusAfter: null })).toBe('CONVICTED')
    expect(statusSetBy({ kind: 'VERDICT', statusAfter: 'PLEA_DEAL' })).toBe('PLEA_DEAL')
    expect(statusSetBy({ kind: 'VERDICT', statusAfter: 'ACQUITTED' })).toBe('ACQUITTED')
  })

  it('leaves the stage unchanged for arrests, raids and releases', () => {
    for (const kind of ['ARREST', 'SEARCH', 'RELEASE', 'DETENTION', 'HOUSE_ARREST', 'EXILE'] as const) {
      expect(DEFAULT_STATUS_FOR_EVENT[kind]).toBeNull()
    }
  })
})

describe('deriveCaseStatus', () => {
  it('is an undated investigation when nothing is known', () => {
    expect(deriveCaseStatus([])).toEqual({ status: 'INVESTIGATION', asOf: null, undated: false, eventId: null, source: 'default' })
  })

  it('follows the latest status-changing event, whatever order the events come in', () => {
    const terminated = ev('CASE_TERMINATED', day(2020, 5, 27))
    const opened = ev('INVESTIGATION_OPENED', month(2020, 4))
    expect(deriveCaseStatus([terminated, opened])).toEqual({
      status: 'DROPPED',
      asOf: day(2020, 5, 27),
      eventId: terminated.id,
      source: 'event',
      undated: false,
    })
  })

  it('ignores later events that do not change the stage', () => {
    const charge = ev('CHARGE', month(2019, 2))
    const arrest = ev('ARREST', day(2019, 3, 10))
    const houseArrest = ev('HOUSE_ARREST', day(2019, 3, 12))
    const derived = deriveCaseStatus([charge, arrest, houseArrest])
    expect(derived.status).toBe('CHARGED')
    expect(derived.eventId).toBe(charge.id)
  })

  it('takes an explicit statusAfter (a verdict that was a plea deal)', () => {
    const verdict = ev('VERDICT', month(2019, 8), 'PLEA_DEAL')
    expect(deriveCaseStatus([ev('CHARGE', month(2019, 2)), verdict])).toMatchObject({ status: 'PLEA_DEAL', eventId: verdict.id })
  })

  it('ranks a day before the month that contains it', () => {
    // "1 April 2020" may come before or after "April 2020"; the coarser date sorts last.
    const charged = ev('CHARGE', day(2020, 4, 1))
    const opened = ev('INVESTIGATION_OPENED', month(2020, 4))
    expect(deriveCaseStatus([opened, charged]).status).toBe('INVESTIGATION')
  })

  describe('with an editor override', () => {
    const opened = () => ev('INVESTIGATION_OPENED', month(2020, 6))

    it('the override wins over events up to its date', () => {
      const override = { status: 'AWAITING_TRIAL' as const, date: month(2021, 2) }
      expect(deriveCaseStatus([opened(), ev('CHARGE', month(2020, 9))], override)).toEqual({
        status: 'AWAITING_TRIAL',
        asOf: month(2021, 2),
        eventId: null,
        source: 'override',
        undated: false,
      })
    })

    it('a later event is newer news and wins over the override', () => {
      const override = { status: 'INVESTIGATION' as const, date: month(2021, 2) }
      const charge = ev('CHARGE', day(2021, 3, 15))
      expect(deriveCaseStatus([opened(), charge], override)).toMatchObject({ status: 'CHARGED', eventId: charge.id, source: 'event' })
    })

    it('an event on the same date as the override does not beat it', () => {
      const override = { status: 'INVESTIGATION' as const, date: month(2021, 2) }
      expect(deriveCaseStatus([ev('CHARGE', month(2021, 2))], override).source).toBe('override')
    })

    it('an undated override always wins', () => {
      const override = { status: 'CLOSED' as const, date: null }
      expect(deriveCaseStatus([ev('APPEAL', year(2030))], override)).toEqual({
        status: 'CLOSED',
        asOf: null,
        eventId: null,
        source: 'override',
        undated: false,
      })
    })

    it('applies when there are no status-changing events', () => {
      const override = { status: 'INVESTIGATION' as const, date: month(2021, 2) }
      expect(deriveCaseStatus([ev('ARREST', day(2020, 1, 1))], override).source).toBe('override')
    })
  })
})

describe('sortEvents and latestEvent', () => {
  it('sorts by date, then precision, then id, without mutating the input', () => {
    const a = { id: 3, date: month(2020, 4) }
    const b = { id: 1, date: day(2020, 4, 1) }
    const c = { id: 2, date: day(2020, 5, 27) }
    const d = { id: 4, date: day(2020, 5, 27) }
    const input = [d, c, a, b]
    expect(sortEvents(input)).toEqual([b, a, c, d])
    expect(input).toEqual([d, c, a, b])
    expect(latestEvent(input)).toBe(d)
    expect(latestEvent([])).toBeNull()
  })
})

describe('FINAL_STATUSES', () => {
  it('contains the outcomes after which nothing is expected, not the open stages', () => {
    expect(FINAL_STATUSES.has('DROPPED')).toBe(true)
    expect(FINAL_STATUSES.has('ACQUITTED')).toBe(true)
    expect(FINAL_STATUSES.has('INVESTIGATION')).toBe(false)
    expect(FINAL_STATUSES.has('APPEAL_PENDING')).toBe(false)
  })
})
