import { formatPartialDate, type PartialDate } from '@/lib/domain/partial-date'

// What the data layer's DTOs become on the wire: a Date is an ISO timestamp, and a
// date with precision (lib/domain/partial-date.ts) is its first day, its precision
// and the words the site shows, never a finer date than the source gave. The API's
// schemas (lib/validation/api.ts) then keep only what they name.

export type ApiDate = { start: string; precision: PartialDate['precision']; approx: boolean; text: string }

export function toApiDate(d: PartialDate): ApiDate {
  return { start: d.at.toISOString().slice(0, 10), precision: d.precision, approx: d.approx, text: formatPartialDate(d) }
}

function isPartialDate(value: object): value is PartialDate {
  return 'at' in value && value.at instanceof Date && 'precision' in value && 'approx' in value && Object.keys(value).length === 3
}

/** A DTO as JSON values: dates with precision as ApiDate, other Dates as ISO strings. */
export function toApiJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(toApiJson)
  if (value !== null && typeof value === 'object') {
    if (isPartialDate(value)) return toApiDate(value)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toApiJson(v)]))
  }
  return value
}
