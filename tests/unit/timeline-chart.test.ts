// The charts' geometry (lib/domain/timeline-chart.ts): where dates with precision fall,
// how marks stack, the status bands and the spells of detention, house arrest and exile.
import { describe, expect, it } from 'vitest'
import { sortEvents, type StatusEvent } from '@/lib/domain/case-status'
import { day, month, season, year } from '@/lib/domain/partial-date'
import { assignLanes, axisDomain, describeSpell, isOpenSpell, markOfDate, rangeOfDate, spellsOf, statusBands, timeTicks, xOf, type SpellEvent, type TimeScale } from '@/lib/domain/timeline-chart'

const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d)

describe('dates on the axis', () => {
  it('maps a date to the whole period it can mean', () => {
    expect(rangeOfDate(day(2020, 5, 27))).toEqual({ start: utc(2020, 5, 27), end: utc(2020, 5, 28) })
    expect(rangeOfDate(month(2020, 4))).toEqual({ start: utc(2020, 4), end: utc(2020, 5) })
    expect(rangeOfDate(month(2020, 12))).toEqual({ start: utc(2020, 12), end: utc(2021, 1) })
    // Winter 2020 is December 2020 to February 2021.
    expect(rangeOfDate(season(2020, 'winter'))).toEqual({ start: utc(2020, 12), end: utc(2021, 3) })
    expect(rangeOfDate(year(2017))).toEqual({ start: utc(2017, 1), end: utc(2018, 1) })
  })

  it('draws a day as a point and a month as the span of the month, the approximate kept apart', () => {
    const scale: TimeScale = { from: utc(2020, 1), to: utc(2021, 1), left: 0, right: 366 }
    const d = markOfDate(day(2020, 4, 1), scale)
    expect(d.shape).toBe('point')
    expect(d.x0).toBeCloseTo(91)
    expect(d.x1 - d.x0).toBeCloseTo(1)
    const m = markOfDate(month(2020, 4), scale)
    expect(m).toMatchObject({ shape: 'span', approx: false })
    expect(m.x0).toBeCloseTo(91)
    expect(m.x1).toBeCloseTo(121)
    expect(markOfDate(month(2020, 4, true), scale)).toMatchObject({ shape: 'span', approx: true, x0: m.x0, x1: m.x1 })
    expect(markOfDate(day(2020, 4, 1, true), scale)).toMatchObject({ shape: 'point', approx: true })
    const y = markOfDate(year(2020), scale)
    expect([y.x0, y.x1]).toEqual([0, 366])
  })

  it('scales linearly and puts a one-instant axis in the middle', () => {
    expect(xOf({ from: 0, to: 100, left: 10, right: 110 }, 25)).toBe(35)
    expect(xOf({ from: 5, to: 5, left: 0, right: 100 }, 5)).toBe(50)
  })

  it('covers whole months, at least the minimum span, and nothing when there is nothing', () => {
    expect(axisDomain([])).toBeNull()
    expect(axisDomain([rangeOfDate(month(2019, 2)), rangeOfDate(day(2019, 8, 18))])).toEqual({ start: utc(2019, 2), end: utc(2019, 9) })
    const one = axisDomain([rangeOfDate(day(2020, 5, 27))], 60)!
    expect(one.end - one.start).toBeGreaterThanOrEqual(60 * 86_400_000)
    expect(new Date(one.start).getUTCDate()).toBe(1)
    expect(new Date(one.end).getUTCDate()).toBe(1)
  })

  it('ticks months for a short span and years for a long one, within the limit', () => {
    const short = timeTicks({ start: utc(2019, 2), end: utc(2019, 9) }, 8)
    expect(short.map((t) => t.label)).toEqual(['Feb 2019', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep'])
    const mid = timeTicks({ start: utc(2019, 2), end: utc(2021, 3) }, 8)
    expect(mid.length).toBeLessThanOrEqual(8)
    expect(mid.map((t) => new Date(t.t).getUTCMonth() % 6)).toEqual(mid.map(() => 0))
    expect(mid[0]!.label).toBe('Jul 2019')
    const long = timeTicks({ start: utc(2000, 1), end: utc(2021, 1) }, 8)
    expect(long.map((t) => t.label)).toEqual(['2000', '2005', '2010', '2015', '2020'])
  })
})

describe('assignLanes', () => {
  it('stacks only marks that would overlap', () => {
    expect(assignLanes([])).toEqual({ lanes: [], count: 0 })
    expect(
      assignLanes([
        { x0: 0, x1: 10 },
        { x0: 5, x1: 15 },
        { x0: 12, x1: 20 },
        { x0: 30, x1: 40 },
        { x0: 31, x1: 33 },
        { x0: 32, x1: 34 },
      ]),
    ).toEqual({ lanes: [0, 1, 2, 0, 1, 2], count: 3 })
    // The gap counts: touching marks are apart only with room between them.
    expect(
      assignLanes(
        [
          { x0: 0, x1: 10 },
          { x0: 14, x1: 20 },
        ],
        4,
      ).lanes,
    ).toEqual([0, 0])
    expect(
      assignLanes(
        [
          { x0: 0, x1: 10 },
          { x0: 13, x1: 20 },
        ],
        4,
      ).lanes,
    ).toEqual([0, 1])
  })
})

let nextId = 1
const ev = (kind: StatusEvent['kind'], date: StatusEvent['date'], extra: Partial<StatusEvent> = {}): StatusEvent => ({ id: nextId++, kind, statusAfter: null, date, ...extra })

describe('statusBands', () => {
  it('follows the status-changing events, merging repeats, the last band open', () => {
    const opened = ev('INVESTIGATION_OPENED', month(2020, 4))
    const search = ev('SEARCH', day(2020, 4, 10))
    const charge = ev('CHARGE', month(2020, 5))
    const hearing1 = ev('HEARING', day(2020, 6, 1))
    const hearing2 = ev('HEARING', day(2020, 6, 8))
    const verdict = ev('VERDICT', day(2020, 7, 1), { statusAfter: 'ACQUITTED' })
    const bands = statusBands([opened, search, charge, hearing1, hearing2, verdict], { status: 'ACQUITTED', asOf: day(2020, 7, 1), undated: false })
    expect(bands.map((b) => [b.status, b.from, b.until, b.eventId])).toEqual([
      ['INVESTIGATION', month(2020, 4), month(2020, 5), opened.id],
      ['CHARGED', month(2020, 5), day(2020, 6, 1), charge.id],
      ['ON_TRIAL', day(2020, 6, 1), day(2020, 7, 1), hearing1.id],
      ['ACQUITTED', day(2020, 7, 1), null, verdict.id],
    ])
  })

  it('starts a band set by an undated event after the latest date reported before it', () => {
    const opened = ev('INVESTIGATION_OPENED', month(2020, 4))
    const dropped = ev('CASE_TERMINATED', null, { placedAfterId: opened.id })
    const ordered = sortEvents([dropped, opened])
    const bands = statusBands(ordered, { status: 'DROPPED', asOf: null, undated: true })
    expect(bands.map((b) => [b.status, b.from, b.knownAfter])).toEqual([
      ['INVESTIGATION', month(2020, 4), null],
      ['DROPPED', null, month(2020, 4)],
    ])
    expect(bands[0]).toMatchObject({ until: null, untilUnknownAfter: month(2020, 4) })
  })

  it('draws an editor’s statement of the status that won over the events from its date', () => {
    const opened = ev('INVESTIGATION_OPENED', month(2019, 2))
    const bands = statusBands([opened], { status: 'AWAITING_TRIAL', asOf: month(2021, 2), undated: false })
    expect(bands.map((b) => [b.status, b.from, b.eventId])).toEqual([
      ['INVESTIGATION', month(2019, 2), opened.id],
      ['AWAITING_TRIAL', month(2021, 2), null],
    ])
  })

  it('draws no band when nothing sets or states the status', () => {
    expect(statusBands([ev('SEARCH', day(2020, 1, 1))], { status: 'INVESTIGATION', asOf: null, undated: false })).toEqual([])
    expect(statusBands([], { status: 'INVESTIGATION', asOf: null, undated: false })).toEqual([])
  })
})

const se = (kind: SpellEvent['kind'], date: SpellEvent['date'], extra: Partial<SpellEvent> = {}): SpellEvent => ({ id: nextId++, kind, date, ...extra })

describe('spellsOf', () => {
  it('arrest, then house arrest, then release: detention and house arrest, both closed', () => {
    const arrest = se('ARREST', day(2019, 3, 10))
    const home = se('HOUSE_ARREST', day(2019, 3, 11))
    const release = se('RELEASE', month(2019, 8))
    const spells = spellsOf([arrest, home, se('VERDICT', month(2019, 8)), release])
    expect(spells).toEqual([
      expect.objectContaining({ kind: 'DETENTION', from: day(2019, 3, 10), to: day(2019, 3, 11), startEventId: arrest.id, endEventId: home.id }),
      expect.objectContaining({ kind: 'HOUSE_ARREST', from: day(2019, 3, 11), to: month(2019, 8), startEventId: home.id, endEventId: release.id }),
    ])
    expect(spells.some(isOpenSpell)).toBe(false)
    expect(describeSpell(spells[1]!)).toBe('House arrest from 11 March 2019, to August 2019')
  })

  it('a spell with no reported end is open, until at least the latest date that confirms it', () => {
    const arrest = se('ARREST', month(2021, 1))
    const [open] = spellsOf([arrest])
    expect(isOpenSpell(open!)).toBe(true)
    expect(describeSpell(open!)).toBe('Detention from January 2021, until at least January 2021; its end is not reported')
    // The case says the defendant was still detained as of a later date.
    const [confirmed] = spellsOf([arrest], { value: 'DETAINED', asOf: day(2021, 6, 3) })
    expect(confirmed).toMatchObject({ kind: 'DETENTION', confirmedUntil: day(2021, 6, 3), to: null })
    expect(describeSpell(confirmed!)).toContain('until at least 3 June 2021; its end is not reported')
  })

  it('a situation alone begins a spell as of its date, which may be late', () => {
    const spells = spellsOf([se('VERDICT', month(2019, 8))], { value: 'IN_EXILE', asOf: day(2020, 9, 10) })
    expect(spells).toEqual([expect.objectContaining({ kind: 'EXILE', from: day(2020, 9, 10), fromIsAsOf: true, confirmedUntil: day(2020, 9, 10) })])
    expect(describeSpell(spells[0]!)).toBe('Exile reported as of 10 September 2020 (it may have begun earlier), until at least 10 September 2020; its end is not reported')
    // At liberty, or a travel ban: no spell.
    expect(spellsOf([], { value: 'AT_LIBERTY', asOf: day(2020, 1, 1) })).toEqual([])
    expect(spellsOf([], { value: 'TRAVEL_BAN', asOf: day(2020, 1, 1) })).toEqual([])
  })

  it('a later situation that is not the open spell shows it over by then, without inventing the day', () => {
    const [detention] = spellsOf([se('DETENTION', day(2020, 2, 1))], { value: 'AT_LIBERTY', asOf: month(2020, 9) })
    expect(detention).toMatchObject({ to: null, endedBy: month(2020, 9), confirmedUntil: day(2020, 2, 1) })
    expect(isOpenSpell(detention!)).toBe(false)
    expect(describeSpell(detention!)).toBe('Detention from 1 February 2020, until at least 1 February 2020, over by September 2020 (the end date is not reported)')
  })

  it('exile is never ended by a release; undated events stay undated', () => {
    const exile = se('EXILE', day(2020, 9, 10))
    const release = se('RELEASE', null, { placedAfterId: exile.id })
    const spells = spellsOf(sortEvents([release, exile]))
    expect(spells).toEqual([expect.objectContaining({ kind: 'EXILE', to: null })])
    const arrest = se('ARREST', month(2018, 5))
    const freed = se('RELEASE', null, { placedAfterId: arrest.id })
    const [d] = spellsOf(sortEvents([arrest, freed]))
    expect(d).toMatchObject({ to: null, endUndated: true, endEventId: freed.id })
    expect(describeSpell(d!)).toBe('Detention from May 2018, to a date not reported (until at least May 2018)')
  })
})
