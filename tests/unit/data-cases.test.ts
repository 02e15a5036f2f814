// lib/data/cases.ts against a real, fresh SQLite database per test
// (tests/support/per-file-database.ts), with data from the factories.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { countCasesByStatus, getCaseBySlug, getDashboardOptions, listCases } from '@/lib/data/cases'
import { day, month, season, year } from '@/lib/domain/partial-date'
import { PAGE_SIZE, parseCaseQuery, type CaseQuery } from '@/lib/validation/case-filters'
import { createCase, createCaseRelation, createConflict, createPerson, createProvision, createSource, type CaseInput } from '../support/factories'

const q = (partial: Partial<CaseQuery> = {}): CaseQuery => ({ ...parseCaseQuery({}).query, ...partial })
const slugsOf = async (partial: Partial<CaseQuery> = {}) => (await listCases(q(partial))).items.map((c) => c.slug).sort()

/** Case kinds of event that leave a case closed in a given year. */
const droppedIn = (y: number): CaseInput['events'] => [
  { kind: 'INVESTIGATION_OPENED', date: month(y, 4) },
  { kind: 'CASE_TERMINATED', date: day(y, 5, 27) },
]

describe('listCases', () => {
  it('lists published cases with their dashboard fields', async () => {
    const provision = await createProvision(db, { article: '174', title: 'Inciting discord' })
    const c = await createCase(db, {
      title: 'Inciting discord (2020)',
      defendant: { name: 'Serikzhan Bilash' },
      charges: [{ provisionId: provision.id }],
      events: droppedIn(2020),
    })
    const page = await listCases(q())
    expect(page).toMatchObject({ total: 1, page: 1, pageCount: 1, pageSize: PAGE_SIZE })
    expect(page.items).toEqual([
      {
        slug: c.slug,
        title: 'Inciting discord (2020)',
        kind: 'CRIMINAL',
        jurisdiction: 'KZ',
        status: 'DROPPED',
        statusAsOf: day(2020, 5, 27),
        statusUndated: false,
        statusBasis: 'event',
        conflictCount: 0,
        defendants: [{ slug: c.defendant!.slug, name: 'Serikzhan Bilash', href: `/people/${c.defendant!.slug}` }],
        provisions: [expect.objectContaining({ slug: provision.slug, article: '174', title: 'Inciting discord' })],
        lastEvent: { title: expect.any(String), kind: 'CASE_TERMINATED', date: day(2020, 5, 27) },
      },
    ])
  })

  it('says what dates each status (an event: "since"; an editor’s status from a source: "last confirmed") and counts its disagreements', async () => {
    const source = await createSource(db)
    const byEvent = await createCase(db, { title: 'By event', events: droppedIn(2020) })
    const byOverride = await createCase(db, { title: 'By override', events: [{ kind: 'INVESTIGATION_OPENED', date: month(2020, 4) }], statusOverride: { status: 'INVESTIGATION', date: month(2021, 2) } })
    const undatedDefault = await createCase(db, { title: 'Nothing dates it', events: [] })
    for (const n of [1, 2]) {
      await createConflict(db, {
        caseId: byOverride.id,
        subject: `Disputed ${n}`,
        versions: [
          { statement: 'One', citations: [{ sourceId: source.id, quote: 'one' }] },
          { statement: 'Two', citations: [{ sourceId: source.id, quote: 'two' }] },
        ],
      })
    }
    const items = new Map((await listCases(q())).items.map((c) => [c.slug, c]))
    expect(items.get(byEvent.slug)).toMatchObject({ statusBasis: 'event', statusAsOf: day(2020, 5, 27), conflictCount: 0 })
    expect(items.get(byOverride.slug)).toMatchObject({ statusBasis: 'override', statusAsOf: month(2021, 2), conflictCount: 2 })
    expect(items.get(undatedDefault.slug)).toMatchObject({ statusBasis: 'default', statusAsOf: null })
    expect(await getCaseBySlug(byOverride.slug)).toMatchObject({ statusBasis: 'override', status: 'INVESTIGATION' })
  })

  it('never lists drafts, nor counts them', async () => {
    const published = await createCase(db, { events: droppedIn(2020) })
    await createCase(db, { published: false, events: droppedIn(2020) })
    const page = await listCases(q())
    expect(page.items.map((c) => c.slug)).toEqual([published.slug])
    expect(page.total).toBe(1)
    expect(await countCasesByStatus(q())).toEqual({ DROPPED: 1 })
  })

  it('lists a provision once per case even when it is charged twice', async () => {
    const provision = await createProvision(db)
    await createCase(db, { charges: [{ provisionId: provision.id }, { provisionId: provision.id }, { description: 'Unnamed offence' }] })
    const [item] = (await listCases(q())).items
    expect(item!.provisions.map((p) => p.slug)).toEqual([provision.slug])
  })

  describe('filters, each alone', () => {
    it('status (one or several)', async () => {
      const dropped = await createCase(db, { events: droppedIn(2020) })
      const charged = await createCase(db, { events: [{ kind: 'CHARGE', date: month(2020, 6) }] })
      const plea = await createCase(db, { events: [{ kind: 'VERDICT', date: month(2019, 8), statusAfter: 'PLEA_DEAL' }] })
      expect(await slugsOf({ statuses: ['DROPPED'] })).toEqual([dropped.slug])
      expect(await slugsOf({ statuses: ['CHARGED', 'PLEA_DEAL'] })).toEqual([charged.slug, plea.slug].sort())
      expect(await slugsOf({ statuses: ['ACQUITTED'] })).toEqual([])
    })

    it('kind', async () => {
      const admin = await createCase(db, { kind: 'ADMINISTRATIVE' })
      await createCase(db, { kind: 'CRIMINAL' })
      expect(await slugsOf({ kind: 'ADMINISTRATIVE' })).toEqual([admin.slug])
      expect(await slugsOf({ kind: 'CIVIL' })).toEqual([])
    })

    it('jurisdiction', async () => {
      const un = await createCase(db, { jurisdiction: 'UN', kind: 'INTERNATIONAL' })
      await createCase(db, { jurisdiction: 'KZ' })
      expect(await slugsOf({ jurisdiction: 'UN' })).toEqual([un.slug])
    })

    it('provision, by slug', async () => {
      const p174 = await createProvision(db, { article: '174' })
      const p389 = await createProvision(db, { article: '389' })
      const a = await createCase(db, { charges: [{ provisionId: p174.id }] })
      const b = await createCase(db, { charges: [{ provisionId: p389.id }, { provisionId: p174.id }] })
      await createCase(db, { charges: [{ provisionId: p389.id }] })
      expect(await slugsOf({ provision: p174.slug })).toEqual([a.slug, b.slug].sort())
    })

    it('person, in any role', async () => {
      const lawyer = await createPerson(db, { name: 'Aiman Umarova' })
      const asDefendant = await createCase(db, { defendant: { personId: lawyer.id } })
      const asLawyer = await createCase(db, { parties: [{ personId: lawyer.id, role: 'LAWYER' }] })
      await createCase(db)
      expect(await slugsOf({ person: lawyer.slug })).toEqual([asDefendant.slug, asLawyer.slug].sort())
    })

    it('an unknown person or provision slug matches nothing (not everything)', async () => {
      await createCase(db, { charges: [{ provisionId: (await createProvision(db)).id }] })
      for (const filters of [{ person: 'nobody-at-all' }, { provision: 'no-such-article' }]) {
        const page = await listCases(q(filters))
        expect(page).toEqual({ items: [], total: 0, page: 1, pageCount: 0, pageSize: PAGE_SIZE })
        expect(await countCasesByStatus(q(filters))).toEqual({})
      }
    })

    it('year: active during the year, open cases until today', async () => {
      const only2019 = await createCase(db, {
        events: [
          { kind: 'CHARGE', date: month(2019, 2) },
          { kind: 'VERDICT', date: month(2019, 8), statusAfter: 'PLEA_DEAL' },
        ],
      })
      // Plea deal is not a final status: the proceeding may go on (appeal), so still open.
      const dropped2020 = await createCase(db, { events: droppedIn(2020) })
      const openSince2020 = await createCase(db, { events: [{ kind: 'INVESTIGATION_OPENED', date: month(2020, 6) }] })
      const span = await createCase(db, {
        events: [
          { kind: 'CHARGE', date: year(2018) },
          { kind: 'VERDICT', date: day(2021, 3, 1), statusAfter: 'ACQUITTED' },
        ],
      })
      const closedExplicitly = await createCase(db, {
        opened: month(2017, 5),
        closed: season(2018, 'autumn'),
        events: [{ kind: 'INVESTIGATION_OPENED', date: month(2017, 5) }],
      })
      expect(await slugsOf({ year: 2017 })).toEqual([closedExplicitly.slug])
      expect(await slugsOf({ year: 2019 })).toEqual([only2019.slug, span.slug].sort())
      expect(await slugsOf({ year: 2020 })).toEqual([only2019.slug, dropped2020.slug, openSince2020.slug, span.slug].sort())
      expect(await slugsOf({ year: 2022 })).toEqual([only2019.slug, openSince2020.slug].sort())
      expect(await slugsOf({ year: 2016 })).toEqual([])
    })

    it('q finds a person by name, by any alias, and by transliteration variants', async () => {
      const lawyer = await createPerson(db, {
        name: 'Shynkuat Baizhanov',
        aliases: [
          { name: 'Shynkuat Bayzhanov', script: 'Latn', kind: 'TRANSLITERATION' },
          { name: 'Шыңқуат Байжанов', script: 'Cyrl', kind: 'TRANSLITERATION' },
        ],
      })
      const bilash = await createPerson(db, { name: 'Serikzhan Bilash', aliases: [{ name: 'Серікжан Білаш', script: 'Cyrl' }] })
      const withLawyer = await createCase(db, { defendant: { personId: bilash.id }, parties: [{ personId: lawyer.id, role: 'LAWYER' }] })
      const other = await createCase(db, { defendant: { name: 'Saltanat Kusmankyzy', aliases: [{ name: 'Saltanat Kusman', kind: 'NICKNAME' }] } })

      for (const text of ['Bayzhanov', 'Baizhanov', 'BAIZHANOV', 'Байжанов', 'Baijanov', 'shynkuat']) {
        expect(await slugsOf({ q: text }), text).toEqual([withLawyer.slug])
      }
      expect(await slugsOf({ q: 'Билаш' })).toEqual([withLawyer.slug])
      expect(await slugsOf({ q: 'Kusman' })).toEqual([other.slug])
      expect(await slugsOf({ q: 'Umarova' })).toEqual([])
    })

    it('q finds a name that only an alias carries', async () => {
      const c = await createCase(db, {
        defendant: {
          name: 'Leila Adilzhan',
          aliases: [
            { name: 'Laila Adilzhanova', kind: 'MISSPELLING' },
            { name: 'Ләйлә Әділжан', script: 'kk' },
          ],
        },
      })
      await createCase(db, { defendant: { name: 'Someone Else' } })
      expect(await slugsOf({ q: 'Adilzhanova' })).toEqual([c.slug])
      expect(await slugsOf({ q: 'Adiljanova' })).toEqual([c.slug])
    })

    it('q also searches titles and case numbers', async () => {
      const byTitle = await createCase(db, { title: 'Atajurt YouTube channel case' })
      const byNumber = await createCase(db, { caseNumber: '207500031000412' })
      await createCase(db)
      expect(await slugsOf({ q: 'YouTube' })).toEqual([byTitle.slug])
      expect(await slugsOf({ q: '31000412' })).toEqual([byNumber.slug])
    })
  })

  it('combines filters with AND', async () => {
    const p174 = await createProvision(db, { article: '174' })
    const p389 = await createProvision(db, { article: '389' })
    const bilash = await createPerson(db, { name: 'Serikzhan Bilash' })
    const target = await createCase(db, { defendant: { personId: bilash.id }, charges: [{ provisionId: p174.id }], events: droppedIn(2020) })
    // Each of these differs from the target in exactly one filter.
    await createCase(db, { defendant: { personId: bilash.id }, charges: [{ provisionId: p389.id }], events: droppedIn(2020) })
    await createCase(db, { defendant: { personId: bilash.id }, charges: [{ provisionId: p174.id }], events: droppedIn(2019) })
    await createCase(db, { defendant: { personId: bilash.id }, charges: [{ provisionId: p174.id }], events: [{ kind: 'CHARGE', date: month(2020, 4) }] })
    await createCase(db, { charges: [{ provisionId: p174.id }], events: droppedIn(2020) })
    await createCase(db, { defendant: { personId: bilash.id }, kind: 'ADMINISTRATIVE', charges: [{ provisionId: p174.id }], events: droppedIn(2020) })

    const all = { statuses: ['DROPPED' as const], year: 2020, provision: p174.slug, person: bilash.slug, kind: 'CRIMINAL' as const, jurisdiction: 'KZ', q: 'Bilash' }
    expect(await slugsOf(all)).toEqual([target.slug])
    expect(await slugsOf({ statuses: ['DROPPED'], year: 2020 })).toHaveLength(4)
    // An impossible combination is simply empty.
    expect(await slugsOf({ ...all, jurisdiction: 'UN' })).toEqual([])
  })

  it('paginates with totals', async () => {
    const person = await createPerson(db)
    for (let i = 0; i < PAGE_SIZE + 5; i++) {
      await createCase(db, { defendant: { personId: person.id }, title: `Case ${String(i).padStart(2, '0')}`, events: [{ kind: 'CHARGE', date: day(2020, 1, 1 + i) }] })
    }
    const first = await listCases(q({ sort: 'title' }))
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2, pageSize: PAGE_SIZE })
    expect(first.items).toHaveLength(PAGE_SIZE)
    expect(first.items[0]!.title).toBe('Case 00')
    const second = await listCases(q({ sort: 'title', page: 2 }))
    expect(second).toMatchObject({ total: 30, page: 2, pageCount: 2 })
    expect(second.items.map((c) => c.title)).toEqual(['Case 25', 'Case 26', 'Case 27', 'Case 28', 'Case 29'])
    const beyond = await listCases(q({ page: 3 }))
    expect(beyond).toMatchObject({ items: [], total: 30, page: 3, pageCount: 2 })
  })

  it('sorts by latest event, earliest event, opening date or title', async () => {
    const b = await createCase(db, { title: 'B', opened: month(2018, 1), events: [{ kind: 'CHARGE', date: month(2020, 6) }] })
    const a = await createCase(db, { title: 'A', opened: month(2020, 1), events: [{ kind: 'CHARGE', date: day(2021, 2, 2) }] })
    const c = await createCase(db, { title: 'C', opened: year(2019), events: [{ kind: 'CHARGE', date: year(2019) }] })
    const order = async (sort: CaseQuery['sort']) => (await listCases(q({ sort }))).items.map((x) => x.title)
    expect(await order('recent')).toEqual(['A', 'B', 'C'])
    expect(await order('oldest')).toEqual(['C', 'B', 'A'])
    expect(await order('opened')).toEqual(['A', 'C', 'B'])
    expect(await order('title')).toEqual(['A', 'B', 'C'])
    expect([a, b, c].every((x) => x.slug)).toBe(true)
  })
})

describe('countCasesByStatus', () => {
  it('counts by status under the other filters, ignoring the status filter', async () => {
    const kz = { jurisdiction: 'KZ' }
    await createCase(db, { ...kz, events: droppedIn(2020) })
    await createCase(db, { ...kz, events: droppedIn(2021) })
    await createCase(db, { ...kz, events: [{ kind: 'CHARGE', date: month(2020, 6) }] })
    await createCase(db, { jurisdiction: 'UN', kind: 'INTERNATIONAL', events: [{ kind: 'INTERNATIONAL_OPINION', date: month(2020, 11) }] })
    expect(await countCasesByStatus(q())).toEqual({ DROPPED: 2, CHARGED: 1, DECIDED: 1 })
    expect(await countCasesByStatus(q({ jurisdiction: 'KZ', statuses: ['CHARGED'] }))).toEqual({ DROPPED: 2, CHARGED: 1 })
    // The UN opinion (final, 2020) was no longer active in 2021; the open charge still was.
    expect(await countCasesByStatus(q({ year: 2021 }))).toEqual({ DROPPED: 1, CHARGED: 1 })
  })
})

describe('getDashboardOptions', () => {
  it('offers only charged provisions and jurisdictions of published cases', async () => {
    const charged = await createProvision(db, { article: '174' })
    await createProvision(db, { article: '999' })
    await createCase(db, { jurisdiction: 'KZ', charges: [{ provisionId: charged.id }], events: [{ kind: 'CHARGE', date: month(2019, 2) }] })
    const onlyInDraft = await createProvision(db, { article: '405' })
    const hidden = await createPerson(db, { name: 'Only in a draft' })
    await createCase(db, { jurisdiction: 'XX', published: false, defendant: { personId: hidden.id }, charges: [{ provisionId: onlyInDraft.id }] })
    const person = await createPerson(db, { name: 'Aiman Umarova' })
    await createCase(db, { defendant: { personId: person.id } })
    const options = await getDashboardOptions(person.slug)
    expect(options.provisions.map((p) => p.slug)).toEqual([charged.slug])
    expect(options.jurisdictions).toEqual(['KZ'])
    expect(options.years).toEqual({ min: 2019, max: new Date().getUTCFullYear() })
    expect(options.person).toEqual({ slug: person.slug, name: 'Aiman Umarova' })
    expect((await getDashboardOptions('nobody')).person).toBeNull()
    expect((await getDashboardOptions(hidden.slug)).person).toBeNull()
    expect((await getDashboardOptions(null)).person).toBeNull()
  })
})

describe('getCaseBySlug', () => {
  it('is null for an unknown slug and for a draft', async () => {
    const draft = await createCase(db, { published: false })
    expect(await getCaseBySlug('no-such-case')).toBeNull()
    expect(await getCaseBySlug(draft.slug)).toBeNull()
  })

  it('returns the case with derived status, parties, charges and their citations', async () => {
    const src = await createSource(db, { title: 'One case dropped', publisher: 'Stephen M. Bland', published: day(2021, 2, 4) })
    const provision = await createProvision(db, { article: '174', title: 'Inciting discord' })
    const lawyer = await createPerson(db, { name: 'Shynkuat Baizhanov' })
    const c = await createCase(db, {
      title: 'Speech case',
      caseNumber: '2020-174',
      defendant: { name: 'Serikzhan Bilash' },
      defendantOutcome: { outcome: 'Case terminated' },
      parties: [{ personId: lawyer.id, role: 'LAWYER', citations: [{ sourceId: src.id, quote: 'his lawyer' }] }],
      charges: [{ provisionId: provision.id, disposition: 'DROPPED', dispositionDate: day(2020, 5, 27), citations: [{ sourceId: src.id, quote: 'article 174' }] }],
      opened: month(2020, 4),
      events: droppedIn(2020),
      summaryCitations: [{ sourceId: src.id, quote: 'summary quote' }],
      statusCitations: [{ sourceId: src.id, quote: 'status quote', translation: 'the status, in English', locator: 'para. 9' }],
    })
    const found = await getCaseBySlug(c.slug)
    expect(found).toMatchObject({
      id: c.id,
      slug: c.slug,
      title: 'Speech case',
      caseNumber: '2020-174',
      status: 'DROPPED',
      statusAsOf: day(2020, 5, 27),
      opened: month(2020, 4),
      closed: null,
    })
    const source = { id: src.id, title: 'One case dropped', publisher: 'Stephen M. Bland', url: src.url, archiveUrl: null, language: 'en', published: day(2021, 2, 4) }
    expect(found!.summaryCitations).toEqual([{ id: expect.any(Number), quote: 'summary quote', translation: '', locator: 'para. 3', source }])
    expect(found!.statusCitations).toEqual([{ id: expect.any(Number), quote: 'status quote', translation: 'the status, in English', locator: 'para. 9', source }])
    expect(found!.parties.map((p) => [p.role, p.person?.name, p.citations.map((x) => x.quote)])).toEqual([
      ['DEFENDANT', 'Serikzhan Bilash', []],
      ['LAWYER', 'Shynkuat Baizhanov', ['his lawyer']],
    ])
    expect(found!.parties[0]!.outcome).toBe('Case terminated')
    expect(found!.charges).toEqual([
      {
        id: c.chargeIds[0],
        defendant: { slug: c.defendant!.slug, name: 'Serikzhan Bilash' },
        provision: expect.objectContaining({ slug: provision.slug, article: '174' }),
        description: '',
        disposition: 'DROPPED',
        dispositionDate: day(2020, 5, 27),
        citations: [expect.objectContaining({ quote: 'article 174', source })],
      },
    ])
  })

  it('sorts events by date, then the finer date first, and attaches their citations', async () => {
    const s1 = await createSource(db)
    const s2 = await createSource(db)
    // Inserted out of order on purpose.
    const c = await createCase(db, {
      events: [
        {
          kind: 'CASE_TERMINATED',
          date: day(2020, 5, 27),
          title: 'terminated',
          citations: [
            { sourceId: s2.id, quote: 'q-b' },
            { sourceId: s1.id, quote: 'q-a' },
          ],
        },
        { kind: 'INVESTIGATION_OPENED', date: month(2020, 4), title: 'opened (month)' },
        { kind: 'OTHER', date: season(2020, 'spring', true), title: 'c. spring' },
        { kind: 'CHARGE', date: day(2020, 4, 1), title: 'charged (day)' },
        { kind: 'OTHER', date: year(2021), title: 'lawyer told' },
      ],
    })
    const found = await getCaseBySlug(c.slug)
    expect(found!.events.map((e) => e.title)).toEqual(['c. spring', 'charged (day)', 'opened (month)', 'terminated', 'lawyer told'])
    const terminated = found!.events.find((e) => e.title === 'terminated')!
    expect(terminated.date).toEqual(day(2020, 5, 27))
    // Citations in the order they were recorded.
    expect(terminated.citations.map((x) => [x.quote, x.source.id])).toEqual([
      ['q-b', s2.id],
      ['q-a', s1.id],
    ])
    expect(found!.status).toBe('DROPPED')
  })

  it('keeps every version of a conflict, in order, each with its own citations', async () => {
    const rferl = await createSource(db, { publisher: 'RFE/RL' })
    const bland = await createSource(db, { publisher: 'Stephen M. Bland' })
    const c = await createCase(db, { events: [{ kind: 'CHARGE', date: month(2020, 4) }] })
    const conflict = await createConflict(db, {
      caseId: c.id,
      eventId: c.eventIds[0],
      subject: 'What he was charged with in April 2020',
      versions: [
        { statement: 'One case under article 174', citations: [{ sourceId: bland.id, quote: 'one case' }] },
        { statement: 'Desecration of the state flag and inciting hatred', preferred: true, citations: [{ sourceId: rferl.id, quote: 'desecration' }] },
      ],
    })
    const found = await getCaseBySlug(c.slug)
    expect(found!.conflicts).toEqual([
      {
        id: conflict.id,
        subject: 'What he was charged with in April 2020',
        note: '',
        eventId: c.eventIds[0],
        versions: [
          { id: conflict.versionIds[0], statement: 'One case under article 174', preferred: false, citations: [expect.objectContaining({ quote: 'one case' })] },
          { id: conflict.versionIds[1], statement: 'Desecration of the state flag and inciting hatred', preferred: true, citations: [expect.objectContaining({ quote: 'desecration' })] },
        ],
      },
    ])
  })

  it('lists related cases from both sides, but never drafts', async () => {
    const domestic = await createCase(db, { title: 'Domestic case' })
    const review = await createCase(db, { title: 'UN review', kind: 'INTERNATIONAL', jurisdiction: 'UN' })
    const draft = await createCase(db, { title: 'Draft', published: false })
    await createCaseRelation(db, { fromCaseId: review.id, toCaseId: domestic.id, kind: 'INTERNATIONAL_REVIEW_OF' })
    await createCaseRelation(db, { fromCaseId: draft.id, toCaseId: domestic.id, kind: 'SAME_FACTS' })
    expect((await getCaseBySlug(domestic.slug))!.related).toEqual([{ slug: review.slug, title: 'UN review', status: 'INVESTIGATION', relation: 'INTERNATIONAL_REVIEW_OF', direction: 'incoming', note: '' }])
    expect((await getCaseBySlug(review.slug))!.related).toEqual([{ slug: domestic.slug, title: 'Domestic case', status: 'INVESTIGATION', relation: 'INTERNATIONAL_REVIEW_OF', direction: 'outgoing', note: '' }])
  })
})
