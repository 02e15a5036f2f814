// One article, one source: saving a source whose address has the canonical form of a
// stored one is refused with a field error naming that source, and writes nothing
// (lib/editing/kinds/references.ts sourceAdapter, lib/editing/stored-source.ts).
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { saveRecord, deleteRecord, type Actor } from '@/lib/editing/write'
import { findSourceAt } from '@/lib/editing/stored-source'
import { createSource } from '../support/factories'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }

const sourceValues = (over: Record<string, string> = {}) => ({
  url: 'https://news.example.org/2021/02/case-dropped',
  title: 'Case dropped after expert review',
  publisher: 'Example News',
  language: 'en',
  published: '5 February 2021',
  ...over,
})

async function newSource(over: Record<string, string> = {}) {
  const r = await saveRecord(editor, { entity: 'source', id: null, version: null, values: sourceValues(over) }, meta)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r
}

async function counts() {
  const [sources, revisions, audits] = await Promise.all([db.source.count(), db.revision.count({ where: { entity: 'source' } }), db.auditLog.count({ where: { targetType: 'source' } })])
  return { sources, revisions, audits }
}

describe('the same canonical address is never stored twice', () => {
  it('stores the address as given, without tracking parameters or fragment: scheme, host, port and path kept', async () => {
    const r = await newSource({ url: 'http://WWW.News.Example.org/2021/02/case-dropped/?utm_source=tw&id=7&utm_medium=social#top' })
    expect((await db.source.findUniqueOrThrow({ where: { id: r.id } })).url).toBe('http://www.news.example.org/2021/02/case-dropped/?id=7')
    const onPort = await newSource({ url: 'http://archive.example.kz:8080/news/1', title: 'Another' })
    expect((await db.source.findUniqueOrThrow({ where: { id: onPort.id } })).url).toBe('http://archive.example.kz:8080/news/1')
  })

  it('tells another port apart: another server, another article', async () => {
    await newSource({ url: 'http://archive.example.kz:8080/news/1' })
    const other = await saveRecord(editor, { entity: 'source', id: null, version: null, values: sourceValues({ url: 'http://archive.example.kz/news/1', title: 'Same path, default port' }) }, meta)
    expect(other.ok).toBe(true)
  })

  for (const variant of [
    'https://news.example.org/2021/02/case-dropped?utm_source=newsletter&utm_campaign=feb',
    'https://www.news.example.org/2021/02/case-dropped',
    'https://news.example.org/2021/02/case-dropped/',
    'http://news.example.org/2021/02/case-dropped',
    'http://www.news.example.org/2021/02/case-dropped/?fbclid=abc#comments',
  ]) {
    it(`refuses ${variant}, naming the stored source, and writes nothing`, async () => {
      const first = await newSource()
      const before = await counts()
      const again = await saveRecord(editor, { entity: 'source', id: null, version: null, values: sourceValues({ url: variant, title: 'Another title' }) }, meta)
      expect(again).toEqual({ ok: false, reason: 'invalid', fieldErrors: { url: [`Already stored as source #${first.id}: “Case dropped after expert review”.`] } })
      expect(await counts()).toEqual(before)
      expect(before).toEqual({ sources: 1, revisions: 1, audits: 1 })
    })
  }

  it('refuses an address stored before addresses were canonical (as the seed once stored them)', async () => {
    const legacy = await createSource(db, { url: 'https://www.stephenmbland.example/criminal-case-bilash-dropped/', title: 'One Criminal Case Dropped' })
    const again = await saveRecord(editor, { entity: 'source', id: null, version: null, values: sourceValues({ url: 'http://stephenmbland.example/criminal-case-bilash-dropped?utm_source=x' }) }, meta)
    expect(again).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { url: [`Already stored as source #${legacy.id}: “One Criminal Case Dropped”.`] } })
    expect(await db.source.count()).toBe(1)
    // A longer path that merely contains the stored one is another article.
    const other = await saveRecord(editor, { entity: 'source', id: null, version: null, values: sourceValues({ url: 'https://stephenmbland.example/criminal-case-bilash-dropped-2' }) }, meta)
    expect(other.ok).toBe(true)
  })

  it('refuses the address of a deleted source too: restore it instead', async () => {
    const first = await newSource()
    expect((await deleteRecord(editor, 'source', first.id, 1, meta)).ok).toBe(true)
    const again = await saveRecord(editor, { entity: 'source', id: null, version: null, values: sourceValues({ url: 'https://www.news.example.org/2021/02/case-dropped/' }) }, meta)
    expect(again).toMatchObject({ ok: false, fieldErrors: { url: [`Already stored as source #${first.id}: “Case dropped after expert review” (deleted: restore it from its history instead).`] } })
    expect(await db.source.count()).toBe(1)
  })

  it('lets a source keep its own address, and refuses moving it onto another’s', async () => {
    const a = await newSource()
    const b = await newSource({ url: 'https://news.example.org/other', title: 'Other article' })
    const same = await saveRecord(editor, { entity: 'source', id: a.id, version: 1, values: sourceValues({ url: 'https://www.news.example.org/2021/02/case-dropped/', title: 'Renamed' }) }, meta)
    expect(same.ok).toBe(true)
    const onto = await saveRecord(editor, { entity: 'source', id: b.id, version: 1, values: sourceValues({ url: 'https://news.example.org/2021/02/case-dropped?utm_medium=x', title: 'Other article' }) }, meta)
    expect(onto).toMatchObject({ ok: false, fieldErrors: { url: [`Already stored as source #${a.id}: “Renamed”.`] } })
    expect((await db.source.findUniqueOrThrow({ where: { id: b.id } })).url).toBe('https://news.example.org/other')
  })

  it('findSourceAt: null for no match or no web address', async () => {
    await newSource()
    expect(await findSourceAt(db, 'https://news.example.org/2021/02/other')).toBeNull()
    expect(await findSourceAt(db, 'not a url')).toBeNull()
    expect(await findSourceAt(db, 'https://news.example.org/2021/02/case-dropped?utm_source=x')).toMatchObject({ title: 'Case dropped after expert review', deleted: false })
  })
})
