// lib/domain/provision-name.ts: the one spelling of a provision's name.
import { describe, expect, it } from 'vitest'
import { childLevel, compareProvisions, provisionLevel, provisionName, provisionStep } from '@/lib/domain/provision-name'

const CODE = 'Criminal Code of the Republic of Kazakhstan'
const art174 = { article: '174', part: null, code: CODE, title: 'Inciting social, national, clan, racial, class or religious discord' }
const art174part1 = { ...art174, part: '1' }
const art174part1para2 = { ...art174part1, paragraph: '2' }

describe('provisionName', () => {
  it('names the article and its code', () => {
    expect(provisionName(art174)).toBe(`Article 174, ${CODE}`)
  })

  it('names the part after the article', () => {
    expect(provisionName(art174part1)).toBe(`Article 174, part 1, ${CODE}`)
  })

  it('leaves the code out where the page already names it', () => {
    expect(provisionName(art174, { code: false })).toBe('Article 174')
    expect(provisionName(art174part1, { code: false })).toBe('Article 174, part 1')
  })

  it('adds the official title after a colon', () => {
    expect(provisionName(art174, { title: true })).toBe(`Article 174, ${CODE}: ${art174.title}`)
    expect(provisionName(art174part1, { title: true })).toBe(`Article 174, part 1, ${CODE}: ${art174.title}`)
    expect(provisionName(art174part1, { code: false, title: true })).toBe(`Article 174, part 1: ${art174.title}`)
  })

  it('leaves out what is blank rather than printing empty punctuation', () => {
    expect(provisionName({ ...art174, part: '' })).toBe(`Article 174, ${CODE}`)
    expect(provisionName({ ...art174, part: undefined })).toBe(`Article 174, ${CODE}`)
    expect(provisionName({ ...art174, title: '' }, { title: true })).toBe(`Article 174, ${CODE}`)
    expect(provisionName({ ...art174, title: null }, { title: true })).toBe(`Article 174, ${CODE}`)
    expect(provisionName({ article: '174', code: '' })).toBe('Article 174')
  })

  it('never abbreviates: one spelling for readers and search alike', () => {
    for (const options of [{}, { code: false }, { title: true }, { code: false, title: true }]) {
      expect(provisionName(art174part1, options)).toMatch(/^Article 174, part 1/)
      expect(provisionName(art174part1, options)).not.toMatch(/\bart\./i)
    }
  })

  it('names the paragraph after its part', () => {
    expect(provisionName(art174part1para2)).toBe(`Article 174, part 1, paragraph 2, ${CODE}`)
    expect(provisionName(art174part1para2, { code: false, title: true })).toBe(`Article 174, part 1, paragraph 2: ${art174.title}`)
    // A paragraph is always of a part: without one there is nothing to name it under.
    expect(provisionName({ ...art174, paragraph: '2' }, { code: false })).toBe('Article 174')
  })

  it('joins the steps with › in tree menus', () => {
    expect(provisionName(art174, { tree: true, code: false })).toBe('Article 174')
    expect(provisionName(art174part1, { tree: true })).toBe(`Article 174 › part 1, ${CODE}`)
    expect(provisionName(art174part1para2, { tree: true, code: false, title: true })).toBe(`Article 174 › part 1 › paragraph 2: ${art174.title}`)
  })
})

describe('provision levels', () => {
  it('tells the level from the part and paragraph', () => {
    expect(provisionLevel(art174)).toBe('article')
    expect(provisionLevel(art174part1)).toBe('part')
    expect(provisionLevel(art174part1para2)).toBe('paragraph')
    expect(childLevel('article')).toBe('part')
    expect(childLevel('part')).toBe('paragraph')
    expect(childLevel('paragraph')).toBeNull()
  })

  it('names a provision by its own step under its parent', () => {
    expect(provisionStep(art174)).toBe('Article 174')
    expect(provisionStep(art174part1)).toBe('part 1')
    expect(provisionStep(art174part1para2)).toBe('paragraph 2')
  })

  it('orders provisions as a tree, numbers by value', () => {
    const kz = (article: string, part: string | null = null, paragraph: string | null = null) => ({ jurisdiction: 'KZ', code: CODE, article, part, paragraph, title: '' })
    const sorted = [kz('174', '2'), kz('20'), kz('174', '1', '2'), kz('174'), kz('174', '10'), kz('174', '1')].sort(compareProvisions)
    expect(sorted.map((p) => provisionName(p, { code: false, tree: true }))).toEqual([
      'Article 20',
      'Article 174',
      'Article 174 › part 1',
      'Article 174 › part 1 › paragraph 2',
      'Article 174 › part 2',
      'Article 174 › part 10',
    ])
  })
})
