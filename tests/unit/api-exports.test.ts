// lib/api/exports.ts: the export is read from the database only as fast as its reader
// takes it, stops when the reader cancels, and is the whole view, as CSV or JSON.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { exportChunks, pullStream } from '@/lib/api/exports'
import { db } from '@/lib/db'
import { day } from '@/lib/domain/partial-date'
import { parseCaseQuery } from '@/lib/validation/case-filters'
import { createCase } from '../support/factories'

const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('pullStream', () => {
  it('asks for a chunk only when the reader has taken the one before (one waiting at most), and stops when cancelled', async () => {
    let asked = 0
    let done = false
    const stream = pullStream(
      async () => `chunk ${++asked}`,
      async () => {
        done = true
      },
    )
    await tick()
    expect(asked).toBe(1)
    const reader = stream.getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('chunk 1')
    await tick()
    expect(asked).toBe(2)
    await reader.read()
    await reader.read()
    await tick()
    expect(asked).toBe(4)
    await reader.cancel()
    expect(done).toBe(true)
  })
})

describe('exportChunks', () => {
  const now = new Date('2026-12-01T10:00:00Z')
  const drain = async (next: () => Promise<string | null>) => {
    let text = ''
    for (let c = await next(); c !== null; c = await next()) text += c
    return text
  }

  it('writes every case of the view, in the dashboard’s order, never a draft (CSV)', async () => {
    for (let i = 1; i <= 3; i++) await createCase(db, { title: `Case ${i}`, events: [{ kind: 'INVESTIGATION_OPENED', date: day(2020, i, 1) }] })
    await createCase(db, { title: 'Draft', published: false })
    const csv = await drain(exportChunks(parseCaseQuery({}).query, 'csv', { siteUrl: 'https://casebook.example', now }).next)
    const rows = parse(csv, { bom: true }) as string[][]
    expect(rows.map((r) => r[0])).toEqual(['Case', 'Case 3', 'Case 2', 'Case 1'])
  })

  it('writes one JSON document with the view, the cases and their count, also for an empty view', async () => {
    await createCase(db, { title: 'Only one' })
    const query = parseCaseQuery({ sort: 'title' }).query
    const doc = JSON.parse(await drain(exportChunks(query, 'json', { siteUrl: 'https://x', now }).next))
    expect(doc).toMatchObject({ view: '/?sort=title', exportedAt: now.toISOString(), total: 1, cases: [{ title: 'Only one' }] })
    const empty = JSON.parse(await drain(exportChunks(parseCaseQuery({ person: 'nobody' }).query, 'json', { siteUrl: 'https://x', now }).next))
    expect(empty).toMatchObject({ cases: [], total: 0 })
    const emptyCsv = await drain(exportChunks(parseCaseQuery({ person: 'nobody' }).query, 'csv', { siteUrl: 'https://x', now }).next)
    expect(parse(emptyCsv, { bom: true })).toHaveLength(1)
  })
})
