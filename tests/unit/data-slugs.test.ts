// lib/data/slugs.ts: old slugs keep answering after a rename.
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { findCurrentSlug } from '@/lib/data/slugs'
import {
  createCase,
  createOrganisation,
  createPerson,
  createProvision,
  createSlugRedirect,
  renameCaseSlug,
  withdrawCase,
} from '../support/factories'

describe('findCurrentSlug', () => {
  it('follows a renamed case to its current slug', async () => {
    const c = await createCase(db)
    const { oldSlug, newSlug } = await renameCaseSlug(db, c.id)
    expect(await findCurrentSlug('CASE', oldSlug)).toBe(newSlug)
  })

  it('is null for an unknown slug', async () => {
    await createCase(db)
    expect(await findCurrentSlug('CASE', 'never-existed')).toBeNull()
  })

  it('does not reveal a draft case', async () => {
    const draft = await createCase(db, { published: false })
    const { oldSlug } = await createSlugRedirect(db, { entity: 'CASE', targetId: draft.id })
    expect(await findCurrentSlug('CASE', oldSlug)).toBeNull()
  })

  it('follows a renamed case that was then withdrawn (its current address answers 410)', async () => {
    const c = await createCase(db)
    const { oldSlug, newSlug } = await renameCaseSlug(db, c.id)
    await withdrawCase(db, c.id)
    expect(await findCurrentSlug('CASE', oldSlug)).toBe(newSlug)
  })

  it('is null when the record is gone', async () => {
    const c = await createCase(db)
    const { oldSlug } = await createSlugRedirect(db, { entity: 'CASE', targetId: c.id })
    await db.case.delete({ where: { id: c.id } })
    expect(await findCurrentSlug('CASE', oldSlug)).toBeNull()
  })

  it('keeps each kind of record apart', async () => {
    const person = await createPerson(db)
    const org = await createOrganisation(db)
    const provision = await createProvision(db)
    await createSlugRedirect(db, { entity: 'PERSON', oldSlug: 'old-name', targetId: person.id })
    await createSlugRedirect(db, { entity: 'ORGANISATION', oldSlug: 'old-name', targetId: org.id })
    await createSlugRedirect(db, { entity: 'PROVISION', oldSlug: 'old-name', targetId: provision.id })
    expect(await findCurrentSlug('PERSON', 'old-name')).toBe(person.slug)
    expect(await findCurrentSlug('ORGANISATION', 'old-name')).toBe(org.slug)
    expect(await findCurrentSlug('PROVISION', 'old-name')).toBe(provision.slug)
    expect(await findCurrentSlug('CASE', 'old-name')).toBeNull()
  })
})
