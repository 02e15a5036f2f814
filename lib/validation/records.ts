// The editor's record forms: for each kind of record, the fields it shows and the zod
// schema both the browser and the server action run. Pure: no server imports.
//
// Context ids (the case a party belongs to, the person an alias names) travel as
// hidden fields; the server checks that they exist and belong together
// (lib/editing/kinds/) — a schema only checks their shape.
import { z } from '@/lib/validation/zod'
import { EVENT_KIND_LABELS, STATUS_LABELS } from '@/lib/domain/case-status'
import { CASE_CITATION_FIELDS } from '@/lib/domain/citation-target'
import { lengthInMonths } from '@/lib/domain/sentence'
import {
  ALIAS_KIND_LABELS,
  CASE_KIND_LABELS,
  DECISION_LABELS,
  DISPOSITION_LABELS,
  ORGANISATION_KIND_LABELS,
  PARTY_ROLE_LABELS,
  RELATION_LABELS,
  SENTENCE_KIND_LABELS,
  SITUATION_LABELS,
  STAGE_KIND_LABELS,
} from '@/lib/domain/labels'
import type { FieldErrors } from '@/lib/actions/safe-action-types'
import { fieldErrorsOf } from './field-errors'
import {
  checkbox,
  enumField,
  enumOptions,
  nullableText,
  optionalEnum,
  optionalRefId,
  optionalText,
  optionalWholeNumber,
  recordSchema,
  refId,
  requiredText,
  urlField,
  versionField,
  type FieldGroupSpec,
  type FieldSpec,
} from './form-fields'

export const ENTITIES = ['case', 'person', 'organisation', 'provision', 'source', 'alias', 'party', 'charge', 'event', 'stage', 'decision', 'citation', 'relation', 'conflict', 'conflictVersion'] as const
export type Entity = (typeof ENTITIES)[number]

export function isEntity(value: string): value is Entity {
  return (ENTITIES as readonly string[]).includes(value)
}

export const ENTITY_LABELS: Record<Entity, string> = {
  case: 'case',
  person: 'person',
  organisation: 'organisation',
  provision: 'legal provision',
  source: 'source',
  alias: 'alias',
  party: 'party',
  charge: 'charge',
  event: 'event',
  stage: 'stage of the proceeding',
  decision: 'decision',
  citation: 'citation',
  relation: 'related case',
  conflict: 'conflicting account',
  conflictVersion: 'version of a disputed fact',
}

function keys<T extends string>(labels: Record<T, string> | Record<T, unknown>): [T, ...T[]] {
  return Object.keys(labels) as [T, ...T[]]
}

const RELATION_OPTION_LABELS = Object.fromEntries(Object.entries(RELATION_LABELS).map(([k, v]) => [k, v.outgoing])) as Record<keyof typeof RELATION_LABELS, string>

/** Lowercase words joined by hyphens: the last part of a public address. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const slugField = optionalText('the address', 120).refine((s) => s === '' || SLUG_PATTERN.test(s), {
  message: 'Use lowercase letters, digits and single hyphens only, like “bilash-2020-inciting-discord”.',
})
const slugSpec: FieldSpec = {
  name: 'slug',
  label: 'Address (slug)',
  input: 'text',
  hint: 'The last part of the public address. Leave empty to make one from the name. Changing it keeps the old address working (it redirects).',
}

/** ISO 3166-1 alpha-2 ("KZ") or an international body ("UN"). */
// Checked before upper-casing: toUpperCase() turns "ſk" into "SK" and "ı" into "I".
const jurisdictionField = requiredText('a jurisdiction', 10)
  .refine((s) => /^[A-Za-z]{2,10}$/.test(s), { message: 'Use a two-letter country code such as “KZ”, or “UN”.' })
  .transform((s) => s.toUpperCase())

// ---------------------------------------------------------------------------

export const CaseSchema = recordSchema(
  {
    title: requiredText('a title', 200),
    slug: slugField,
    kind: enumField(keys(CASE_KIND_LABELS), 'the kind of proceeding'),
    jurisdiction: jurisdictionField,
    authorityId: optionalRefId('the authority'),
    caseNumber: nullableText('the case number', 100),
    summary: optionalText('the summary', 5000),
    statusOverride: optionalEnum(keys(STATUS_LABELS), 'a status'),
  },
  {
    opened: { label: 'the date the case was opened', required: false },
    closed: { label: 'the date the case was closed', required: false },
    statusOverrideAsOf: { label: 'the date the status applies from', required: false },
  },
).superRefine((v, ctx) => {
  if (!v.statusOverride && v.statusOverrideAsOf) {
    ctx.addIssue({ code: 'custom', path: ['statusOverride'], message: 'Choose the status that date belongs to, or clear the date.' })
  }
})

export const CASE_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title', input: 'text', required: true, hint: 'As readers will look for it, e.g. “Bilash: “inciting discord” (2019–2020)”.' },
  slugSpec,
  { name: 'kind', label: 'Kind of proceeding', input: 'select', required: true, options: enumOptions(CASE_KIND_LABELS) },
  { name: 'jurisdiction', label: 'Jurisdiction', input: 'text', required: true, hint: 'Two-letter country code (KZ), or UN.' },
  { name: 'authorityId', label: 'Authority (court, police, prosecutor)', input: 'select', optionsKey: 'organisations', emptyOption: 'None / unknown' },
  { name: 'caseNumber', label: 'Case number', input: 'text' },
  { name: 'summary', label: 'Summary', input: 'textarea', rows: 5, hint: 'In your own words; cite it with a citation on “Summary”.' },
  { name: 'opened', label: 'Opened', input: 'date' },
  { name: 'closed', label: 'Closed', input: 'date' },
  {
    name: 'statusOverride',
    label: 'Status set by an editor',
    input: 'select',
    options: enumOptions(STATUS_LABELS),
    emptyOption: 'Derive from the events',
    hint: 'Only when no event says it, e.g. “still under investigation as of February 2021”.',
  },
  { name: 'statusOverrideAsOf', label: 'That status as of', input: 'date' },
]

// ---------------------------------------------------------------------------

/** A person's or organisation's name, as their forms take it. */
const nameField = requiredText('a name', 200)

export const PersonSchema = recordSchema(
  {
    name: nameField,
    slug: slugField,
    description: optionalText('the description', 5000),
  },
  {},
)

export const PERSON_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text', required: true, hint: 'The spelling most English-language sources use. Add the others as aliases.' },
  slugSpec,
  { name: 'description', label: 'Description', input: 'textarea', rows: 4 },
]

export const OrganisationSchema = recordSchema(
  {
    name: requiredText('a name', 200),
    slug: slugField,
    kind: enumField(keys(ORGANISATION_KIND_LABELS), 'the kind of organisation'),
    country: nullableText('the country', 2)
      .refine((s) => s === null || /^[A-Za-z]{2}$/.test(s), { message: 'Use a two-letter country code such as “KZ”, or leave it empty.' })
      .transform((s) => (s ? s.toUpperCase() : null)),
    description: optionalText('the description', 5000),
  },
  {},
)

export const ORGANISATION_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text', required: true },
  slugSpec,
  { name: 'kind', label: 'Kind', input: 'select', required: true, options: enumOptions(ORGANISATION_KIND_LABELS) },
  { name: 'country', label: 'Country', input: 'text', hint: 'Two-letter code (KZ). Empty for international bodies.' },
  { name: 'description', label: 'Description', input: 'textarea', rows: 4 },
]

// Provisions form a tree: an article (no parent), its parts, their paragraphs. A part or
// paragraph takes its jurisdiction, code and article (a paragraph also its part) from
// its parent, so only an article types them; the server checks the parent's level
// (lib/editing/kinds/references.ts), which a schema cannot see.
const optionalJurisdiction = optionalText('a jurisdiction', 10)
  .refine((s) => s === '' || /^[A-Za-z]{2,10}$/.test(s), { message: 'Use a two-letter country code such as “KZ”, or “UN”.' })
  .transform((s) => s.toUpperCase())
const ARTICLE_COLUMNS = { jurisdiction: requiredText('a jurisdiction', 10), code: requiredText('the code', 100), article: requiredText('the article number', 20) }

export const ProvisionSchema = recordSchema(
  {
    parentId: optionalRefId('the parent provision'),
    jurisdiction: optionalJurisdiction,
    code: optionalText('the code', 100),
    article: optionalText('the article number', 20),
    part: nullableText('the part', 20),
    paragraph: nullableText('the paragraph', 20),
    title: requiredText('a title', 300),
    slug: slugField,
    description: optionalText('the description', 5000),
  },
  {},
).superRefine((v, ctx) => {
  if (v.parentId !== null) return
  for (const [name, field] of Object.entries(ARTICLE_COLUMNS)) {
    const checked = field.safeParse(v[name as keyof typeof ARTICLE_COLUMNS])
    if (!checked.success) ctx.addIssue({ code: 'custom', path: [name], message: checked.error.issues[0]!.message })
  }
  if (v.part) ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'A part belongs to its article: choose the article as the parent provision (add the article first if it is not listed).' })
  else if (v.paragraph) ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'A paragraph belongs to a part: choose the part as the parent provision.' })
})

const INHERITED = 'Taken from the parent provision when one is chosen.'

export const PROVISION_FIELDS: FieldSpec[] = [
  {
    name: 'parentId',
    label: 'Parent provision',
    input: 'select',
    optionsKey: 'provisionParents',
    emptyOption: 'None: this is an article',
    hint: 'For a part, its article; for a paragraph, its part. A charge names the most specific one the sources give.',
  },
  { name: 'jurisdiction', label: 'Jurisdiction', input: 'text', hint: `KZ, or UN for international instruments. ${INHERITED}` },
  { name: 'code', label: 'Code', input: 'text', hint: `e.g. “Criminal Code”. ${INHERITED}` },
  { name: 'article', label: 'Article', input: 'text', hint: `e.g. “174”. ${INHERITED}` },
  { name: 'part', label: 'Part', input: 'text', hint: 'e.g. “1”, for a part of an article (taken from the parent for a paragraph). Empty for an article.' },
  { name: 'paragraph', label: 'Paragraph', input: 'text', hint: 'e.g. “2”, for a paragraph of a part. Empty otherwise.' },
  { name: 'title', label: 'Title', input: 'text', required: true, hint: 'e.g. “Inciting social, national, clan, racial or religious discord”.' },
  slugSpec,
  { name: 'description', label: 'Description', input: 'textarea', rows: 4 },
]

export const SourceSchema = recordSchema(
  {
    url: urlField('the address of the article', { required: false }),
    title: requiredText('the title', 500),
    publisher: requiredText('the publisher', 200),
    authors: optionalText('the authors', 500),
    language: requiredText('the language', 35).refine((s) => /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(s), {
      message: 'Use a language tag such as “en”, “ru” or “kk”.',
    }),
    publishedAsPrinted: nullableText('the date as printed', 100),
    dateNote: optionalText('the note on the date', 1000),
    archiveUrl: urlField('the archive address', { required: false }),
    description: optionalText('the description', 2000),
    text: optionalText('the text', 500_000),
  },
  { published: { label: 'the publication date', required: false }, revised: { label: 'the update date', required: false } },
)

export const SOURCE_FIELDS: FieldSpec[] = [
  { name: 'url', label: 'Address (URL)', input: 'url', hint: 'Stored in canonical form; the same article is never stored twice.' },
  { name: 'title', label: 'Title', input: 'text', required: true },
  { name: 'publisher', label: 'Publisher', input: 'text', required: true },
  { name: 'authors', label: 'Authors', input: 'text' },
  { name: 'language', label: 'Language', input: 'text', required: true, hint: 'Language tag: en, ru, kk.' },
  { name: 'published', label: 'Published', input: 'date' },
  { name: 'publishedAsPrinted', label: 'Date as printed on the page', input: 'text', hint: 'Kept because numeric dates are ambiguous.' },
  { name: 'dateNote', label: 'Note on the date', input: 'text' },
  { name: 'revised', label: 'Updated', input: 'date', hint: 'When the page says it was updated or corrected, if it says so.' },
  { name: 'archiveUrl', label: 'Archived copy (URL)', input: 'url' },
  { name: 'description', label: 'What the document is (shown to readers)', input: 'textarea', rows: 3 },
  { name: 'text', label: 'Text of the article', input: 'textarea', rows: 12, hint: 'As captured; shown to editors only.' },
]

// ---------------------------------------------------------------------------
// Inside a person or an organisation

/** An id a select may name: refId's range (a 32-bit integer column; 0 is no record). */
const inRefRange = (id: number) => id >= 1 && id <= 2 ** 31 - 1

/** "person:12" or "organisation:3", as a select offers them. */
function personOrOrganisation(message: string) {
  return z
    .string({ error: message })
    .regex(/^(person|organisation):\d{1,10}$/, { message })
    .transform((s) => {
      const [kind, id] = s.split(':') as ['person' | 'organisation', string]
      return { kind, id: Number(id) }
    })
    .refine((ref) => inRefRange(ref.id), { message })
}

const ownerRef = personOrOrganisation('Choose whose name this is.')

export const AliasSchema = recordSchema(
  {
    owner: ownerRef,
    name: requiredText('the name as written', 200),
    script: requiredText('the script or language', 35).refine((s) => /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{2,8})*$/.test(s), {
      message: 'Use a script code (Latn, Cyrl) or a language tag (kk, ru).',
    }),
    kind: enumField(keys(ALIAS_KIND_LABELS), 'the kind of name'),
  },
  {},
)

export const ALIAS_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name as written', input: 'text', required: true },
  { name: 'script', label: 'Script or language', input: 'text', required: true, hint: 'Latn, Cyrl, Arab, Hans — or kk, ru, zh.' },
  { name: 'kind', label: 'Kind of name', input: 'select', required: true, options: enumOptions(ALIAS_KIND_LABELS) },
]

// ---------------------------------------------------------------------------
// Inside a case

const caseIdField = refId('the case')

const partyWho = personOrOrganisation('Choose a person or an organisation.')

export const PartySchema = recordSchema(
  {
    caseId: caseIdField,
    who: partyWho,
    role: enumField(keys(PARTY_ROLE_LABELS), 'a role'),
    outcome: nullableText('the outcome', 500),
    situation: optionalEnum(keys(SITUATION_LABELS), 'a situation'),
    note: optionalText('the note', 2000),
  },
  { situationAsOf: { label: 'the date of that situation', required: false } },
).superRefine((v, ctx) => {
  if (!v.situation && v.situationAsOf) {
    ctx.addIssue({ code: 'custom', path: ['situation'], message: 'Choose the situation that date belongs to, or clear the date.' })
  }
})

export const PARTY_FIELDS: FieldSpec[] = [
  { name: 'who', label: 'Person or organisation', input: 'select', required: true, optionsKey: 'parties', emptyOption: 'Choose…' },
  { name: 'role', label: 'Role', input: 'select', required: true, options: enumOptions(PARTY_ROLE_LABELS) },
  { name: 'outcome', label: 'Outcome for this defendant', input: 'text', hint: 'In a few words, e.g. “Convicted on a plea deal”. Each court’s decision and sentence go under “Stages of the proceeding”.' },
  { name: 'situation', label: 'Situation', input: 'select', options: enumOptions(SITUATION_LABELS), emptyOption: 'Unknown' },
  { name: 'situationAsOf', label: 'Situation as of', input: 'date' },
  { name: 'note', label: 'Note', input: 'textarea', rows: 2 },
]

export const ChargeSchema = recordSchema(
  {
    caseId: caseIdField,
    partyId: refId('the defendant'),
    provisionId: optionalRefId('the legal provision'),
    description: optionalText('the description', 1000),
    disposition: enumField(keys(DISPOSITION_LABELS), 'what became of the charge'),
  },
  { dispositionAsOf: { label: 'the date of that outcome', required: false } },
).superRefine((v, ctx) => {
  if (!v.provisionId && !v.description) {
    ctx.addIssue({ code: 'custom', path: ['description'], message: 'Describe the offence when the sources give no article.' })
  }
})

export const CHARGE_FIELDS: FieldSpec[] = [
  { name: 'partyId', label: 'Defendant', input: 'select', required: true, optionsKey: 'defendants', emptyOption: 'Choose…' },
  { name: 'provisionId', label: 'Legal provision', input: 'select', optionsKey: 'provisions', emptyOption: 'Not named in the sources' },
  { name: 'description', label: 'The offence as the sources describe it', input: 'text' },
  { name: 'disposition', label: 'Outcome of the charge', input: 'select', required: true, options: enumOptions(DISPOSITION_LABELS) },
  { name: 'dispositionAsOf', label: 'Outcome dated', input: 'date' },
]

export const EventSchema = recordSchema(
  {
    // A step in a case, or (personId) a dated fact in a person's life.
    caseId: optionalRefId('the case'),
    personId: optionalRefId('the person'),
    kind: enumField(keys(EVENT_KIND_LABELS), 'the kind of event'),
    title: requiredText('a title', 300),
    description: optionalText('the description', 5000),
    statusAfter: optionalEnum(keys(STATUS_LABELS), 'a status'),
    // The sources do not report the date: the event is placed after another instead.
    undated: checkbox,
    placedAfterId: optionalRefId('the event it comes after'),
  },
  { occurred: { label: 'the date of the event', required: false } },
)
  .superRefine((v, ctx) => {
    if ((v.caseId === null) === (v.personId === null))
      ctx.addIssue({ code: 'custom', path: ['_form'], message: 'An event belongs to a case or to a person’s life: add it from the case’s or the person’s page.' })
    if (v.undated && v.occurred) ctx.addIssue({ code: 'custom', path: ['occurred'], message: 'You ticked “Date not reported” but typed a date. Clear the date, or untick the box.' })
    if (!v.undated && !v.occurred) ctx.addIssue({ code: 'custom', path: ['occurred'], message: 'Enter the date of the event, or tick “Date not reported” when the sources do not give one.' })
  })
  // Only an undated event is placed: a dated one sorts by its date.
  .transform((v) => ({ ...v, placedAfterId: v.undated ? v.placedAfterId : null }))

export const EVENT_FIELDS: FieldSpec[] = [
  { name: 'kind', label: 'Kind of event', input: 'select', required: true, options: enumOptions(EVENT_KIND_LABELS) },
  { name: 'occurred', label: 'Date', input: 'date', hint: 'Required, unless you tick “Date not reported” below.' },
  { name: 'undated', label: 'Date not reported', input: 'checkbox', hint: 'The sources report the event without a date (“later released on parole”).' },
  {
    name: 'placedAfterId',
    label: 'Comes after',
    input: 'select',
    optionsKey: 'placements',
    emptyOption: 'First, before every other event',
    shownWhen: 'undated',
    hint: 'Where the event goes on the timeline: right after the event you choose.',
  },
  { name: 'title', label: 'Title', input: 'text', required: true, hint: 'e.g. “Arrested in Almaty”.' },
  { name: 'description', label: 'Description', input: 'textarea', rows: 3 },
  { name: 'statusAfter', label: 'Status after this event', input: 'select', options: enumOptions(STATUS_LABELS), emptyOption: 'The usual one for this kind' },
]

export const StageSchema = recordSchema(
  {
    caseId: caseIdField,
    kind: enumField(keys(STAGE_KIND_LABELS), 'the stage'),
    courtId: optionalRefId('the court or body'),
    courtName: optionalText('the court’s name', 300),
    note: optionalText('the note', 2000),
  },
  { decided: { label: 'the date of the decision', required: false } },
)

export const STAGE_FIELDS: FieldSpec[] = [
  { name: 'kind', label: 'Stage', input: 'select', required: true, options: enumOptions(STAGE_KIND_LABELS) },
  { name: 'courtId', label: 'Court or body', input: 'select', optionsKey: 'organisations', emptyOption: 'Not in the list (name it below) or not reported' },
  { name: 'courtName', label: 'Court’s name as the sources give it', input: 'text', hint: 'When it is not in the list, e.g. “Almaty City Court”.' },
  { name: 'decided', label: 'Date of the decision', input: 'date' },
  { name: 'note', label: 'Note', input: 'textarea', rows: 2 },
]

/** A decision's own fields (not the stage and defendant it belongs to): the per-defendant block of the stage form. */
const decisionShape = {
  decision: enumField(keys(DECISION_LABELS), 'what the stage decided'),
  sentenceKind: optionalEnum(keys(SENTENCE_KIND_LABELS), 'a kind of sentence'),
  // A length as typed: years and months (both empty: none stated).
  sentenceYears: optionalWholeNumber('the sentence’s years', 99),
  sentenceExtraMonths: optionalWholeNumber('the sentence’s months', 1199),
  fineAmount: optionalWholeNumber('the fine', 1_000_000_000),
  fineCurrency: z.preprocess(
    (v) => (v === undefined ? '' : typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: 'Use a three-letter currency code such as “KZT” or “USD”.' })
      .refine((s) => s === '' || /^[A-Za-z]{3}$/.test(s), { message: 'Use a three-letter currency code such as “KZT” or “USD”.' })
      .transform((s) => (s === '' ? null : s.toUpperCase())),
  ),
  banYears: optionalWholeNumber('the ban’s years', 99),
  banExtraMonths: optionalWholeNumber('the ban’s months', 1199),
  deportation: checkbox,
  sentenceNote: optionalText('the rest of the sentence', 500),
}

/** The fields of a decision a stage form shows once per defendant. */
export const DECISION_BLOCK_FIELDS = ['decision', 'sentenceKind', 'sentenceYears', 'sentenceExtraMonths', 'fineAmount', 'fineCurrency', 'banYears', 'banExtraMonths', 'deportation', 'sentenceNote'] as const

export const DecisionSchema = recordSchema(
  {
    caseId: caseIdField,
    stageId: refId('the stage'),
    partyId: refId('the defendant'),
    ...decisionShape,
  },
  {},
).superRefine((v, ctx) => {
  const length = lengthInMonths(v.sentenceYears, v.sentenceExtraMonths)
  if (length === 0) ctx.addIssue({ code: 'custom', path: ['sentenceYears'], message: 'A length of zero says nothing: leave years and months empty when the sources give no length.' })
  if (lengthInMonths(v.banYears, v.banExtraMonths) === 0) ctx.addIssue({ code: 'custom', path: ['banYears'], message: 'A ban of zero says nothing: leave years and months empty when there is no ban.' })
  if (length !== null && !v.sentenceKind) ctx.addIssue({ code: 'custom', path: ['sentenceKind'], message: 'Choose the kind of sentence that length belongs to.' })
  if (v.fineCurrency && v.fineAmount === null) ctx.addIssue({ code: 'custom', path: ['fineAmount'], message: 'Give the fine’s amount, or clear the currency.' })
  if (v.sentenceKind === 'FINE' && length !== null) ctx.addIssue({ code: 'custom', path: ['sentenceYears'], message: 'A fine has an amount, not a length: give it under “Fine”.' })
})

const DECISION_OWN_FIELDS: FieldSpec[] = [
  { name: 'decision', label: 'Decision', input: 'select', required: true, options: enumOptions(DECISION_LABELS), emptyOption: 'Choose…' },
  { name: 'sentenceKind', label: 'Main penalty', input: 'select', options: enumOptions(SENTENCE_KIND_LABELS), emptyOption: 'None stated' },
  { name: 'sentenceYears', label: 'Length: years', input: 'text' },
  { name: 'sentenceExtraMonths', label: 'and months', input: 'text' },
  { name: 'fineAmount', label: 'Fine (amount)', input: 'text' },
  { name: 'fineCurrency', label: 'Currency', input: 'text', hint: 'e.g. KZT, USD' },
  { name: 'banYears', label: 'Ban on activity: years', input: 'text' },
  { name: 'banExtraMonths', label: 'and months', input: 'text' },
  { name: 'deportation', label: 'Deportation', input: 'checkbox' },
  { name: 'sentenceNote', label: 'The rest of the sentence, in words', input: 'text', hint: 'e.g. “the equivalent of”, what the ban covers.' },
]

/** One block of a stage form: a decision's fields, named for the defendant they belong to. */
export function decisionBlockName(partyId: number | string, field: string): string {
  return `d${partyId}.${field}`
}

export const DECISION_FIELDS: FieldSpec[] = [
  { name: 'stageId', label: 'Stage', input: 'select', required: true, optionsKey: 'stages', emptyOption: 'Choose…' },
  { name: 'partyId', label: 'Defendant', input: 'select', required: true, optionsKey: 'decidedFor', emptyOption: 'Choose…' },
  ...DECISION_OWN_FIELDS,
]

/** The per-defendant block's fields, as the stage form draws them (names before prefixing). */
export const DECISION_BLOCK_SPECS: FieldSpec[] = DECISION_OWN_FIELDS.map((f) => (f.name === 'decision' ? { ...f, required: false, emptyOption: 'No decision for this defendant' } : f))

/** A stage, its decisions, and the citation (the add form's "Source" group) each of them gets, if any. */
export type StageWithDecisions = { stage: RecordInput<'stage'>; decisions: RecordInput<'decision'>[]; cite: CiteValues | null }

/**
 * The stage form's values: the stage, and one decision per defendant whose block is
 * filled in (a block left empty adds nothing). Pure: the browser runs it before
 * submitting, the write path again. `partyIds`: the defendants the form showed.
 */
export function parseStageWithDecisions(values: Record<string, unknown>, partyIds: readonly number[]): { ok: true; value: StageWithDecisions } | { ok: false; fieldErrors: FieldErrors } {
  let errors: FieldErrors = {}
  const stage = StageSchema.safeParse(values)
  if (!stage.success) errors = fieldErrorsOf(stage.error)
  const decisions: RecordInput<'decision'>[] = []
  for (const partyId of partyIds) {
    const block = Object.fromEntries(DECISION_BLOCK_FIELDS.map((f) => [f, values[decisionBlockName(partyId, f)] ?? '']))
    const filled = DECISION_BLOCK_FIELDS.some((f) => f !== 'deportation' && String(block[f]).trim() !== '') || block.deportation === 'on'
    if (!filled) continue
    // The stage does not exist yet: a stand-in id, replaced when it is written.
    const parsed = DecisionSchema.safeParse({ ...block, caseId: values.caseId, stageId: '1', partyId: String(partyId) })
    if (parsed.success) decisions.push(parsed.data)
    else {
      const own = fieldErrorsOf(parsed.error)
      const prefixed: FieldErrors = {}
      for (const [key, messages] of Object.entries(own)) {
        if (key === 'stageId' || key === 'caseId') continue
        prefixed[key === 'partyId' || key === '_form' ? key : decisionBlockName(partyId, key)] = messages
      }
      errors = mergeErrors(errors, prefixed)
    }
  }
  const cite = parseCite(values, CITE_PREFIX)
  if (!cite.ok) errors = mergeErrors(errors, cite.fieldErrors)
  return Object.keys(errors).length || !cite.ok ? { ok: false, fieldErrors: errors } : { ok: true, value: { stage: stage.data!, decisions, cite: cite.cite } }
}

/**
 * What a citation supports, as a select value: a field of the case ("case:summary"),
 * a part of the case ("event:12"), or the description of a person, an organisation
 * or a legal provision ("person:7").
 */
export const CITATION_TARGET_PATTERN = new RegExp(`^(case:(${CASE_CITATION_FIELDS.join('|')})|(event|charge|party|stage|decision|conflictVersion|person|organisation|provision):\\d{1,10})$`)

// Events may also be facts of a person's life, cited without a case.
const CASE_PART_TARGETS = ['charge', 'party', 'stage', 'decision', 'conflictVersion'] as const
export type CitationTarget = { kind: 'case'; field: string } | { kind: (typeof CASE_PART_TARGETS)[number] | 'event'; id: number } | { kind: 'person' | 'organisation' | 'provision'; id: number }

export const CitationSchema = recordSchema(
  {
    // The case the citation is made in; empty for a person's, an organisation's or a provision's description.
    caseId: optionalRefId('the case'),
    target: z
      .string({ error: 'Choose what this source supports.' })
      .regex(CITATION_TARGET_PATTERN, { message: 'Choose what this source supports.' })
      .transform((s): CitationTarget => {
        const [kind, rest] = s.split(':') as [string, string]
        if (kind === 'case') return { kind: 'case', field: rest }
        return { kind: kind as Exclude<CitationTarget['kind'], 'case'>, id: Number(rest) }
      })
      .refine((t) => t.kind === 'case' || inRefRange(t.id), { message: 'Choose what this source supports.' }),
    sourceId: refId('a source'),
    quote: requiredText('a short quote from the source', 1000),
    translation: optionalText('the translation', 2000),
    locator: optionalText('where in the source', 200),
  },
  {},
).superRefine((v, ctx) => {
  const inCase = v.target.kind === 'case' || (CASE_PART_TARGETS as readonly string[]).includes(v.target.kind)
  if (inCase && v.caseId === null) ctx.addIssue({ code: 'custom', path: ['target'], message: 'A citation of a part of a case is added from the case’s page.' })
  if (!inCase && v.target.kind !== 'event' && v.caseId !== null) ctx.addIssue({ code: 'custom', path: ['target'], message: 'Choose something in this case.' })
})

export const CITATION_FIELDS: FieldSpec[] = [
  { name: 'target', label: 'Supports', input: 'select', required: true, optionsKey: 'citationTargets', emptyOption: 'Choose…' },
  { name: 'sourceId', label: 'Source', input: 'select', required: true, optionsKey: 'sources', emptyOption: 'Choose…' },
  { name: 'quote', label: 'Quote', input: 'textarea', rows: 3, required: true, hint: 'A short passage, copied exactly, that says it, in the language of the source.' },
  {
    name: 'translation',
    label: 'Translation into English',
    input: 'textarea',
    rows: 2,
    hint: 'When the source is not in English: the quote in English. Readers see it beside the original.',
  },
  { name: 'locator', label: 'Where in the source', input: 'text', hint: 'Paragraph, page or section, e.g. “para. 4”.' },
]

export const RelationSchema = recordSchema(
  {
    caseId: caseIdField,
    toCaseId: refId('the other case'),
    kind: enumField(keys(RELATION_OPTION_LABELS), 'how they are related'),
    note: optionalText('the note', 1000),
  },
  {},
).superRefine((v, ctx) => {
  if (v.caseId === v.toCaseId) ctx.addIssue({ code: 'custom', path: ['toCaseId'], message: 'A case cannot be related to itself.' })
})

export const RELATION_FIELDS: FieldSpec[] = [
  { name: 'kind', label: 'This case is…', input: 'select', required: true, options: enumOptions(RELATION_OPTION_LABELS) },
  { name: 'toCaseId', label: 'Other case', input: 'select', required: true, optionsKey: 'cases', emptyOption: 'Choose…' },
  { name: 'note', label: 'Note', input: 'text' },
]

export const ConflictSchema = recordSchema(
  {
    caseId: caseIdField,
    eventId: optionalRefId('the event'),
    subject: requiredText('the fact in question', 300),
    note: optionalText('the note', 2000),
  },
  {},
)

export const CONFLICT_FIELDS: FieldSpec[] = [
  { name: 'subject', label: 'The fact in question', input: 'text', required: true, hint: 'e.g. “What Bilash was charged with in April 2020”.' },
  { name: 'eventId', label: 'About the event', input: 'select', optionsKey: 'events', emptyOption: 'No particular event' },
  { name: 'note', label: 'Note', input: 'textarea', rows: 2 },
]

export const ConflictVersionSchema = recordSchema(
  {
    caseId: caseIdField,
    conflictId: refId('the disputed fact'),
    statement: requiredText('what this version says', 1000),
    preferred: checkbox,
  },
  {},
)

export const CONFLICT_VERSION_FIELDS: FieldSpec[] = [
  { name: 'conflictId', label: 'Disputed fact', input: 'select', required: true, optionsKey: 'conflicts', emptyOption: 'Choose…' },
  { name: 'statement', label: 'What this version says', input: 'textarea', rows: 2, required: true },
  { name: 'preferred', label: 'Preferred version (shown first; the others stay visible)', input: 'checkbox' },
]

// ---------------------------------------------------------------------------

export const RECORD_SCHEMAS = {
  case: CaseSchema,
  person: PersonSchema,
  organisation: OrganisationSchema,
  provision: ProvisionSchema,
  source: SourceSchema,
  alias: AliasSchema,
  party: PartySchema,
  charge: ChargeSchema,
  event: EventSchema,
  stage: StageSchema,
  decision: DecisionSchema,
  citation: CitationSchema,
  relation: RelationSchema,
  conflict: ConflictSchema,
  conflictVersion: ConflictVersionSchema,
} as const satisfies Record<Entity, z.ZodType>

export type RecordInput<E extends Entity> = z.output<(typeof RECORD_SCHEMAS)[E]>

export const RECORD_FIELDS: Record<Entity, FieldSpec[]> = {
  case: CASE_FIELDS,
  person: PERSON_FIELDS,
  organisation: ORGANISATION_FIELDS,
  provision: PROVISION_FIELDS,
  source: SOURCE_FIELDS,
  alias: ALIAS_FIELDS,
  party: PARTY_FIELDS,
  charge: CHARGE_FIELDS,
  event: EVENT_FIELDS,
  stage: STAGE_FIELDS,
  decision: DECISION_FIELDS,
  citation: CITATION_FIELDS,
  relation: RELATION_FIELDS,
  conflict: CONFLICT_FIELDS,
  conflictVersion: CONFLICT_VERSION_FIELDS,
}

// ---------------------------------------------------------------------------
// The "add" forms of a case's page: one submission may create several records, each
// checked by its kind's own schema, so that a record saved this way is exactly one the
// single form could have saved:
//   - one record per ticked box (`BATCH_FORMS`): a quote for every fact it supports,
//     a charge for every defendant and every article, a party for every person;
//   - one citation for every record created, when the form's optional "Source" group
//     is filled (`CITED_ON_ADD`): exactly the citation the citation form would save;
//   - the records that only exist with their parent, typed in the same form
//     (`PART_FORMS`): a disputed fact with its versions, each with its own source.
// All of it is written in one transaction (lib/editing/write.ts saveRecords).

export const ADD_ENTITIES = ['citation', 'party', 'charge', 'event', 'conflict', 'conflictVersion'] as const
export type AddEntity = (typeof ADD_ENTITIES)[number]

export function isAddEntity(value: string): value is AddEntity {
  return (ADD_ENTITIES as readonly string[]).includes(value)
}

/**
 * One list field of an add form: each ticked value goes to `field` of one record (with
 * two lists, one record per pair). `none`: the message when nothing is ticked, or null
 * when the list may be left empty (`field` is then as posted, usually empty); `standIn`: a well-formed
 * value of `field`, so that with nothing ticked the other fields are still checked in
 * full (zod runs a schema's cross-field rules only once every field has its shape).
 */
export type BatchList = { list: string; field: string; none: string | null; standIn: string }

export const BATCH_FORMS: Partial<Record<AddEntity, readonly BatchList[]>> = {
  citation: [{ list: 'targets', field: 'target', none: 'Tick at least one fact this quote supports.', standIn: 'case:summary' }],
  charge: [
    { list: 'partyIds', field: 'partyId', none: 'Tick at least one defendant.', standIn: '1' },
    { list: 'provisionIds', field: 'provisionId', none: null, standIn: '1' },
  ],
  party: [{ list: 'whos', field: 'who', none: 'Tick at least one person or organisation, or type a new name below.', standIn: 'person:1' }],
}

/** The list fields of the add forms: the only form fields whose every value is read (lib/actions/safe-action.ts `listFields`). */
export const BATCH_LIST_FIELDS = [...new Set(Object.values(BATCH_FORMS).flatMap((lists) => lists.map((l) => l.list)))]

/** At most this many records of the form's kind in one submission (a case has rarely more facts; one transaction stays short). */
export const BATCH_LIMIT = 200

/** The kinds whose add form can cite the records it creates: the parts of a case a citation can support. */
export const CITED_ON_ADD: readonly AddEntity[] = ['party', 'charge', 'event', 'conflictVersion']

/** The prefix of the "Source" group's fields on an add form: citeSourceId, citeQuote, citeLocator. */
export const CITE_PREFIX = 'cite'

/** A form field's name inside a group of fields: ("version1", "statement") → "version1Statement". */
export function prefixed(prefix: string, name: string): string {
  return `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`
}

/** The citation's own fields, as the citation form posts them. */
const CITE_NAMES = ['sourceId', 'quote', 'locator'] as const

/** The source, quote and place of a citation to make for a record being created, as typed. */
export type CiteValues = Record<(typeof CITE_NAMES)[number], string>

/**
 * Records created with their parent in the same form: the parent's id goes to
 * `parentField`. Each of `prefixes` is one group of fields (`version1Statement`…, and
 * its own "Source" group `version1CiteSourceId`…); a group left empty is ignored, and
 * at least `min` must be filled (`fewer` says so on the first empty group's `main`).
 */
export type PartForm = { entity: AddEntity; parentField: string; prefixes: readonly string[]; min: number; fields: readonly string[]; main: string; fewer: string }

export const PART_FORMS: Partial<Record<AddEntity, PartForm>> = {
  conflict: {
    entity: 'conflictVersion',
    parentField: 'conflictId',
    prefixes: ['version1', 'version2', 'version3'],
    min: 2,
    fields: ['statement', 'preferred'],
    main: 'statement',
    fewer: 'A disputed fact needs at least two versions: say what this one says.',
  },
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/**
 * The optional "Source" group with `prefix`: nothing (all empty), or the citation's
 * values, checked by the citation schema itself (the target is the record being
 * created, not known yet: a stand-in, its messages dropped).
 */
export function parseCite(values: Record<string, unknown>, prefix: string): { ok: true; cite: CiteValues | null } | { ok: false; fieldErrors: FieldErrors } {
  const cite = Object.fromEntries(CITE_NAMES.map((n) => [n, typeof values[prefixed(prefix, n)] === 'string' ? (values[prefixed(prefix, n)] as string) : ''])) as CiteValues
  if (CITE_NAMES.every((n) => isEmpty(cite[n]))) return { ok: true, cite: null }
  const parsed = CitationSchema.safeParse({ caseId: '1', target: 'case:summary', ...cite })
  if (parsed.success) return { ok: true, cite }
  return { ok: false, fieldErrors: citeErrors(fieldErrorsOf(parsed.error), prefix) }
}

/** A citation's errors as the add form shows them: its own fields' on the group's fields, anything else on the form. */
export function citeErrors(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, messages] of Object.entries(errors)) {
    const name = (CITE_NAMES as readonly string[]).includes(key) ? prefixed(prefix, key) : '_form'
    out[name] = [...new Set([...(out[name] ?? []), ...messages])]
  }
  return out
}

/** A part's errors as the add form shows them: on its group's fields (those of `parentField`, not typed by anyone, on the form). */
export function partErrors(errors: FieldErrors, part: PartForm, prefix: string): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, messages] of Object.entries(errors)) {
    const name = part.fields.includes(key) ? prefixed(prefix, key) : key === 'caseId' || key === '_form' ? key : '_form'
    out[name] = [...new Set([...(out[name] ?? []), ...messages])]
  }
  return out
}

/** A record's errors as the batch form shows them: each list's `field`'s on the list field. */
export function listErrors(entity: AddEntity, errors: FieldErrors): FieldErrors {
  return (BATCH_FORMS[entity] ?? []).reduce((e, l) => renamed(e, l.field, l.list), errors)
}

/** One record to create, the citation to make for it, and its parts (each with its own). */
export type AddItem<E extends AddEntity = AddEntity> = {
  record: RecordInput<E>
  cite: CiteValues | null
  parts: { entity: AddEntity; parentField: string; prefix: string; record: RecordInput<AddEntity>; cite: CiteValues | null }[]
}

export type AddParse<E extends AddEntity> = { ok: true; items: AddItem<E>[] } | { ok: false; fieldErrors: FieldErrors }

/**
 * An add form's values (`lists`: every ticked value of its list fields) as what to
 * write, or every error of the form in one answer: those of the record fields once,
 * those of the ticked values on their list field, those of each group on its fields.
 * Pure: the browser runs it before submitting, the write path again.
 */
export function parseAdd<E extends AddEntity>(entity: E, values: Record<string, unknown>, given: Record<string, readonly string[]> = {}): AddParse<E> {
  let errors: FieldErrors = {}
  // The party form's new people stand in the list as placeholders until they are created.
  let lists = given
  if (entity === 'party') {
    const people = newPeopleOf(values.newPeople)
    if (!people.ok) errors.newPeople = [people.message]
    else if (people.names.length) lists = { ...given, whos: [...(given.whos ?? []), ...people.names.map((_, i) => `person:${newPersonPlaceholder(i)}`)] }
  }
  // Each list's values, or the stand-in whose messages are dropped (nothing ticked).
  const columns: { list: BatchList; values: string[]; standIn: boolean }[] = []
  for (const l of BATCH_FORMS[entity] ?? []) {
    const ticked = [...new Set(lists[l.list] ?? [])]
    if (ticked.length > 0) columns.push({ list: l, values: ticked, standIn: false })
    // May be left empty: the record's field is then as posted (usually absent: empty).
    else if (l.none === null) continue
    else {
      errors[l.list] = [l.none]
      columns.push({ list: l, values: [l.standIn], standIn: true })
    }
  }
  let combos: Record<string, string>[] = [{}]
  for (const c of columns) combos = combos.flatMap((combo) => c.values.map((v) => ({ ...combo, [c.list.field]: v })))
  if (combos.length > BATCH_LIMIT) {
    const first = columns[0]!.list.list
    return { ok: false, fieldErrors: { [first]: [`Tick at most ${BATCH_LIMIT} at once.`] } }
  }
  const records: RecordInput<E>[] = []
  for (const combo of combos) {
    const parsed = RECORD_SCHEMAS[entity].safeParse({ ...values, ...combo })
    if (parsed.success) {
      records.push(parsed.data as RecordInput<E>)
      continue
    }
    let e = fieldErrorsOf(parsed.error)
    for (const c of columns) e = renamed(e, c.list.field, c.standIn ? null : c.list.list)
    errors = mergeErrors(errors, e)
  }

  let cite: CiteValues | null = null
  if (CITED_ON_ADD.includes(entity)) {
    const c = parseCite(values, CITE_PREFIX)
    if (c.ok) cite = c.cite
    else errors = mergeErrors(errors, c.fieldErrors)
  }

  const parts: AddItem['parts'] = []
  const part = PART_FORMS[entity]
  if (part) {
    const empty: string[] = []
    for (const prefix of part.prefixes) {
      const own = Object.fromEntries(part.fields.map((f) => [f, values[prefixed(prefix, f)]]))
      const citePrefix = prefixed(prefix, CITE_PREFIX)
      if (Object.values(own).every(isEmpty) && CITE_NAMES.every((n) => isEmpty(values[prefixed(citePrefix, n)]))) {
        empty.push(prefix)
        continue
      }
      // The parent is not written yet: a stand-in id, replaced by the write path.
      const parsed = RECORD_SCHEMAS[part.entity].safeParse({ ...own, caseId: values.caseId, [part.parentField]: '1' })
      if (!parsed.success) errors = mergeErrors(errors, partErrors(fieldErrorsOf(parsed.error), part, prefix))
      const c = CITED_ON_ADD.includes(part.entity) ? parseCite(values, citePrefix) : { ok: true as const, cite: null }
      if (!c.ok) errors = mergeErrors(errors, c.fieldErrors)
      if (parsed.success && c.ok) parts.push({ entity: part.entity, parentField: part.parentField, prefix, record: parsed.data as RecordInput<AddEntity>, cite: c.cite })
    }
    const filled = part.prefixes.length - empty.length
    for (const prefix of empty.slice(0, Math.max(0, part.min - filled))) errors = mergeErrors(errors, { [prefixed(prefix, part.main)]: [part.fewer] })
  }

  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors }
  return { ok: true, items: records.map((record) => ({ record, cite, parts })) }
}

/** At most this many new people in one party form. */
const NEW_PEOPLE_LIMIT = 20

/**
 * The party form's "People not in the list yet": one name per line, trimmed, each
 * once. A name is checked as the person form checks one.
 */
export function newPeopleOf(value: unknown): { ok: true; names: string[] } | { ok: false; message: string } {
  const lines = typeof value === 'string' ? value.split(/\r?\n/) : []
  const names: string[] = []
  for (const line of lines) {
    if (line.trim() === '') continue
    const parsed = nameField.safeParse(line)
    if (!parsed.success) return { ok: false, message: `“${line.trim().slice(0, 60)}”: ${parsed.error.issues[0]?.message ?? 'not a name.'}` }
    if (!names.includes(parsed.data)) names.push(parsed.data)
  }
  if (names.length > NEW_PEOPLE_LIMIT) return { ok: false, message: `Type at most ${NEW_PEOPLE_LIMIT} names at once.` }
  return { ok: true, names }
}

/** The id a new person stands in with until the write path creates it (the largest ids, which no record has yet). */
export function newPersonPlaceholder(index: number): number {
  return 2 ** 31 - 1 - index
}

/** A record's errors as the batch form shows them: the per-record `field`'s on the list field (or dropped: null). */
export function renamed(errors: FieldErrors, field: string, list: string | null): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, messages] of Object.entries(errors)) {
    if (key !== field) out[key] = messages
    else if (list !== null) out[list] = messages
  }
  return out
}

/** Two sets of field errors as one, each message once. */
export function mergeErrors(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a }
  for (const [key, messages] of Object.entries(b)) out[key] = [...new Set([...(out[key] ?? []), ...messages])]
  return out
}

/** An add form's optional "Source" group (fields `${prefix}SourceId`…), drawn as one group of fields. */
export function citeFields(prefix: string, group: FieldGroupSpec, what: string): FieldSpec[] {
  const inGroup = { group }
  return [
    {
      name: prefixed(prefix, 'sourceId'),
      label: 'Source',
      input: 'select',
      optionsKey: 'sources',
      emptyOption: 'None yet: cite it later',
      hint: `The source that states ${what}, if you have it at hand: one citation is saved for each record this form creates, as the citation form would save it.`,
      ...inGroup,
    },
    { name: prefixed(prefix, 'quote'), label: 'Quote', input: 'textarea', rows: 3, hint: 'Required with a source: a short passage, copied exactly, that says it.', ...inGroup },
    { name: prefixed(prefix, 'locator'), label: 'Where in the source', input: 'text', hint: 'Paragraph, page or section, e.g. “para. 4”.', ...inGroup },
  ]
}

const SOURCE_GROUP: FieldGroupSpec = { name: 'source', legend: 'Source (optional)' }

/** The case page's "Add a stage": the stage's fields and its "Source" group; the per-defendant blocks are drawn by the stage form (DECISION_BLOCK_SPECS). */
export const STAGE_ADD_FIELDS: FieldSpec[] = [...STAGE_FIELDS, ...citeFields(CITE_PREFIX, SOURCE_GROUP, 'the stage and the decisions below')]

/** The case page's "Add a citation": the facts the quote supports as boxes. */
export const CITATION_BATCH_FIELDS: FieldSpec[] = [
  {
    name: 'targets',
    label: 'Supports',
    input: 'checkboxes',
    required: true,
    optionsKey: 'citationTargets',
    hint: 'Tick every fact this quote states. One citation is saved for each, with the same source, quote and place.',
  },
  ...CITATION_FIELDS.filter((f) => f.name !== 'target'),
]

/** The case page's "Add a party": the people and organisations as boxes, and the source. */
export const PARTY_BATCH_FIELDS: FieldSpec[] = [
  {
    name: 'whos',
    label: 'People and organisations',
    input: 'checkboxes',
    required: true,
    optionsKey: 'parties',
    hint: 'Tick everyone who has this role in the case. One party is saved for each; edit each one on its own afterwards.',
  },
  {
    name: 'newPeople',
    label: 'People not in the list yet',
    input: 'textarea',
    rows: 2,
    hint: 'One name per line, as most English-language sources spell it. Each is created as a person and added with this role; a name like one already on record (any spelling or alias) is refused, so that nobody is entered twice.',
  },
  ...PARTY_FIELDS.filter((f) => f.name !== 'who'),
  ...citeFields(CITE_PREFIX, SOURCE_GROUP, 'the parties'),
]

/** The case page's "Add a charge": the defendants and the articles as boxes, and the source. */
export const CHARGE_BATCH_FIELDS: FieldSpec[] = [
  {
    name: 'partyIds',
    label: 'Defendants',
    input: 'checkboxes',
    required: true,
    optionsKey: 'defendants',
    hint: 'Tick everyone charged with it. One charge is saved for each; edit each one on its own afterwards.',
  },
  {
    name: 'provisionIds',
    label: 'Legal provisions',
    input: 'checkboxes',
    optionsKey: 'provisions',
    hint: 'Tick every article charged, or none when the sources name no article. One charge is saved for each defendant and each article.',
  },
  ...CHARGE_FIELDS.filter((f) => f.name !== 'partyId' && f.name !== 'provisionId'),
  ...citeFields(CITE_PREFIX, SOURCE_GROUP, 'the charges'),
]

/** The case page's "Add a disputed fact": the fact, and its versions each with its source. */
export const CONFLICT_BATCH_FIELDS: FieldSpec[] = [
  ...CONFLICT_FIELDS,
  ...PART_FORMS.conflict!.prefixes.flatMap((prefix, i): FieldSpec[] => {
    const optional = i >= PART_FORMS.conflict!.min
    const group: FieldGroupSpec = {
      name: prefix,
      legend: `Version ${i + 1}${optional ? ' (optional)' : ''}`,
      hint: i === 0 ? 'What each source says, each with the source that says it. A version left empty is not saved.' : undefined,
    }
    return [
      { name: prefixed(prefix, 'statement'), label: 'What this version says', input: 'textarea', rows: 2, required: !optional, group },
      { name: prefixed(prefix, 'preferred'), label: 'Preferred version (shown first; the others stay visible)', input: 'checkbox', group },
      ...citeFields(prefixed(prefix, CITE_PREFIX), group, 'this version'),
    ]
  }),
]

export const ADD_FIELDS: Record<AddEntity, FieldSpec[]> = {
  citation: CITATION_BATCH_FIELDS,
  party: PARTY_BATCH_FIELDS,
  charge: CHARGE_BATCH_FIELDS,
  event: [...EVENT_FIELDS, ...citeFields(CITE_PREFIX, SOURCE_GROUP, 'the event')],
  conflict: CONFLICT_BATCH_FIELDS,
  conflictVersion: [...CONFLICT_VERSION_FIELDS, ...citeFields(CITE_PREFIX, SOURCE_GROUP, 'the version')],
}

/**
 * Where to go after a save: one of our own editor pages, or nothing (the record's own
 * page). Never another site, never "//evil.example" (an open redirect).
 */
export const ReturnToSchema = z.preprocess((v) => (typeof v === 'string' && /^\/editor(\/[\w\-/%.]*)?(\?[\w\-=&%.]*)?$/.test(v) && !v.includes('//') && !v.includes('..') ? v : null), z.string().nullable())

/** Fields every save posts besides the record's own. */
export const EditEnvelopeSchema = z.object({
  entity: z.enum(ENTITIES, { error: 'Unknown kind of record.' }),
  id: optionalRefId('the record'),
  version: z.preprocess((v) => (v === '' || v === undefined ? null : v), versionField.nullable()),
  // Not "summary": a case has a summary field of its own.
  editSummary: optionalText('the edit summary', 500),
})
