// Property tests (fast-check): random and hostile input into every record schema, the
// save envelope, and the write engine (lib/editing/write.ts) against a real SQLite
// database. What must hold for any input at all:
//   - the schemas never throw; a failure names a field of the form (or the form) with
//     a message an editor can read; a success is trimmed, free of control characters,
//     within each field's maximum length, with real dates and ids in range;
//   - a stored date, shown in the form, reads back as the same date (years 1-9999);
//   - saveRecord never throws for an editor; a refusal writes nothing (every table's
//     row count unchanged, the record as it was); a save writes exactly one revision
//     and one audit entry, stores the text as the schema passed it, and what it stored
//     loads back into the form and saves again as "nothing changed";
//   - for anyone who is not an editor, saveRecord throws NotAuthorizedError, whatever
//     the input, and writes nothing.
// fast-check prints the seed and the shrunk counterexample of any failure; rerun it with
// fc.assert(..., { seed, path }).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { db } from '@/lib/db'
import { day, formatPartialDate, isValidPartialDate, month, season, SEASONS, year, type PartialDate } from '@/lib/domain/partial-date'
import { KINDS, type Row, type Tx } from '@/lib/editing/kinds'
import { NotAuthorizedError, saveRecord, type Actor, type WriteResult } from '@/lib/editing/write'
import { dateFormValues, readDateField } from '@/lib/validation/form-fields'
import { EditEnvelopeSchema, ENTITIES, RECORD_FIELDS, RECORD_SCHEMAS, type Entity } from '@/lib/validation/records'
import { createCase, createCaseRelation, createConflict, createOrganisation, createPerson, createProvision, createSource } from '../support/factories'
import { countAllTables, countChanges } from '../support/table-counts'

// Modest by default so the file stays quick; PROPERTY_RUNS=20 runs twenty times as many.
const SCALE = Number(process.env.PROPERTY_RUNS ?? 1)
const RUNS = { schema: 100 * SCALE, envelope: 200 * SCALE, engine: 50 * SCALE, unauthorized: 50 * SCALE }

// ---------------------------------------------------------------------------
// What the schemas promise

/** Each text field's maximum length, as lib/validation/records.ts sets it. */
const MAX_LENGTH: Record<Entity, Record<string, number>> = {
  case: { title: 200, slug: 120, jurisdiction: 10, caseNumber: 100, summary: 5000 },
  person: { name: 200, slug: 120, description: 5000 },
  organisation: { name: 200, slug: 120, country: 2, description: 5000 },
  provision: { jurisdiction: 10, code: 100, article: 20, part: 20, paragraph: 20, title: 300, slug: 120, description: 5000 },
  source: { url: 2000, title: 500, publisher: 200, authors: 500, language: 35, publishedAsPrinted: 100, dateNote: 1000, archiveUrl: 2000, description: 2000, text: 500_000 },
  alias: { name: 200, script: 35 },
  party: { outcome: 500, note: 2000 },
  charge: { description: 1000 },
  event: { title: 300, description: 5000 },
  stage: { courtName: 300, note: 2000 },
  decision: { sentenceNote: 500 },
  citation: { quote: 1000, translation: 2000, locator: 200 },
  relation: { note: 1000 },
  conflict: { subject: 300, note: 2000 },
  conflictVersion: { statement: 1000 },
}

const MAX_ID = 2 ** 31 - 1
/** Numbers that are not ids: a decision's lengths and amounts (0 is a value). */
const WHOLE_NUMBER_FIELDS = new Set(['sentenceYears', 'sentenceExtraMonths', 'fineAmount', 'banYears', 'banExtraMonths'])
// The characters lib/validation/form-fields.ts refuses.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** zod's built-in English messages: fine for developers, not for an editor's form. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid input|Invalid option|Invalid string|Invalid key|Too small|Too big|Unrecognized key)/

type ZodInternals = { _zod: { def: { type: string; in?: ZodInternals; out?: ZodInternals; shape?: Record<string, ZodInternals> } } }

/** The object schema under a schema's preprocessing, transforms and refinements, if any. */
function objectOf(s: ZodInternals): ZodInternals | null {
  const def = s._zod.def
  if (def.type === 'object') return s
  if (def.type === 'pipe') return objectOf(def.in!) ?? objectOf(def.out!)
  return null
}

const DATE_PARTS = ['Order', 'Precision', 'Approx']

/**
 * A record form's fields (what an error may name), its date fields, and every name it
 * posts (a date posts its text and three parts: opened, openedOrder, ...).
 */
function formFields(entity: Entity): { fields: string[]; dates: string[]; posted: string[] } {
  const shape = objectOf(RECORD_SCHEMAS[entity] as unknown as ZodInternals)?._zod.def.shape
  if (!shape) throw new Error(`${entity}: not an object schema`)
  const fields = Object.keys(shape)
  const dates = fields.filter((k) => 'order' in (objectOf(shape[k]!)?._zod.def.shape ?? {}))
  return { fields, dates, posted: [...fields, ...dates.flatMap((d) => DATE_PARTS.map((p) => d + p))] }
}

function isPartialDate(v: unknown): v is PartialDate {
  return typeof v === 'object' && v !== null && 'at' in v && 'precision' in v && (v as PartialDate).at instanceof Date
}

function expectGoodIssues(error: z.ZodError, allowed: Set<string>, formShaped: boolean) {
  expect(error.issues.length).toBeGreaterThan(0)
  for (const issue of error.issues) {
    expect(typeof issue.message).toBe('string')
    expect(issue.message.trim()).not.toBe('')
    // One level: a field of the form, or the form itself (an empty path or "_form").
    expect(issue.path.length).toBeLessThanOrEqual(1)
    if (issue.path.length && issue.path[0] !== '_form') expect(allowed, `issue path ${String(issue.path[0])}`).toContain(String(issue.path[0]))
    if (formShaped) expect(issue.message).not.toMatch(ZOD_DEFAULT_MESSAGE)
  }
}

function expectGoodOutput(entity: Entity, data: Record<string, unknown>) {
  const { fields, dates } = formFields(entity)
  // Nothing beyond the form's own fields survives (no __proto__, constructor, extra keys).
  for (const key of Object.keys(data)) expect(fields).toContain(key)
  expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') {
      expect(value, `${entity}.${key} is trimmed`).toBe(value.trim())
      expect(CONTROL.test(value), `${entity}.${key} has no control characters`).toBe(false)
      expect(LONE_SURROGATE.test(value), `${entity}.${key} is well-formed UTF-16`).toBe(false)
      expect(value.includes('\r'), `${entity}.${key} has only \\n line breaks`).toBe(false)
      const choices = RECORD_FIELDS[entity].find((f) => f.name === key)?.options
      if (choices) {
        expect(
          choices.map((o) => o.value),
          `${entity}.${key} is one of its choices`,
        ).toContain(value)
        continue
      }
      const max = MAX_LENGTH[entity][key]
      expect(max, `${entity}.${key}: a text field without a known maximum`).toBeDefined()
      expect(value.length, `${entity}.${key} is within its maximum`).toBeLessThanOrEqual(max!)
    } else if (dates.includes(key)) {
      if (value === null) continue
      expect(isPartialDate(value), `${entity}.${key} is a date`).toBe(true)
      const d = value as PartialDate
      expect(isValidPartialDate(d), `${entity}.${key} is a valid date`).toBe(true)
      expect(d.at.getUTCFullYear()).toBeGreaterThanOrEqual(1)
      expect(d.at.getUTCFullYear()).toBeLessThanOrEqual(9999)
    } else if (typeof value === 'number' && WHOLE_NUMBER_FIELDS.has(key)) {
      expect(Number.isSafeInteger(value) && value >= 0 && value <= 1_000_000_000, `${entity}.${key} = ${value} is a whole number in range`).toBe(true)
    } else if (typeof value === 'number') {
      expect(Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID, `${entity}.${key} = ${value} is an id in range`).toBe(true)
    } else if (typeof value === 'object' && value !== null) {
      // who / owner / target: { kind, id } or { kind: 'case', field }
      const ref = value as { kind: string; id?: number; field?: string }
      expect(typeof ref.kind).toBe('string')
      if ('id' in ref) expect(Number.isSafeInteger(ref.id) && ref.id! >= 1 && ref.id! <= MAX_ID, `${entity}.${key}.id = ${ref.id} is an id in range`).toBe(true)
    } else {
      expect(['boolean', 'object'].includes(typeof value), `${entity}.${key}: ${typeof value}`).toBe(true) // booleans, nulls
    }
  }
}

// ---------------------------------------------------------------------------
// Hostile values

const SPECIAL_VALUES = [
  '',
  ' ',
  '  \t\n  ',
  '\r\n',
  '\r',
  'a\r\nb',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u001b[31mred',
  '\u007f',
  '\u0085',
  '\u00a0x\u00a0',
  '\u2028',
  '\ufeff',
  '\u200b',
  '\u202egnp.exe',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '😀',
  'e\u0301',
  'Ǆ',
  'ß',
  'ſſ',
  'ı',
  'Ⅻ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '\'; DROP TABLE "Case"; --',
  "1' OR '1'='1",
  'SELECT * FROM "User"',
  '%',
  '_',
  '\\',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{"__proto__":{"polluted":1}}',
  '[object Object]',
  'undefined',
  'null',
  '0',
  '-1',
  '1',
  '01',
  '1.5',
  '1e3',
  '0x10',
  'NaN',
  'Infinity',
  '-0',
  '+1',
  ' 1 ',
  '2147483647',
  '2147483648',
  '9999999999',
  '99999999999',
  '9007199254740993',
  '04/02/2021',
  '2021-02-30',
  '31/31/2031',
  '0000',
  '99999',
  '2021-13',
  '2021-00',
  '29 February 2021',
  '29 February 2020',
  'c. 2001',
  'spring 2020',
  'fall of 2020',
  'winter 9999',
  '9999-12-31',
  '0001',
  '0999',
  'spring 0999',
  'c.',
  'April',
  'Smarch 2020',
  '10 March 2019',
  'March 10th, 2019',
  '1.2.2021',
  '13/12/2020',
  'on',
  'true',
  'false',
  'off',
  'DMY',
  'MDY',
  'DAY',
  'MONTH',
  'SEASON',
  'YEAR',
  'CRIMINAL',
  'INVESTIGATION',
  'DEFENDANT',
  'ARREST',
  'kz',
  'KZ',
  'UN',
  'XXXXXXXXXXX',
  'en',
  'en-GB',
  'Latn',
  'person:1',
  'organisation:1',
  'person:0',
  'person:2147483648',
  'person:9999999999',
  'organisation:9999999999',
  'person:-1',
  'person: 1',
  'case:summary',
  'case:status',
  'case:title',
  'case:other',
  'event:1',
  'event:0',
  'event:9999999999',
  'party:2147483648',
  'charge:4294967296',
  'conflictVersion:9999999999',
  'https://example.org/a',
  'http://www.Example.org:80/a/?utm_source=x&b=2&a=1#frag',
  'HTTPS://EXAMPLE.ORG',
  'ftp://x.org',
  'https://',
  'https://ex ample.org',
  'https://例え.jp/パス',
  'https://user:pass@example.org/',
  `https://example.org/${'😀'.repeat(600)}`,
  `https://example.org/${'a'.repeat(1990)}`,
  'a-b-c',
  'bilash-2020',
  '-a',
  'a--b',
  'A',
  'a_b',
]

/** Lengths either side of every maximum the schemas set. */
const BOUNDARY_LENGTHS = [2, 3, 10, 11, 20, 21, 35, 36, 100, 101, 120, 121, 200, 201, 300, 301, 500, 501, 1000, 1001, 2000, 2001, 5000, 5001, 500_000, 500_001]

const controlChar = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c))

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_VALUES) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ unit: controlChar, minLength: 1 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...BOUNDARY_LENGTHS), fc.constantFrom('a', 'é', '😀', ' ', '\u0000', '-', '\ud800'), fc.constantFrom('', ' ', '\n')).map(([n, c, pad]) => pad + c.repeat(n) + pad),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SPECIAL_VALUES), fc.string(), fc.constantFrom(...SPECIAL_VALUES)).map((parts) => parts.join('')) },
)

/** Keys an attacker might post besides the form's own. */
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isAdmin', 'role', 'id', 'version', 'deletedAt', 'publishedAt']

/** An object with these own properties (an own "__proto__" too, as JSON.parse makes). */
function ownProps(entries: [string, unknown][], base: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
  return out
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()

function expectNoPollution() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

// ---------------------------------------------------------------------------
// 1. Every record schema

/** Form values that pass, so that mutations of them reach every refinement. */
const VALID_FORM: Record<Entity, Record<string, string>> = {
  case: { title: 'Bilash: inciting discord', kind: 'CRIMINAL', jurisdiction: 'kz', opened: 'March 2020', statusOverride: 'CHARGED', statusOverrideAsOf: 'February 2021' },
  person: { name: 'Aigerim', slug: 'aigerim', description: 'Activist.' },
  organisation: { name: 'Almaty police', kind: 'POLICE', country: 'kz' },
  provision: { jurisdiction: 'KZ', code: 'Criminal Code', article: '174', title: 'Inciting discord' },
  source: { url: 'https://example.org/a', title: 'Article', publisher: 'Example News', language: 'en', published: '04/02/2021', publishedOrder: 'DMY' },
  alias: { owner: 'person:1', name: 'Айгерим', script: 'Cyrl', kind: 'TRANSLITERATION' },
  party: { caseId: '1', who: 'person:1', role: 'DEFENDANT', situation: 'DETAINED', situationAsOf: '2020' },
  charge: { caseId: '1', partyId: '1', provisionId: '1', disposition: 'PENDING', dispositionAsOf: 'spring 2020' },
  event: { caseId: '1', kind: 'ARREST', occurred: '10 March 2020', occurredApprox: 'on', title: 'Arrested' },
  stage: { caseId: '1', kind: 'APPEAL', courtName: 'Almaty City Court', decided: 'March 2020' },
  decision: { caseId: '1', stageId: '1', partyId: '1', decision: 'CHANGED', sentenceKind: 'RESTRICTED_FREEDOM', sentenceYears: '3', banYears: '7', deportation: 'on', sentenceNote: 'as reported' },
  citation: { caseId: '1', target: 'event:1', sourceId: '1', quote: 'was detained', locator: 'para. 3' },
  relation: { caseId: '1', toCaseId: '2', kind: 'APPEAL_OF' },
  conflict: { caseId: '1', eventId: '1', subject: 'What he was charged with' },
  conflictVersion: { caseId: '1', conflictId: '1', statement: 'Article 174', preferred: 'on' },
}

/** Form-shaped input: the valid values with some replaced, dropped, or joined by extra keys. */
function formInput(entity: Entity): fc.Arbitrary<Record<string, unknown>> {
  const { posted } = formFields(entity)
  const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...posted) }, { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS) }, { weight: 1, arbitrary: fc.string() })
  const value = fc.oneof({ weight: 9, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constant(undefined) })
  return fc.array(fc.tuple(key, value), { maxLength: 5 }).map((changes) => {
    const out = ownProps(changes.filter(([, v]) => v !== undefined) as [string, string][], VALID_FORM[entity])
    for (const [k, v] of changes) if (v === undefined) delete out[k]
    return out
  })
}

/** Anything at all: not an object, wrong types, nested values, null prototypes. */
const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withObjectString: true, withTypedArray: true, withSparseArray: true }),
  fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...POLLUTION_KEYS)), fc.anything({ withNullPrototype: true, withBigInt: true }), { maxKeys: 8 }),
)

describe('every record schema, on random and hostile input', () => {
  it('has a known maximum length for each text field and a valid example', () => {
    for (const entity of ENTITIES) {
      const parsed = RECORD_SCHEMAS[entity].safeParse(VALID_FORM[entity])
      expect(parsed.error?.issues, entity).toBeUndefined()
      expectGoodOutput(entity, parsed.data as Record<string, unknown>)
    }
  })

  it.each(ENTITIES)('%s: form-shaped input never throws; failures name a field with a message; successes are clean', (entity) => {
    const schema = RECORD_SCHEMAS[entity]
    const allowed = new Set(formFields(entity).fields)
    fc.assert(
      fc.property(formInput(entity), (input) => {
        const parsed = schema.safeParse(input)
        // Form input is all strings: every message is ours, on a field the form shows.
        if (!parsed.success) expectGoodIssues(parsed.error, allowed, true)
        else expectGoodOutput(entity, parsed.data as Record<string, unknown>)
      }),
      { numRuns: RUNS.schema },
    )
    expectNoPollution()
  })

  it.each(ENTITIES)('%s: input of any type never throws; failures name a field or the form', (entity) => {
    const schema = RECORD_SCHEMAS[entity]
    const { fields, posted } = formFields(entity)
    const allowed = new Set(fields)
    // Values of any type under the form's own names too, where the schema reads them.
    const named = fc.dictionary(fc.constantFrom(...posted), fc.anything({ withNullPrototype: true, withBigInt: true, withObjectString: true }), { maxKeys: 6 })
    fc.assert(
      fc.property(fc.oneof(anyInput, named), (input) => {
        const parsed = schema.safeParse(input)
        if (!parsed.success) expectGoodIssues(parsed.error, allowed, false)
        else expectGoodOutput(entity, parsed.data as Record<string, unknown>)
      }),
      { numRuns: RUNS.schema },
    )
    expectNoPollution()
  })

  it('refuses impossible and ambiguous dates on the date field itself (04/02/2021, 2021-02-30, 31/31/2031, 0000, 99999)', () => {
    const event = (occurred: string, extra: Record<string, string> = {}) => RECORD_SCHEMAS.event.safeParse({ ...VALID_FORM.event, occurred, ...extra })
    expect(event('04/02/2021').error?.issues[0]).toMatchObject({ path: ['occurred'], message: expect.stringMatching(/4 February 2021.*2 April 2021/) })
    expect(event('04/02/2021', { occurredOrder: 'MDY' }).data?.occurred?.at.toISOString()).toBe('2021-04-02T00:00:00.000Z')
    for (const bad of ['2021-02-30', '31/31/2031', '0000', '99999']) {
      expect(
        event(bad).error?.issues.map((i) => i.path),
        bad,
      ).toEqual([['occurred']])
    }
  })
})

describe('a stored date, loaded back into the form', () => {
  const anyDate: fc.Arbitrary<PartialDate> = fc
    .record({
      y: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 1100 })),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
      which: fc.constantFrom(...SEASONS),
      precision: fc.constantFrom('DAY', 'MONTH', 'SEASON', 'YEAR'),
      approx: fc.boolean(),
    })
    .map(({ y, m, d, which, precision, approx }) =>
      precision === 'DAY' ? day(y, m, Math.min(d, 28), approx) : precision === 'MONTH' ? month(y, m, approx) : precision === 'SEASON' ? season(y, which, approx) : year(y, approx),
    )

  it('reads back as the same date, for every year from 1 to 9999', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const form = dateFormValues('occurred', date, formatPartialDate)
        const read = readDateField({ text: form.occurred!, order: form.occurredOrder!, precision: form.occurredPrecision!, approx: form.occurredApprox === 'on' }, 'the date', true)
        expect(read, `${JSON.stringify(form)}`).toEqual({ ok: true, date })
      }),
      { numRuns: RUNS.schema * 5 },
    )
  })

  // Were "1", "spring 999" (which the form refuses) and "5 March 1950" (another date).
  it('keeps every year as typed: "0001", "spring 0999", "0050-03-05" come back as the same date', () => {
    for (const typed of ['0001', 'spring 0999', 'c. 0050', '0999-05', '0050-03-05', 'March 0099', '1 January 0001']) {
      const parsed = RECORD_SCHEMAS.event.safeParse({ ...VALID_FORM.event, occurred: typed })
      expect(parsed.success, typed).toBe(true)
      const again = dateFormValues('occurred', parsed.data!.occurred, formatPartialDate)
      expect(RECORD_SCHEMAS.event.safeParse({ ...VALID_FORM.event, ...again }).data?.occurred, typed).toEqual(parsed.data!.occurred)
    }
  })
})

describe('text that cannot be stored as typed', () => {
  // SQLite stores each lone surrogate (half of an emoji) as three U+FFFD: the stored
  // text would differ from what was checked, and could exceed the maximum length.
  it('is refused with a message on its field: lone surrogates', () => {
    for (const name of ['a\ud800b', 'x\ud83d', '\udfffx', '\ud800'.repeat(100)]) {
      const parsed = RECORD_SCHEMAS.person.safeParse({ name })
      expect(
        parsed.error?.issues.map((i) => [i.path, i.message]),
        JSON.stringify(name),
      ).toEqual([[['name'], expect.stringMatching(/cannot be stored/)]])
    }
    expect(RECORD_SCHEMAS.person.safeParse({ name: 'Aigerim 😀 e\u0301' }).success).toBe(true)
  })
})

describe('a date field posted as something other than text', () => {
  // String(Object.create(null)) throws: safeParse threw a TypeError instead of answering.
  it("gets the field's message, not an exception", () => {
    for (const occurred of [Object.create(null), { toString: null, valueOf: null }, 2021, ['2021'], new Date(0)]) {
      const parsed = RECORD_SCHEMAS.event.safeParse({ ...VALID_FORM.event, occurred })
      if (!parsed.success) expect(parsed.error.issues.map((i) => i.path)).toEqual([['occurred']])
    }
    expect(RECORD_SCHEMAS.event.safeParse({ ...VALID_FORM.event, occurred: Object.create(null) }).error?.issues[0]?.message).toMatch(/not a date/)
  })
})

describe('references chosen in a select', () => {
  it('take only ids a select can hold, as refId does (1 to 2^31-1)', () => {
    const cases: [Entity, string, string][] = [
      ['alias', 'owner', 'person:'],
      ['party', 'who', 'organisation:'],
      ['citation', 'target', 'event:'],
      ['citation', 'target', 'conflictVersion:'],
    ]
    for (const [entity, field, prefix] of cases) {
      const parse = (id: string) => RECORD_SCHEMAS[entity].safeParse({ ...VALID_FORM[entity], [field]: prefix + id })
      for (const id of ['1', '01', String(MAX_ID)]) expect(parse(id).success, `${entity}.${field} = ${prefix}${id}`).toBe(true)
      for (const id of ['0', '00', String(MAX_ID + 1), '9999999999']) {
        expect(
          parse(id).error?.issues.map((i) => i.path),
          `${entity}.${field} = ${prefix}${id}`,
        ).toEqual([[field]])
      }
    }
  })
})

// ---------------------------------------------------------------------------
// 2. The envelope every save posts

describe('EditEnvelopeSchema, on random and hostile input', () => {
  const fields = ['entity', 'id', 'version', 'editSummary']
  const envelope = fc
    .record(
      {
        entity: fc.oneof(fc.constantFrom(...ENTITIES), hostileString),
        id: fc.oneof(fc.constantFrom('', '1', '42', String(MAX_ID)), hostileString),
        version: fc.oneof(fc.constantFrom('', '1', '7'), hostileString),
        editSummary: fc.oneof(fc.constant('Fixed a typo'), hostileString),
      },
      { requiredKeys: [] },
    )
    .chain((r) => fc.array(fc.tuple(fc.constantFrom(...POLLUTION_KEYS), hostileString), { maxLength: 3 }).map((extra) => ownProps(extra, r)))

  it('never throws; failures name one of its fields; successes are in range', () => {
    const check = (input: unknown, formShaped: boolean) => {
      const parsed = EditEnvelopeSchema.safeParse(input)
      if (!parsed.success) {
        // The version is a hidden field: zod's own wording may reach the form there.
        expectGoodIssues(parsed.error, new Set(fields), false)
        if (formShaped) for (const issue of parsed.error.issues) if (issue.path[0] !== 'version') expect(issue.message).not.toMatch(ZOD_DEFAULT_MESSAGE)
        return
      }
      const { entity, id, version, editSummary: summary } = parsed.data
      expect(Object.keys(parsed.data).every((k) => fields.includes(k))).toBe(true)
      expect(ENTITIES).toContain(entity)
      for (const n of [id, version]) if (n !== null) expect(Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID, `${n} in range`).toBe(true)
      expect(summary).toBe(summary.trim())
      expect(summary.length).toBeLessThanOrEqual(500)
      expect(CONTROL.test(summary)).toBe(false)
      expect(LONE_SURROGATE.test(summary)).toBe(false)
    }
    fc.assert(
      fc.property(envelope, (input) => check(input, true)),
      { numRuns: RUNS.envelope },
    )
    fc.assert(
      fc.property(anyInput, (input) => check(input, false)),
      { numRuns: RUNS.envelope },
    )
    expectNoPollution()
  })
})

// ---------------------------------------------------------------------------
// 3. saveRecord, through the engine, on a real database

const editor: Actor = { id: 'u-editor', email: 'editor@example.org', role: 'editor' }
const admin: Actor = { id: 'u-admin', email: 'admin@example.org', role: 'admin' }
const meta = { summary: 'property test', request: { ip: '198.51.100.7', userAgent: 'fast-check' } }

const TABLE: Record<Entity, string> = {
  case: 'Case',
  person: 'Person',
  organisation: 'Organisation',
  provision: 'LegalProvision',
  source: 'Source',
  alias: 'Alias',
  party: 'Party',
  charge: 'Charge',
  event: 'Event',
  stage: 'Stage',
  decision: 'StageDecision',
  citation: 'Citation',
  relation: 'CaseRelation',
  conflict: 'Conflict',
  conflictVersion: 'ConflictVersion',
}

/** One record of every kind, linked as an editor would link them. */
async function world() {
  const source = await createSource(db)
  const provision = await createProvision(db)
  const organisation = await createOrganisation(db)
  const person = await createPerson(db, { aliases: [{ name: 'Aigerim N.' }] })
  const c = await createCase(db, {
    published: false,
    authorityId: organisation.id,
    charges: [{ provisionId: provision.id, description: 'Inciting discord' }],
    events: [{ kind: 'ARREST', date: day(2020, 3, 10), citations: [{ sourceId: source.id }] }],
    summaryCitations: [{ sourceId: source.id }],
  })
  const other = await createCase(db)
  const relation = await createCaseRelation(db, { fromCaseId: c.id, toCaseId: other.id })
  const conflict = await createConflict(db, {
    caseId: c.id,
    versions: [
      { statement: 'Article 174', citations: [] },
      { statement: 'Article 274', citations: [] },
    ],
  })
  const alias = await db.alias.findFirstOrThrow({ where: { personId: person.id } })
  const citation = await db.citation.findFirstOrThrow({ where: { caseId: c.id } })
  const stage = await db.stage.create({ data: { caseId: c.id, kind: 'FIRST_INSTANCE' } })
  const decision = await db.stageDecision.create({ data: { caseId: c.id, stageId: stage.id, partyId: c.partyIds[0]!, decision: 'CONVICTED' } })
  const existing: Record<Entity, number> = {
    case: c.id,
    person: person.id,
    organisation: organisation.id,
    provision: provision.id,
    source: source.id,
    alias: alias.id,
    party: c.partyIds[0]!,
    charge: c.chargeIds[0]!,
    event: c.eventIds[0]!,
    stage: stage.id,
    decision: decision.id,
    citation: citation.id,
    relation: relation.id,
    conflict: conflict.id,
    conflictVersion: conflict.versionIds[0]!,
  }
  const caseId = String(c.id)
  const values: Record<Entity, Record<string, string>> = {
    case: { title: 'Bilash: inciting discord', kind: 'CRIMINAL', jurisdiction: 'KZ', authorityId: String(organisation.id), opened: 'March 2020' },
    person: { name: 'Aigerim Nurlanovna', description: 'Activist.' },
    organisation: { name: 'Almaty City Court', kind: 'COURT', country: 'KZ' },
    provision: { jurisdiction: 'KZ', code: 'Criminal Code', article: '174', title: 'Inciting discord' },
    source: { title: 'Activist detained', publisher: 'Example News', language: 'en', published: '10 March 2020' },
    alias: { owner: `person:${person.id}`, name: 'Айгерим', script: 'Cyrl', kind: 'TRANSLITERATION' },
    party: { caseId, who: `organisation:${organisation.id}`, role: 'PROSECUTOR' },
    charge: { caseId, partyId: String(c.partyIds[0]), disposition: 'PENDING', description: 'Spreading false information' },
    event: { caseId, kind: 'INDICTMENT', occurred: 'April 2020', title: 'Indicted' },
    stage: { caseId, kind: 'APPEAL', courtName: 'Almaty City Court', decided: 'June 2020' },
    decision: { caseId, stageId: String(stage.id), partyId: String(c.partyIds[0]), decision: 'UPHELD', sentenceKind: 'IMPRISONMENT', sentenceYears: '3' },
    citation: { caseId, target: `event:${c.eventIds[0]}`, sourceId: String(source.id), quote: 'was detained' },
    relation: { caseId, toCaseId: String(other.id), kind: 'SAME_FACTS' },
    conflict: { caseId, subject: 'What he was charged with' },
    conflictVersion: { caseId, conflictId: String(conflict.id), statement: 'Article 164' },
  }
  // Real ids of every kind, so hostile input can name records that exist (in the wrong place).
  const ids = [...new Set([...Object.values(existing), other.id])].map(String)
  const refs = [...ids, ...ids.flatMap((id) => [`person:${id}`, `organisation:${id}`, `event:${id}`, `charge:${id}`, `party:${id}`, `stage:${id}`, `decision:${id}`, `conflictVersion:${id}`])]
  return { existing, values, refs, caseId }
}

/** Fields that name a record (and make its slug or must be unique): varied per run. */
const UNIQUE_NAME_FIELDS = ['title', 'name', 'article', 'subject', 'statement']

async function currentVersion(entity: Entity, id: number): Promise<number> {
  const row = await KINDS[entity].model(db as unknown as Tx).findUnique({ where: { id } })
  return row!.version
}

function expectReadableRefusal(entity: Entity, result: Exclude<WriteResult, { ok: true }>) {
  if (result.reason !== 'invalid') {
    expect(result.formError.trim()).not.toBe('')
    return
  }
  const allowed = new Set([...formFields(entity).fields, '_form'])
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    expect(allowed, `field error on ${field}`).toContain(field)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) expect(m.trim()).not.toBe('')
  }
  expect(Object.keys(result.fieldErrors).length > 0 || Boolean(result.formError?.trim())).toBe(true)
}

describe('saveRecord, on random and hostile input', () => {
  it.each(ENTITIES)('%s: never throws for an editor; a refusal writes nothing; a save writes one revision', async (entity) => {
    const w = await world()
    const { posted } = formFields(entity)
    const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...posted) }, { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS) })
    const value = fc.oneof({ weight: 6, arbitrary: hostileString }, { weight: 2, arbitrary: fc.constantFrom(...w.refs) }, { weight: 1, arbitrary: fc.constant(undefined) })
    const input = fc.record({
      changes: fc.array(fc.tuple(key, value), { maxLength: 4 }),
      mode: fc.constantFrom('create', 'update', 'update', 'stale', 'no-version'),
      actor: fc.constantFrom(editor, admin),
    })

    let run = 0
    await fc.assert(
      fc.asyncProperty(input, async ({ changes, mode, actor }) => {
        // A fresh name per run: otherwise every create after the first hunts for a free
        // slug or hits a unique constraint (both still reached: hostile values repeat).
        run += 1
        const base = { ...w.values[entity] }
        for (const key of UNIQUE_NAME_FIELDS) if (key in base) base[key] = `${base[key]} ${run}`
        const values = ownProps(changes.filter(([, v]) => v !== undefined) as [string, string][], base) as Record<string, string>
        for (const [k, v] of changes) if (v === undefined) delete values[k]
        const id = mode === 'create' ? null : w.existing[entity]
        const current = id === null ? null : await currentVersion(entity, id)
        const version = current === null || mode === 'no-version' ? null : mode === 'stale' ? current + 1 : current

        const rowOf = async (rowId: number) => JSON.stringify(await KINDS[entity].model(db as unknown as Tx).findUnique({ where: { id: rowId } }))
        const before = await countAllTables(db)
        const rowBefore = id === null ? null : await rowOf(id)
        const result = await saveRecord(actor, { entity, id, version, values }, meta)
        const written = countChanges(before, await countAllTables(db))

        if (!result.ok) {
          expect(written, `a refused save (${result.reason}) wrote nothing`).toEqual({})
          if (id !== null) expect(await rowOf(id), 'a refused update left the record as it was').toBe(rowBefore)
          expectReadableRefusal(entity, result)
          if (mode === 'stale' && result.reason !== 'invalid') expect(result.reason).toBe('conflict')
          return
        }
        expect(mode === 'create' || mode === 'update').toBe(true)
        // Exactly one revision and one audit entry; the record itself; an old slug kept.
        expect(written.Revision).toBe(1)
        expect(written.AuditLog).toBe(1)
        expect(written[TABLE[entity]]).toBe(mode === 'create' ? 1 : undefined)
        // The search index (lib/search) is rewritten in the same transaction for the public records the save changed.
        for (const table of Object.keys(written).filter((t) => !t.startsWith('Search'))) expect(['Revision', 'RevisionText', 'AuditLog', 'SlugRedirect', TABLE[entity]]).toContain(table)
        // The text stored is the text the schema passed, character for character.
        const parsed = RECORD_SCHEMAS[entity].safeParse(values).data as Record<string, unknown>
        const stored = (await KINDS[entity].model(db as unknown as Tx).findUnique({ where: { id: result.id } })) as Row
        for (const [field, text] of Object.entries(parsed)) {
          if (typeof text !== 'string' || text === '' || !(field in stored) || field === 'url' || field === 'slug') continue
          expect(stored[field], `${entity}.${field} stored as given`).toBe(text)
        }
        const revision = await db.revision.findUniqueOrThrow({ where: { id: result.revisionId } })
        expect(revision).toMatchObject({ entity, entityId: result.id, version: result.version, action: mode, actorEmail: actor.email })
        expect(result.version).toBe(mode === 'create' ? 1 : current! + 1)

        // What was stored loads back into the form, passes the schema, and saving it
        // again unchanged is "nothing changed" (no phantom edits on the next save).
        const row = (await KINDS[entity].model(db as unknown as Tx).findUnique({ where: { id: result.id } })) as Row
        const caseId = await KINDS[entity].caseIdOf(db as unknown as Tx, row)
        const form = { ...(caseId === null ? {} : { caseId: String(caseId) }), ...KINDS[entity].toFormValues(row) }
        const reparsed = RECORD_SCHEMAS[entity].safeParse(form)
        expect(reparsed.error?.issues, `stored ${entity} reloads into a valid form: ${JSON.stringify(form).slice(0, 300)}`).toBeUndefined()
        const beforeAgain = await countAllTables(db)
        const rowAgain = await rowOf(result.id)
        const again = await saveRecord(actor, { entity, id: result.id, version: result.version, values: form }, meta)
        expect(again, `re-saving the stored ${entity} unchanged`).toMatchObject({ ok: false, reason: 'invalid', formError: expect.stringMatching(/^Nothing changed/) })
        expect(await countAllTables(db)).toEqual(beforeAgain)
        expect(await rowOf(result.id)).toBe(rowAgain)
      }),
      { numRuns: RUNS.engine },
    )
    expectNoPollution()
  })

  it('throws NotAuthorizedError for anyone who is not an editor, whatever the input, and writes nothing', async () => {
    const w = await world()
    const notEditors = [
      null,
      undefined,
      { id: 'u-r', email: 'reader@example.org', role: 'reader' },
      { id: 'u-e', email: 'e@example.org', role: 'Editor' },
      { id: 'u-e', email: 'e@example.org', role: 'EDITOR' },
      { id: 'u-e', email: 'e@example.org', role: 'editor ' },
      { id: 'u-e', email: 'e@example.org', role: '' },
      { id: 'u-e', email: 'e@example.org', role: null },
      { id: 'u-e', email: 'e@example.org' },
      { id: 'u-e', email: 'e@example.org', role: ['editor'] },
      { id: 'u-e', email: 'e@example.org', role: '__proto__' },
    ] as unknown as (Actor | null)[]
    const input = fc.record({
      actor: fc.constantFrom(...notEditors),
      entity: fc.constantFrom(...ENTITIES),
      create: fc.boolean(),
      changes: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...ENTITIES.flatMap((e) => formFields(e).posted)), fc.constantFrom(...POLLUTION_KEYS)), hostileString), { maxLength: 4 }),
    })
    const before = await countAllTables(db)
    await fc.assert(
      fc.asyncProperty(input, async ({ actor, entity, create, changes }) => {
        const values = ownProps(changes, w.values[entity]) as Record<string, string>
        const id = create ? null : w.existing[entity]
        await expect(saveRecord(actor, { entity, id, version: create ? null : 1, values }, meta)).rejects.toThrow(NotAuthorizedError)
      }),
      { numRuns: RUNS.unauthorized },
    )
    expect(countChanges(before, await countAllTables(db))).toEqual({})
  })
})
