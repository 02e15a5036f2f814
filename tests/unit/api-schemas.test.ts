// The API (/api/v1): its OpenAPI document is valid OpenAPI 3.1, and every endpoint
// answers the demo data in the schema the document describes, on a real database,
// through the route handlers themselves.
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { openApiDocument } from '@/lib/api/openapi'
import { GET as caseList } from '@/app/api/v1/cases/route'
import { GET as caseGET } from '@/app/api/v1/cases/[slug]/route'
import { GET as peopleList } from '@/app/api/v1/people/route'
import { GET as personGET } from '@/app/api/v1/people/[slug]/route'
import { GET as organisationList } from '@/app/api/v1/organisations/route'
import { GET as organisationGET } from '@/app/api/v1/organisations/[slug]/route'
import { GET as provisionList } from '@/app/api/v1/provisions/route'
import { GET as sourceList } from '@/app/api/v1/sources/route'
import { GET as sourceGET } from '@/app/api/v1/sources/[id]/route'
import { GET as eventList } from '@/app/api/v1/events/route'
import {
  CasePageSchema,
  CaseSchema,
  EventPageSchema,
  OrganisationPageSchema,
  OrganisationSchema,
  PersonPageSchema,
  PersonSchema,
  ProblemSchema,
  ProvisionPageSchema,
  SourcePageSchema,
  SourceSchema,
} from '@/lib/validation/api'
import type { z } from '@/lib/validation/zod'
import { seedDatabase } from '@/prisma/seed/index'
import { createCase, createPerson, renameCaseSlug, withdrawCase } from '../support/factories'

const BASE = 'http://casebook.test'
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers })
const params = (value: Record<string, string>) => ({ params: Promise.resolve(value) })

async function json<S extends z.ZodType>(response: Response, schema: S, status = 200): Promise<z.infer<S>> {
  expect(response.status).toBe(status)
  const body = await response.json()
  // strict: the answer has no field the schema (and so the document) does not name.
  return schema.parse(body) as z.infer<S>
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and describes every endpoint', async () => {
    const doc = openApiDocument()
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(
      [
        '/api/v1/cases',
        '/api/v1/cases/{slug}',
        '/api/v1/events',
        '/api/v1/organisations',
        '/api/v1/organisations/{slug}',
        '/api/v1/people',
        '/api/v1/people/{slug}',
        '/api/v1/provisions',
        '/api/v1/sources',
        '/api/v1/sources/{id}',
      ].sort(),
    )
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Case', 'CasePage', 'PartialDate', 'Problem', 'Citation']))
  })
})

describe('every endpoint on the demo data', () => {
  it('answers in its schema, with nothing that is not public', async () => {
    await seedDatabase(db)
    const draft = await createCase(db, { title: 'A draft nobody may see', published: false, defendant: { name: 'Draft Only Person' } })

    const cases = await json(await caseList(get('/api/v1/cases?limit=200')), CasePageSchema)
    expect(cases.data.length).toBeGreaterThanOrEqual(2)
    expect(cases.total).toBe(cases.data.length)
    expect(cases.links.next).toBeNull()
    expect(cases.data.map((c) => c.slug)).not.toContain(draft.slug)
    for (const c of cases.data) {
      const one = await json(await caseGET(get(`/api/v1/cases/${c.slug}`), params({ slug: c.slug })), CaseSchema)
      expect(one.slug).toBe(c.slug)
    }

    const people = await json(await peopleList(get('/api/v1/people?limit=200')), PersonPageSchema)
    expect(people.data.length).toBeGreaterThan(0)
    expect(people.data.map((p) => p.name)).not.toContain('Draft Only Person')
    for (const p of people.data) await json(await personGET(get(`/api/v1/people/${p.slug}`), params({ slug: p.slug })), PersonSchema)

    const organisations = await json(await organisationList(get('/api/v1/organisations?limit=200')), OrganisationPageSchema)
    for (const o of organisations.data) await json(await organisationGET(get(`/api/v1/organisations/${o.slug}`), params({ slug: o.slug })), OrganisationSchema)

    const sources = await json(await sourceList(get('/api/v1/sources')), SourcePageSchema)
    expect(sources.data.length).toBe(5)
    for (const s of sources.data) await json(await sourceGET(get(`/api/v1/sources/${s.id}`), params({ id: String(s.id) })), SourceSchema)

    await json(await provisionList(get('/api/v1/provisions')), ProvisionPageSchema)
    const events = await json(await eventList(get('/api/v1/events?limit=200')), EventPageSchema)
    expect(events.data.length).toBeGreaterThan(0)

    // Never an editor’s email, a revision snapshot or a record’s internals (a source’s stored text has no field at all).
    const everything = JSON.stringify([cases, people, organisations, sources, events])
    expect(everything).not.toMatch(/@[a-z0-9-]+\.[a-z]/i)
    expect(everything).not.toMatch(/"(email|snapshot|version|deletedAt|publishedAt|withdrawnAt|nameFolded)":/)
  })
})

describe('pagination, ETags and problems', () => {
  it('pages through a list with links.next, each page the next cases in order', async () => {
    for (let i = 0; i < 5; i++) await createCase(db, { title: `Case ${i}` })
    const seen: string[] = []
    let next: string | null = '/api/v1/cases?sort=title&limit=2'
    while (next) {
      const page: z.infer<typeof CasePageSchema> = await json(await caseList(get(next)), CasePageSchema)
      expect(page.total).toBe(5)
      seen.push(...page.data.map((c) => c.title))
      next = page.links.next
    }
    expect(seen).toEqual(['Case 0', 'Case 1', 'Case 2', 'Case 3', 'Case 4'])
  })

  it('answers 304 to If-None-Match with the current ETag, and 200 again once the data changed', async () => {
    const person = await createPerson(db, { name: 'Aigul Example' })
    await createCase(db, { defendant: { personId: person.id } })
    const first = await caseList(get('/api/v1/cases'))
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    expect(first.headers.get('access-control-allow-origin')).toBe('*')
    expect(first.headers.get('cache-control')).toContain('must-revalidate')
    const again = await caseList(get('/api/v1/cases', { 'if-none-match': `W/${etag}, "other"` }))
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    await db.person.update({ where: { id: person.id }, data: { name: 'Aigul Renamed' } })
    const changed = await caseList(get('/api/v1/cases', { 'if-none-match': etag }))
    expect(changed.status).toBe(200)
    expect(JSON.stringify(await changed.json())).toContain('Aigul Renamed')
  })

  it.each([
    ['/api/v1/cases?status=nonsense', 'status'],
    ['/api/v1/cases?limit=0', 'limit'],
    ['/api/v1/cases?limit=abc', 'limit'],
    ['/api/v1/cases?page=2', 'cursor'],
    ['/api/v1/cases?stauts=dropped', 'stauts'],
    ['/api/v1/cases?cursor=not-a-cursor', 'cursor'],
    ['/api/v1/cases?sort=title&cursor=eyJzIjoicmVjZW50IiwidiI6bnVsbCwiaSI6MX0', 'cursor'],
    ['/api/v1/people?cursor=%7B%7D', 'cursor'],
    ['/api/v1/people?constructor=1', 'constructor'],
  ])('answers %s with a 400 problem naming %s', async (path, word) => {
    const handler = path.startsWith('/api/v1/people') ? peopleList : caseList
    const response = await handler(get(path))
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    const problem = await json(response, ProblemSchema, 400)
    expect(problem.problems!.join(' ')).toContain(word)
  })

  it('answers a renamed case 308, a withdrawn one 410 and an unknown one 404, as JSON problems', async () => {
    const renamed = await createCase(db)
    const { oldSlug, newSlug } = await renameCaseSlug(db, renamed.id)
    const moved = await caseGET(get(`/api/v1/cases/${oldSlug}`), params({ slug: oldSlug }))
    expect(moved.status).toBe(308)
    expect(moved.headers.get('location')).toBe(`/api/v1/cases/${newSlug}`)

    const withdrawn = await createCase(db, { title: 'Withdrawn title' })
    await withdrawCase(db, withdrawn.id)
    const gone = await caseGET(get(`/api/v1/cases/${withdrawn.slug}`), params({ slug: withdrawn.slug }))
    const problem = await json(gone, ProblemSchema, 410)
    expect(JSON.stringify(problem)).not.toContain('Withdrawn title')

    await json(await caseGET(get('/api/v1/cases/never-was'), params({ slug: 'never-was' })), ProblemSchema, 404)
    await json(await personGET(get('/api/v1/people/never-was'), params({ slug: 'never-was' })), ProblemSchema, 404)
  })
})
