// Provisions as a tree (article → part → paragraph) against a real, fresh SQLite
// database per test: the dashboard filter and the provision page include what is
// charged under a provision's parts, and the editor's writes keep the tree whole.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getDashboardOptions, listCases } from '@/lib/data/cases'
import { getProvisionBySlug } from '@/lib/data/provisions'
import { deleteRecord, saveRecord, type Actor, type WriteResult } from '@/lib/editing/write'
import { parseCaseQuery, type CaseQuery } from '@/lib/validation/case-filters'
import { createCase, createProvision } from '../support/factories'

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const meta = { summary: 'test' }
const tag = (id: number) => `cb:provision:${id}`
const q = (partial: Partial<CaseQuery> = {}): CaseQuery => ({ ...parseCaseQuery({}).query, ...partial })
const slugsOf = async (partial: Partial<CaseQuery>) => (await listCases(q(partial))).items.map((c) => c.slug).sort()

const CODE = 'Criminal Code of the Republic of Kazakhstan'

/** Article 174 with part 1, and paragraph 2 of that part. */
async function article174() {
  const article = await createProvision(db, { article: '174', title: 'Inciting discord' })
  const part = await createProvision(db, { article: '174', part: '1', parentId: article.id, title: 'Inciting discord, part 1' })
  const paragraph = await createProvision(db, { article: '174', part: '1', paragraph: '2', parentId: part.id, title: 'Inciting discord, part 1, paragraph 2' })
  return { article, part, paragraph }
}

function provisionValues(values: Record<string, string>): Record<string, string> {
  return { parentId: '', jurisdiction: '', code: '', article: '', part: '', paragraph: '', title: 'A title', slug: '', description: '', ...values }
}

const create = (values: Record<string, string>) => saveRecord(editor, { entity: 'provision', id: null, version: null, values: provisionValues(values) }, meta)

async function update(id: number, values: Record<string, string>): Promise<WriteResult> {
  const row = await db.legalProvision.findUniqueOrThrow({ where: { id } })
  const current = {
    parentId: row.parentId ? String(row.parentId) : '',
    jurisdiction: row.jurisdiction,
    code: row.code,
    article: row.article,
    part: row.part ?? '',
    paragraph: row.paragraph ?? '',
    title: row.title,
    slug: row.slug,
    description: row.description,
  }
  return saveRecord(editor, { entity: 'provision', id, version: row.version, values: { ...current, ...values } }, meta)
}

function errorsOf(result: WriteResult): Record<string, string[]> {
  if (result.ok || result.reason !== 'invalid') throw new Error(`expected a refusal, got ${JSON.stringify(result)}`)
  return result.fieldErrors
}

describe('the dashboard filtered by a provision', () => {
  it('by an article lists the cases charged under it, under its parts and under their paragraphs', async () => {
    const { article, part, paragraph } = await article174()
    const other = await createProvision(db, { article: '389' })
    const underArticle = await createCase(db, { title: 'Under the article', charges: [{ provisionId: article.id }] })
    const underPart = await createCase(db, { title: 'Under part 1', charges: [{ provisionId: part.id }] })
    const underParagraph = await createCase(db, { title: 'Under paragraph 2', charges: [{ provisionId: paragraph.id }] })
    await createCase(db, { title: 'Another article', charges: [{ provisionId: other.id }] })
    await createCase(db, { title: 'A draft', published: false, charges: [{ provisionId: part.id }] })

    expect(await slugsOf({ provision: article.slug })).toEqual([underArticle.slug, underPart.slug, underParagraph.slug].sort())
    // A part includes its paragraphs, not its article's other charges.
    expect(await slugsOf({ provision: part.slug })).toEqual([underPart.slug, underParagraph.slug].sort())
    expect(await slugsOf({ provision: paragraph.slug })).toEqual([underParagraph.slug])
  })

  it('offers an article in the menu when only one of its parts is charged, right before that part', async () => {
    const { article, part } = await article174()
    const lone = await createProvision(db, { article: '20' })
    await createCase(db, { charges: [{ provisionId: part.id }] })
    await createCase(db, { charges: [{ provisionId: lone.id }] })
    const options = await getDashboardOptions(null)
    expect(options.provisions.map((p) => p.slug)).toEqual([lone.slug, article.slug, part.slug])
  })
})

describe('the provision page', () => {
  it('of an article lists its parts and every case charged under them, saying under which', async () => {
    const { article, part, paragraph } = await article174()
    const viaPart = await createCase(db, { title: 'Via the part', charges: [{ provisionId: part.id }, { provisionId: paragraph.id, description: 'and its paragraph' }] })
    const direct = await createCase(db, { title: 'Direct', charges: [{ provisionId: article.id }] })
    await createCase(db, { title: 'Draft', published: false, charges: [{ provisionId: part.id }] })

    const page = await getProvisionBySlug(article.slug)
    expect(page!.ancestors).toEqual([])
    expect(page!.children.map((c) => c.slug)).toEqual([part.slug])
    const bySlug = Object.fromEntries(page!.cases.map((c) => [c.slug, c.chargedUnder.map((u) => u.slug)]))
    expect(bySlug).toEqual({ [viaPart.slug]: [part.slug, paragraph.slug], [direct.slug]: [article.slug] })
  })

  it('of a part links up to its article and lists its paragraphs; a deleted part is not listed', async () => {
    const { article, part, paragraph } = await article174()
    const gone = await createProvision(db, { article: '174', part: '3', parentId: article.id })
    await db.legalProvision.update({ where: { id: gone.id }, data: { deletedAt: new Date() } })

    const partPage = await getProvisionBySlug(part.slug)
    expect(partPage!.ancestors.map((a) => a.slug)).toEqual([article.slug])
    expect(partPage!.children.map((c) => c.slug)).toEqual([paragraph.slug])
    const paragraphPage = await getProvisionBySlug(paragraph.slug)
    expect(paragraphPage!.ancestors.map((a) => a.slug)).toEqual([article.slug, part.slug])
    expect((await getProvisionBySlug(article.slug))!.children.map((c) => c.slug)).toEqual([part.slug])
  })
})

describe('writing a provision in the tree', () => {
  it('a part takes its jurisdiction, code and article from its parent, whatever the form posted', async () => {
    const { article } = await article174()
    const result = await create({ parentId: String(article.id), jurisdiction: 'RU', code: 'Another code', article: '999', part: '2', title: 'Part 2' })
    expect(result.ok).toBe(true)
    const row = await db.legalProvision.findUniqueOrThrow({ where: { id: result.ok ? result.id : 0 } })
    expect(row).toMatchObject({ parentId: article.id, jurisdiction: 'KZ', code: CODE, article: '174', part: '2', paragraph: null })
    // Its article's page lists it: the write names that page.
    expect(result.ok && result.tags).toEqual(expect.arrayContaining([tag(row.id), tag(article.id)]))
  })

  it('a paragraph takes the part from its parent too', async () => {
    const { part } = await article174()
    const result = await create({ parentId: String(part.id), part: '7', paragraph: '3' })
    expect(result.ok).toBe(true)
    expect(await db.legalProvision.findUniqueOrThrow({ where: { id: result.ok ? result.id : 0 } })).toMatchObject({ parentId: part.id, article: '174', part: '1', paragraph: '3' })
  })

  it('refuses a part or paragraph without the parent of its kind, and a parent that is a paragraph', async () => {
    const { article, part, paragraph } = await article174()
    expect(errorsOf(await create({ jurisdiction: 'KZ', code: CODE, article: '174', part: '4' })).parentId).toEqual([expect.stringMatching(/^A part belongs to its article/)])
    expect(errorsOf(await create({ parentId: String(article.id) })).part).toEqual(['Enter the number of the part.'])
    expect(errorsOf(await create({ parentId: String(article.id), part: '4', paragraph: '1' })).paragraph).toEqual([expect.stringMatching(/^Under an article this is a part/)])
    expect(errorsOf(await create({ parentId: String(part.id) })).paragraph).toEqual(['Enter the number of the paragraph.'])
    expect(errorsOf(await create({ parentId: String(paragraph.id), paragraph: '9' })).parentId).toEqual([expect.stringMatching(/^A paragraph has no sub-provisions/)])
    expect(errorsOf(await create({ parentId: '999999', part: '1' })).parentId).toEqual(['Choose the parent provision from the list.'])
    // An article still types its own.
    expect(errorsOf(await create({ jurisdiction: 'KZ', article: '175' })).code).toEqual(['Enter the code.'])
  })

  it('refuses a duplicate, even of an article (whose empty part the unique index cannot compare)', async () => {
    const { article } = await article174()
    expect(errorsOf(await create({ parentId: String(article.id), part: '1' })).part).toEqual([expect.stringMatching(/already recorded/)])
    expect(errorsOf(await create({ jurisdiction: 'kz', code: CODE, article: '174' })).article).toEqual([expect.stringMatching(/already recorded/)])
  })

  it('refuses a cycle: an article placed under its own part', async () => {
    const { article, part } = await article174()
    const other = await createProvision(db, { article: '175' })
    // Placed under its own part, article 174 would be a paragraph of itself.
    expect(errorsOf(await update(article.id, { parentId: String(part.id), paragraph: '1' })).parentId).toEqual([expect.stringMatching(/cannot be placed under itself/)])
    expect(errorsOf(await update(other.id, { parentId: String(other.id), part: '1' })).parentId).toEqual([expect.stringMatching(/cannot be placed under itself/)])
  })

  it('an article with parts keeps its number; its title can change, and its parts’ pages are named', async () => {
    const { article, part, paragraph } = await article174()
    expect(errorsOf(await update(article.id, { article: '175' }))._form).toEqual([expect.stringMatching(/has parts recorded under it/)])
    const renamed = await update(article.id, { title: 'A new title' })
    expect(renamed.ok && renamed.tags).toEqual(expect.arrayContaining([tag(article.id), tag(part.id), tag(paragraph.id)]))
  })

  it('renaming a part names its article’s page, and the dashboard when a published case is charged under it', async () => {
    const { article, part } = await article174()
    const c = await createCase(db, { charges: [{ provisionId: part.id }] })
    const result = await update(part.id, { title: 'Renamed part' })
    expect(result.ok && result.tags).toEqual(expect.arrayContaining([tag(part.id), tag(article.id), 'cb:dashboard', `cb:case:${c.id}`]))
  })

  it('a charge under a part names its article’s page too', async () => {
    const { article, part } = await article174()
    const c = await createCase(db, {})
    const result = await saveRecord(
      editor,
      { entity: 'charge', id: null, version: null, values: { caseId: String(c.id), partyId: String(c.defendant!.partyId), provisionId: String(part.id), description: '', disposition: 'PENDING' } },
      meta,
    )
    expect(result.ok && result.tags).toEqual(expect.arrayContaining([tag(part.id), tag(article.id), `cb:case:${c.id}`]))
  })

  it('refuses to delete a provision with parts or with charges, saying why', async () => {
    const { article, part, paragraph } = await article174()
    await createCase(db, { charges: [{ provisionId: paragraph.id }] })
    const version = async (id: number) => (await db.legalProvision.findUniqueOrThrow({ where: { id } })).version
    expect(await deleteRecord(editor, 'provision', article.id, await version(article.id), meta)).toMatchObject({
      ok: false,
      reason: 'blocked',
      formError: '1 part of this provision is recorded under it. Delete or move it first.',
    })
    expect(await deleteRecord(editor, 'provision', part.id, await version(part.id), meta)).toMatchObject({
      ok: false,
      reason: 'blocked',
      formError: '1 paragraph of this provision is recorded under it. Delete or move it first.',
    })
    expect(await deleteRecord(editor, 'provision', paragraph.id, await version(paragraph.id), meta)).toMatchObject({
      ok: false,
      reason: 'blocked',
      formError: '1 charge cites this provision. Change those charges first.',
    })
  })
})
