import { describe, expect, it } from 'vitest'
import { aliasesWithSearchKeys, foldText, nameSearchKey } from '@/lib/domain/fold-name'

describe('foldText', () => {
  it('lowercases, strips diacritics and turns punctuation into single spaces', () => {
    expect(foldText('  Umarova,  Aiman ')).toBe('umarova aiman')
    expect(foldText('Tokaýev')).toBe('tokayev')
    expect(foldText('Naghyz (the Real) Atajurt')).toBe('naghyz the real atajurt')
  })

  it('transliterates Kazakh and Russian Cyrillic', () => {
    expect(foldText('Серікжан Білаш')).toBe('serikzhan bilash')
    expect(foldText('Серикжан Билаш')).toBe('serikzhan bilash')
    expect(foldText('Қасым-Жомарт Тоқаев')).toBe('kasym zhomart tokaev')
  })
})

describe('foldText: Kazakh Latin', () => {
  it('folds the dotless ı, which Unicode normalisation leaves alone', () => {
    expect(foldText('Kusmankızy')).toBe('kusmankizy')
  })
})

describe('nameSearchKey', () => {
  // The spelling variants DOMAIN.md lists, as the sources print them.
  it.each([
    ['Baizhanov', 'Bayzhanov'],
    ['Shynkuat Baizhanov', 'Shynkuat Bayzhanov'],
    ['Aiman Umarova', 'Ayman Umarova'],
    ['Atajurt', 'Atazhurt'],
    ['Leila Adilzhan', 'Laila Adilzhan'],
    ['Toqaev', 'Tokayev'],
    ['Kusmankyzy', 'Kusmankyzi'],
    ['Serikzhan Bilash', 'Серікжан Білаш'],
    ['Baizhanov', 'Байжанов'],
    ['Almas', 'Almass'],
  ])('%s and %s share a key', (a, b) => {
    expect(nameSearchKey(a)).toBe(nameSearchKey(b))
    expect(nameSearchKey(a)).not.toBe('')
  })

  it.each([
    ['Bilash', 'Baizhanov'],
    ['Umarova', 'Abdrakhmanov'],
    ['Atajurt', 'Atameken'],
  ])('%s and %s stay different', (a, b) => {
    expect(nameSearchKey(a)).not.toBe(nameSearchKey(b))
  })

  it('lets a folded query match inside a folded full name', () => {
    expect(nameSearchKey('Shynkuat Baizhanov')).toContain(nameSearchKey('bayzhanov'))
    expect(nameSearchKey('Serikzhan Bilash')).toContain(nameSearchKey('SERIKJAN'))
  })

  it('is empty for input without letters or digits', () => {
    expect(nameSearchKey(' -- !! ')).toBe('')
  })
})

describe('aliasesWithSearchKeys', () => {
  it('adds the search key under which each spelling is found', () => {
    expect(aliasesWithSearchKeys([{ name: 'Ayman Umarova', script: 'Latn', kind: 'TRANSLITERATION' }])).toEqual([
      { name: 'Ayman Umarova', script: 'Latn', kind: 'TRANSLITERATION', nameFolded: nameSearchKey('Aiman Umarova') },
    ])
  })
})
