// lib/cite/formats.ts: every format of the demo case's citation, made by Citation.js
// with the styles bundled in node_modules (nothing fetched: a fetch would fail here).
import { describe, expect, it } from 'vitest'
import { citationsOf, cslItem, type CitedPage } from '@/lib/cite/formats'
import { CASES } from '@/prisma/seed/bilash'

const demo = CASES[0]!
const page: CitedPage = {
  key: 'casebook-case-1-v3',
  title: demo.title,
  url: `https://casebook.example.org/cases/${demo.slug}/versions/3`,
  published: new Date('2026-11-30T18:05:00Z'),
  version: 'Version 3',
}
const formats = citationsOf(page)

describe('citation formats of the demo case', () => {
  it('is the 2019 case', () => {
    expect(demo.title).toBe('Serikzhan Bilash: inciting discord (2019)')
  })

  it('plain text names the site, the title, the version and its date, and the permalink', () => {
    expect(formats.plain).toBe(`Casebook, “Serikzhan Bilash: inciting discord (2019)”, version 3 of 30 November 2026, ${page.url}`)
  })

  it('APA: author (date). Title. Site. URL', () => {
    expect(formats.apa).toBe(`Casebook. (2026, November 30). Serikzhan Bilash: inciting discord (2019). Casebook. ${page.url}`)
  })

  it('MLA: author. “Title.” Site, version, day month year, URL.', () => {
    expect(formats.mla).toBe(`Casebook. “Serikzhan Bilash: Inciting Discord (2019).” Casebook, Version 3, 30 Nov. 2026, ${page.url}.`)
  })

  it('Chicago author-date: author. year. “Title.” Site. Month day, year. URL.', () => {
    expect(formats.chicago).toMatch(
      /^Casebook\. 2026\. “Serikzhan Bilash: Inciting Discord \(2019\)\.” Casebook\. .*November 30, 2026\. https:\/\/casebook\.example\.org\/cases\/bilash-2019-inciting-discord\/versions\/3\.$/,
    )
  })

  it('BibTeX: one @misc entry with the title, year and URL', () => {
    expect(formats.bibtex).toMatch(/^@misc\{[A-Za-z0-9]+,\n/)
    expect(formats.bibtex).toContain('author = {{Casebook}}')
    expect(formats.bibtex).toContain('year = {2026}')
    expect(formats.bibtex).toContain(`url = {${page.url}}`)
    expect(formats.bibtex).toMatch(/title = \{\{?Serikzhan\}? \{?Bilash\}?: inciting discord \(2019\)\}/)
    expect(formats.bibtex.trim().endsWith('}')).toBe(true)
  })

  it('RIS: a record of tagged lines, from TY to ER', () => {
    const lines = formats.ris.split(/\r?\n/)
    expect(lines[0]).toMatch(/^TY {2}- (ELEC|WEB)$/)
    expect(lines.at(-1)).toBe('ER  - ')
    expect(lines).toContain('TI  - Serikzhan Bilash: inciting discord (2019)')
    expect(lines).toContain(`UR  - ${page.url}`)
    expect(lines).toContain('PY  - 2026')
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /)
    // One line per value: a long permalink is not cut.
    expect(formats.ris).toContain(page.url)
  })

  it('CSL-JSON parses back to the item', () => {
    expect(JSON.parse(formats['csl-json'])).toEqual([cslItem(page)])
    expect(cslItem(page)).toMatchObject({ type: 'webpage', URL: page.url, issued: { 'date-parts': [[2026, 11, 30]] } })
  })

  it('a page without versions cites its own address, with no version', () => {
    const person = citationsOf({ ...page, key: 'casebook-person-1', title: 'Serikzhan Bilash', url: 'https://casebook.example.org/people/serikzhan-bilash', version: null })
    expect(person.plain).toBe('Casebook, “Serikzhan Bilash” of 30 November 2026, https://casebook.example.org/people/serikzhan-bilash')
    expect(person.apa).toBe('Casebook. (2026, November 30). Serikzhan Bilash. Casebook. https://casebook.example.org/people/serikzhan-bilash')
  })

  it('keeps Cyrillic and Kazakh letters intact', () => {
    const kz = citationsOf({ ...page, title: 'Серікжан Біләш: Қазақстан ісі' })
    expect(kz.apa).toContain('Серікжан Біләш: Қазақстан ісі')
    expect(kz.ris).toContain('TI  - Серікжан Біләш: Қазақстан ісі')
  })
})
