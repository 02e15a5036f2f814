// Pure helpers the public pages use for metadata and name labels.
import { describe, expect, it } from 'vitest'
import { countryName, langAttribute, languageName, scriptOrLanguageName } from '@/lib/domain/locale-names'
import { firstSentence } from '@/lib/domain/text'
import { SourceIdParamSchema } from '@/lib/validation/source'

describe('firstSentence', () => {
  it('returns null for blank text', () => {
    expect(firstSentence('')).toBeNull()
    expect(firstSentence('  \n ')).toBeNull()
  })
  it('stops at the first sentence end', () => {
    expect(firstSentence('Founder of Atajurt. Arrested in 2019.')).toBe('Founder of Atajurt.')
    expect(firstSentence('Is it? Yes.')).toBe('Is it?')
  })
  it('does not stop at abbreviations, initials or article numbers', () => {
    expect(firstSentence('Charged under art. 174 in 2019. Later dropped.')).toBe('Charged under art. 174 in 2019.')
    expect(firstSentence('Interviewed by J. Smith in Almaty. More.')).toBe('Interviewed by J. Smith in Almaty.')
    expect(firstSentence('Mr. Bilash spoke. Then left.')).toBe('Mr. Bilash spoke.')
  })
  it('keeps a closing quote with its sentence', () => {
    expect(firstSentence('He said “enough.” Then he left.')).toBe('He said “enough.”')
  })
  it('returns text without a sentence end whole', () => {
    expect(firstSentence('Deputy chief of the Almaty police')).toBe('Deputy chief of the Almaty police')
  })
  it('cuts long sentences at a word with an ellipsis', () => {
    const out = firstSentence('word '.repeat(100), 50)!
    expect(out.length).toBeLessThanOrEqual(50)
    expect(out.endsWith('word…')).toBe(true)
  })
})

describe('locale names', () => {
  it('names scripts and languages', () => {
    expect(scriptOrLanguageName('Latn')).toBe('Latin script')
    expect(scriptOrLanguageName('Cyrl')).toBe('Cyrillic script')
    expect(scriptOrLanguageName('kk')).toBe('Kazakh')
    expect(languageName('en')).toBe('English')
  })
  it('shows unknown or malformed codes as written', () => {
    expect(scriptOrLanguageName('Qqqq-!')).toBe('Qqqq-!')
    expect(languageName('not a tag')).toBe('not a tag')
    expect(countryName('XQ')).toBe('XQ')
    expect(countryName('UN body')).toBe('UN body')
  })
  it('names countries', () => {
    expect(countryName('KZ')).toBe('Kazakhstan')
  })
  it('gives a lang attribute only for languages', () => {
    expect(langAttribute('kk')).toBe('kk')
    expect(langAttribute('Cyrl')).toBeUndefined()
    expect(langAttribute('not a tag')).toBeUndefined()
  })
})

describe('SourceIdParamSchema', () => {
  it('accepts positive integers written in digits', () => {
    expect(SourceIdParamSchema.parse('1')).toBe(1)
    expect(SourceIdParamSchema.parse('2147483647')).toBe(2147483647)
  })
  it.each(['0', '-1', 'abc', '1e3', '0x10', ' 7', '1.5', '', '2147483648', '99999999999999999999'])('refuses %j', (raw) => {
    expect(SourceIdParamSchema.safeParse(raw).success).toBe(false)
  })
})
