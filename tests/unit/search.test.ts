// lib/search on a real SQLite database: folding in the index and the query, snippets of
// the original text, only public records, hostile input, and the index kept in sync by
// every write (and rolled back with a refused one), checked against a full rebuild.
import { describe, expect, it } from 'vitest'
import { db, writeTransaction } from '@/lib/db'
import { deleteRecord, saveRecord, setCasePublished, type Actor } from '@/lib/editing/write'
import { ensureSearchIndex, rebuildSearchIndex, searchRecords, type SearchKind } from '@/lib/search'
import { MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS, parseSearchParams, parseSearchQuery } from '@/lib/search/query'
import { highlight, snippet } from '@/lib/search/snippet'
import { matchExpression } from '@/lib/search/sqlite-fts5'
import { createCase, createCitation, createOrganisation, createPerson, createProvision, createSource } from '../support/factories'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }
const april2020 = { at: new Date('2020-04-01T00:00:00Z'), precision: 'MONTH' as const, approx: false }

async function rebuild() {
  await writeTransaction((tx) => rebuildSearchIndex(tx))
}

async function find(q: string, kind: SearchKind | null = null, page = 1) {
  return searchRecords(process.env.DATABASE_URL!, parseSearchQuery(q), { kind, page })
}

/** The href of every result of `q`, all kinds (up to the overview's few per kind). */
async function hrefs(q: string): Promise<string[]> {
  return (await find(q)).groups.flatMap((g) => g.results.map((r) => r.href))
}

/** Everything the index shows, in a stable order. */
async function indexed() {
  return db.$queryRawUnsafe<unknown[]>('SELECT "rowid", "kind", "recordId", "href", "title", "names", "fields" FROM "SearchDocument" ORDER BY "rowid"')
}

/** The index as the writes left it must be exactly what a rebuild from the committed data makes. */
async function expectIndexAgreesWithRebuild() {
  const kept = await indexed()
  await rebuild()
  expect(kept).toEqual(await indexed())
}

/** A small public world and a few records readers may not see. */
async function world() {
  const article = await createProvision(db, { article: '174', title: 'Inciting social hatred' })
  const part = await createProvision(db, { article: '174', part: '1', parentId: article.id, title: 'Inciting social hatred, part 1' })
  const other = await createProvision(db, { article: '1745', title: 'Not the same article' })
  const source = await createSource(db, { title: 'Astana Tries to Silence China Critics', text: 'The judge ordered Bilash not to give interviews. He was placed under house arrest in Astana.' })
  const uncited = await createSource(db, { title: 'An uncited source about Xinjiang', text: 'Xinjiang uncited' })
  const cite = { sourceId: source.id, quote: 'house arrest' }
  const bilash = await createPerson(db, { name: 'Serikzhan Bilash', aliases: [{ name: 'Серикжан Билаш', script: 'Cyrl' }], description: 'Activist from Xinjiang.' })
  const judge = await createPerson(db, { name: 'Aigul Judgewoman' })
  const atajurt = await createOrganisation(db, { name: 'Atajurt Eriktileri', aliases: [{ name: 'Atazhurt Eriktileri' }] })
  const published = await createCase(db, {
    title: 'Serikzhan Bilash: inciting discord',
    summary: 'Placed under house arrest in March 2019 after a speech about Xinjiang.',
    defendant: { personId: bilash.id },
    parties: [
      { personId: judge.id, role: 'JUDGE', citations: [cite] },
      { organisationId: atajurt.id, role: 'COMPLAINANT', citations: [cite] },
    ],
    charges: [{ provisionId: part.id, description: 'inciting discord', citations: [cite] }],
    events: [{ kind: 'CHARGE', date: april2020, title: 'Charged again', description: 'A second charge was brought.', citations: [cite] }],
    summaryCitations: [cite],
  })
  await createCitation(db, { partyId: published.defendant!.partyId }, cite)
  const second = await createCase(db, { title: 'A second case under the article', charges: [{ provisionId: article.id }] })
  const draft = await createCase(db, {
    title: 'A draft about Zqxwvy',
    summary: 'Zqxwvy is secret until published.',
    published: false,
    defendant: null,
    summaryCitations: [{ sourceId: uncited.id, quote: 'Xinjiang' }],
  })
  const hidden = await createPerson(db, { name: 'Named Only In Drafts Qwpzk' })
  await createCase(db, { title: 'Another draft', published: false, defendant: { personId: hidden.id } })
  await rebuild()
  return { article, part, other, source, uncited, bilash, judge, atajurt, published, second, draft, hidden }
}

describe('the query', () => {
  it('folds case, diacritics, Cyrillic and transliteration variants into the same words', () => {
    const key = (q: string) => parseSearchQuery(q).words.map((w) => w.key)
    expect(key('Атажұрт')).toEqual(key('Atazhurt'))
    expect(key('Atazhurt')).toEqual(key('ATAJURT'))
    expect(key('Билаш')).toEqual(key('bilash'))
    expect(key('Baizhanov')).toEqual(key('Bayzhanov'))
    expect(key('Umarová')).toEqual(key('umarova'))
  })

  it('treats operators, quotes, column filters and symbols as words or separators, never as syntax', () => {
    for (const q of ['"house arrest"', 'house AND arrest OR NEAR(x y)', 'title:Bilash', 'bil*', '^Bilash', '(Bilash)', '"unbalanced', 'a - b + c', "O'Brien"]) {
      const { words } = parseSearchQuery(q)
      for (const w of words) expect(w.key).toMatch(/^[\p{L}\p{N}]+$/u)
      const expression = matchExpression(words)
      // Every word is a quoted FTS5 string: no bare operator, column or parenthesis of the reader's.
      expect(expression.replace(/"[^"]*"\*?/g, '').replace(/\s+|AND|OR|\(|\)/g, '')).toBe('')
    }
  })

  it('cuts long input at a word and says so; too many words are left out with a notice', () => {
    const long = parseSearchQuery('Bilash '.repeat(1000))
    expect([...long.text].length).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS)
    expect(long.notice).toMatch(/6,999 characters long; only the first 200/)
    const many = parseSearchQuery(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '))
    expect(many.words).toHaveLength(MAX_QUERY_WORDS)
    expect(many.notice).toMatch(/Only the first 12 words/)
  })

  it('gives nothing to search and a message for emoji, punctuation and lone surrogates', () => {
    expect(parseSearchQuery('🙂 🙂 !!! ***')).toMatchObject({ words: [], notice: expect.stringMatching(/nothing to search for/) })
    expect(parseSearchQuery('   ')).toEqual({ text: '', words: [], notice: null })
    expect(parseSearchQuery(undefined)).toEqual({ text: '', words: [], notice: null })
    const lone = parseSearchQuery('\uD800Bilash\uDC00')
    expect(lone.text).toBe('\uFFFDBilash\uFFFD')
    expect(lone.words.map((w) => w.key)).toEqual(['bilash'])
  })

  it('reads kind and page from the address, with a message for values it cannot use', () => {
    expect(parseSearchParams({ q: 'x', kind: 'sources', page: '3' })).toMatchObject({ kind: 'source', page: 3, problems: [] })
    expect(parseSearchParams({ q: 'x', kind: 'nonsense' })).toMatchObject({ kind: null, problems: [expect.stringMatching(/not a kind/)] })
    expect(parseSearchParams({ q: 'x', kind: 'cases', page: '-1' })).toMatchObject({ page: 1, problems: [expect.stringMatching(/no page/)] })
    expect(parseSearchParams({ q: ['first', 'second'] }).query.text).toBe('first')
  })
})

describe('snippets of the original text', () => {
  it('mark the words as the source wrote them, whichever spelling or script the query used', () => {
    const text = 'Police raided Atajurt’s office in Almaty; «Атажұрт» denied it.'
    const marked = highlight(text, parseSearchQuery('Atazhurt').words)
    expect(marked.map((p) => p.text).join('')).toBe(text)
    expect(marked.filter((p) => p.mark).map((p) => p.text)).toEqual(['Atajurt', 'Атажұрт'])
  })

  it('cut a long text around the first match, and a second passage for a word the first lacks', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ')
    const text = `${filler(100)} the judge spoke. ${filler(100)} then house arrest followed. ${filler(100)}`
    const s = snippet(text, parseSearchQuery('judge arrest').words)!
    const shown = s.pieces.map((p) => p.text).join('')
    expect(shown.startsWith('… ')).toBe(true)
    expect(shown).toContain(' … ')
    expect(shown.endsWith(' …')).toBe(true)
    expect(s.pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['judge', 'arrest'])
    expect(shown.length).toBeLessThan(500)
    expect(snippet(text, parseSearchQuery('absent').words)).toBeNull()
  })

  it('keep markup as text: a title with HTML is marked, never parsed', () => {
    const pieces = highlight('<script>alert(1)</script> Bilash & co', parseSearchQuery('bilash').words)
    expect(pieces.map((p) => p.text).join('')).toBe('<script>alert(1)</script> Bilash & co')
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['Bilash'])
  })
})

describe('searching the index', () => {
  it('finds words in text and names in any spelling, dates as shown, and every case under any part of an article', async () => {
    const w = await world()
    const caseHref = `/cases/${(await db.case.findUniqueOrThrow({ where: { id: w.published.id } })).slug}`
    const secondHref = `/cases/${(await db.case.findUniqueOrThrow({ where: { id: w.second.id } })).slug}`
    expect(await hrefs('house arrest')).toEqual(expect.arrayContaining([caseHref, `/sources/${w.source.id}`]))
    expect(await hrefs('Xinjiang')).toEqual(expect.arrayContaining([caseHref, `/people/${w.bilash.slug}`]))
    expect(await hrefs('judge')).toEqual(expect.arrayContaining([caseHref, `/sources/${w.source.id}`]))
    expect(await hrefs('April 2020')).toContain(caseHref)
    for (const q of ['Atazhurt', 'Атажұрт', 'atajurt']) expect(await hrefs(q), q).toContain(caseHref)
    for (const q of ['Bilash', 'Билаш', 'serikjan BILASH']) expect(await hrefs(q), q).toEqual(expect.arrayContaining([caseHref, `/people/${w.bilash.slug}`]))
    // Article 174: the case charged under its part 1 and the case charged under the article; both provisions; not article 1745.
    const under174 = await find('174')
    expect(under174.counts.case).toBe(2)
    expect(
      under174.groups
        .find((g) => g.kind === 'case')!
        .results.map((r) => r.href)
        .sort(),
    ).toEqual([caseHref, secondHref].sort())
    expect(
      under174.groups
        .find((g) => g.kind === 'provision')!
        .results.map((r) => r.href)
        .sort(),
    ).toEqual([`/provisions/${w.article.slug}`, `/provisions/${w.part.slug}`].sort())
  })

  it('shows only public records: no draft, no one named only by drafts, no source no published case cites', async () => {
    const w = await world()
    expect((await find('Zqxwvy')).total).toBe(0)
    expect((await find('Qwpzk')).total).toBe(0)
    expect(await hrefs('uncited')).not.toContain(`/sources/${w.uncited.id}`)
  })

  it('marks the matched words in titles and snippets, and counts per kind', async () => {
    await world()
    const r = await find('Билаш')
    expect(r.counts.case).toBe(1)
    expect(r.counts.person).toBe(1)
    const person = r.groups.find((g) => g.kind === 'person')!.results[0]!
    expect(person.title.filter((p) => p.mark).map((p) => p.text)).toEqual(['Bilash'])
    expect(person.alsoKnownAs!.filter((p) => p.mark).map((p) => p.text)).toEqual(['Билаш'])
    const judged = (await find('judge')).groups.find((g) => g.kind === 'case')!.results[0]!
    expect(judged.passages[0]!.label.filter((p) => p.mark).map((p) => p.text)).toEqual(['Judge'])
  })

  it('pages one kind at a time, in a stable order', async () => {
    const source = await createSource(db)
    const titles = Array.from({ length: 45 }, (_, i) => `Pagination case ${String(i).padStart(2, '0')}`)
    for (const title of titles) await createCase(db, { title, summaryCitations: [{ sourceId: source.id, quote: 'q' }] })
    await rebuild()
    const pages = await Promise.all([1, 2, 3, 4].map((p) => find('pagination', 'case', p)))
    expect(pages.map((p) => p.groups[0]?.results.length ?? 0)).toEqual([20, 20, 5, 0])
    const seen = pages.flatMap((p) => p.groups[0]?.results.map((r) => r.id) ?? [])
    expect(new Set(seen).size).toBe(45)
    expect((await find('pagination')).groups[0]!.results).toHaveLength(5)
  })

  it('answers every hostile input without an error', async () => {
    await world()
    const inputs = [
      '"',
      '""',
      '"house arrest',
      'AND',
      'OR OR',
      'NEAR(',
      'NOT',
      'title:x',
      'names:bilash',
      'body:',
      '*',
      'bil*',
      '^',
      '(',
      ')',
      '{names}:x',
      '-',
      '🙂',
      '\uD800',
      'a'.repeat(5000),
      ' ',
      '',
      '\u0000',
      'ǅ',
      '١٧٤',
      'x'.repeat(300),
    ]
    for (const q of inputs) {
      const query = parseSearchQuery(q)
      await expect(searchRecords(process.env.DATABASE_URL!, query, { kind: null, page: 1 }), JSON.stringify(q.slice(0, 20))).resolves.toBeDefined()
    }
    // A column filter is two words, both of which must be found.
    expect((await find('names:bilash')).counts).toEqual((await find('names bilash')).counts)
    expect((await find('title:Bilash')).total).toBe(0)
    expect((await find('"house arrest')).counts.case).toBe(1)
  })
})

describe('kept in sync by the write path', () => {
  it('an edit, a rename, a publish, an unpublish and a delete each change what search finds, in the same transaction', async () => {
    const w = await world()
    // An edit of the summary: the new words are found, the old ones no longer.
    const c = await db.case.findUniqueOrThrow({ where: { id: w.published.id } })
    const edited = await saveRecord(
      editor,
      { entity: 'case', id: c.id, version: c.version, values: { title: c.title, kind: c.kind, jurisdiction: c.jurisdiction, summary: 'Now about Ptarmigan hearings.' } },
      meta,
    )
    expect(edited.ok).toBe(true)
    expect(await hrefs('ptarmigan')).toContain(`/cases/${c.slug}`)
    expect(await hrefs('house arrest')).not.toContain(`/cases/${c.slug}`)

    // A rename of a person: their page and the cases naming them.
    const person = await db.person.findUniqueOrThrow({ where: { id: w.judge.id } })
    const renamed = await saveRecord(editor, { entity: 'person', id: person.id, version: person.version, values: { name: 'Gulnara Vranovska', slug: person.slug, description: '' } }, meta)
    expect(renamed.ok).toBe(true)
    expect((await find('Vranovska')).counts).toMatchObject({ person: 1, case: 1 })
    expect((await find('Judgewoman')).total).toBe(0)

    // An alias added: found under it, through the person and the case.
    const alias = await saveRecord(editor, { entity: 'alias', id: null, version: null, values: { owner: `person:${person.id}`, name: 'Гульнара Врановская', script: 'Cyrl', kind: 'TRANSLITERATION' } }, meta)
    expect(alias.ok).toBe(true)
    expect((await find('Гульнара')).counts).toMatchObject({ person: 1, case: 1 })

    // An event added through the write path: its formatted date and words.
    const added = await saveRecord(editor, { entity: 'event', id: null, version: null, values: { caseId: String(c.id), kind: 'HEARING', title: 'Hearing on the appeal', occurred: 'spring 2021' } }, meta)
    if (!added.ok) throw new Error(JSON.stringify(added))
    // Its source (already public): so that the case can be published again below.
    await createCitation(db, { eventId: added.id }, { sourceId: w.source.id })
    expect(await hrefs('spring 2021')).toContain(`/cases/${c.slug}`)

    // A source's text edited.
    const s = await db.source.findUniqueOrThrow({ where: { id: w.source.id } })
    const sourceSaved = await saveRecord(
      editor,
      { entity: 'source', id: s.id, version: s.version, values: { url: s.url ?? '', title: s.title, publisher: s.publisher, language: s.language, text: 'Quokka testimony in court.' } },
      meta,
    )
    expect(sourceSaved.ok).toBe(true)
    expect(await hrefs('quokka')).toContain(`/sources/${s.id}`)

    // Unpublishing removes the case, the people only it names, and the sources only it cites.
    const before = await db.case.findUniqueOrThrow({ where: { id: c.id } })
    expect((await setCasePublished(editor, c.id, before.version, false, meta)).ok).toBe(true)
    expect((await find('ptarmigan')).total).toBe(0)
    expect((await find('Vranovska')).total).toBe(0)
    expect(await hrefs('quokka')).not.toContain(`/sources/${s.id}`)
    await expectIndexAgreesWithRebuild()

    // Publishing brings them back.
    const unpublished = await db.case.findUniqueOrThrow({ where: { id: c.id } })
    const republished = await setCasePublished(editor, c.id, unpublished.version, true, meta)
    if (!republished.ok) throw new Error(JSON.stringify(republished))
    expect((await find('ptarmigan')).counts.case).toBe(1)
    expect((await find('Vranovska')).counts.person).toBe(1)
    await expectIndexAgreesWithRebuild()

    // Deleting removes it again.
    const live = await db.case.findUniqueOrThrow({ where: { id: c.id } })
    expect((await deleteRecord(editor, 'case', c.id, live.version, meta)).ok).toBe(true)
    expect((await find('ptarmigan')).total).toBe(0)
    await expectIndexAgreesWithRebuild()
  })

  it('publishing a draft makes it findable; a refused write leaves the index as it was', async () => {
    const w = await world()
    const draft = await db.case.findUniqueOrThrow({ where: { id: w.draft.id } })
    const before = await indexed()
    // Refused: the version is stale. Nothing changes, in the records or in the index.
    const refused = await setCasePublished(editor, draft.id, draft.version + 5, true, meta)
    expect(refused.ok).toBe(false)
    expect(await indexed()).toEqual(before)
    const published = await setCasePublished(editor, draft.id, draft.version, true, meta)
    if (!published.ok) throw new Error(JSON.stringify(published))
    expect(await hrefs('Zqxwvy')).toContain(`/cases/${draft.slug}`)
    // The source it cites became public with it.
    expect(await hrefs('uncited')).toContain(`/sources/${w.uncited.id}`)
    await expectIndexAgreesWithRebuild()
  })

  it('a citation added to a published case makes its source public', async () => {
    const w = await world()
    const lone = await createSource(db, { title: 'Lonely report on Wombats' })
    await rebuild()
    expect((await find('wombats')).total).toBe(0)
    const added = await saveRecord(editor, { entity: 'citation', id: null, version: null, values: { caseId: String(w.published.id), target: 'case:summary', sourceId: String(lone.id), quote: 'x' } }, meta)
    if (!added.ok) throw new Error(JSON.stringify(added))
    expect(await hrefs('wombats')).toEqual([`/sources/${lone.id}`])
    await expectIndexAgreesWithRebuild()
  })

  it('rebuilds an index that is missing, stale or of another format, and only then', async () => {
    await world()
    const run = (body: Parameters<typeof writeTransaction>[0]) => writeTransaction(body).then(() => undefined)
    expect(await ensureSearchIndex(db, run)).toBe(false)
    await db.$executeRawUnsafe(`UPDATE "SearchIndexState" SET "value" = 'fts5-v0' WHERE "key" = 'format'`)
    expect(await ensureSearchIndex(db, run)).toBe(true)
    expect(await ensureSearchIndex(db, run)).toBe(false)
    await db.$executeRawUnsafe('DROP TABLE "SearchIndex"')
    await db.$executeRawUnsafe('DROP TABLE "SearchDocument"')
    await db.$executeRawUnsafe('DROP TABLE "SearchIndexState"')
    expect(await ensureSearchIndex(db, run)).toBe(true)
    expect((await find('Bilash')).counts.person).toBe(1)
  })
})
