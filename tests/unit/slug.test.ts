import { describe, expect, it } from 'vitest'
import { SLUG_MAX, slugify } from '@/lib/domain/slug'

describe('slugify', () => {
  it('joins the folded words with hyphens', () => {
    expect(slugify('Bilash: “inciting discord” (2019–2020)')).toBe('bilash-inciting-discord-2019-2020')
    expect(slugify('Серікжан Білаш')).toBe('serikzhan-bilash')
    expect(slugify(' -- ')).toBe('')
  })

  it('keeps a slug of up to the limit whole', () => {
    const exact = `${'a'.repeat(39)}-${'b'.repeat(40)}`
    expect(exact).toHaveLength(SLUG_MAX)
    expect(slugify(exact)).toBe(exact)
  })

  it('cuts a long name after the last whole word within the limit, never inside one', () => {
    const title = 'The criminal case against the leaders of the unregistered Atajurt volunteer human rights organisation in Almaty'
    const slug = slugify(title)
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX)
    expect(slug).toBe('the-criminal-case-against-the-leaders-of-the-unregistered-atajurt-volunteer')
    // Every word of the slug is a whole word of the name (a cut at 80 characters would end in "hum").
    const words = new Set(title.toLowerCase().split(' '))
    for (const w of slug.split('-')) expect(words.has(w)).toBe(true)
  })

  it('keeps the words before a hyphen that falls just after the limit', () => {
    const name = `${'a'.repeat(40)} ${'b'.repeat(39)} c`
    expect(slugify(name)).toBe(`${'a'.repeat(40)}-${'b'.repeat(39)}`)
  })

  it('cuts a single word longer than the limit at the limit', () => {
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(SLUG_MAX))
  })
})
