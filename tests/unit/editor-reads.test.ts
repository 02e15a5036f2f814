// What the editor pages read: lib/data/editor.ts (parts, sources, menus) and
// lib/editing/editor-reads.ts (a record's form values, its history). The session
// lookup is the one injected part: requireEditor lets an editor through, or refuses.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { getCaseForPreview, getCaseWorkspace, getFormOptions, listAliases, listDescriptionCitations, listLifeEvents, listRecordsForEditor, quoteCheckOfCitations } from '@/lib/data/editor'
import { day, month, type PartialDate } from '@/lib/domain/partial-date'
import { findStoredSource, getEditorOverview, getRecordForEdit, listRevisions } from '@/lib/editing/editor-reads'
import { unsourcedFacts } from '@/lib/editing/sourcing'
import { saveRecord, type Actor } from '@/lib/editing/write'
import { createCase, createCitation, createConflict, createPerson, createProvision, createSource } from '../support/factories'

const session = vi.hoisted(() => ({ signedIn: true }))
vi.mock('@/lib/auth/session', () => ({
  requireEditor: async () => {
    if (!session.signedIn) throw new Error('NEXT_REDIRECT /sign-in')
    return { id: 'u-editor', email: 'editor@example.org', name: 'Editor', role: 'editor', twoFactorEnabled: false }
  },
}))

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }

beforeEach(() => {
  session.signedIn = true
})

async function caseWithParts() {
  const provision = await createProvision(db, { article: '174', part: '1', title: 'Inciting discord' })
  const source = await createSource(db)
  const c = await createCase(db, {
    title: 'Speech case',
    opened: day(2019, 3, 4),
    closed: day(2020, 5, 27),
    statusOverride: { status: 'DROPPED' },
    defendant: { name: 'Serikzhan Bilash' },
    charges: [{ provisionId: provision.id }],
    events: [{ kind: 'ARREST', date: day(2019, 3, 10), title: 'Arrested in Almaty' }],
  })
  const conflict = await createConflict(db, {
    caseId: c.id,
    subject: 'The charges',
    versions: [
      { statement: 'One case', citations: [] },
      { statement: 'Two cases', citations: [] },
    ],
  })
  return { c, source, provision, conflict }
}

describe('the editor case page', () => {
  it('lists the unsourced facts exactly as the publishing check finds them', async () => {
    const { c, source } = await caseWithParts()
    const before = (await getCaseWorkspace(c.id))!.unsourced
    expect(before).toEqual(await unsourcedFacts(db, c.id))
    expect(before.map((f) => f.label)).toEqual([
      'Case: status',
      'Case: date opened',
      'Case: date closed',
      'Case: summary',
      'Party: Serikzhan Bilash (defendant)',
      'Charge against Serikzhan Bilash: Article 174, part 1, Criminal Code of the Republic of Kazakhstan',
      'Event: 10 March 2019 — Arrested in Almaty',
      'Version of “The charges”: One case',
      'Version of “The charges”: Two cases',
    ])
    await createCitation(db, { caseId: c.id, field: 'opened' }, { sourceId: source.id })
    await createCitation(db, { eventId: c.eventIds[0]! }, { sourceId: source.id })
    const after = (await getCaseWorkspace(c.id))!.unsourced
    expect(after).toEqual(await unsourcedFacts(db, c.id))
    expect(after.map((f) => f.target)).not.toContain('case:opened')
    expect(after.map((f) => f.target)).not.toContain(`event:${c.eventIds[0]}`)
  })

  it('groups case citations by field and names a charge’s provision', async () => {
    const { c, source } = await caseWithParts()
    await createCitation(db, { caseId: c.id, field: 'closed' }, { sourceId: source.id, quote: 'closed quote' })
    const ws = (await getCaseWorkspace(c.id))!
    expect(ws.caseCitations.closed.map((x) => x.quote)).toEqual(['closed quote'])
    expect(ws.caseCitations.opened).toEqual([])
    expect(ws.charges[0]!.provision).toBe('Article 174, part 1, Criminal Code of the Republic of Kazakhstan: Inciting discord')
  })

  it('offers every claim of the case in the "Supports" menu, named as the rest of the app names it', async () => {
    const { c, provision } = await caseWithParts()
    const options = await getFormOptions(c.id)
    // Grouped by kind (the boxes of the case page's "Add a citation"), in the order the case page shows them.
    expect(options.citationTargets!.map((o) => [o.group, o.label])).toEqual([
      ['The case', 'Case: summary'],
      ['The case', 'Case: status'],
      ['The case', 'Case: date opened'],
      ['The case', 'Case: date closed'],
      ['Parties', 'Party: Serikzhan Bilash (defendant)'],
      ['Charges', 'Charge against Serikzhan Bilash: Article 174, part 1, Criminal Code of the Republic of Kazakhstan'],
      ['Events', 'Event: 10 March 2019 — Arrested in Almaty'],
      ['Disputed facts', 'Version of “The charges”: One case'],
      ['Disputed facts', 'Version of “The charges”: Two cases'],
    ])
    expect(options.provisions).toContainEqual({ value: String(provision.id), label: 'Article 174 › part 1, Criminal Code of the Republic of Kazakhstan: Inciting discord' })
  })

  it('offers the sources this case already cites first, under their own heading', async () => {
    const { c, source } = await caseWithParts()
    const other = await createSource(db, { title: 'Not cited here' })
    const before = await getFormOptions(c.id)
    expect(before.sources!.every((o) => o.group === undefined)).toBe(true)
    await createCitation(db, { partyId: c.partyIds[0]! }, { sourceId: source.id })
    const after = (await getFormOptions(c.id)).sources!
    expect(after[0]).toMatchObject({ value: String(source.id), group: 'Cited on this case' })
    expect(after.filter((o) => o.group === 'Cited on this case')).toHaveLength(1)
    expect(after.find((o) => o.value === String(other.id))).toMatchObject({ group: 'Other sources' })
    expect(after).toHaveLength(before.sources!.length)
    // Another case's form is not affected.
    expect((await getFormOptions(null)).sources!.every((o) => o.group === undefined)).toBe(true)
  })

  it('gets the case form’s values from the write side', async () => {
    const { c } = await caseWithParts()
    const record = (await getRecordForEdit('case', c.id))!
    expect(record).toMatchObject({ entity: 'case', id: c.id, label: 'Speech case', caseId: c.id, deleted: false })
    expect(record.values).toMatchObject({ title: 'Speech case', opened: '4 March 2019', closed: '27 May 2020', statusOverride: 'DROPPED' })
    expect(await getRecordForEdit('case', 999_999)).toBeNull()
  })
})

describe('the "event after its source" date warning', () => {
  /** A case with one event per date, each cited to the source. */
  async function eventsCitedTo(source: { id: number }, dates: Record<string, PartialDate>) {
    const c = await createCase(db, { events: Object.entries(dates).map(([title, date]) => ({ kind: 'HEARING' as const, date, title })) })
    for (const eventId of c.eventIds) await createCitation(db, { eventId }, { sourceId: source.id })
    return c
  }
  const warned = async (caseId: number) => (await getCaseWorkspace(caseId))!.warnings.map((w) => `${w.eventTitle} / ${w.sourceDate}`)

  it('warns about an event certainly after the publication date of a source that gives no update', async () => {
    const source = await createSource(db, { published: day(2021, 2, 4) })
    const c = await eventsCitedTo(source, { 'Same day': day(2021, 2, 4), 'Next day': day(2021, 2, 5), 'Some day in February': month(2021, 2) })
    expect(await warned(c.id)).toEqual(['Next day / 4 February 2021'])
  })

  it('does not warn about an event after the publication but before the update; warns after the update, naming both dates', async () => {
    const source = await createSource(db, { published: day(2021, 2, 4), revised: day(2021, 3, 10) })
    const c = await eventsCitedTo(source, { 'Between the two': day(2021, 2, 20), 'Update day': day(2021, 3, 10), 'After the update': day(2021, 3, 11) })
    expect(await warned(c.id)).toEqual(['After the update / 4 February 2021, updated 10 March 2021'])
  })

  it('reads an update date as precisely as it is given: "March 2021" covers the whole month', async () => {
    const source = await createSource(db, { published: day(2021, 2, 4), revised: month(2021, 3) })
    const c = await eventsCitedTo(source, { 'End of March': day(2021, 3, 31), 'First of April': day(2021, 4, 1) })
    expect(await warned(c.id)).toEqual(['First of April / 4 February 2021, updated March 2021'])
  })

  it('uses the update date alone when no publication date is recorded, and warns about nothing when the source gives no date', async () => {
    const updatedOnly = await createSource(db, { published: null, revised: day(2021, 3, 10) })
    const undated = await createSource(db, { published: null })
    const c = await eventsCitedTo(updatedOnly, { Before: day(2021, 3, 1), After: day(2021, 3, 12) })
    expect(await warned(c.id)).toEqual(['After / no publication date, updated 10 March 2021'])
    const d = await eventsCitedTo(undated, { Any: day(2030, 1, 1) })
    expect(await warned(d.id)).toEqual([])
  })

  it('follows an editor’s edit of the source: entering the update date through the source form clears the warning', async () => {
    const source = await createSource(db, { published: day(2021, 2, 4) })
    const c = await eventsCitedTo(source, { 'Between the two': day(2021, 2, 20) })
    expect(await warned(c.id)).toEqual(['Between the two / 4 February 2021'])
    const record = (await getRecordForEdit('source', source.id))!
    const saved = await saveRecord(editor, { entity: 'source', id: source.id, version: record.version, values: { ...record.values, revised: '10 March 2021' } }, meta)
    expect(saved.ok).toBe(true)
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { revisedAt: true, revisedPrecision: true } })).toEqual({ revisedAt: day(2021, 3, 10).at, revisedPrecision: 'DAY' })
    expect(await warned(c.id)).toEqual([])
  })
})

describe('quotes held to the source', () => {
  async function quotedCase() {
    const ru = await createSource(db, { language: 'ru', text: 'Суд в Алматы.\n«Я не признаю вину», — сказал Серикжан Билаш после\u00a0заседания.' })
    const blank = await createSource(db, { text: '' })
    const c = await createCase(db, {
      summaryCitations: [
        { sourceId: ru.id, quote: '"Я не признаю вину", - сказал Серикжан Билаш', translation: 'I do not admit guilt, said Serikzhan Bilash' },
        { sourceId: ru.id, quote: 'Я признаю вину' },
        { sourceId: blank.id, quote: 'He pleaded not guilty' },
      ],
    })
    return { ru, blank, c }
  }

  it('says beside each citation of the case whether its quote is in the source’s stored text', async () => {
    const { c } = await quotedCase()
    const ws = (await getCaseWorkspace(c.id))!
    expect(ws.caseCitations.summary.map((x) => [x.quote, x.translation, x.quoteCheck])).toEqual([
      ['"Я не признаю вину", - сказал Серикжан Билаш', 'I do not admit guilt, said Serikzhan Bilash', 'found'],
      ['Я признаю вину', '', 'not-found'],
      ['He pleaded not guilty', '', 'no-text'],
    ])
    expect(ws.citationCount).toBe(3)
  })

  it('gives the save’s notice the first problem of the citations just saved', async () => {
    const { c } = await quotedCase()
    const [found, missing, noText] = (await getCaseWorkspace(c.id))!.caseCitations.summary.map((x) => x.id)
    expect(await quoteCheckOfCitations([found!])).toBe('found')
    expect(await quoteCheckOfCitations([found!, missing!])).toBe('not-found')
    expect(await quoteCheckOfCitations([missing!, noText!])).toBe('no-text')
  })

  it('checks the quotes of a description’s citations too', async () => {
    const { ru } = await quotedCase()
    const person = await createPerson(db)
    await createCitation(db, { personId: person.id, field: 'description' }, { sourceId: ru.id, quote: 'СЕРИКЖАН БИЛАШ ПОСЛЕ ЗАСЕДАНИЯ' })
    expect((await listDescriptionCitations('person', person.id)).map((x) => x.quoteCheck)).toEqual(['found'])
  })
})

describe('history', () => {
  it('names each revision’s record and lists what changed', async () => {
    const article = await createProvision(db, { code: 'Criminal Code', article: '174' })
    const saved = await saveRecord(editor, { entity: 'provision', id: null, version: null, values: { parentId: String(article.id), part: '1', title: 'Inciting discord' } }, meta)
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    const { revisions, total } = await listRevisions('provision', saved.id)
    expect(total).toBe(1)
    expect(revisions[0]).toMatchObject({ action: 'create', label: 'Article 174, part 1, Criminal Code: Inciting discord', restorable: true })
    expect(revisions[0]!.changes).toContainEqual({ field: 'article', label: 'Article', before: '', after: '174' })
    const overview = await getEditorOverview()
    expect(overview.recent).toContainEqual(expect.objectContaining({ entity: 'provision', entityId: saved.id, label: 'Article 174, part 1, Criminal Code: Inciting discord' }))
  })
})

describe('every editor read checks the session itself', () => {
  it('refuses when requireEditor refuses', async () => {
    const { c, source } = await caseWithParts()
    session.signedIn = false
    const reads: [string, () => Promise<unknown>][] = [
      ['listRecordsForEditor', () => listRecordsForEditor('case', '')],
      ['getCaseWorkspace', () => getCaseWorkspace(c.id)],
      ['getFormOptions', () => getFormOptions(c.id)],
      ['getCaseForPreview', () => getCaseForPreview(c.id)],
      ['listLifeEvents', () => listLifeEvents(1)],
      ['listDescriptionCitations', () => listDescriptionCitations('person', 1)],
      ['listAliases', () => listAliases('person', 1)],
      ['getRecordForEdit', () => getRecordForEdit('case', c.id)],
      ['listRevisions', () => listRevisions('case', c.id)],
      ['getEditorOverview', () => getEditorOverview()],
      ['findStoredSource', () => findStoredSource(source.url ?? 'https://example.org/')],
      ['quoteCheckOfCitations', () => quoteCheckOfCitations([1])],
    ]
    for (const [name, read] of reads) await expect(read(), name).rejects.toThrow('NEXT_REDIRECT')
  })
})
