// The feeds, the timeline and the recent changes against a real SQLite database
// (tests/support/per-file-database.ts): what they list, and that the feeds are Atom,
// read back with a real XML parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { listPublicChanges } from '@/lib/data/changes'
import { getCaseFeed, getPersonFeed } from '@/lib/data/feeds'
import { listTimeline, timelineIndex } from '@/lib/data/timeline'
import { day, month, season, year } from '@/lib/domain/partial-date'
import { saveRecord, setCasePublished, type Actor } from '@/lib/editing/write'
import { caseFeed, changesFeed, personFeed } from '@/lib/feeds/follow-feeds'
import { parseTimelineQuery } from '@/lib/validation/timeline-range'
import { addCaseEvent, createCase, createSource } from '../support/factories'

const site = new URL('https://casebook.example:8443/')
const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }

type AtomLink = { '@_href': string; '@_rel'?: string }
type AtomEntry = { id: string; title: string | { '#text': string }; updated: string; link: AtomLink | AtomLink[]; content: { '#text': string; '@_type': string } }
type AtomFeed = { id: string; title: string; updated: string; link: AtomLink[]; author: { name: string }; entry?: AtomEntry | AtomEntry[] }

/** Parses an Atom document and checks what RFC 4287 requires of it. */
function parseAtom(xml: string): { feed: AtomFeed; entries: AtomEntry[] } {
  expect(XMLValidator.validate(xml)).toBe(true)
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml) as { feed: AtomFeed & { '@_xmlns': string } }
  const feed = doc.feed
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
  expect(feed.id).toMatch(/^tag:casebook\.example,2026:/)
  expect(typeof feed.title).toBe('string')
  expect(new Date(feed.updated).toISOString()).toBe(feed.updated)
  expect(feed.author.name).toBe('Casebook')
  const self = feed.link.find((l) => l['@_rel'] === 'self')
  expect(self?.['@_href']).toMatch(/^https:\/\/casebook\.example:8443\/.+\.xml$/)
  expect(feed.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toMatch(/^https:\/\/casebook\.example:8443\//)
  const entries = (feed.entry ?? []) as AtomEntry[]
  for (const e of entries) {
    expect(e.id).toMatch(/^tag:casebook\.example,2026:/)
    expect(new Date(e.updated).toISOString()).toBe(e.updated)
    expect(new Date(e.updated) <= new Date(feed.updated)).toBe(true)
    const links = Array.isArray(e.link) ? e.link : [e.link]
    expect(links[0]!['@_href']).toMatch(/^https:\/\/casebook\.example:8443\//)
  }
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
  return { feed, entries }
}

const titleOf = (e: AtomEntry) => (typeof e.title === 'string' ? e.title : e.title['#text'])
const contentOf = (e: AtomEntry) => {
  expect(e.content['@_type']).toBe('html')
  return e.content['#text']
}
const linkOf = (e: AtomEntry) => (Array.isArray(e.link) ? e.link[0]! : e.link)['@_href']

describe('case feed', () => {
  it('has an entry per event, dated in words, with its sources, and a status change named', async () => {
    const source = await createSource(db, { title: 'Court & <b>report</b>' })
    const c = await createCase(db, {
      title: 'Bilash: “blue pants” <case>',
      events: [
        { kind: 'INVESTIGATION_OPENED', date: month(2020, 4), title: 'Case opened', citations: [{ sourceId: source.id, quote: 'a case was opened ]]> here' }] },
        { kind: 'CASE_TERMINATED', date: day(2020, 5, 27), title: 'Investigation terminated' },
      ],
    })
    const dto = (await getCaseFeed(c.slug))!
    const { xml } = caseFeed(site, dto)
    const { feed, entries } = parseAtom(xml)
    expect(feed.title).toBe('Bilash: “blue pants” <case> — Casebook')
    expect(feed.link.find((l) => l['@_rel'] === 'self')!['@_href']).toBe(`https://casebook.example:8443/cases/${c.slug}/feed.xml`)
    expect(entries.map((e) => e.id).sort()).toEqual(c.eventIds.map((id) => `tag:casebook.example,2026:event/${id}`).sort())
    const opened = entries.find((e) => e.id.endsWith(`/${c.eventIds[0]}`))!
    // A title of type="html": the text's "<" arrives escaped, once.
    expect(titleOf(opened)).toBe('Investigation: April 2020: Case opened')
    expect(linkOf(opened)).toBe(`https://casebook.example:8443/cases/${c.slug}#event-${c.eventIds[0]}`)
    expect(contentOf(opened)).toContain('<strong>April 2020</strong>')
    expect(contentOf(opened)).not.toMatch(/April 1|1 April|2020-04-01/)
    expect(contentOf(opened)).toContain(`href="https://casebook.example:8443/sources/${source.id}"`)
    expect(contentOf(opened)).toContain('Court &amp; &lt;b&gt;report&lt;/b&gt;')
    expect(contentOf(opened)).toContain('a case was opened ]]&gt; here')
    const ended = entries.find((e) => e.id.endsWith(`/${c.eventIds[1]}`))!
    expect(titleOf(ended)).toBe('Dropped: 27 May 2020: Investigation terminated')
    expect(contentOf(ended)).toContain('Status after this event: Dropped.')
  })

  it('dates an entry by its last change in Casebook, never before the publication', async () => {
    const c = await createCase(db, { events: [{ kind: 'ARREST', date: year(2019), title: 'Arrested' }] })
    const published = (await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { publishedAt: true } })).publishedAt!
    const before = (await getCaseFeed(c.slug))!
    expect(before.events[0]!.changedAt).toEqual(published)
    const edited = await saveRecord(editor, { entity: 'event', id: c.eventIds[0]!, version: 1, values: { caseId: String(c.id), kind: 'ARREST', occurred: '2019', title: 'Arrested in Almaty' } }, meta)
    expect(edited.ok).toBe(true)
    const revision = await db.revision.findFirstOrThrow({ where: { entity: 'event', entityId: c.eventIds[0]! }, orderBy: { id: 'desc' } })
    const after = (await getCaseFeed(c.slug))!
    expect(after.events[0]!.changedAt).toEqual(revision.at)
    const { feed, entries } = parseAtom(caseFeed(site, after).xml)
    expect(feed.updated).toBe(revision.at.toISOString())
    expect(titleOf(entries[0]!)).toBe('2019: Arrested in Almaty')
  })

  it('is there only for a published case', async () => {
    const draft = await createCase(db, { published: false, events: [{ kind: 'ARREST', date: year(2019) }] })
    expect(await getCaseFeed(draft.slug)).toBeNull()
    expect(await getCaseFeed('no-such-case')).toBeNull()
  })
})

describe('person feed', () => {
  it('lists the events of their published cases only, each with its case', async () => {
    const shown = await createCase(db, { title: 'Shown <b>case</b>', events: [{ kind: 'CHARGE', date: month(2020, 4), title: 'Charged' }] })
    const person = { id: shown.defendant!.personId, slug: shown.defendant!.slug, name: shown.defendant!.name }
    await createCase(db, { title: 'Draft case', published: false, defendant: { personId: person.id }, events: [{ kind: 'ARREST', date: month(2020, 4), title: 'Secret arrest' }] })
    const dto = (await getPersonFeed(person.slug))!
    const { xml } = personFeed(site, dto)
    const { feed, entries } = parseAtom(xml)
    // type="html": the case's "<b>" is text, escaped once inside the CDATA, never markup.
    expect(xml).toContain('<title type="html"><![CDATA[Shown &lt;b&gt;case&lt;/b&gt; — April 2020: Charged]]></title>')
    expect(feed.title).toBe(`${person.name} — Casebook`)
    expect(feed.link.find((l) => l['@_rel'] === 'self')!['@_href']).toBe(`https://casebook.example:8443/people/${person.slug}/feed.xml`)
    expect(entries.map(titleOf)).toEqual(['Shown &lt;b&gt;case&lt;/b&gt; — April 2020: Charged'])
    expect(JSON.stringify(entries)).not.toContain('Secret')
  })
})

describe('timeline', () => {
  it('lists April 2020 without the events dated only to 2020 or to spring, and counts those', async () => {
    const c = await createCase(db, {
      title: 'Timeline case',
      events: [
        { kind: 'INVESTIGATION_OPENED', date: month(2020, 4), title: 'Opened in April' },
        { kind: 'ARREST', date: day(2020, 4, 10), title: 'Arrested on the 10th' },
        { kind: 'SEARCH', date: year(2020), title: 'Searched some time in 2020' },
        { kind: 'HEARING', date: season(2020, 'spring'), title: 'Heard in spring' },
        { kind: 'CHARGE', date: month(2020, 5), title: 'Charged in May' },
      ],
    })
    await db.event.create({ data: { caseId: c.id, kind: 'RELEASE', title: 'Released, date not reported' } })
    await createCase(db, { published: false, events: [{ kind: 'ARREST', date: day(2020, 4, 2), title: 'Draft arrest' }] })

    const april = await listTimeline(parseTimelineQuery({ from: '2020-04', to: '2020-04' }).range, 1)
    expect(april.entries.map((e) => e.title)).toEqual(['Opened in April', 'Arrested on the 10th'])
    expect(april.total).toBe(2)
    expect(april.coarser.map((x) => `${x.count} ${x.label}`)).toEqual(['1 2020', '1 spring 2020'])
    expect(april.undated).toBe(1)
    expect(april.entries[0]!.case).toEqual({ slug: c.slug, title: 'Timeline case' })

    const whole = await listTimeline(parseTimelineQuery({ from: '2020', to: '2020' }).range, 1)
    expect(whole.entries.map((e) => e.title)).toEqual(['Searched some time in 2020', 'Heard in spring', 'Opened in April', 'Arrested on the 10th', 'Charged in May'])
    expect(whole.coarser).toEqual([])

    expect(await timelineIndex()).toEqual([
      {
        year: 2020,
        count: 5,
        months: [
          { month: 4, count: 2 },
          { month: 5, count: 1 },
        ],
      },
    ])
  })

  it('pages the events', async () => {
    await createCase(db, { events: Array.from({ length: 55 }, (_, i) => ({ kind: 'HEARING' as const, date: day(2021, 1 + Math.floor(i / 28), 1 + (i % 28)), title: `Hearing ${i}` })) })
    const range = parseTimelineQuery({ from: '2021' }).range
    const [one, two] = [await listTimeline(range, 1), await listTimeline(range, 2)]
    expect(one).toMatchObject({ total: 55, pageCount: 2 })
    expect(one.entries).toHaveLength(50)
    expect(two.entries.map((e) => e.title)).toEqual(['Hearing 50', 'Hearing 51', 'Hearing 52', 'Hearing 53', 'Hearing 54'])
  })
})

describe('recent changes', () => {
  it('lists publications and changes made since, never a draft’s, and names no editor', async () => {
    const c = await createCase(db, { title: 'Public case', events: [{ kind: 'ARREST', date: day(2020, 4, 10), title: 'Arrested' }] })
    const draft = await createCase(db, { title: 'Draft case', published: false })
    const added = await saveRecord(editor, { entity: 'event', id: null, version: null, values: { caseId: String(c.id), kind: 'CHARGE', occurred: 'April 2020', title: 'Charged under article 174' } }, meta)
    await saveRecord(editor, { entity: 'event', id: null, version: null, values: { caseId: String(draft.id), kind: 'CHARGE', occurred: 'April 2020', title: 'Draft charge' } }, meta)
    expect(added.ok).toBe(true)

    const { changes, total } = await listPublicChanges(1)
    expect(total).toBe(2)
    expect(changes.map((x) => [x.what, x.case.title, x.event?.title ?? null])).toEqual([
      ['Event added', 'Public case', 'Charged under article 174'],
      ['Case published', 'Public case', null],
    ])
    const text = JSON.stringify(changes)
    expect(text).not.toContain('Draft')
    expect(text).not.toContain('editor@example.org')

    const { feed, entries } = parseAtom(changesFeed(site, changes).xml)
    expect(feed.link.find((l) => l['@_rel'] === 'self')!['@_href']).toBe('https://casebook.example:8443/feed.xml')
    expect(titleOf(entries[0]!)).toBe('Public case — Event added: April 2020, Charged under article 174')
    expect(linkOf(entries[0]!)).toBe(`https://casebook.example:8443/cases/${c.slug}#event-${added.ok ? added.id : 0}`)
  })

  it('drops a case’s changes when it is withdrawn, and lists only those after its new publication', async () => {
    const c = await createCase(db, { title: 'Withdrawn case' })
    await addCaseEvent(db, c.id, { kind: 'ARREST', date: day(2020, 4, 10) })
    const status = await saveRecord(
      editor,
      { entity: 'case', id: c.id, version: 1, values: { title: 'Withdrawn case', kind: 'CRIMINAL', jurisdiction: 'kz', statusOverride: 'ON_TRIAL', statusOverrideAsOf: 'March 2021' } },
      meta,
    )
    expect(status.ok).toBe(true)
    expect((await listPublicChanges(1)).changes.map((x) => x.what)).toEqual(['Status changed', 'Case published'])
    const off = await setCasePublished(editor, c.id, status.ok ? status.version : 0, false, meta)
    expect(off.ok).toBe(true)
    expect((await listPublicChanges(1)).total).toBe(0)
    // Published again (behind the editor's checks, which want every fact cited): only what follows is new.
    await db.case.update({ where: { id: c.id }, data: { publishedAt: new Date(), withdrawnAt: null } })
    expect((await listPublicChanges(1)).changes.map((x) => x.what)).toEqual(['Case published'])
  })
})
