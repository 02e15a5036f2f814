import { z } from '@/lib/validation/zod'

// The API's page cursors: opaque to clients (base64url of a small JSON value), read
// back through a schema so that a cursor edited by hand, truncated or taken from
// another list or another sort is a clear 400, never a query on a wrong value.

const CaseCursorSchema = z.object({ s: z.string(), v: z.union([z.string().max(1000), z.null()]), i: z.int().positive() })
const IdCursorSchema = z.object({ i: z.int().positive() })

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function decode(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/** A case-list cursor for `sort`: the last row's sort value and id, or null if it is not one. */
export function decodeCaseCursor(token: string, sort: string): { value: string | null; id: number } | null {
  const parsed = CaseCursorSchema.safeParse(decode(token))
  if (!parsed.success || parsed.data.s !== sort) return null
  const { v, i } = parsed.data
  // Titles are never null; dates must read as dates.
  if (sort === 'title' ? v === null : v !== null && Number.isNaN(Date.parse(v))) return null
  return { value: v, id: i }
}

export function encodeCaseCursor(sort: string, cursor: { value: string | null; id: number }): string {
  return encodeCursor({ s: sort, v: cursor.value, i: cursor.id })
}

export function decodeIdCursor(token: string): number | null {
  const parsed = IdCursorSchema.safeParse(decode(token))
  return parsed.success ? parsed.data.i : null
}
