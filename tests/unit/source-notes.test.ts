import { describe, expect, it } from 'vitest'
import { groupNotes, noteAnchor, quoteLetter, type NotableCitation } from '@/lib/domain/source-notes'

let nextId = 1
const cite = (source: number, quote: string, extra: Partial<NotableCitation> = {}): NotableCitation => ({ id: nextId++, quote, translation: '', locator: '', source: { id: source }, ...extra })

describe('quoteLetter', () => {
  it('letters passages a…z, then aa, ab…', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(quoteLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba'])
  })
})

describe('groupNotes', () => {
  it('gives one entry per source, numbered by first citation, with its passages lettered beneath', () => {
    const status = cite(20, 'The case was dropped')
    const summary = [cite(10, 'Bilash was detained'), cite(20, 'He was charged')]
    const event = cite(10, 'He was released')
    const { sources, markers } = groupNotes([
      { anchor: 'fact-status', label: 'Case: status', citations: [status] },
      { anchor: 'summary', label: 'Case: summary', citations: summary },
      { anchor: 'event-1', label: 'Event: April 2020 — Released', citations: [event] },
    ])
    expect(sources.map((s) => [s.number, s.source.id, s.quotes.map((q) => q.marker)])).toEqual([
      [1, 20, ['1a', '1b']],
      [2, 10, ['2a', '2b']],
    ])
    expect(markers.get(status.id)).toBe('1a')
    expect(markers.get(summary[0]!.id)).toBe('2a')
    expect(markers.get(event.id)).toBe('2b')
    expect(sources[0]!.quotes[0]!.claims).toEqual([{ anchor: 'fact-status', label: 'Case: status' }])
  })

  it('marks a source’s only passage with its number alone, the fragment of the source entry', () => {
    const only = cite(5, 'The only quote')
    const { sources, markers } = groupNotes([{ anchor: 'summary', label: 'Case: summary', citations: [only] }])
    expect(sources[0]!.quotes[0]).toMatchObject({ marker: '1', letter: '' })
    expect(noteAnchor(markers.get(only.id)!)).toBe('note-1')
  })

  it('makes the same words cited for several claims one passage that links back to each claim once', () => {
    const [a, b, c] = [cite(7, 'Same words'), cite(7, 'Same words'), cite(7, 'Same words')]
    const other = cite(7, 'Same words', { locator: 'paragraph 4' })
    const { sources, markers } = groupNotes([
      { anchor: 'party-1', label: 'Party: A (defendant)', citations: [a] },
      { anchor: 'charge-2', label: 'Charge against A: Article 174', citations: [b] },
      { anchor: 'decision-3', label: 'Decision', citations: [c] },
      // The same decision shown again (as a defendant's sentence): one backlink.
      { anchor: 'decision-3', label: 'Decision', citations: [c] },
      { anchor: 'event-4', label: 'Event', citations: [other] },
    ])
    expect(sources).toHaveLength(1)
    const [same, located] = sources[0]!.quotes
    expect(same!.claims.map((l) => l.anchor)).toEqual(['party-1', 'charge-2', 'decision-3'])
    expect([a, b, c].map((x) => markers.get(x.id))).toEqual(['1a', '1a', '1a'])
    expect(located!.marker).toBe('1b')
    expect(located!.citation.locator).toBe('paragraph 4')
  })

  it('keeps a translation apart: other words, another passage', () => {
    const { sources } = groupNotes([{ anchor: 'summary', label: 's', citations: [cite(3, 'Я не признаю вину'), cite(3, 'Я не признаю вину', { translation: 'I do not admit guilt' })] }])
    expect(sources[0]!.quotes.map((q) => q.marker)).toEqual(['1a', '1b'])
  })

  it('has no notes for claims without citations', () => {
    expect(groupNotes([{ anchor: 'summary', label: 's', citations: [] }]).sources).toEqual([])
  })

  it('groups 37 citations of five articles into five entries (the demo case’s shape)', () => {
    const claims = Array.from({ length: 37 }, (_, i) => ({ anchor: `event-${i}`, label: `Event ${i}`, citations: [cite(i < 14 ? 1 : 2 + (i % 4), `Quote ${i}`)] }))
    const { sources } = groupNotes(claims)
    expect(sources).toHaveLength(5)
    expect(sources[0]!.quotes).toHaveLength(14)
    expect(sources[0]!.quotes.at(-1)!.marker).toBe('1n')
  })
})
