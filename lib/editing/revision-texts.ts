// Long texts in revision snapshots, stored once by their content (decision 010).
//
// A snapshot keeps every column of a record, and a source's text can be ~500,000
// characters: stored inline, every edit of its title would store it twice more. So a
// string longer than LONG_TEXT is stored once in RevisionText under the SHA-256 of its
// UTF-8 bytes, and the snapshot's JSON holds {"$text": "<hash>"} in its place. An edit
// that leaves the text alone refers to the row already there; one that changes it adds
// one row. Readers get the snapshot back with the texts in place, whatever its age:
// older snapshots hold their texts inline, and no stored column value is ever an
// object, so a reference cannot be mistaken for a value.
import { createHash } from 'node:crypto'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Tx } from './kinds'
import type { Snapshot } from './snapshot'

/** Strings longer than this (in UTF-16 code units, as `length` counts) are stored by reference. */
export const LONG_TEXT = 4096

type TextRef = { $text: string }

const HASH = /^[0-9a-f]{64}$/

function isRef(value: unknown): value is TextRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === '$text' && typeof (value as TextRef).$text === 'string' && HASH.test((value as TextRef).$text)
}

const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** The texts one write refers to, by hash. */
export type TextsToStore = Map<string, string>

/**
 * The snapshot as stored: JSON with each long string replaced by a reference, the
 * string itself added to `texts`. A string that is not well-formed UTF-16 (half of a
 * surrogate pair) stays inline: UTF-8 would not keep it exactly, so neither its hash
 * nor a TEXT column would stand for it.
 */
export function encodeSnapshot(snapshot: Snapshot, texts: TextsToStore): string {
  return JSON.stringify(snapshot, (_key, value: unknown) => {
    if (typeof value !== 'string' || value.length <= LONG_TEXT || !value.isWellFormed()) return value
    const hash = hashOf(value)
    texts.set(hash, value)
    return { $text: hash } satisfies TextRef
  })
}

/** Stores the texts not stored yet, in the caller's transaction: one look-up, at most one insert. */
export async function storeTexts(tx: Tx, texts: TextsToStore): Promise<void> {
  if (texts.size === 0) return
  const stored = await tx.revisionText.findMany({ where: { hash: { in: [...texts.keys()] } }, select: { hash: true } })
  const have = new Set(stored.map((s) => s.hash))
  const missing = [...texts].filter(([hash]) => !have.has(hash))
  if (missing.length === 0) return
  // ON CONFLICT (SQLite and PostgreSQL alike): should another transaction store the
  // same text between the look-up and here, its row is the same row, not an error.
  await tx.$executeRaw`INSERT INTO "RevisionText" ("hash", "text") VALUES ${Prisma.join(missing.map(([hash, text]) => Prisma.sql`(${hash}, ${text})`))} ON CONFLICT ("hash") DO NOTHING`
}

function replaceRefs(value: unknown, texts: ReadonlyMap<string, string>): unknown {
  if (isRef(value)) {
    const text = texts.get(value.$text)
    if (text === undefined) throw new Error(`A revision refers to a text that is not stored (RevisionText ${value.$text}).`)
    return text
  }
  if (Array.isArray(value)) return value.map((v) => replaceRefs(v, texts))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceRefs(v, texts)]))
  return value
}

/**
 * Stored snapshots (Revision.before / after) decoded, with their texts in place: one
 * query for the texts of all of them, none when they refer to none (old snapshots
 * hold their texts inline). `null` stays `null`.
 */
export async function readSnapshots(client: Tx, stored: readonly (string | null)[]): Promise<(Snapshot | null)[]> {
  const hashes = new Set<string>()
  const parsed = stored.map((json) => {
    if (json === null) return { snapshot: null, refers: false }
    let refers = false
    const snapshot = JSON.parse(json, (_key, value: unknown) => {
      if (isRef(value)) {
        hashes.add(value.$text)
        refers = true
      }
      return value
    }) as Snapshot
    return { snapshot, refers }
  })
  if (hashes.size === 0) return parsed.map((p) => p.snapshot)
  const rows = await client.revisionText.findMany({ where: { hash: { in: [...hashes] } } })
  const texts = new Map(rows.map((r) => [r.hash, r.text]))
  return parsed.map((p) => (p.refers ? (replaceRefs(p.snapshot, texts) as Snapshot) : p.snapshot))
}

/** One stored snapshot, decoded with its texts in place. */
export async function readSnapshot(client: Tx, stored: string | null): Promise<Snapshot | null> {
  return (await readSnapshots(client, [stored]))[0] ?? null
}
