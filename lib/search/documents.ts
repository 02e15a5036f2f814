import 'server-only'
import { CASE_KIND_LABELS, DECISION_LABELS, DISPOSITION_LABELS, jurisdictionLabel, ORGANISATION_KIND_LABELS, PARTY_ROLE_LABELS, SITUATION_LABELS, STAGE_KIND_LABELS } from '@/lib/domain/labels'
import { EVENT_KIND_LABELS, STATUS_LABELS } from '@/lib/domain/case-status'
import { formatPartialDate, fromColumns } from '@/lib/domain/partial-date'
import { provisionName } from '@/lib/domain/provision-name'
import { formatSentence, hasSentence } from '@/lib/domain/sentence'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { DatePrecision } from '@/lib/generated/prisma/enums'
import { nameSearchKey } from '@/lib/domain/fold-name'
import { SENTENCE_SELECT } from '@/lib/queries/case-citations'
import { publicCaseWhere, publicOrganisationWhere, publicPersonWhere } from '@/lib/queries/public-records'

// What each public record says to search: one document per record that has a public
// page (a published case, a public person or organisation, a provision, a source a
// published case cites), in the words its page shows them — labels, formatted dates
// ("April 2020"), provision names ("Article 174, part 1, Criminal Code"), sentences
// ("5 years' restricted freedom") — so that a reader finds what they read. Built from
// the database with Prisma only, so that any engine (lib/search/engine.ts) indexes the
// same documents. A record that is not public has no document: the index never holds
// what readers may not see.

export const SEARCH_KINDS = ['case', 'person', 'organisation', 'provision', 'source'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/**
 * A labelled passage of a record's page ("Event, April 2020", "Charge"). The label is
 * searched too when it says something of the record (a party's role: "Judge"), not when
 * every record of the kind has it ("Summary").
 */
export type SearchField = { label: string; text: string; labelSearched?: true }

export type SearchDocument = {
  kind: SearchKind
  id: number
  href: string
  /** The record's name as its page heads it. */
  title: string
  /** Other names it is known by (aliases, a provision's number): matched as strongly as the title. */
  names: string[]
  fields: SearchField[]
}

type Client = Prisma.TransactionClient

const date = (at: Date | null, precision: DatePrecision | null, approx: boolean) => {
  const d = fromColumns(at, precision, approx)
  return d ? formatPartialDate(d) : null
}
const joined = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' — ')
const field = (label: string, ...text: (string | null | undefined | false)[]): SearchField[] => {
  const t = joined(...text)
  return t.trim() ? [{ label, text: t }] : []
}
const labelled = (label: string, ...text: (string | null | undefined | false)[]): SearchField[] => field(label, ...text).map((f) => ({ ...f, labelSearched: true }))
const named = { select: { name: true, aliases: { select: { name: true } } } } as const
const nameOf = (p: { person: { name: string } | null; organisation: { name: string } | null }) => p.person?.name ?? p.organisation?.name ?? null

// ---------------------------------------------------------------------------

async function caseDocuments(client: Client, ids: number[]): Promise<SearchDocument[]> {
  const rows = await client.case.findMany({
    where: { id: { in: ids }, ...publicCaseWhere },
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      jurisdiction: true,
      caseNumber: true,
      summary: true,
      status: true,
      authority: { select: { name: true } },
      parties: {
        orderBy: { id: 'asc' },
        select: { role: true, outcome: true, situation: true, situationAt: true, situationPrecision: true, situationApprox: true, note: true, person: named, organisation: named },
      },
      charges: {
        orderBy: { id: 'asc' },
        select: {
          description: true,
          disposition: true,
          provision: { select: { article: true, part: true, paragraph: true, code: true, title: true } },
          party: { select: { person: named, organisation: named } },
        },
      },
      events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }], select: { kind: true, occurredAt: true, precision: true, approx: true, title: true, description: true } },
      stages: {
        orderBy: { id: 'asc' },
        select: {
          kind: true,
          courtName: true,
          court: { select: { name: true } },
          decidedAt: true,
          decidedPrecision: true,
          decidedApprox: true,
          note: true,
          decisions: { orderBy: { id: 'asc' }, select: { decision: true, ...SENTENCE_SELECT, party: { select: { person: named, organisation: named } } } },
        },
      },
      conflicts: { orderBy: { id: 'asc' }, select: { subject: true, note: true, versions: { orderBy: { position: 'asc' }, select: { statement: true } } } },
    },
  })
  return rows.map((c) => {
    const fields: SearchField[] = [
      ...field('Summary', c.summary),
      ...field('Case', c.caseNumber && `Case number ${c.caseNumber}`, CASE_KIND_LABELS[c.kind], jurisdictionLabel(c.jurisdiction), STATUS_LABELS[c.status], c.authority && `Brought by ${c.authority.name}`),
    ]
    for (const p of c.parties) {
      const who = p.person ?? p.organisation
      if (!who) continue
      fields.push(
        ...labelled(
          PARTY_ROLE_LABELS[p.role],
          who.name,
          who.aliases.length ? `also written ${who.aliases.map((a) => a.name).join(', ')}` : null,
          p.outcome,
          p.situation && joined(SITUATION_LABELS[p.situation], date(p.situationAt, p.situationPrecision, p.situationApprox)),
          p.note,
        ),
      )
    }
    for (const ch of c.charges) {
      fields.push(...field('Charge', nameOf(ch.party), ch.provision && provisionName(ch.provision, { title: true }), ch.description, DISPOSITION_LABELS[ch.disposition]))
    }
    for (const e of c.events) {
      const when = date(e.occurredAt, e.precision, e.approx)
      fields.push(...field(when ? `Event, ${when}` : 'Event', when, EVENT_KIND_LABELS[e.kind], e.title, e.description))
    }
    for (const st of c.stages) {
      const when = date(st.decidedAt, st.decidedPrecision, st.decidedApprox)
      fields.push(...labelled(STAGE_KIND_LABELS[st.kind], st.court?.name ?? st.courtName, when, st.note))
      for (const d of st.decisions) fields.push(...field('Decision', nameOf(d.party), DECISION_LABELS[d.decision], hasSentence(d) && formatSentence(d)))
    }
    for (const k of c.conflicts) fields.push(...field('Sources disagree', k.subject, ...k.versions.map((v) => v.statement), k.note))
    return { kind: 'case', id: c.id, href: `/cases/${c.slug}`, title: c.title, names: [], fields }
  })
}

const lifeEvents = {
  where: { caseId: null },
  orderBy: [{ occurredAt: 'asc' as const }, { id: 'asc' as const }],
  select: { kind: true, occurredAt: true, precision: true, approx: true, title: true, description: true },
} satisfies Prisma.Person$eventsArgs

async function personDocuments(client: Client, ids: number[]): Promise<SearchDocument[]> {
  const rows = await client.person.findMany({
    where: { id: { in: ids }, ...publicPersonWhere },
    select: { id: true, slug: true, name: true, description: true, aliases: { orderBy: { id: 'asc' }, select: { name: true } }, events: lifeEvents },
  })
  return rows.map((p) => ({
    kind: 'person',
    id: p.id,
    href: `/people/${p.slug}`,
    title: p.name,
    names: p.aliases.map((a) => a.name),
    fields: [
      ...field('About', p.description),
      ...field('Also written', p.aliases.map((a) => a.name).join(', ')),
      ...p.events.flatMap((e) => {
        const when = date(e.occurredAt, e.precision, e.approx)
        return field(when ? `Event, ${when}` : 'Event', when, EVENT_KIND_LABELS[e.kind], e.title, e.description)
      }),
    ],
  }))
}

async function organisationDocuments(client: Client, ids: number[]): Promise<SearchDocument[]> {
  const rows = await client.organisation.findMany({
    where: { AND: [{ id: { in: ids } }, publicOrganisationWhere] },
    select: { id: true, slug: true, name: true, kind: true, country: true, description: true, aliases: { orderBy: { id: 'asc' }, select: { name: true } } },
  })
  return rows.map((o) => ({
    kind: 'organisation',
    id: o.id,
    href: `/organisations/${o.slug}`,
    title: o.name,
    names: o.aliases.map((a) => a.name),
    fields: [...field('About', o.description), ...field('Also written', o.aliases.map((a) => a.name).join(', ')), ...field('Kind', ORGANISATION_KIND_LABELS[o.kind], o.country && jurisdictionLabel(o.country))],
  }))
}

async function provisionDocuments(client: Client, ids: number[]): Promise<SearchDocument[]> {
  // Every provision that is not deleted has its page (lib/data/provisions.ts).
  const rows = await client.legalProvision.findMany({
    where: { id: { in: ids }, deletedAt: null },
    select: { id: true, slug: true, jurisdiction: true, code: true, article: true, part: true, paragraph: true, title: true, description: true },
  })
  return rows.map((p) => ({
    kind: 'provision',
    id: p.id,
    href: `/provisions/${p.slug}`,
    title: provisionName(p),
    names: [p.title],
    fields: [...field('About', p.description), ...field('Code', p.code, jurisdictionLabel(p.jurisdiction))],
  }))
}

/** A source is public once a published case cites it, for any of its claims. */
const citedByPublicCase: Prisma.CitationWhereInput = {
  OR: [
    { case: publicCaseWhere },
    { event: { case: publicCaseWhere } },
    { charge: { case: publicCaseWhere } },
    { party: { case: publicCaseWhere } },
    { stage: { case: publicCaseWhere } },
    { decision: { case: publicCaseWhere } },
    { conflictVersion: { conflict: { case: publicCaseWhere } } },
  ],
}

async function sourceDocuments(client: Client, ids: number[]): Promise<SearchDocument[]> {
  const rows = await client.source.findMany({
    where: { id: { in: ids }, deletedAt: null, citations: { some: citedByPublicCase } },
    select: { id: true, title: true, publisher: true, authors: true, publishedAt: true, publishedPrecision: true, publishedApprox: true, description: true, text: true },
  })
  return rows.map((s) => ({
    kind: 'source',
    id: s.id,
    href: `/sources/${s.id}`,
    title: s.title,
    names: [],
    fields: [...field('Source', s.publisher, s.authors && `by ${s.authors}`, date(s.publishedAt, s.publishedPrecision, s.publishedApprox)), ...field('About', s.description), ...field('From the text', s.text)],
  }))
}

const BUILDERS: Record<SearchKind, (client: Client, ids: number[]) => Promise<SearchDocument[]>> = {
  case: caseDocuments,
  person: personDocuments,
  organisation: organisationDocuments,
  provision: provisionDocuments,
  source: sourceDocuments,
}

/** Ids per query: Prisma sends an `IN` list of this many parameters at most. */
export const DOCUMENTS_PER_BATCH = 500

/** The documents of those of `ids` that are public (one query per batch of ids). */
export async function buildDocuments(client: Client, kind: SearchKind, ids: readonly number[]): Promise<SearchDocument[]> {
  const unique = [...new Set(ids)]
  const out: SearchDocument[] = []
  for (let i = 0; i < unique.length; i += DOCUMENTS_PER_BATCH) out.push(...(await BUILDERS[kind](client, unique.slice(i, i + DOCUMENTS_PER_BATCH))))
  return out
}

/** Every id of `kind` after `afterId`, up to `take`: how a rebuild walks a table. */
export async function idsOf(client: Client, kind: SearchKind, afterId: number, take: number): Promise<number[]> {
  const args = { where: { id: { gt: afterId } }, orderBy: { id: 'asc' as const }, take, select: { id: true } }
  const rows =
    kind === 'case'
      ? await client.case.findMany(args)
      : kind === 'person'
        ? await client.person.findMany(args)
        : kind === 'organisation'
          ? await client.organisation.findMany(args)
          : kind === 'provision'
            ? await client.legalProvision.findMany(args)
            : await client.source.findMany(args)
  return rows.map((r) => r.id)
}

/**
 * What an engine indexes: the document's text folded as queries are (nameSearchKey),
 * so that case, diacritics, Cyrillic and Latin spellings and transliteration variants
 * all meet. Two parts, matched with different weights: the names, and the rest.
 */
export function foldedTextOf(doc: Pick<SearchDocument, 'title' | 'names' | 'fields'>): { names: string; body: string } {
  return {
    names: nameSearchKey([doc.title, ...doc.names].join(' ')),
    body: nameSearchKey(doc.fields.map((f) => (f.labelSearched ? `${f.label} ${f.text}` : f.text)).join(' \n ')),
  }
}
