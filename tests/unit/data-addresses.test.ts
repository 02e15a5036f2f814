// lib/data/addresses.ts: what every public record address answers (proxy.ts asks it
// before the page cache can serve anything).
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { resolveAddress } from '@/lib/data/addresses'
import { createCase, createOrganisation, createPerson, createProvision, createSlugRedirect, createSource, renameCaseSlug, withdrawCase } from '../support/factories'

describe('resolveAddress: cases', () => {
  it('is current for a published case, with its id', async () => {
    const c = await createCase(db)
    expect(await resolveAddress('cases', c.slug)).toEqual({ state: 'current', id: c.id })
  })

  it('moves a renamed case’s old address to its current one', async () => {
    const c = await createCase(db)
    const { oldSlug, newSlug } = await renameCaseSlug(db, c.id)
    expect(await resolveAddress('cases', oldSlug)).toEqual({ state: 'moved', to: `/cases/${newSlug}` })
  })

  it('is missing for an unknown slug, a draft never published, and a draft’s old slug', async () => {
    const draft = await createCase(db, { published: false })
    const { oldSlug } = await createSlugRedirect(db, { entity: 'CASE', targetId: draft.id })
    for (const slug of ['never-existed', draft.slug, oldSlug]) expect(await resolveAddress('cases', slug)).toEqual({ state: 'missing' })
  })

  it('is withdrawn at every address a withdrawn case had, never a redirect to its new (draft) slug', async () => {
    const at = new Date('2026-11-30T12:00:00Z')
    const c = await createCase(db)
    const { oldSlug, newSlug } = await renameCaseSlug(db, c.id)
    await withdrawCase(db, c.id, { at })
    const deleted = await createCase(db)
    await withdrawCase(db, deleted.id, { at, deleted: true })
    for (const slug of [oldSlug, newSlug]) expect(await resolveAddress('cases', slug)).toEqual({ state: 'withdrawn', withdrawnAt: at })
    expect(await resolveAddress('cases', deleted.slug)).toEqual({ state: 'withdrawn', withdrawnAt: at })
  })

  it('is current again once the case is published again, even with withdrawnAt left set', async () => {
    const c = await createCase(db)
    await withdrawCase(db, c.id)
    await db.case.update({ where: { id: c.id }, data: { publishedAt: new Date() } })
    expect(await resolveAddress('cases', c.slug)).toEqual({ state: 'current', id: c.id })
  })

  it('is missing once the record is gone', async () => {
    const c = await createCase(db)
    const { oldSlug } = await createSlugRedirect(db, { entity: 'CASE', targetId: c.id })
    await db.case.delete({ where: { id: c.id } })
    expect(await resolveAddress('cases', oldSlug)).toEqual({ state: 'missing' })
  })
})

describe('resolveAddress: people, organisations, provisions, sources', () => {
  it('makes a person public only once a published case names them', async () => {
    const loner = await createPerson(db)
    const inDraft = await createCase(db, { published: false })
    const published = await createCase(db)
    expect(await resolveAddress('people', loner.slug)).toEqual({ state: 'missing' })
    expect(await resolveAddress('people', inDraft.defendant!.slug)).toEqual({ state: 'missing' })
    expect(await resolveAddress('people', published.defendant!.slug)).toEqual({ state: 'current', id: published.defendant!.personId })
  })

  it('makes an organisation public as a party or the authority of a published case', async () => {
    const authority = await createOrganisation(db)
    const unused = await createOrganisation(db)
    await createCase(db, { authorityId: authority.id })
    expect(await resolveAddress('organisations', authority.slug)).toEqual({ state: 'current', id: authority.id })
    expect(await resolveAddress('organisations', unused.slug)).toEqual({ state: 'missing' })
  })

  it('keeps each kind of record’s old slugs apart', async () => {
    const c = await createCase(db)
    const personId = c.defendant!.personId
    const provision = await createProvision(db)
    await createSlugRedirect(db, { entity: 'PERSON', oldSlug: 'old-name', targetId: personId })
    await createSlugRedirect(db, { entity: 'PROVISION', oldSlug: 'old-name', targetId: provision.id })
    expect(await resolveAddress('people', 'old-name')).toEqual({ state: 'moved', to: `/people/${c.defendant!.slug}` })
    expect(await resolveAddress('provisions', 'old-name')).toEqual({ state: 'moved', to: `/provisions/${provision.slug}` })
    expect(await resolveAddress('organisations', 'old-name')).toEqual({ state: 'missing' })
    expect(await resolveAddress('cases', 'old-name')).toEqual({ state: 'missing' })
  })

  it('gives a source one address, and none once deleted', async () => {
    const s = await createSource(db)
    expect(await resolveAddress('sources', String(s.id))).toEqual({ state: 'current', id: s.id })
    expect(await resolveAddress('sources', `00${s.id}`)).toEqual({ state: 'moved', to: `/sources/${s.id}` })
    for (const key of ['0', '-1', 'abc', '99999999999', '1e3']) expect(await resolveAddress('sources', key)).toEqual({ state: 'missing' })
    await db.source.update({ where: { id: s.id }, data: { deletedAt: new Date() } })
    expect(await resolveAddress('sources', String(s.id))).toEqual({ state: 'missing' })
  })
})

describe('renamedFilterUrl (proxy.ts): a dashboard view under a renamed person or provision', () => {
  it('is the same view under the current slugs, and null when nothing was renamed', async () => {
    const { renamedFilterUrl } = await import('@/proxy')
    const c = await createCase(db)
    const provision = await createProvision(db)
    await createSlugRedirect(db, { entity: 'PERSON', oldSlug: 'old-person-slug', targetId: c.defendant!.personId })
    await createSlugRedirect(db, { entity: 'PROVISION', oldSlug: 'old-provision-slug', targetId: provision.id })
    const moved = await renamedFilterUrl(new URL('http://x/?status=dropped&person=old-person-slug&provision=old-provision-slug'))
    expect(moved && Object.fromEntries(moved.searchParams)).toEqual({ status: 'dropped', person: c.defendant!.slug, provision: provision.slug })
    expect(await renamedFilterUrl(new URL(`http://x/?person=${c.defendant!.slug}`))).toBeNull()
    expect(await renamedFilterUrl(new URL('http://x/?person=never-existed'))).toBeNull()
    expect(await renamedFilterUrl(new URL('http://x/?status=dropped'))).toBeNull()
  })
})
