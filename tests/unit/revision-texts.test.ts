// Long texts in revisions are stored once, by content (lib/editing/revision-texts.ts,
// decision 010): a source's ~500,000-character text edited around stays one row, each
// distinct text one row more, and every reader of a snapshot (history diffs, restore,
// undelete, the stale-save report) sees the text itself, in revisions of either format.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { getEditorOverview, listRevisions } from '@/lib/editing/editor-reads'
import { KINDS, type Row } from '@/lib/editing/kinds'
import { encodeSnapshot, LONG_TEXT, readSnapshots, storeTexts, type TextsToStore } from '@/lib/editing/revision-texts'
import { snapshotOf } from '@/lib/editing/snapshot'
import { deleteRecord, restoreRevision, saveRecord, type Actor } from '@/lib/editing/write'
import { createSource } from '../support/factories'

vi.mock('@/lib/auth/session', () => ({
  requireEditor: async () => ({ id: 'u-editor', email: 'editor@example.org', name: 'Editor', role: 'editor', twoFactorEnabled: false }),
}))

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }

const WORDS = ['court', 'Almaty', 'hearing', 'the', 'defendant', 'appeal', 'said', 'of', 'prosecutor', 'sentence', 'Бiлаш', 'сот', '😀']

/** A text of exactly `length` characters, different for each seed; no leading or trailing space (the form trims). */
function articleText(length: number, seed = 0): string {
  const parts: string[] = [`Article ${seed}.`]
  let size = parts[0]!.length
  for (let i = 0; size < length; i++) {
    const word = (i % 23 === 22 ? '\n' : ' ') + WORDS[(i * 7 + seed + (i >> 4)) % WORDS.length]
    parts.push(word)
    size += word.length
  }
  const text = parts.join('')
  // Cut on a code-point boundary, then pad to the exact length.
  let cut = text.slice(0, length - 1)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1) + 'x'
  return cut + '.'
}

const TEXT_A = articleText(500_000, 1)
const TEXT_B = articleText(500_000, 2)
const TEXT_C = articleText(499_990, 3)

async function newSource(text: string) {
  const values = { url: 'https://news.example.org/2021/02/case-dropped', title: 'Case dropped after expert review', publisher: 'Example News', language: 'en', published: '5 February 2021', text }
  const r = await saveRecord(editor, { entity: 'source', id: null, version: null, values }, meta)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r
}

/** Saves the source as its form would, with `over` changed, from its current version. */
async function editSource(id: number, over: Record<string, string>) {
  const row = (await db.source.findUniqueOrThrow({ where: { id } })) as unknown as Row
  const r = await saveRecord(editor, { entity: 'source', id, version: row.version, values: { ...KINDS.source.toFormValues(row), ...over } }, meta)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r
}

/** The bytes of every revision's before and after JSON, as SQLite stores them. */
async function revisionBytes(): Promise<number> {
  const [row] = await db.$queryRaw<{ bytes: bigint | number | null }[]>`SELECT SUM(COALESCE(LENGTH(CAST("before" AS BLOB)), 0) + COALESCE(LENGTH(CAST("after" AS BLOB)), 0)) AS bytes FROM "Revision"`
  return Number(row?.bytes ?? 0)
}

const textRows = () => db.revisionText.count()

let findManySpy: ReturnType<typeof vi.spyOn> | null = null
beforeEach(() => {
  findManySpy?.mockRestore()
  findManySpy = null
})

describe('a source with a 500,000-character text', () => {
  it('edited 20 times in its title only: the text is stored once, and history stays small', async () => {
    expect(TEXT_A).toHaveLength(500_000)
    const r = await newSource(TEXT_A)
    for (let i = 1; i <= 20; i++) await editSource(r.id, { title: `Case dropped after expert review (${i})` })
    expect(await db.revision.count({ where: { entity: 'source', entityId: r.id } })).toBe(21)
    expect(await textRows()).toBe(1)
    expect((await db.revisionText.findFirstOrThrow()).text).toBe(TEXT_A)
    // Inline, the 21 revisions held the text 41 times: 20,684,093 bytes. By reference: ~16 kB.
    const bytes = await revisionBytes()
    expect(bytes).toBeLessThan(21 * 2 * 1_000)
    const [inline] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS n FROM "Revision" WHERE INSTR(COALESCE("before", '') || COALESCE("after", ''), ${TEXT_A.slice(1000, 1100)}) > 0`
    expect(Number(inline!.n)).toBe(0)
    expect((await db.source.findUniqueOrThrow({ where: { id: r.id } })).text).toBe(TEXT_A)
  })

  it('edited in its text: one row per distinct text, none for a text seen before', async () => {
    const r = await newSource(TEXT_A)
    await editSource(r.id, { text: TEXT_B })
    expect(await textRows()).toBe(2)
    await editSource(r.id, { text: TEXT_C })
    expect(await textRows()).toBe(3)
    await editSource(r.id, { text: TEXT_A })
    await editSource(r.id, { title: 'Another title' })
    expect(await textRows()).toBe(3)
    // A short text stays inline.
    await editSource(r.id, { text: 'A short excerpt.' })
    expect(await textRows()).toBe(3)
    const texts = (await db.revisionText.findMany()).map((t) => t.text).sort()
    expect(texts).toEqual([TEXT_A, TEXT_B, TEXT_C].sort())
  })

  it('shows the history diff with the texts themselves, resolving a page of revisions in one query', async () => {
    const r = await newSource(TEXT_A)
    await editSource(r.id, { title: 'A new title' })
    await editSource(r.id, { text: TEXT_B })
    findManySpy = vi.spyOn(db.revisionText, 'findMany')
    const { revisions, total } = await listRevisions('source', r.id)
    expect(findManySpy).toHaveBeenCalledTimes(1)
    expect(total).toBe(3)
    const [textEdit, titleEdit, create] = revisions
    expect(textEdit!.changes).toEqual([{ field: 'text', label: 'Text of the article', before: TEXT_A, after: TEXT_B }])
    expect(titleEdit!.changes).toEqual([{ field: 'title', label: 'Title', before: 'Case dropped after expert review', after: 'A new title' }])
    expect(create!.changes.find((c) => c.field === 'text')).toEqual({ field: 'text', label: 'Text of the article', before: '', after: TEXT_A })
    expect(textEdit!.label).toBe('Example News: A new title')
    const overview = await getEditorOverview()
    expect(overview.recent.map((x) => x.label)).toEqual(['Example News: A new title', 'Example News: A new title', 'Example News: Case dropped after expert review'])
  })

  it('restores an old version: the text comes back exactly, and is not stored again', async () => {
    const r = await newSource(TEXT_A)
    await editSource(r.id, { text: TEXT_B, title: 'Retitled' })
    const now = await editSource(r.id, { text: TEXT_C })
    const create = await db.revision.findFirstOrThrow({ where: { entity: 'source', entityId: r.id, action: 'create' } })
    const restored = await restoreRevision(editor, create.id, now.version, meta)
    expect(restored).toMatchObject({ ok: true, version: 4 })
    const row = await db.source.findUniqueOrThrow({ where: { id: r.id } })
    expect(row.text).toBe(TEXT_A)
    expect(row.title).toBe('Case dropped after expert review')
    expect(await textRows()).toBe(3)
  })

  it('undoes a deletion with its text', async () => {
    const r = await newSource(TEXT_A)
    const deleted = await deleteRecord(editor, 'source', r.id, r.version, meta)
    if (!deleted.ok) throw new Error(JSON.stringify(deleted))
    expect((await db.source.findUniqueOrThrow({ where: { id: r.id } })).deletedAt).not.toBeNull()
    const undone = await restoreRevision(editor, deleted.revisionId, deleted.version, meta)
    expect(undone).toMatchObject({ ok: true })
    const row = await db.source.findUniqueOrThrow({ where: { id: r.id } })
    expect(row.deletedAt).toBeNull()
    expect(row.text).toBe(TEXT_A)
    expect(await textRows()).toBe(1)
  })

  it('reports a stale save with the text the other editor changed', async () => {
    const r = await newSource(TEXT_A)
    const loaded = KINDS.source.toFormValues((await db.source.findUniqueOrThrow({ where: { id: r.id } })) as unknown as Row)
    await editSource(r.id, { text: TEXT_B })
    const stale = await saveRecord(editor, { entity: 'source', id: r.id, version: r.version, values: { ...loaded, title: 'My own title' } }, meta)
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', currentVersion: 2 })
    if (stale.ok || stale.reason !== 'conflict') throw new Error('expected a conflict')
    expect(stale.changes).toEqual([{ field: 'text', label: 'Text of the article', before: TEXT_A, after: TEXT_B }])
    expect(await textRows()).toBe(2)
  })

  it('of many saves from one version, only the winner stores its text', async () => {
    const r = await newSource(TEXT_A)
    const loaded = KINDS.source.toFormValues((await db.source.findUniqueOrThrow({ where: { id: r.id } })) as unknown as Row)
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => saveRecord(editor, { entity: 'source', id: r.id, version: 1, values: { ...loaded, text: articleText(10_000, 100 + i) } }, meta)))
    expect(results.filter((x) => x.ok)).toHaveLength(1)
    expect(await textRows()).toBe(2)
  })
})

describe('revisions written before texts were stored by reference', () => {
  it('still show their diff and restore exactly', async () => {
    // A source from the initial data (no revision of its creation), then an edit as the
    // old writer stored it: both snapshots with the whole text inline.
    const source = await createSource(db, { title: 'Old-format source' })
    await db.source.update({ where: { id: source.id }, data: { text: TEXT_A } })
    const rowA = (await db.source.findUniqueOrThrow({ where: { id: source.id } })) as unknown as Row
    await db.source.update({ where: { id: source.id }, data: { text: TEXT_B, version: 2 } })
    const rowB = (await db.source.findUniqueOrThrow({ where: { id: source.id } })) as unknown as Row
    const old = await db.revision.create({
      data: {
        actorUserId: editor.id,
        actorEmail: editor.email,
        entity: 'source',
        entityId: source.id,
        action: 'update',
        version: 2,
        before: JSON.stringify(snapshotOf(KINDS.source, rowA)),
        after: JSON.stringify(snapshotOf(KINDS.source, rowB)),
        changed: JSON.stringify(['text']),
      },
    })
    expect(old.before!.length).toBeGreaterThan(500_000)

    const { revisions } = await listRevisions('source', source.id)
    expect(revisions[0]!.changes).toEqual([{ field: 'text', label: 'Text of the article', before: TEXT_A, after: TEXT_B }])
    expect(revisions[0]!.restorableBefore).toBe(true)

    const restored = await restoreRevision(editor, old.id, 2, meta, 'before')
    expect(restored).toMatchObject({ ok: true, version: 3 })
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).text).toBe(TEXT_A)
    // The restore is a new revision in the new format.
    expect(await textRows()).toBe(2)
    const again = await restoreRevision(editor, old.id, 3, meta)
    expect(again).toMatchObject({ ok: true, version: 4 })
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).text).toBe(TEXT_B)
    expect(await textRows()).toBe(2)
  })
})

describe('encodeSnapshot and readSnapshots', () => {
  it('refer to every string over the limit, nested ones too, and read them back exactly', async () => {
    const long = articleText(LONG_TEXT + 1, 7)
    const snapshot = {
      id: 1,
      version: 2,
      atLimit: 'x'.repeat(LONG_TEXT),
      long,
      again: long,
      broken: `\uD800${'y'.repeat(LONG_TEXT + 10)}`,
      empty: null,
      citations: [{ id: 3, quote: articleText(6_000, 8), locator: 'para. 4' }],
    }
    const texts: TextsToStore = new Map()
    const json = encodeSnapshot(snapshot, texts)
    expect(texts.size).toBe(2)
    expect(json.length).toBeLessThan(LONG_TEXT * 3)
    expect(JSON.parse(json)).toMatchObject({ atLimit: snapshot.atLimit, broken: snapshot.broken, long: { $text: expect.stringMatching(/^[0-9a-f]{64}$/) } })
    await db.$transaction((tx) => storeTexts(tx, texts))
    await db.$transaction((tx) => storeTexts(tx, texts))
    expect(await textRows()).toBe(2)
    findManySpy = vi.spyOn(db.revisionText, 'findMany')
    const read = await readSnapshots(db, [json, null, JSON.stringify({ id: 1, text: 'inline' }), json])
    expect(findManySpy).toHaveBeenCalledTimes(1)
    expect(read).toEqual([snapshot, null, { id: 1, text: 'inline' }, snapshot])
  })

  it('make no query for snapshots without references', async () => {
    findManySpy = vi.spyOn(db.revisionText, 'findMany')
    expect(await readSnapshots(db, [JSON.stringify({ id: 1, text: 'y'.repeat(100_000) }), null])).toEqual([{ id: 1, text: 'y'.repeat(100_000) }, null])
    expect(findManySpy).not.toHaveBeenCalled()
  })
})
