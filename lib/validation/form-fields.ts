// Building blocks for the editor's record forms. Every form posts flat strings
// (FormData); these turn them into typed values with one clear message per field.
// Shared by browser and server (no server imports): the browser runs the same schema
// before submitting, the server action runs it again.
import { z } from '@/lib/validation/zod'
import { DATE_PRECISIONS, parsePartialDate, type DatePrecision, type DateOrder, type PartialDate } from '@/lib/domain/partial-date'

/** How a form field is drawn. Options for reference fields come from the page (`optionsKey`). */
export type FieldSpec = {
  name: string
  label: string
  hint?: string
  required?: boolean
  /** `checkboxes`: one box per option, all ticked values posted under the name (a list field: one record saved per box, lib/validation/records.ts `BATCH_FORMS`). */
  input: 'text' | 'textarea' | 'url' | 'select' | 'checkbox' | 'checkboxes' | 'date'
  /** Fixed choices (enums). */
  options?: readonly { value: string; label: string }[]
  /** Choices the page loads (people, sources, ...). */
  optionsKey?: string
  /** For selects: the label of the empty choice, when the field may be left empty. */
  emptyOption?: string
  rows?: number
  /** Drawn only while the checkbox field of this name is ticked (its value is ignored otherwise). */
  shownWhen?: string
  /** Drawn with the fields next to it that share the group, under the group's legend (an add form's "Source", a version of a disputed fact). */
  group?: FieldGroupSpec
}

/** A set of fields drawn together; `name` tells consecutive groups apart. */
export type FieldGroupSpec = { name: string; legend: string; hint?: string }

/**
 * A choice. `group`: the heading it is listed under (an optgroup, or a fieldset's group of boxes); `note`: a few words shown after a box's label;
 * `aliases`: the other names a searchable picker also finds it under (a person's or an organisation's spellings).
 */
export type SelectOption = { value: string; label: string; group?: string; note?: string; aliases?: string[] }

export function enumOptions<T extends string>(labels: Record<T, string>): SelectOption[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }))
}

// Control characters other than tab and newlines never belong in a record.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// Half of a surrogate pair (half an emoji): SQLite would store it as three U+FFFD, so
// the text stored would differ from the text checked (and could exceed its maximum).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function cleaned(max: number, label: string) {
  return z
    .string({ error: `Enter ${label}.` })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .refine((s) => !CONTROL.test(s), { message: `${capitalise(label)} contains characters that cannot be stored (control characters).` })
    .refine((s) => !LONE_SURROGATE.test(s), { message: `${capitalise(label)} contains characters that cannot be stored (a broken character, such as half of an emoji).` })
    .refine((s) => s.length <= max, { message: `${capitalise(label)} is too long: at most ${max.toLocaleString('en')} characters.` })
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

// Characters that show nothing: format characters (zero-width spaces and joiners,
// bidi controls and overrides, the BOM), whitespace, and combining marks on nothing.
const INVISIBLE = /^[\p{Cf}\p{Z}\s\p{M}]*$/u

/** Required text, trimmed. `label` reads in a sentence: "a title". */
export function requiredText(label: string, max = 300) {
  return cleaned(max, label)
    .refine((s) => s.length > 0, { message: `Enter ${label}.` })
    .refine((s) => s.length === 0 || !INVISIBLE.test(s), { message: `${capitalise(label)} shows nothing: it is made only of invisible characters (zero-width or direction marks). Type the visible text.` })
}

/** Optional text: empty becomes "". */
export function optionalText(label: string, max = 5000) {
  return z.preprocess((v) => v ?? '', cleaned(max, label))
}

/** Optional text stored as null when empty. */
export function nullableText(label: string, max = 300) {
  return optionalText(label, max).transform((s) => (s === '' ? null : s))
}

/** One of an enum's values; `label` reads in a sentence: "a kind". */
export function enumField<T extends string>(values: readonly [T, ...T[]], label: string) {
  return z.enum(values, { error: `Choose ${label}.` })
}

/** An optional enum: the empty choice becomes null. */
export function optionalEnum<T extends string>(values: readonly [T, ...T[]], label: string) {
  return z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(values, { error: `Choose ${label}, or leave it empty.` }).nullable())
}

/** A record id chosen in a select. */
export function refId(label: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v),
    z
      .number({ error: `Choose ${label}.` })
      .int()
      .positive({ error: `Choose ${label}.` })
      .max(2 ** 31 - 1, { error: `Choose ${label}.` }),
  )
}

/** An optional record id: empty becomes null. */
export function optionalRefId(label: string) {
  return z.preprocess((v) => (v === '' || v === undefined ? null : v), refId(label).nullable())
}

/** An optional whole number from 0 to `max` (a length, an amount): empty becomes null. */
export function optionalWholeNumber(label: string, max: number) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? null : typeof v === 'string' && /^\s*\d{1,10}\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: `Give ${label} as a whole number, or leave it empty.` })
      .int({ error: `Give ${label} as a whole number, or leave it empty.` })
      .min(0, { error: `Give ${label} as a whole number, or leave it empty.` })
      .max(max, { error: `${capitalise(label)} can be at most ${max.toLocaleString('en-GB')}.` })
      .nullable(),
  )
}

/** A checkbox: present ("on") is true, absent is false. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean())

/** A hidden record version (optimistic locking). */
export const versionField = z.preprocess((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v), z.number({ error: 'This form is missing the record version. Reload the page.' }).int().min(1))

export const summaryField = optionalText('the edit summary', 500)

/** A URL for people to follow: http(s) only, never javascript: and friends. */
export function urlField(label: string, { required }: { required: boolean }) {
  return optionalText(label, 2000).superRefine((s, ctx) => {
    if (s === '') {
      if (required) ctx.addIssue({ code: 'custom', message: `Enter ${label}.` })
      return
    }
    let url: URL
    try {
      url = new URL(s)
    } catch {
      ctx.addIssue({ code: 'custom', message: `Enter ${label} as a full address starting with https://.` })
      return
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: `${capitalise(label)} must start with https:// or http://.` })
    }
  })
}

// ---------------------------------------------------------------------------
// Dates with precision. A date field `opened` posts four values:
//   opened           what the editor typed: "10 March 2019", "April 2020", "04/02/2021"
//   openedOrder      "" | "DMY" | "MDY": how to read an all-numeric date
//   openedPrecision  "" (as typed) | DAY | MONTH | SEASON | YEAR
//   openedApprox     "on" for "c." dates

export const DATE_ORDER_OPTIONS: SelectOption[] = [
  { value: '', label: 'Not numeric / not needed' },
  { value: 'DMY', label: 'Day first (04/02/2021 = 4 February)' },
  { value: 'MDY', label: 'Month first (04/02/2021 = 2 April)' },
]

export const DATE_PRECISION_OPTIONS: SelectOption[] = [
  { value: '', label: 'As typed' },
  { value: 'DAY', label: 'Day' },
  { value: 'MONTH', label: 'Month' },
  { value: 'SEASON', label: 'Season' },
  { value: 'YEAR', label: 'Year' },
]

const PRECISION_RANK: Record<DatePrecision, number> = { DAY: 0, MONTH: 1, SEASON: 2, YEAR: 3 }

/** A coarser reading of a date: "10 March 2019" to the month is "March 2019". */
function coarsen(d: PartialDate, to: DatePrecision): PartialDate {
  const y = d.at.getUTCFullYear()
  const at = new Date(0)
  if (to === 'MONTH') at.setUTCFullYear(y, d.at.getUTCMonth(), 1)
  else if (to === 'YEAR') at.setUTCFullYear(y, 0, 1)
  else return d
  return { at, precision: to, approx: d.approx }
}

export type DateFieldInput = { text: string; order: string; precision: string; approx: boolean }

/** The editor's typed date read with their precision, or a message for the field. */
export function readDateField(input: DateFieldInput, label: string, required: boolean): { ok: true; date: PartialDate | null } | { ok: false; message: string } {
  const text = input.text.trim()
  if (text === '') return required ? { ok: false, message: `Enter ${label}.` } : { ok: true, date: null }
  if (text.length > 100) return { ok: false, message: `${capitalise(label)} is too long to be a date.` }
  const order = input.order === 'DMY' || input.order === 'MDY' ? (input.order as DateOrder) : undefined
  const parsed = parsePartialDate(text, order)
  if (!parsed.ok) return { ok: false, message: parsed.message }
  let date: PartialDate = { ...parsed.date, approx: parsed.date.approx || input.approx }
  const wanted = (DATE_PRECISIONS as readonly string[]).includes(input.precision) ? (input.precision as DatePrecision) : null
  if (wanted && wanted !== date.precision) {
    if (PRECISION_RANK[wanted] < PRECISION_RANK[date.precision]) {
      return {
        ok: false,
        message: `You chose ${wanted.toLowerCase()} precision but typed only ${date.precision === 'SEASON' ? 'a season' : `a ${date.precision.toLowerCase()}`}. Type the full date, or choose “As typed”.`,
      }
    }
    if (wanted === 'SEASON') return { ok: false, message: 'To give a season, type it: “spring 2020”.' }
    date = coarsen(date, wanted)
  }
  return { ok: true, date }
}

type DateFieldOptions = { label: string; required: boolean }

const DATE_SUFFIXES = ['Order', 'Precision', 'Approx'] as const

/** One date field, once its four posted values are gathered under its name. */
function dateField({ label, required }: DateFieldOptions) {
  return z.object({ text: z.string(), order: z.string(), precision: z.string(), approx: z.string() }).transform((v, ctx): PartialDate | null => {
    const read = readDateField({ ...v, approx: v.approx === 'on' || v.approx === 'true' }, label, required)
    if (read.ok) return read.date
    ctx.issues.push({ code: 'custom', message: read.message, input: v.text })
    return z.NEVER
  })
}

const asText = (v: unknown): string => {
  if (typeof v === 'string') return v
  if (v === undefined || v === null) return ''
  // Never throw from safeParse: an object without toString (Object.create(null)) cannot
  // be converted; any text that is not a date gets the field's usual message.
  try {
    return String(v)
  } catch {
    return '?'
  }
}

/**
 * A record schema with date fields: `shape` holds the plain fields, `dates` the date
 * fields by name. Each date posts four values (see above); they are gathered under the
 * date's name before parsing, so that a wrong date is reported on its own field
 * together with every other field's problem, in one pass.
 */
export function recordSchema<S extends z.ZodRawShape, D extends Record<string, DateFieldOptions>>(shape: S, dates: D) {
  const dateShape = Object.fromEntries(Object.entries(dates).map(([name, options]) => [name, dateField(options)])) as {
    [K in keyof D]: ReturnType<typeof dateField>
  }
  return z.preprocess(
    (raw) => {
      if (typeof raw !== 'object' || raw === null) return raw
      const input = raw as Record<string, unknown>
      const out: Record<string, unknown> = { ...input }
      for (const name of Object.keys(dates)) {
        out[name] = { text: asText(input[name]), order: asText(input[`${name}Order`]), precision: asText(input[`${name}Precision`]), approx: asText(input[`${name}Approx`]) }
        for (const suffix of DATE_SUFFIXES) delete out[`${name}${suffix}`]
      }
      return out
    },
    z.object({ ...shape, ...dateShape }),
  )
}

/** The four form values for a stored date (for edit forms and diffs). */
export function dateFormValues(name: string, date: PartialDate | null, format: (d: PartialDate) => string): Record<string, string> {
  if (!date) return { [name]: '', [`${name}Order`]: '', [`${name}Precision`]: '', [`${name}Approx`]: '' }
  // The text is written without "c.": the checkbox carries it.
  return { [name]: format({ ...date, approx: false }), [`${name}Order`]: '', [`${name}Precision`]: '', [`${name}Approx`]: date.approx ? 'on' : '' }
}
