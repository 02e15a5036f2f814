// lib/data/sources.ts: a source's page and every public claim citing it.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getSourceById } from '@/lib/data/sources'
import { day, month, year } from '@/lib/domain/partial-date'
import { createCase, createCitation, createConflict, createOrganisation, createPerson, createPersonEvent, createProvision, createSource } from '../support/factories'

describe('getSourceById', () => {
  it('is null for an unknown id', async () => {
    expect(await getSourceById(999_999)).toBeNull()
  })

  it('returns the source details, its date as printed and the note on it', async () => {
    const src = await createSource(db, {
      title: "'My life was in danger'",
      publisher: 'Stephen M. Bland',
      url: 'https://stephenmbland.example/my-life',
      archiveUrl: 'https://archive.example/my-life',
      language: 'en',
      published: day(2021, 1, 13, true),
      publishedAsPrinted: '13/01/2020',
    })
    await db.source.update({ where: { id: src.id }, data: { dateNote: 'Printed 2020; reports November 2020 events.', authors: 'Stephen M. Bland' } })
    const found = await getSourceById(src.id)
    expect(found).toMatchObject({
      id: src.id,
      title: "'My life was in danger'",
      publisher: 'Stephen M. Bland',
      authors: 'Stephen M. Bland',
      url: 'https://stephenmbland.example/my-life',
      archiveUrl: 'https://archive.example/my-life',
      language: 'en',
      published: day(2021, 1, 13, true),
      publishedAsPrinted: '13/01/2020',
      dateNote: 'Printed 2020; reports November 2020 events.',
      citedBy: [],
    })
  })

  it('returns the update date the source gives, as precise as it gives it, and null when it gives none', async () => {
    const updated = await createSource(db, { published: day(2021, 2, 4), revised: month(2021, 3) })
    const plain = await createSource(db, { published: day(2021, 2, 4) })
    expect((await getSourceById(updated.id))!.revised).toEqual(month(2021, 3))
    expect((await getSourceById(plain.id))!.revised).toBeNull()
  })

  it('lists what cites it, linking to the claim, and leaves drafts out', async () => {
    const src = await createSource(db)
    const provision = await createProvision(db, { article: '174', title: 'Inciting discord' })
    const person = await createPerson(db, { name: 'Serikzhan Bilash' })
    const org = await createOrganisation(db, { name: 'Atajurt Eriktileri', kind: 'NGO' })
    const cite = (quote: string) => [{ sourceId: src.id, quote }]
    const c = await createCase(db, {
      title: 'Speech case',
      defendant: { personId: person.id },
      parties: [{ organisationId: org.id, role: 'COMPLAINANT' }],
      charges: [{ provisionId: provision.id, citations: cite('charge quote') }],
      events: [{ kind: 'CASE_TERMINATED', date: day(2020, 5, 27), title: 'Investigation terminated', citations: cite('event quote') }],
      summaryCitations: cite('summary quote'),
    })
    await createConflict(db, {
      caseId: c.id,
      subject: 'The April 2020 charges',
      versions: [
        { statement: 'art. 174', citations: cite('version quote') },
        { statement: 'flag desecration', citations: [] },
      ],
    })
    const life = await createPersonEvent(db, person.id, { kind: 'EXILE', date: month(2020, 9), title: 'Arrived in Turkey', citations: cite('life quote') })
    await createCitation(db, { personId: person.id, field: 'description' }, { sourceId: src.id, quote: 'person quote' })
    await createCitation(db, { organisationId: org.id, field: 'description' }, { sourceId: src.id, quote: 'org quote' })
    await createCitation(db, { provisionId: provision.id }, { sourceId: src.id, quote: 'provision quote' })
    for (const field of ['status', 'opened', 'closed'] as const) await createCitation(db, { caseId: c.id, field }, { sourceId: src.id, quote: `${field} quote` })
    await createCase(db, { published: false, events: [{ kind: 'CHARGE', date: year(2021), citations: cite('draft quote') }] })
    // Named by no published case, or deleted: on no public page.
    const hidden = await createPerson(db, { name: 'Only in a draft' })
    await createCase(db, { published: false, defendant: { personId: hidden.id } })
    await createCitation(db, { personId: hidden.id, field: 'description' }, { sourceId: src.id, quote: 'hidden person quote' })
    await createPersonEvent(db, hidden.id, { kind: 'EXILE', date: year(2019), title: 'Hidden life event', citations: cite('hidden life quote') })

    const found = await getSourceById(src.id)
    const byQuote = Object.fromEntries(found!.citedBy.map((x) => [x.quote, x]))
    expect(Object.keys(byQuote).sort()).toEqual(
      ['charge quote', 'event quote', 'summary quote', 'status quote', 'opened quote', 'closed quote', 'version quote', 'life quote', 'person quote', 'org quote', 'provision quote'].sort(),
    )
    expect(byQuote['event quote']).toEqual({
      quote: 'event quote',
      translation: '',
      locator: 'para. 3',
      claim: 'Event: 27 May 2020 — Investigation terminated',
      href: `/cases/${c.slug}#event-${c.eventIds[0]}`,
      context: 'Speech case',
    })
    // Each case field by its own name: the dates are not "the summary".
    expect(byQuote['summary quote']).toMatchObject({ claim: 'Case: summary', href: `/cases/${c.slug}`, context: 'Speech case' })
    expect(byQuote['status quote']).toMatchObject({ claim: 'Case: status', href: `/cases/${c.slug}` })
    expect(byQuote['opened quote']).toMatchObject({ claim: 'Case: date opened', href: `/cases/${c.slug}` })
    expect(byQuote['closed quote']).toMatchObject({ claim: 'Case: date closed', href: `/cases/${c.slug}` })
    expect(byQuote['charge quote']).toMatchObject({ claim: 'Charge against Serikzhan Bilash: Article 174, Criminal Code of the Republic of Kazakhstan', href: `/cases/${c.slug}#charges` })
    expect(byQuote['version quote']).toMatchObject({ claim: 'Version of “The April 2020 charges”: art. 174', href: `/cases/${c.slug}#conflicts` })
    expect(byQuote['life quote']).toMatchObject({ claim: 'Event: September 2020 — Arrived in Turkey', href: `/people/${person.slug}`, context: 'Serikzhan Bilash' })
    expect(byQuote['person quote']).toMatchObject({ claim: 'Profile', href: `/people/${person.slug}` })
    expect(byQuote['org quote']).toMatchObject({ claim: 'Profile', href: `/organisations/${org.slug}` })
    expect(byQuote['provision quote']).toMatchObject({ claim: 'Description', href: `/provisions/${provision.slug}`, context: 'Article 174, Criminal Code of the Republic of Kazakhstan: Inciting discord' })
    expect(life.id).toBeGreaterThan(0)
  })
})
