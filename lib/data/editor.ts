import 'server-only'
import { requireEditor } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { EVENT_KIND_LABELS, sortEvents, STATUS_LABELS, timelineEventOf } from '@/lib/domain/case-status'
import { PARTY_ROLE_LABELS, DECISION_LABELS, DISPOSITION_LABELS, RELATION_LABELS } from '@/lib/domain/labels'
import { compareStages, formatSentence } from '@/lib/domain/sentence'
import { formatEventDate, formatPartialDate, fromColumns, isCertainlyAfter, type PartialDate } from '@/lib/domain/partial-date'
import { compareProvisions, provisionLevel, provisionName } from '@/lib/domain/provision-name'
import { citationTargetKey, citationTargetLabel, citationTargetValue, type CaseCitationField } from '@/lib/domain/citation-target'
import { unsourcedFactsOf } from '@/lib/domain/sourcing'
import { checkQuote, type QuoteCheck } from '@/lib/domain/quote-match'
import { loadCaseDetail } from '@/lib/data/cases'
import { caseCitationsWhere, DECISION_FACTS_SELECT, STAGE_FACTS_SELECT } from '@/lib/queries/case-citations'
import { caseTextWhere, namedWhere } from '@/lib/queries/name-search'
import { namesMatchQuery } from '@/lib/domain/fold-name'
import type { SelectOption } from '@/lib/validation/form-fields'

// What the editor pages read. Every function checks the session itself: a page or
// layout check alone is not enough (decision 007). Drafts and deleted records are
// visible here and in the write side's editor-reads.ts (../editing/), which has what
// the editor reads of the write model: a record's form values, its history.

const OPTION_LIMIT = 1000

// The pickers find people and organisations under their other spellings too.
const aliasNames = { orderBy: { id: 'asc' }, select: { name: true } } as const

/** `matched`: the other name the search found the record under, when it was not its own name. */
export type EditorListItem = { id: number; label: string; detail: string; deleted: boolean; draft: boolean; updatedAt: Date | null; matched?: string }

/** The first alias that answers the query, when the record's own name does not: the editor sees why it is listed. */
function matchedAlias(query: string, name: string, aliases: { name: string }[]): string | undefined {
  if (!query || namesMatchQuery(query, [name])) return undefined
  return aliases.find((a) => namesMatchQuery(query, [a.name]))?.name ?? aliases.map((a) => a.name).join(', ')
}

export async function listRecordsForEditor(entity: 'case' | 'person' | 'organisation' | 'provision' | 'source', query: string): Promise<EditorListItem[]> {
  await requireEditor()
  const q = query.trim()
  const take = 200
  switch (entity) {
    case 'case': {
      const rows = await db.case.findMany({
        where: caseTextWhere(q) ?? {},
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        take,
        select: { id: true, title: true, status: true, publishedAt: true, withdrawnAt: true, deletedAt: true, updatedAt: true, jurisdiction: true },
      })
      return rows.map((c) => ({
        id: c.id,
        label: c.title,
        detail: `${STATUS_LABELS[c.status]} · ${c.jurisdiction} · ${c.deletedAt ? 'deleted' : c.publishedAt ? 'published' : c.withdrawnAt ? 'withdrawn (unpublished)' : 'draft'}`,
        deleted: c.deletedAt !== null,
        draft: c.publishedAt === null,
        updatedAt: c.updatedAt,
      }))
    }
    case 'person': {
      const rows = await db.person.findMany({
        where: (q && namedWhere(q)) || {},
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, name: true, slug: true, deletedAt: true, updatedAt: true, aliases: { orderBy: { id: 'asc' }, select: { name: true } } },
      })
      return rows.map((p) => ({ id: p.id, label: p.name, detail: `/people/${p.slug}`, deleted: p.deletedAt !== null, draft: false, updatedAt: p.updatedAt, matched: matchedAlias(q, p.name, p.aliases) }))
    }
    case 'organisation': {
      const rows = await db.organisation.findMany({
        where: (q && namedWhere(q)) || {},
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take,
        select: { id: true, name: true, slug: true, deletedAt: true, updatedAt: true, aliases: { orderBy: { id: 'asc' }, select: { name: true } } },
      })
      return rows.map((o) => ({ id: o.id, label: o.name, detail: `/organisations/${o.slug}`, deleted: o.deletedAt !== null, draft: false, updatedAt: o.updatedAt, matched: matchedAlias(q, o.name, o.aliases) }))
    }
    case 'provision': {
      const rows = await db.legalProvision.findMany({
        where: q ? { OR: [{ title: { contains: q } }, { article: { contains: q } }] } : {},
        orderBy: [{ jurisdiction: 'asc' }, { code: 'asc' }, { article: 'asc' }, { part: 'asc' }, { paragraph: 'asc' }],
        take,
      })
      return rows
        .sort(compareProvisions)
        .map((p) => ({ id: p.id, label: provisionName(p, { title: true, tree: true }), detail: p.jurisdiction, deleted: p.deletedAt !== null, draft: false, updatedAt: p.updatedAt }))
    }
    case 'source': {
      const rows = await db.source.findMany({
        where: q ? { OR: [{ title: { contains: q } }, { publisher: { contains: q } }, { url: { contains: q } }] } : {},
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        select: { id: true, title: true, publisher: true, url: true, deletedAt: true, updatedAt: true },
      })
      return rows.map((s) => ({ id: s.id, label: s.title, detail: `${s.publisher}${s.url ? ` · ${s.url}` : ''}`, deleted: s.deletedAt !== null, draft: false, updatedAt: s.updatedAt }))
    }
  }
}

/** The facts of a person's life (events outside any case) in timeline order, with their citations. */
export async function listLifeEvents(personId: number) {
  await requireEditor()
  const events = await db.event.findMany({
    where: { personId, caseId: null },
    include: { citations: { orderBy: { id: 'asc' }, select: listedCitationSelect } },
  })
  const checked = new Map((await withQuoteChecks(events.flatMap((e) => e.citations))).map((c) => [c.id, c]))
  return inTimelineOrder(events).map((e) => ({
    id: e.id,
    version: e.version,
    title: e.title,
    date: formatEventDate(dateOf(e.occurredAt, e.precision, e.approx)),
    citations: e.citations.map((c) => checked.get(c.id)!),
  }))
}

type StoredEvent = { id: number; title: string; occurredAt: Date | null; precision: PartialDate['precision'] | null; approx: boolean; placedAfterId: number | null }

/** Stored events in the order every timeline shows them (lib/domain/case-status.ts sortEvents). */
function inTimelineOrder<T extends StoredEvent>(events: T[]): T[] {
  const rows = new Map(events.map((e) => [e.id, e]))
  return sortEvents(events.map(timelineEventOf)).map((e) => rows.get(e.id)!)
}

/** "10 March 2019: Arrested in Almaty", "date not reported: Released on parole". */
const eventOption = (e: StoredEvent): SelectOption => ({ value: String(e.id), label: `${formatEventDate(dateOf(e.occurredAt, e.precision, e.approx))}: ${e.title}` })

const timelineSelect = { id: true, title: true, occurredAt: true, precision: true, approx: true, placedAfterId: true } as const

/** The citations of a person's, an organisation's or a provision's description. */
export async function listDescriptionCitations(owner: 'person' | 'organisation' | 'provision', id: number) {
  await requireEditor()
  const rows = await db.citation.findMany({
    where: owner === 'person' ? { personId: id } : owner === 'organisation' ? { organisationId: id } : { provisionId: id },
    orderBy: { id: 'asc' },
    select: listedCitationSelect,
  })
  return withQuoteChecks(rows)
}

// ---------------------------------------------------------------------------
// Quotes held to their source: each citation the editor's lists show says whether its
// quote is in the source's stored text (lib/domain/quote-match.ts). Readers never see it.

const listedCitationSelect = { id: true, version: true, quote: true, translation: true, locator: true, source: { select: { id: true, title: true, publisher: true } } } as const

/** The citations with `quoteCheck`; each source's text (up to 500,000 characters) is read once, not once per citation. */
async function withQuoteChecks<C extends { quote: string; source: { id: number } }>(citations: C[]): Promise<(C & { quoteCheck: QuoteCheck })[]> {
  const sourceIds = [...new Set(citations.map((c) => c.source.id))]
  const texts = new Map((await db.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, text: true } })).map((s) => [s.id, s.text]))
  return citations.map((c) => ({ ...c, quoteCheck: checkQuote(c.quote, texts.get(c.source.id) ?? '') }))
}

/**
 * Whether the quote of citations just saved is in their source's stored text: the
 * save's notice says so. Of several (one quote for several facts), the first problem.
 */
export async function quoteCheckOfCitations(ids: readonly number[]): Promise<QuoteCheck> {
  await requireEditor()
  const rows = await db.citation.findMany({ where: { id: { in: [...ids] } }, select: { quote: true, source: { select: { id: true } } } })
  const checks = (await withQuoteChecks(rows)).map((c) => c.quoteCheck)
  return checks.find((c) => c === 'no-text') ?? checks.find((c) => c === 'not-found') ?? 'found'
}

export async function listAliases(owner: 'person' | 'organisation', id: number) {
  await requireEditor()
  return db.alias.findMany({
    where: owner === 'person' ? { personId: id } : { organisationId: id },
    orderBy: { name: 'asc' },
    select: { id: true, version: true, name: true, script: true, kind: true },
  })
}

const dateOf = (at: Date | null, precision: PartialDate['precision'] | null, approx: boolean) => fromColumns(at, precision, approx)
const shortDate = (d: PartialDate | null) => (d ? formatPartialDate(d) : 'undated')

/** The case fields the "Supports" menu offers, in its order (not the title). */
const OFFERED_CASE_FIELDS: readonly CaseCitationField[] = ['summary', 'status', 'opened', 'closed']

/**
 * Choices for the selects a form needs (`optionsKey` in the field specs). `lifeOf`: the
 * person whose life events a form places an undated fact among (no case).
 */
export async function getFormOptions(caseId: number | null, lifeOf: number | null = null): Promise<Record<string, SelectOption[]>> {
  await requireEditor()
  const [people, organisations, provisions, sources, cases] = await Promise.all([
    db.person.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' }, take: OPTION_LIMIT, select: { id: true, name: true, aliases: aliasNames } }),
    db.organisation.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' }, take: OPTION_LIMIT, select: { id: true, name: true, aliases: aliasNames } }),
    db.legalProvision.findMany({ where: { deletedAt: null }, orderBy: [{ jurisdiction: 'asc' }, { code: 'asc' }, { article: 'asc' }, { part: 'asc' }, { paragraph: 'asc' }], take: OPTION_LIMIT }),
    db.source.findMany({
      where: { deletedAt: null },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: OPTION_LIMIT,
      select: { id: true, title: true, publisher: true, publishedAt: true, publishedPrecision: true, publishedApprox: true },
    }),
    db.case.findMany({ where: { deletedAt: null, NOT: caseId ? { id: caseId } : undefined }, orderBy: { updatedAt: 'desc' }, take: OPTION_LIMIT, select: { id: true, title: true } }),
  ])
  const options: Record<string, SelectOption[]> = {
    organisations: organisations.map((o) => ({ value: String(o.id), label: o.name, aliases: o.aliases.map((a) => a.name) })),
    parties: [
      ...people.map((p) => ({ value: `person:${p.id}`, label: p.name, aliases: p.aliases.map((a) => a.name) })),
      ...organisations.map((o) => ({ value: `organisation:${o.id}`, label: `${o.name} (organisation)`, aliases: o.aliases.map((a) => a.name) })),
    ],
    // In tree order, each part after its article: "Article 174 › part 1, Criminal Code: …".
    provisions: provisions.sort(compareProvisions).map((p) => ({ value: String(p.id), label: provisionName(p, { title: true, tree: true }) })),
    // What a part or paragraph can be placed under: articles and parts (a paragraph has no sub-provisions).
    provisionParents: provisions.filter((p) => provisionLevel(p) !== 'paragraph').map((p) => ({ value: String(p.id), label: provisionName(p, { title: true, tree: true }) })),
    sources: sources.map((s) => ({ value: String(s.id), label: `${s.publisher}, ${shortDate(dateOf(s.publishedAt, s.publishedPrecision, s.publishedApprox))}: ${s.title}` })),
    cases: cases.map((c) => ({ value: String(c.id), label: c.title })),
  }
  if (caseId === null && lifeOf !== null) {
    options.placements = inTimelineOrder(await db.event.findMany({ where: { personId: lifeOf, caseId: null }, select: timelineSelect })).map(eventOption)
  }
  if (caseId !== null) {
    const c = await db.case.findUnique({
      where: { id: caseId },
      select: {
        parties: { orderBy: { id: 'asc' }, select: { id: true, role: true, person: { select: { name: true } }, organisation: { select: { name: true } } } },
        charges: {
          orderBy: { id: 'asc' },
          select: {
            id: true,
            description: true,
            provision: { select: { article: true, part: true, paragraph: true, code: true } },
            party: { select: { person: { select: { name: true } }, organisation: { select: { name: true } } } },
          },
        },
        events: { select: timelineSelect },
        stages: { select: STAGE_FACTS_SELECT },
        decisions: { orderBy: { id: 'asc' }, select: { ...DECISION_FACTS_SELECT, stageId: true } },
        conflicts: { orderBy: { id: 'asc' }, select: { id: true, subject: true, versions: { orderBy: { position: 'asc' }, select: { id: true, statement: true } } } },
      },
    })
    if (c) {
      const partyName = (p: { person: { name: string } | null; organisation: { name: string } | null }) => p.person?.name ?? p.organisation?.name ?? '?'
      options.defendants = c.parties.map((p) => ({ value: String(p.id), label: `${partyName(p)} (${PARTY_ROLE_LABELS[p.role].toLowerCase()})` }))
      // Whom a stage decides for: the defendants, and the person an international body's review concerns.
      options.decidedFor = c.parties.filter((p) => p.role === 'DEFENDANT' || p.role === 'VICTIM').map((p) => ({ value: String(p.id), label: `${partyName(p)} (${PARTY_ROLE_LABELS[p.role].toLowerCase()})` }))
      const events = inTimelineOrder(c.events)
      options.events = events.map(eventOption)
      // Where an undated event goes: right after one of these.
      options.placements = options.events
      options.conflicts = c.conflicts.map((k) => ({ value: String(k.id), label: k.subject }))
      const stages = [...c.stages].sort(compareStages)
      const stageClaim = (st: (typeof stages)[number]) => ({
        kind: 'stage' as const,
        stage: st.kind,
        court: st.court?.name ?? (st.courtName || null),
        date: dateOf(st.decidedAt, st.decidedPrecision, st.decidedApprox),
      })
      options.stages = stages.map((st) => ({ value: String(st.id), label: citationTargetLabel(stageClaim(st)).replace(/^Stage: /, '') }))
      const stageRank = new Map(stages.map((st, i) => [st.id, i]))
      const decisions = [...c.decisions].sort((a, b) => (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0) || a.id - b.id)
      // Grouped by kind, in the order a case page shows them; labelled as everywhere else (citationTargetLabel).
      options.citationTargets = [
        ...OFFERED_CASE_FIELDS.map((field) => ({ value: `case:${field}`, label: citationTargetLabel({ kind: 'case', field }), group: 'The case' })),
        ...c.parties.map((p) => ({ value: `party:${p.id}`, label: citationTargetLabel({ kind: 'party', name: partyName(p), role: p.role }), group: 'Parties' })),
        ...c.charges.map((ch) => ({
          value: `charge:${ch.id}`,
          label: citationTargetLabel({ kind: 'charge', defendant: partyName(ch.party), provision: ch.provision, description: ch.description }),
          group: 'Charges',
        })),
        ...events.map((e) => ({ value: `event:${e.id}`, label: citationTargetLabel({ kind: 'event', date: dateOf(e.occurredAt, e.precision, e.approx), title: e.title }), group: 'Events' })),
        ...stages.map((st) => ({ value: `stage:${st.id}`, label: citationTargetLabel(stageClaim(st)), group: 'Stages and decisions' })),
        ...decisions.map((d) => ({
          value: `decision:${d.id}`,
          label: citationTargetLabel({ kind: 'decision', stage: d.stage.kind, defendant: partyName(d.party), decision: d.decision, sentence: formatSentence(d) }),
          group: 'Stages and decisions',
        })),
        ...c.conflicts.flatMap((k) =>
          k.versions.map((v) => ({ value: `conflictVersion:${v.id}`, label: citationTargetLabel({ kind: 'conflictVersion', subject: k.subject, statement: v.statement }), group: 'Disputed facts' })),
        ),
      ]
      // The sources this case already cites come first: the next citation is most often from one of them.
      const cited = new Set(
        (
          await db.citation.findMany({
            where: caseCitationsWhere({ id: caseId, parties: c.parties, charges: c.charges, events: c.events, stages: c.stages, decisions: c.decisions, conflicts: c.conflicts }),
            select: { sourceId: true },
            distinct: ['sourceId'],
          })
        ).map((r) => String(r.sourceId)),
      )
      if (cited.size > 0) {
        options.sources = [
          ...options.sources!.filter((o) => cited.has(o.value)).map((o) => ({ ...o, group: 'Cited on this case' })),
          ...options.sources!.filter((o) => !cited.has(o.value)).map((o) => ({ ...o, group: 'Other sources' })),
        ]
      }
    }
  }
  return options
}

// ---------------------------------------------------------------------------

export type WorkspaceCitation = {
  id: number
  version: number
  quote: string
  translation: string
  locator: string
  quoteCheck: QuoteCheck
  source: { id: number; title: string; publisher: string; published: PartialDate | null; revised: PartialDate | null }
}

/** `sourceDate`: the dates the source gives, as a phrase ("4 February 2021, updated 10 March 2021"). */
export type DateWarning = { eventId: number; eventTitle: string; eventDate: string; sourceId: number; sourceTitle: string; sourceDate: string }

export async function getCaseWorkspace(id: number) {
  await requireEditor()
  const c = await db.case.findUnique({
    where: { id },
    include: {
      authority: { select: { name: true } },
      parties: { orderBy: { id: 'asc' }, include: { person: { select: { name: true, slug: true } }, organisation: { select: { name: true, slug: true } } } },
      charges: { orderBy: { id: 'asc' }, include: { provision: true, party: { include: { person: { select: { name: true } }, organisation: { select: { name: true } } } } } },
      events: true,
      stages: { include: { court: { select: { name: true } } } },
      decisions: { orderBy: { id: 'asc' }, include: { stage: { select: { kind: true } }, party: { include: { person: { select: { name: true } }, organisation: { select: { name: true } } } } } },
      relationsOut: { include: { toCase: { select: { id: true, title: true } } } },
      conflicts: { orderBy: { id: 'asc' }, include: { versions: { orderBy: { position: 'asc' } } } },
    },
  })
  if (!c) return null
  const citationRows = await db.citation.findMany({
    where: caseCitationsWhere(c),
    orderBy: { id: 'asc' },
    include: { source: { select: { id: true, title: true, publisher: true, publishedAt: true, publishedPrecision: true, publishedApprox: true, revisedAt: true, revisedPrecision: true, revisedApprox: true } } },
  })
  const citations = (await withQuoteChecks(citationRows)).map((r) => ({
    ...r,
    target: citationTargetValue(r),
    source: {
      id: r.source.id,
      title: r.source.title,
      publisher: r.source.publisher,
      published: dateOf(r.source.publishedAt, r.source.publishedPrecision, r.source.publishedApprox),
      revised: dateOf(r.source.revisedAt, r.source.revisedPrecision, r.source.revisedApprox),
    },
  }))
  const citationsFor = (target: string) => citations.filter((x) => x.target === target)

  const events = inTimelineOrder(c.events)
  // An event a source reports cannot happen after the source was last written: a date
  // typed wrong, or the wrong source. A source updated after publication may report
  // what happened in between, so the bound is every date the source gives (published,
  // updated): warn only when the event is certainly after all of them. An undated event
  // has no date to check. The editor decides.
  const warnings: DateWarning[] = []
  for (const e of events) {
    const eventDate = dateOf(e.occurredAt, e.precision, e.approx)
    if (!eventDate) continue
    for (const cit of citationsFor(`event:${e.id}`)) {
      const { published, revised } = cit.source
      const bounds = [published, revised].filter((d): d is PartialDate => d !== null)
      if (bounds.length && bounds.every((d) => isCertainlyAfter(eventDate, d))) {
        warnings.push({
          eventId: e.id,
          eventTitle: e.title,
          eventDate: formatPartialDate(eventDate),
          sourceId: cit.source.id,
          sourceTitle: cit.source.title,
          sourceDate: [published ? formatPartialDate(published) : 'no publication date', ...(revised ? [`updated ${formatPartialDate(revised)}`] : [])].join(', '),
        })
      }
    }
  }
  const partyName = (p: { person: { name: string } | null; organisation: { name: string } | null }) => p.person?.name ?? p.organisation?.name ?? '?'
  return {
    case: c,
    state: c.deletedAt ? ('deleted' as const) : c.publishedAt ? ('published' as const) : c.withdrawnAt ? ('withdrawn' as const) : ('draft' as const),
    parties: c.parties.map((p) => ({ id: p.id, version: p.version, name: partyName(p), role: PARTY_ROLE_LABELS[p.role], outcome: p.outcome, citations: citationsFor(`party:${p.id}`) })),
    stages: [...c.stages].sort(compareStages).map((st) => ({
      id: st.id,
      version: st.version,
      kind: st.kind,
      label: citationTargetLabel({ kind: 'stage', stage: st.kind, court: st.court?.name ?? (st.courtName || null), date: dateOf(st.decidedAt, st.decidedPrecision, st.decidedApprox) }).replace(/^Stage: /, ''),
      citations: citationsFor(`stage:${st.id}`),
      decisions: c.decisions
        .filter((d) => d.stageId === st.id)
        .map((d) => ({
          id: d.id,
          version: d.version,
          defendant: partyName(d.party),
          decision: DECISION_LABELS[d.decision],
          sentence: formatSentence(d),
          citations: citationsFor(`decision:${d.id}`),
        })),
    })),
    charges: c.charges.map((ch) => ({
      id: ch.id,
      version: ch.version,
      defendant: partyName(ch.party),
      provision: ch.provision ? provisionName(ch.provision, { title: true }) : null,
      description: ch.description,
      disposition: DISPOSITION_LABELS[ch.disposition],
      citations: citationsFor(`charge:${ch.id}`),
    })),
    events: events.map((e) => ({
      id: e.id,
      version: e.version,
      title: e.title,
      kind: EVENT_KIND_LABELS[e.kind],
      date: formatEventDate(dateOf(e.occurredAt, e.precision, e.approx)),
      citations: citationsFor(`event:${e.id}`),
    })),
    relations: c.relationsOut.map((r) => ({ id: r.id, version: r.version, label: RELATION_LABELS[r.kind].outgoing, other: r.toCase })),
    conflicts: c.conflicts.map((k) => ({
      id: k.id,
      version: k.version,
      subject: k.subject,
      versions: k.versions.map((v) => ({ id: v.id, version: v.version, statement: v.statement, preferred: v.preferred, citations: citationsFor(`conflictVersion:${v.id}`) })),
    })),
    unsourced: unsourcedFactsOf(c, new Set(citationRows.map(citationTargetKey))),
    citationCount: citations.length,
    caseCitations: {
      status: citationsFor('case:status'),
      opened: citationsFor('case:opened'),
      closed: citationsFor('case:closed'),
      summary: citationsFor('case:summary'),
      title: citationsFor('case:title'),
    },
    warnings,
  }
}

/** A case as its public page would show it, drafts included: the editor's preview. */
export async function getCaseForPreview(id: number) {
  await requireEditor()
  return loadCaseDetail({ id, deletedAt: null })
}

export type CaseWorkspace = NonNullable<Awaited<ReturnType<typeof getCaseWorkspace>>>
