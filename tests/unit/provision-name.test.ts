// lib/domain/provision-name.ts: the one spelling of a provision's name.
import { describe, expect, it } from 'vitest'
import { provisionName } from '@/lib/domain/provision-name'

const CODE = 'Criminal Code of the Republic of Kazakhstan'
const art174 = { article: '174', part: null, code: CODE, title: 'Inciting social, national, clan, racial, class or religious discord' }
const art174part1 = { ...art174, part: '1' }

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
})
