// lib/versions: the versions of a case page, on a real SQLite database per test.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getCaseBySlug } from '@/lib/data/cases'
import { captureCaseVersion, captureVersionsOfTags, currentCaseVersion, getCaseVersion } from '@/lib/versions/case-versions'
import { contentHash, serializeSnapshot, upgradeSnapshot } from '@/lib/versions/snapshot'
import { recordTag } from '@/lib/cache/tags'
import { day } from '@/lib/domain/partial-date'
import { createCase } from '../support/factories'

const versionsOf = (caseId: number) => db.caseVersion.findMany({ where: { caseId }, orderBy: { number: 'asc' }, select: { number: true, contentHash: true } })

describe('case versions', () => {
  it('records the page once: the same content makes no new version', async () => {
    const c = await createCase(db, { events: [{ kind: 'INVESTIGATION_OPENED', date: day(2020, 4, 1) }] })
    const first = await captureCaseVersion(c.id)
    expect(first).toMatchObject({ number: 1 })
    expect(await captureCaseVersion(c.id)).toMatchObject({ number: 1 })
    const dto = (await getCaseBySlug(c.slug))!
    expect(await currentCaseVersion(dto)).toMatchObject({ number: 1 })
    // A save that changes only the row's date changes nothing a reader sees.
    await db.case.update({ where: { id: c.id }, data: { updatedAt: new Date('2030-01-01T00:00:00Z') } })
    expect(await captureCaseVersion(c.id)).toMatchObject({ number: 1 })
    expect(await versionsOf(c.id)).toHaveLength(1)
  })

  it('an edit makes a new version, and the old one keeps the old text', async () => {
    const c = await createCase(db, { summary: 'The first summary.' })
    await captureVersionsOfTags([recordTag('case', c.id), recordTag('person', 1)])
    await db.case.update({ where: { id: c.id }, data: { summary: 'The corrected summary.' } })
    await captureVersionsOfTags([recordTag('case', c.id)])
    expect((await versionsOf(c.id)).map((v) => v.number)).toEqual([1, 2])

    const old = (await getCaseVersion(c.id, 1))!
    expect(old.c.summary).toBe('The first summary.')
    expect(old.version.number).toBe(1)
    expect(old.latest.number).toBe(2)
    const current = (await getCaseVersion(c.id, 2))!
    expect(current.c.summary).toBe('The corrected summary.')
    expect(await getCaseVersion(c.id, 3)).toBeNull()
  })

  it('a version naming a person since deleted is withheld, and tagged so that the deletion re-reads it', async () => {
    const c = await createCase(db, { summary: 'Names its defendant.' })
    await captureCaseVersion(c.id)
    const before = (await getCaseVersion(c.id, 1))!
    expect(before.namesDeletedRecords).toBe(false)
    expect(before.namedTags).toContain(recordTag('person', c.defendant!.personId))
    // Renamed, the person is still found under the old slug the version holds.
    await db.person.update({ where: { id: c.defendant!.personId }, data: { slug: `${c.defendant!.slug}-renamed` } })
    await db.slugRedirect.create({ data: { entity: 'PERSON', oldSlug: c.defendant!.slug, targetId: c.defendant!.personId } })
    expect((await getCaseVersion(c.id, 1))!.namesDeletedRecords).toBe(false)
    // Removed from the case and deleted (for their safety, say): the old version no longer shows them.
    await db.party.delete({ where: { id: c.defendant!.partyId } })
    await db.person.update({ where: { id: c.defendant!.personId }, data: { deletedAt: new Date() } })
    expect((await getCaseVersion(c.id, 1))!.namesDeletedRecords).toBe(true)
  })

  it('the page records what it shows when no version has it yet (seeded data, writes behind the app’s back)', async () => {
    const c = await createCase(db, { summary: 'Seeded.' })
    expect(await versionsOf(c.id)).toEqual([])
    const dto = (await getCaseBySlug(c.slug))!
    expect(await currentCaseVersion(dto)).toMatchObject({ number: 1 })
    expect(await versionsOf(c.id)).toEqual([{ number: 1, contentHash: contentHash(dto) }])
  })

  it('a page that read the case before an edit never stores the older content as the newest version', async () => {
    const c = await createCase(db, { summary: 'Before.' })
    const stale = (await getCaseBySlug(c.slug))!
    await db.case.update({ where: { id: c.id }, data: { summary: 'After.' } })
    // The stale render cites no version, and what is stored is the committed page.
    expect(await currentCaseVersion(stale)).toBeNull()
    const [only] = await db.caseVersion.findMany({ where: { caseId: c.id }, select: { snapshot: true, format: true } })
    expect(upgradeSnapshot(only!.format, only!.snapshot).summary).toBe('After.')
  })

  it('records no version of a draft', async () => {
    const draft = await createCase(db, { published: false })
    expect(await captureCaseVersion(draft.id)).toBeNull()
    await captureVersionsOfTags([recordTag('case', draft.id)])
    expect(await versionsOf(draft.id)).toEqual([])
  })

  it('reads a snapshot written before the DTO gained fields, with its dates as Dates', async () => {
    const c = await createCase(db, { events: [{ kind: 'INVESTIGATION_OPENED', date: day(2020, 4, 1) }] })
    const dto = (await getCaseBySlug(c.slug))!
    const old = JSON.parse(serializeSnapshot(dto)) as Record<string, unknown>
    // As an early format would have had it: no stages, no sentence histories, events without citations.
    delete old.stages
    delete old.sentenceHistories
    delete old.caseNumber
    old.events = (old.events as Record<string, unknown>[]).map(({ citations: _c, ...e }) => e)
    const read = upgradeSnapshot(1, JSON.stringify(old))
    expect(read.stages).toEqual([])
    expect(read.sentenceHistories).toEqual([])
    expect(read.caseNumber).toBeNull()
    expect(read.events[0]!.citations).toEqual([])
    expect(read.events[0]!.date!.at).toBeInstanceOf(Date)
    expect(read.events[0]!.date).toEqual(day(2020, 4, 1))
    expect(read.updatedAt).toEqual(dto.updatedAt)
    // A title that looks like an instant stays text.
    expect(upgradeSnapshot(1, JSON.stringify({ ...old, title: '2020-04-01T00:00:00.000Z' })).title).toBe('2020-04-01T00:00:00.000Z')
    expect(() => upgradeSnapshot(1, '{"nothing": true}')).toThrow(/Not a case snapshot/)
  })
})
