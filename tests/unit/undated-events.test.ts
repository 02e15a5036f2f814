// Events whose date the sources do not report (docs/decisions/018-undated-events.md):
// timeline order, the derived status and columns, and what re-dating or deleting the
// event they follow does, through the editor's write path on a real database.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { loadCaseDetail } from '@/lib/data/cases'
import { deriveCaseStatus, sortEvents, type StatusEvent } from '@/lib/domain/case-status'
import { day, month, year, type PartialDate } from '@/lib/domain/partial-date'
import { deleteRecord, saveRecord, type Actor } from '@/lib/editing/write'
import { RECORD_SCHEMAS } from '@/lib/validation/records'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }

let nextId = 1
const ev = (kind: StatusEvent['kind'], date: PartialDate | null, placedAfterId: number | null = null): StatusEvent => ({ id: nextId++, kind, statusAfter: null, date, placedAfterId })

describe('sortEvents with undated events', () => {
  it('puts an undated event right after the one it follows, and moves it with that event', () => {
    const arrest = ev('ARREST', day(2019, 3, 10))
    const verdict = ev('VERDICT', month(2019, 8))
    const appeal = ev('APPEAL', month(2020, 1))
    const parole = ev('RELEASE', null, verdict.id)
    expect(sortEvents([parole, appeal, verdict, arrest]).map((e) => e.id)).toEqual([arrest.id, verdict.id, parole.id, appeal.id])
    // The verdict re-dated before the arrest: the release goes with it.
    const redated = { ...verdict, date: month(2018, 1) }
    expect(sortEvents([parole, appeal, redated, arrest]).map((e) => e.id)).toEqual([redated.id, parole.id, arrest.id, appeal.id])
  })

  it('places "first" before every dated event, chains undated events, and orders siblings by id', () => {
    const a = ev('ARREST', year(2019))
    const first = ev('OTHER', null, null)
    const u1 = ev('OTHER', null, a.id)
    const u2 = ev('OTHER', null, a.id)
    const afterU1 = ev('OTHER', null, u1.id)
    const b = ev('CHARGE', year(2020))
    expect(sortEvents([b, afterU1, u2, u1, first, a]).map((e) => e.id)).toEqual([first.id, a.id, u1.id, afterU1.id, u2.id, b.id])
  })

  it('never drops an event: a missing predecessor or a loop counts as first', () => {
    const a = ev('ARREST', year(2019))
    const orphan = ev('OTHER', null, 99_999)
    const x = ev('OTHER', null)
    const y = ev('OTHER', null, x.id)
    x.placedAfterId = y.id
    const sorted = sortEvents([a, orphan, x, y])
    expect(sorted).toHaveLength(4)
    expect(sorted.at(-1)!.id).toBe(a.id)
  })
})

describe('deriveCaseStatus with an undated last event', () => {
  it('takes the status from it, with no "as of" date', () => {
    const verdict = ev('VERDICT', month(2019, 8))
    const appeal = ev('APPEAL', null, verdict.id)
    expect(deriveCaseStatus([appeal, verdict])).toEqual({ status: 'APPEAL_PENDING', asOf: null, undated: true, eventId: appeal.id, source: 'event' })
  })

  it('places it before filtering: an undated event after an event that sets no status still counts as latest', () => {
    const charge = ev('CHARGE', month(2019, 3))
    const release = ev('RELEASE', month(2019, 8))
    const terminated = ev('CASE_TERMINATED', null, release.id)
    const later = ev('INDICTMENT', month(2019, 5))
    expect(deriveCaseStatus([terminated, charge, release, later])).toMatchObject({ status: 'DROPPED', eventId: terminated.id, undated: true })
  })

  it('wins over an override only when the event it follows is dated after it', () => {
    const verdict = ev('VERDICT', month(2019, 8))
    const appeal = ev('APPEAL', null, verdict.id)
    expect(deriveCaseStatus([verdict, appeal], { status: 'CLOSED', date: month(2019, 1) })).toMatchObject({ status: 'APPEAL_PENDING', undated: true })
    expect(deriveCaseStatus([verdict, appeal], { status: 'CLOSED', date: month(2020, 1) })).toMatchObject({ status: 'CLOSED', asOf: month(2020, 1), undated: false, source: 'override' })
  })
})

describe('the event form', () => {
  const base = { caseId: '1', kind: 'RELEASE', title: 'Released on parole' }
  const errorsOf = (values: Record<string, string>) => {
    const parsed = RECORD_SCHEMAS.event.safeParse(values)
    return parsed.success ? null : parsed.error.issues.map((i) => [i.path.join('.'), i.message])
  }

  it('needs a date or "date not reported", not both, and says so on the date field', () => {
    expect(errorsOf(base)).toEqual([['occurred', expect.stringMatching(/Enter the date of the event, or tick “Date not reported”/)]])
    expect(errorsOf({ ...base, undated: 'on', occurred: 'May 2020' })).toEqual([['occurred', expect.stringMatching(/Clear the date, or untick/)]])
    expect(errorsOf({ ...base, undated: 'on' })).toBeNull()
  })

  it('keeps "comes after" only for an undated event', () => {
    expect(RECORD_SCHEMAS.event.parse({ ...base, undated: 'on', placedAfterId: '7' })).toMatchObject({ occurred: null, undated: true, placedAfterId: 7 })
    expect(RECORD_SCHEMAS.event.parse({ ...base, occurred: 'May 2020', placedAfterId: '7' })).toMatchObject({ undated: false, placedAfterId: null })
  })
})

// ---------------------------------------------------------------------------
// Through the write path

async function save(entity: 'case' | 'event', values: Record<string, string>, id: number | null = null, version: number | null = null) {
  const r = await saveRecord(editor, { entity, id, version, values }, meta)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r
}

async function newCase() {
  return save('case', { title: `Undated case ${nextId++}`, kind: 'CRIMINAL', jurisdiction: 'KZ' })
}

const timeline = async (caseId: number) => (await loadCaseDetail({ id: caseId }))!.events.map((e) => e.title)
const derived = (caseId: number) =>
  db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, statusAt: true, statusPrecision: true, statusUndated: true, lastEventId: true, lastEventAt: true, firstYear: true, lastYear: true },
  })

describe('undated events, saved and shown', () => {
  it('sorts one after its predecessor on the case page; it sets the status without inventing a date or a year', async () => {
    const c = await newCase()
    await save('event', { caseId: String(c.id), kind: 'CHARGE', occurred: 'March 2019', title: 'Charged' })
    const verdict = await save('event', { caseId: String(c.id), kind: 'VERDICT', occurred: 'August 2019', title: 'Convicted' })
    await save('event', { caseId: String(c.id), kind: 'OTHER', occurred: '2021', title: 'Interview' })
    const appeal = await save('event', { caseId: String(c.id), kind: 'APPEAL_DECISION', undated: 'on', placedAfterId: String(verdict.id), title: 'Appeal rejected' })

    expect(await timeline(c.id)).toEqual(['Charged', 'Convicted', 'Appeal rejected', 'Interview'])
    const row = await db.event.findUniqueOrThrow({ where: { id: appeal.id } })
    expect(row).toMatchObject({ occurredAt: null, precision: null, approx: false, placedAfterId: verdict.id })
    // The interview sets no status: the undated appeal decision is the latest that does.
    expect(await derived(c.id)).toEqual({
      status: 'APPEAL_DECIDED',
      statusAt: null,
      statusPrecision: null,
      statusUndated: true,
      lastEventId: expect.any(Number),
      lastEventAt: new Date('2021-01-01T00:00:00Z'),
      firstYear: 2019,
      lastYear: 2021,
    })
    const detail = (await loadCaseDetail({ id: c.id }))!
    expect(detail).toMatchObject({ status: 'APPEAL_DECIDED', statusAsOf: null, statusUndated: true })
    expect(detail.events.find((e) => e.title === 'Appeal rejected')!.date).toBeNull()

    // The revision snapshots the new columns.
    const revision = await db.revision.findFirstOrThrow({ where: { entity: 'event', entityId: appeal.id, action: 'create' } })
    expect(JSON.parse(revision.after!)).toMatchObject({ occurredAt: null, precision: null, placedAfterId: verdict.id })
    expect(JSON.parse(revision.changed)).toContain('placedAfterId')
  })

  it('is the last event with the date it follows as the sort key, and adds no year', async () => {
    const c = await newCase()
    await save('event', { caseId: String(c.id), kind: 'CHARGE', occurred: 'March 2019', title: 'Charged' })
    const last = await save('event', { caseId: String(c.id), kind: 'RELEASE', undated: 'on', placedAfterId: '', title: 'Released' })
    // Placed first: still before the charge.
    expect(await timeline(c.id)).toEqual(['Released', 'Charged'])
    await save(
      'event',
      { caseId: String(c.id), kind: 'RELEASE', undated: 'on', placedAfterId: String((await db.event.findFirstOrThrow({ where: { caseId: c.id, title: 'Charged' } })).id), title: 'Released' },
      last.id,
      1,
    )
    expect(await timeline(c.id)).toEqual(['Charged', 'Released'])
    expect(await derived(c.id)).toMatchObject({
      status: 'CHARGED',
      statusAt: new Date('2019-03-01T00:00:00Z'),
      statusUndated: false,
      lastEventId: last.id,
      lastEventAt: new Date('2019-03-01T00:00:00Z'),
      firstYear: 2019,
    })

    // A case with only undated events has no year at all.
    const bare = await newCase()
    await save('event', { caseId: String(bare.id), kind: 'CHARGE', undated: 'on', title: 'Charged at some point' })
    expect(await derived(bare.id)).toMatchObject({ status: 'CHARGED', statusAt: null, statusUndated: true, lastEventAt: null, firstYear: null, lastYear: null })
  })

  it('follows its predecessor when that is re-dated', async () => {
    const c = await newCase()
    await save('event', { caseId: String(c.id), kind: 'CHARGE', occurred: 'March 2019', title: 'Charged' })
    const hearing = await save('event', { caseId: String(c.id), kind: 'HEARING', occurred: 'June 2019', title: 'Hearing' })
    await save('event', { caseId: String(c.id), kind: 'OTHER', undated: 'on', placedAfterId: String(hearing.id), title: 'Adjourned' })
    await save('event', { caseId: String(c.id), kind: 'HEARING', occurred: 'January 2019', title: 'Hearing' }, hearing.id, hearing.version)
    expect(await timeline(c.id)).toEqual(['Hearing', 'Adjourned', 'Charged'])
    expect(await derived(c.id)).toMatchObject({ status: 'CHARGED', statusUndated: false, lastEventAt: new Date('2019-03-01T00:00:00Z') })
  })

  it('moves up when its predecessor is deleted: after that event’s predecessor, or first', async () => {
    const c = await newCase()
    await save('event', { caseId: String(c.id), kind: 'CHARGE', occurred: 'March 2019', title: 'Charged' })
    const verdict = await save('event', { caseId: String(c.id), kind: 'VERDICT', occurred: 'August 2019', title: 'Convicted' })
    const appeal = await save('event', { caseId: String(c.id), kind: 'APPEAL', undated: 'on', placedAfterId: String(verdict.id), title: 'Appealed' })
    const decision = await save('event', { caseId: String(c.id), kind: 'APPEAL_DECISION', undated: 'on', placedAfterId: String(appeal.id), title: 'Appeal rejected' })
    await save('event', { caseId: String(c.id), kind: 'OTHER', occurred: '2021', title: 'Interview' })

    // The undated appeal goes: the decision follows the verdict now.
    expect((await deleteRecord(editor, 'event', appeal.id, appeal.version, meta)).ok).toBe(true)
    expect(await timeline(c.id)).toEqual(['Charged', 'Convicted', 'Appeal rejected', 'Interview'])
    const moved = await db.event.findUniqueOrThrow({ where: { id: decision.id } })
    expect(moved).toMatchObject({ placedAfterId: verdict.id, version: decision.version + 1 })
    const revision = await db.revision.findFirstOrThrow({ where: { entity: 'event', entityId: decision.id, action: 'update' } })
    expect(revision.summary).toMatch(/Moved up: Appealed/)
    expect(await derived(c.id)).toMatchObject({ status: 'APPEAL_DECIDED', statusUndated: true, statusAt: null })

    // The dated verdict goes: the decision follows the charge, the event before it.
    expect((await deleteRecord(editor, 'event', verdict.id, verdict.version, meta)).ok).toBe(true)
    expect(await timeline(c.id)).toEqual(['Charged', 'Appeal rejected', 'Interview'])

    // The charge, now first, goes: the decision becomes first.
    const charge = await db.event.findFirstOrThrow({ where: { caseId: c.id, title: 'Charged' } })
    expect((await deleteRecord(editor, 'event', charge.id, charge.version, meta)).ok).toBe(true)
    expect(await timeline(c.id)).toEqual(['Appeal rejected', 'Interview'])
    expect((await db.event.findUniqueOrThrow({ where: { id: decision.id } })).placedAfterId).toBeNull()
  })

  it('refuses a placement in another case, or one that makes a loop, next to the field', async () => {
    const c = await newCase()
    const other = await newCase()
    const foreign = await save('event', { caseId: String(other.id), kind: 'CHARGE', occurred: '2019', title: 'Elsewhere' })
    const refused = await saveRecord(editor, { entity: 'event', id: null, version: null, values: { caseId: String(c.id), kind: 'OTHER', undated: 'on', placedAfterId: String(foreign.id), title: 'x' } }, meta)
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { placedAfterId: ['Choose an event of this case.'] } })

    const a = await save('event', { caseId: String(c.id), kind: 'OTHER', undated: 'on', title: 'A' })
    const b = await save('event', { caseId: String(c.id), kind: 'OTHER', undated: 'on', placedAfterId: String(a.id), title: 'B' })
    const loop = await saveRecord(editor, { entity: 'event', id: a.id, version: a.version, values: { caseId: String(c.id), kind: 'OTHER', undated: 'on', placedAfterId: String(b.id), title: 'A' } }, meta)
    expect(loop).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { placedAfterId: [expect.stringMatching(/cannot come after itself/)] } })
    expect(await timeline(c.id)).toEqual(['A', 'B'])
  })
})
