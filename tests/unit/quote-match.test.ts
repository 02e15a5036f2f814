import { describe, expect, it } from 'vitest'
import { checkQuote, normaliseForQuote } from '@/lib/domain/quote-match'

const RU = 'Активист Серикжан Билаш заявил: «Я не признаю вину». Суд назначил ему 7\u00a0лет ограничения свободы — приговор вынесен 17\u00a0августа.'
const KK = 'Серікжан Білаш: «Мен кінәмді мойындамаймын», – деді белсенді. Сот оған бас бостандығын шектеу жазасын тағайындады.'
const EN = 'His lawyer, Aiman Umarova, said: “He is accused of inciting discord — a charge he denies.” The hearing was on 10\u00a0March.'

describe('normaliseForQuote', () => {
  it('drops quotation marks and apostrophes, unifies dashes and spaces, lowers the case', () => {
    expect(normaliseForQuote('«Я  не признаю\u00a0вину»')).toBe('я не признаю вину')
    expect(normaliseForQuote('He said “it’s over” – 1990 — 2000')).toBe('he said its over-1990-2000')
    expect(normaliseForQuote('„Wort“ ‚x‘')).toBe('wort x')
    expect(normaliseForQuote('Ёлка\u200b')).toBe('елка')
  })
})

describe('checkQuote', () => {
  it('finds a quote typed with straight quotes in a text with « »', () => {
    expect(checkQuote('Билаш заявил: "Я не признаю вину".', RU)).toBe('found')
    expect(checkQuote('"Мен кінәмді мойындамаймын", - деді белсенді', KK)).toBe('found')
  })

  it('finds an English quote typed with straight quotes, a hyphen and other capitals', () => {
    expect(checkQuote('said: "he is accused of inciting discord - a charge he denies."', EN)).toBe('found')
    expect(checkQuote('HIS LAWYER, AIMAN UMAROVA', EN)).toBe('found')
  })

  it('ignores non-breaking spaces and line breaks', () => {
    expect(checkQuote('назначил ему 7 лет\nограничения свободы', RU)).toBe('found')
    expect(checkQuote('on 10 March', EN)).toBe('found')
  })

  it('finds a quote with words left out when each piece is there in order', () => {
    expect(checkQuote('Суд назначил ему … ограничения свободы', RU)).toBe('found')
    expect(checkQuote('He is accused [...] he denies', EN)).toBe('found')
    expect(checkQuote('he denies … He is accused', EN)).toBe('not-found')
  })

  it('does not find other words', () => {
    expect(checkQuote('Билаш признал вину', RU)).toBe('not-found')
    expect(checkQuote('Мен кінәмді мойындаймын', KK)).toBe('not-found')
    expect(checkQuote('He is accused of inciting hatred', EN)).toBe('not-found')
    // A transliteration is another text, not a typographic variant.
    expect(checkQuote('Serikzhan Bilash', RU)).toBe('not-found')
  })

  it('says so when the source has no stored text', () => {
    expect(checkQuote('Я не признаю вину', '')).toBe('no-text')
    expect(checkQuote('Я не признаю вину', ' \n\u00a0')).toBe('no-text')
  })

  it('does not call a quote of only punctuation found', () => {
    expect(checkQuote('« … »', RU)).toBe('not-found')
  })
})
