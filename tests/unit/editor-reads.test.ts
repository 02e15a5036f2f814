// What the editor pages read: lib/data/editor.ts (parts, sources, menus) and
// lib/editing/editor-reads.ts (a record's form values, its history). The session
// lookup is the one injected part: requireEditor lets an editor through, or refuses.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { getCaseForPreview, getCaseWorkspace, getFormOptions, listAliases, listDescriptionCitations, listLifeEvents, listRecordsForEditor } from '@/lib/data/editor'
import { day } from '@/lib/domain/partial-date'
import { findStoredSource, getEditorOverview, getRecordForEdit, listRevisions } from '@/lib/editing/editor-reads'
import { unsourcedFacts } from '@/lib/editing/sourcing'
import { saveRecord, type Actor } from '@/lib/editing/write'
import { createCase, createCitation, createConflict, createProvision, createSource } from '../support/factories'

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
      'Charge: Serikzhan Bilash — Article 174, part 1, Criminal Code of the Republic of Kazakhstan',
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
      ['Charges', 'Charge: Serikzhan Bilash — Article 174, part 1, Criminal Code of the Republic of Kazakhstan'],
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
    ]
    for (const [name, read] of reads) await expect(read(), name).rejects.toThrow('NEXT_REDIRECT')
  })
})
