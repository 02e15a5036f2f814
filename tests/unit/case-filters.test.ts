import { describe, expect, it } from 'vitest'
import { caseQueryToSearch, hasActiveFilters, isVerboseQuery, cachedDashboardKey, searchParamsFromDashboardKey, PAGE_SIZE, parseCaseQuery, type CaseQuery } from '@/lib/validation/case-filters'

const DEFAULTS: CaseQuery = {
  statuses: [],
  kind: null,
  jurisdiction: null,
  provision: null,
  person: null,
  year: null,
  sentence: null,
  q: null,
  sort: 'recent',
  page: 1,
}

/** What Next.js hands the page: repeated keys become arrays. */
function searchParamsOf(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of new URLSearchParams(search)) {
    const prev = out[key]
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
  }
  return out
}

describe('parseCaseQuery', () => {
  it('gives the defaults for an empty query, with no problems', () => {
    expect(parseCaseQuery({})).toEqual({ query: DEFAULTS, problems: [] })
    expect(PAGE_SIZE).toBe(25)
  })

  it('reads every filter', () => {
    const { query, problems } = parseCaseQuery({
      status: 'dropped',
      kind: 'Criminal',
      jurisdiction: 'kz',
      provision: 'kz-cc-174',
      person: 'serikzhan-bilash',
      year: '2020',
      sentence: 'fine',
      q: ' Bayzhanov ',
      sort: 'title',
      page: '3',
    })
    expect(problems).toEqual([])
    expect(query).toEqual({
      statuses: ['DROPPED'],
      kind: 'CRIMINAL',
      jurisdiction: 'KZ',
      provision: 'kz-cc-174',
      person: 'serikzhan-bilash',
      year: 2020,
      sentence: 'FINE',
      q: 'Bayzhanov',
      sort: 'title',
      page: 3,
    })
  })

  it('accepts several statuses, comma-separated or repeated, without duplicates', () => {
    expect(parseCaseQuery({ status: 'dropped,convicted' }).query.statuses).toEqual(['DROPPED', 'CONVICTED'])
    expect(parseCaseQuery({ status: ['dropped', 'plea-deal', 'dropped'] }).query.statuses).toEqual(['DROPPED', 'PLEA_DEAL'])
  })

  it('uses the first value of a single-valued filter', () => {
    expect(parseCaseQuery({ year: ['2019', '2020'] }).query.year).toBe(2019)
  })

  it.each([
    [{ status: 'nonsense' }, 'status', /Ignored status “nonsense”.*dropped/],
    [{ kind: 'martial' }, 'kind', /Ignored kind “martial”/],
    [{ jurisdiction: 'k' }, 'jurisdiction', /Ignored jurisdiction “k”/],
    [{ provision: 'Not a slug!' }, 'provision', /Ignored provision/],
    [{ person: '../etc/passwd' }, 'person', /Ignored person/],
    [{ year: 'twenty' }, 'year', /Ignored year “twenty”/],
    [{ year: '1850' }, 'year', /Ignored year “1850”/],
    [{ year: '2020.5' }, 'year', /Ignored year/],
    [{ page: '0' }, 'page', /Ignored page “0”/],
    [{ page: '-2' }, 'page', /Ignored page/],
    [{ page: 'last' }, 'page', /Ignored page/],
    [{ sort: 'random' }, 'sort', /Ignored sort “random”/],
  ])('reports a bad %o and falls back to the default', (params, key, message) => {
    const { query, problems } = parseCaseQuery(params)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
    expect(query).toEqual(DEFAULTS)
    expect(key in params).toBe(true)
  })

  it('keeps the good filters when others are bad', () => {
    const { query, problems } = parseCaseQuery({ status: ['dropped', 'nonsense'], year: '2020', kind: '???' })
    expect(query.statuses).toEqual(['DROPPED'])
    expect(query.year).toBe(2020)
    expect(query.kind).toBeNull()
    expect(problems).toHaveLength(2)
  })

  it('never throws, whatever arrives', () => {
    const nasty = [
      { status: '' },
      { status: ',,,' },
      { q: '' },
      { q: undefined },
      { page: '99999999999999999999' },
      { year: '1e3' },
      { person: 'x'.repeat(10_000) },
      { status: '<script>alert(1)</script>' },
      { provision: ['', ' '] },
    ]
    for (const params of nasty) expect(() => parseCaseQuery(params)).not.toThrow()
    expect(parseCaseQuery({ q: '' }).query.q).toBeNull()
  })

  it('truncates echoed values and long searches', () => {
    const long = 'x'.repeat(500)
    const { problems } = parseCaseQuery({ status: long })
    expect(problems[0]).toContain('x'.repeat(60))
    expect(problems[0]).not.toContain('x'.repeat(61))
    expect(parseCaseQuery({ q: long }).query.q).toHaveLength(200)
  })
})

describe('caseQueryToSearch', () => {
  it('leaves the defaults out', () => {
    expect(caseQueryToSearch(DEFAULTS)).toBe('')
    expect(caseQueryToSearch({})).toBe('')
  })

  it('writes the shareable URL form', () => {
    expect(caseQueryToSearch({ ...DEFAULTS, statuses: ['DROPPED'], year: 2020 })).toBe('?status=dropped&year=2020')
    expect(caseQueryToSearch({ ...DEFAULTS, statuses: ['AWAITING_TRIAL', 'PLEA_DEAL'] })).toBe('?status=awaiting-trial&status=plea-deal')
    expect(caseQueryToSearch({ ...DEFAULTS, kind: 'ADMINISTRATIVE', jurisdiction: 'KZ', page: 2, sort: 'oldest' })).toBe('?kind=administrative&jurisdiction=kz&sort=oldest&page=2')
    expect(caseQueryToSearch({ q: 'Bilash & co' })).toBe('?q=Bilash+%26+co')
  })

  it.each<Partial<CaseQuery>>([
    {},
    { statuses: ['DROPPED'], year: 2020 },
    { statuses: ['AWAITING_TRIAL', 'PLEA_DEAL', 'APPEAL_PENDING'] },
    { kind: 'INTERNATIONAL', jurisdiction: 'UN' },
    { provision: 'kz-criminal-code-174', person: 'serikzhan-bilash' },
    { q: 'Байжанов & “Atajurt”?', sort: 'title', page: 7 },
    { q: 'Bilash', statuses: ['CONVICTED'], kind: 'CRIMINAL', jurisdiction: 'KZ', provision: 'kz-cc-389', person: 'a-b', year: 2019, sort: 'opened', page: 2 },
  ])('round-trips %o through the URL', (partial) => {
    const query = { ...DEFAULTS, ...partial }
    expect(parseCaseQuery(searchParamsOf(caseQueryToSearch(query)))).toEqual({ query, problems: [] })
  })
})

describe('hasActiveFilters', () => {
  it('is false for the defaults, and sort and page are not filters', () => {
    expect(hasActiveFilters(DEFAULTS)).toBe(false)
    expect(hasActiveFilters({ ...DEFAULTS, sort: 'title', page: 4 } as CaseQuery)).toBe(false)
  })
  it.each<Partial<CaseQuery>>([{ statuses: ['DROPPED'] }, { kind: 'CIVIL' }, { jurisdiction: 'KZ' }, { provision: 'p' }, { person: 'p' }, { year: 2020 }, { q: 'x' }])('is true with %o', (partial) => {
    expect(hasActiveFilters({ ...DEFAULTS, ...partial })).toBe(true)
  })
})

describe('isVerboseQuery', () => {
  it('spots what a submitted filter form adds: empty fields and defaults', () => {
    expect(isVerboseQuery({ q: '', status: 'dropped', kind: '' })).toBe(true)
    expect(isVerboseQuery({ status: 'dropped', sort: 'recent' })).toBe(true)
    expect(isVerboseQuery({ status: 'dropped', page: '1' })).toBe(true)
    expect(isVerboseQuery({ status: ['dropped', ''] })).toBe(true)
  })

  it('is false for the short form, so the redirect to it cannot loop', () => {
    const params = Object.fromEntries(new URLSearchParams(caseQueryToSearch({ statuses: ['DROPPED'], year: 2020, sort: 'title', page: 2 })))
    expect(params).toEqual({ status: 'dropped', year: '2020', sort: 'title', page: '2' })
    expect(isVerboseQuery(params)).toBe(false)
    expect(isVerboseQuery({})).toBe(false)
  })
})

describe('cachedDashboardKey', () => {
  it('gives one key for the same filters in any order, and reads back to the same query', () => {
    const a = cachedDashboardKey({ year: '2020', status: 'dropped' })
    const b = cachedDashboardKey({ status: 'dropped', year: '2020' })
    expect(a).toBe('status%3Ddropped%26year%3D2020')
    expect(b).toBe(a)
    const back = parseCaseQuery(searchParamsFromDashboardKey(decodeURIComponent(a!)))
    expect(back.problems).toEqual([])
    expect(back.query).toEqual(parseCaseQuery({ status: 'dropped', year: '2020' }).query)
  })

  it('names the unfiltered dashboard "all"', () => {
    expect(cachedDashboardKey({})).toBe('all')
    expect(searchParamsFromDashboardKey('all')).toEqual({})
  })

  it('leaves searches, unreadable values and verbose addresses to the per-request page', () => {
    expect(cachedDashboardKey({ q: 'Bilash' })).toBeNull()
    expect(cachedDashboardKey({ status: 'nonsense' })).toBeNull()
    expect(cachedDashboardKey({ status: 'dropped', kind: '' })).toBeNull()
  })
})

describe('the sentence filter', () => {
  it('reads a kind of sentence from the address and writes it back the same way', () => {
    const { query, problems } = parseCaseQuery({ sentence: 'Restricted-Freedom' })
    expect(problems).toEqual([])
    expect(query.sentence).toBe('RESTRICTED_FREEDOM')
    expect(caseQueryToSearch(query)).toBe('?sentence=restricted-freedom')
    expect(hasActiveFilters(query)).toBe(true)
  })
  it('ignores and reports a kind it does not know', () => {
    const { query, problems } = parseCaseQuery({ sentence: 'flogging' })
    expect(query.sentence).toBeNull()
    expect(problems[0]).toMatch(/^Ignored sentence “flogging”: use one of imprisonment, suspended, restricted-freedom/)
  })
})
