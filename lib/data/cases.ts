import 'server-only'
import { SENTENCE_SELECT } from '@/lib/queries/case-citations'
import { db } from '@/lib/db'
import { sortEvents, type CaseStatus } from '@/lib/domain/case-status'
import { compareProvisions } from '@/lib/domain/provision-name'
import { fromColumns } from '@/lib/domain/partial-date'
import type { Prisma } from '@/lib/generated/prisma/client'
import { PAGE_SIZE, type CaseFilters, type CaseQuery } from '@/lib/validation/case-filters'
import { citationTargetKey } from '@/lib/domain/citation-target'
import { compareStages, formatSentence, sentenceInForce, type Sentence } from '@/lib/domain/sentence'
import type { DatePrecision, DecisionKind, StageKind } from '@/lib/generated/prisma/enums'
import type { CaseDetailDTO, CaseListItemDTO, CitationDTO, NamedRefDTO, ProvisionRefDTO, SentenceHistoryDTO, StageDTO } from './dto'
import { byId, caseStatusSelect, citationSelect, eventDate, isPresent, provisionRefSelect, publicCaseWhere, publicPersonWhere, toCaseStatus, toCitation, toPartyRef, toProvisionRef } from './shared'
import { caseCitationsWhere } from '@/lib/queries/case-citations'
import { caseTextWhere } from '@/lib/queries/name-search'

// ---------------------------------------------------------------------------
// Dashboard

/**
 * The provision named by `slug` and every provision under it (its parts and their
 * paragraphs): a case charged under part 1 of article 174 is charged under article 174.
 * Null when the slug names nothing.
 */
export async function provisionAndDescendantIds(slug: string): Promise<number[] | null> {
  const p = await db.legalProvision.findUnique({ where: { slug }, select: { id: true } })
  if (!p) return null
  const below = await db.legalProvision.findMany({ where: { OR: [{ parentId: p.id }, { parent: { parentId: p.id } }] }, select: { id: true } })
  return [p.id, ...below.map((b) => b.id)]
}

/**
 * Turns URL filters into a Prisma `where`. Person and provision arrive as slugs and
 * are resolved to ids first, so the case query filters through indexed foreign keys.
 * Returns null when a slug names nothing: no case can match.
 */
async function caseWhere(filters: CaseFilters, { withStatus = true } = {}): Promise<Prisma.CaseWhereInput | null> {
  const [person, provision] = await Promise.all([
    filters.person ? db.person.findUnique({ where: { slug: filters.person }, select: { id: true } }) : null,
    filters.provision ? provisionAndDescendantIds(filters.provision) : null,
  ])
  if ((filters.person && !person) || (filters.provision && !provision)) return null

  const and: Prisma.CaseWhereInput[] = [publicCaseWhere]
  if (withStatus && filters.statuses.length) and.push({ status: { in: filters.statuses } })
  if (filters.kind) and.push({ kind: filters.kind })
  if (filters.jurisdiction) and.push({ jurisdiction: filters.jurisdiction })
  if (person) and.push({ parties: { some: { personId: person.id } } })
  if (provision) and.push({ charges: { some: { provisionId: { in: provision } } } })
  if (filters.year) {
    // Active during the year: begun by its end, not finished before its start.
    and.push({ firstYear: { lte: filters.year } })
    and.push({ OR: [{ lastYear: null }, { lastYear: { gte: filters.year } }] })
  }
  // The kinds in force, stored per case by the write path ("|FINE|ACTIVITY_BAN|").
  if (filters.sentence) and.push({ sentenceKinds: { contains: `|${filters.sentence}|` } })
  if (filters.q) {
    const text = caseTextWhere(filters.q)
    if (text) and.push(text)
  }
  return { AND: and }
}

const ORDER: Record<CaseQuery['sort'], Prisma.CaseOrderByWithRelationInput[]> = {
  recent: [{ lastEventAt: 'desc' }, { id: 'desc' }],
  oldest: [{ lastEventAt: 'asc' }, { id: 'asc' }],
  opened: [{ openedAt: 'desc' }, { id: 'desc' }],
  title: [{ title: 'asc' }, { id: 'asc' }],
}

export type CaseListPage = {
  items: CaseListItemDTO[]
  total: number
  page: number
  pageCount: number
  pageSize: number
}

export async function listCases(query: CaseQuery): Promise<CaseListPage> {
  const where = await caseWhere(query)
  if (!where) return { items: [], total: 0, page: query.page, pageCount: 0, pageSize: PAGE_SIZE }
  const [rows, total] = await Promise.all([
    db.case.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        slug: true,
        title: true,
        kind: true,
        jurisdiction: true,
        ...caseStatusSelect,
        _count: { select: { conflicts: true } },
        parties: {
          where: { role: 'DEFENDANT' },
          orderBy: { id: 'asc' },
          select: { person: { select: { slug: true, name: true } }, organisation: { select: { slug: true, name: true } } },
        },
        charges: { orderBy: { id: 'asc' }, select: { provision: { select: provisionRefSelect } } },
        lastEvent: { select: { title: true, kind: true, occurredAt: true, precision: true, approx: true } },
      },
    }),
    db.case.count({ where }),
  ])
  const items = rows.map((c): CaseListItemDTO => {
    const provisions = new Map<string, ProvisionRefDTO>()
    for (const ch of c.charges) if (ch.provision) provisions.set(ch.provision.slug, toProvisionRef(ch.provision))
    return {
      slug: c.slug,
      title: c.title,
      kind: c.kind,
      jurisdiction: c.jurisdiction,
      ...toCaseStatus(c),
      conflictCount: c._count.conflicts,
      defendants: c.parties.map(toPartyRef).filter(isPresent),
      provisions: [...provisions.values()],
      lastEvent: c.lastEvent ? { title: c.lastEvent.title, kind: c.lastEvent.kind, date: eventDate(c.lastEvent) } : null,
    }
  })
  return { items, total, page: query.page, pageCount: Math.ceil(total / PAGE_SIZE), pageSize: PAGE_SIZE }
}

/** Case counts by status under the other active filters (the status filter itself is ignored). */
export async function countCasesByStatus(filters: CaseFilters): Promise<Partial<Record<CaseStatus, number>>> {
  const where = await caseWhere(filters, { withStatus: false })
  if (!where) return {}
  const groups = await db.case.groupBy({ by: ['status'], where, _count: { _all: true } })
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]))
}

export type DashboardOptions = {
  provisions: ProvisionRefDTO[]
  jurisdictions: string[]
  years: { min: number; max: number } | null
  person: NamedRefDTO | null
}

/** What the filter controls offer. Small tables only: provisions and jurisdictions. */
export async function getDashboardOptions(personSlug: string | null): Promise<DashboardOptions> {
  const [provisions, jurisdictions, firstYear, person] = await Promise.all([
    db.legalProvision.findMany({
      // Only provisions a published case charges, itself or under one of its parts or
      // paragraphs (filtering by an article includes them): a draft's charges show nowhere.
      where: {
        deletedAt: null,
        OR: [
          { charges: { some: { case: publicCaseWhere } } },
          { children: { some: { charges: { some: { case: publicCaseWhere } } } } },
          { children: { some: { children: { some: { charges: { some: { case: publicCaseWhere } } } } } } },
        ],
      },
      orderBy: [{ jurisdiction: 'asc' }, { code: 'asc' }, { article: 'asc' }, { part: 'asc' }, { paragraph: 'asc' }],
      select: provisionRefSelect,
      take: 500,
    }),
    // groupBy, not findMany({ distinct }): Prisma does `distinct` in memory, after
    // reading every case.
    db.case.groupBy({ by: ['jurisdiction'], where: publicCaseWhere, orderBy: { jurisdiction: 'asc' } }),
    db.case.findFirst({ where: { ...publicCaseWhere, firstYear: { not: null } }, orderBy: { firstYear: 'asc' }, select: { firstYear: true } }),
    // Named only if public: a person in drafts only, or deleted, is named on no public page.
    personSlug ? db.person.findFirst({ where: { slug: personSlug, ...publicPersonWhere }, select: { slug: true, name: true } }) : null,
  ])
  const min = firstYear?.firstYear
  return {
    // Tree order: each part right after its article.
    provisions: provisions.sort(compareProvisions),
    jurisdictions: jurisdictions.map((j) => j.jurisdiction),
    years: min ? { min, max: new Date().getUTCFullYear() } : null,
    person,
  }
}

// ---------------------------------------------------------------------------
// Case status page

type CitationRow = Parameters<typeof toCitation>[0]

/** Every citation on a case page in one query, grouped by the claim it supports ("event:12", "case:summary"). */
async function loadCaseCitations(c: {
  id: number
  parties: { id: number }[]
  charges: { id: number }[]
  events: { id: number }[]
  stages: { id: number }[]
  decisions: { id: number }[]
  conflicts: { versions: { id: number }[] }[]
}): Promise<Map<string, CitationRow[]>> {
  const rows = await db.citation.findMany({
    where: caseCitationsWhere(c),
    select: { ...citationSelect, field: true, caseId: true, partyId: true, chargeId: true, eventId: true, stageId: true, decisionId: true, conflictVersionId: true },
  })
  const grouped = new Map<string, CitationRow[]>()
  for (const row of rows) {
    const key = citationTargetKey(row)
    const list = grouped.get(key) ?? []
    list.push(row)
    grouped.set(key, list)
  }
  return grouped
}

/** A published case's page. */
export async function getCaseBySlug(slug: string): Promise<CaseDetailDTO | null> {
  return loadCaseDetail({ slug, ...publicCaseWhere })
}

/**
 * A case's page for the cases `where` selects. Public pages pass publicCaseWhere; only
 * the editor's preview (lib/data/editor.ts, which checks the session) passes drafts.
 */
export async function loadCaseDetail(where: Prisma.CaseWhereInput): Promise<CaseDetailDTO | null> {
  const c = await db.case.findFirst({
    where,
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      jurisdiction: true,
      caseNumber: true,
      summary: true,
      ...caseStatusSelect,
      openedAt: true,
      openedPrecision: true,
      openedApprox: true,
      closedAt: true,
      closedPrecision: true,
      closedApprox: true,
      updatedAt: true,
      authority: { select: { slug: true, name: true, kind: true } },
      parties: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          role: true,
          outcome: true,
          situation: true,
          situationAt: true,
          situationPrecision: true,
          situationApprox: true,
          note: true,
          person: { select: { slug: true, name: true } },
          organisation: { select: { slug: true, name: true } },
        },
      },
      charges: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          description: true,
          disposition: true,
          dispositionAt: true,
          dispositionPrecision: true,
          dispositionApprox: true,
          provision: { select: provisionRefSelect },
          party: { select: { person: { select: { slug: true, name: true } }, organisation: { select: { slug: true, name: true } } } },
        },
      },
      events: {
        select: {
          id: true,
          kind: true,
          occurredAt: true,
          precision: true,
          approx: true,
          placedAfterId: true,
          title: true,
          description: true,
          statusAfter: true,
        },
      },
      stages: {
        select: {
          id: true,
          kind: true,
          court: { select: { slug: true, name: true, deletedAt: true } },
          courtName: true,
          decidedAt: true,
          decidedPrecision: true,
          decidedApprox: true,
          note: true,
        },
      },
      decisions: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          stageId: true,
          partyId: true,
          decision: true,
          ...SENTENCE_SELECT,
        },
      },
      conflicts: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          subject: true,
          note: true,
          eventId: true,
          versions: {
            orderBy: [{ position: 'asc' }, { id: 'asc' }],
            select: { id: true, statement: true, preferred: true },
          },
        },
      },
      relationsOut: {
        where: { toCase: publicCaseWhere },
        select: { kind: true, note: true, toCase: { select: { slug: true, title: true, status: true } } },
      },
      relationsIn: {
        where: { fromCase: publicCaseWhere },
        select: { kind: true, note: true, fromCase: { select: { slug: true, title: true, status: true } } },
      },
    },
  })
  if (!c) return null

  const citations = await loadCaseCitations(c)
  const cites = (key: string) => (citations.get(key) ?? []).sort(byId).map(toCitation)
  const { stages, histories, inForce } = stagesOf(c, cites)
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    kind: c.kind,
    jurisdiction: c.jurisdiction,
    caseNumber: c.caseNumber,
    authority: c.authority,
    summary: c.summary,
    summaryCitations: cites('case:summary'),
    ...toCaseStatus(c),
    statusCitations: cites('case:status'),
    opened: fromColumns(c.openedAt, c.openedPrecision, c.openedApprox),
    openedCitations: cites('case:opened'),
    closed: fromColumns(c.closedAt, c.closedPrecision, c.closedApprox),
    closedCitations: cites('case:closed'),
    parties: c.parties.map((p) => ({
      id: p.id,
      role: p.role,
      person: p.person,
      organisation: p.organisation,
      outcome: p.outcome,
      sentence: inForce.get(p.id) ?? null,
      situation: p.situation,
      situationAsOf: fromColumns(p.situationAt, p.situationPrecision, p.situationApprox),
      note: p.note,
      citations: cites(`party:${p.id}`),
    })),
    charges: c.charges.map((ch) => ({
      id: ch.id,
      defendant: ch.party.person ?? ch.party.organisation,
      provision: ch.provision ? toProvisionRef(ch.provision) : null,
      description: ch.description,
      disposition: ch.disposition,
      dispositionDate: fromColumns(ch.dispositionAt, ch.dispositionPrecision, ch.dispositionApprox),
      citations: cites(`charge:${ch.id}`),
    })),
    events: sortEvents(
      c.events.map((e) => ({
        id: e.id,
        kind: e.kind,
        date: eventDate(e),
        placedAfterId: e.placedAfterId,
        title: e.title,
        description: e.description,
        statusAfter: e.statusAfter,
        citations: cites(`event:${e.id}`),
      })),
    ).map(({ placedAfterId: _placed, ...e }) => e),
    stages,
    sentenceHistories: histories,
    conflicts: c.conflicts.map((k) => ({
      id: k.id,
      subject: k.subject,
      note: k.note,
      eventId: k.eventId,
      versions: k.versions.map((v) => ({
        id: v.id,
        statement: v.statement,
        preferred: v.preferred,
        citations: cites(`conflictVersion:${v.id}`),
      })),
    })),
    related: [
      ...c.relationsOut.map((r) => ({ ...r.toCase, relation: r.kind, direction: 'outgoing' as const, note: r.note })),
      ...c.relationsIn.map((r) => ({ ...r.fromCase, relation: r.kind, direction: 'incoming' as const, note: r.note })),
    ],
    updatedAt: c.updatedAt,
  }
}

type StageRow = {
  id: number
  kind: StageKind
  court: { slug: string; name: string; deletedAt: Date | null } | null
  courtName: string
  decidedAt: Date | null
  decidedPrecision: DatePrecision | null
  decidedApprox: boolean
  note: string
}
type DecisionRow = Sentence & { id: number; stageId: number; partyId: number; decision: DecisionKind }

/**
 * The stages in reading order with their decisions, each defendant's history across
 * them, and the sentence in force for each (shown with the party).
 */
function stagesOf(
  c: { stages: StageRow[]; decisions: DecisionRow[]; parties: { id: number; person: NamedRefDTO | null; organisation: NamedRefDTO | null }[] },
  cites: (key: string) => CitationDTO[],
): { stages: StageDTO[]; histories: SentenceHistoryDTO[]; inForce: Map<number, { text: string; citations: CitationDTO[] }> } {
  const ordered = [...c.stages].sort(compareStages)
  const defendantOf = new Map(c.parties.map((p) => [p.id, p.person ?? p.organisation]))
  const partyOrder = new Map(c.parties.map((p, i) => [p.id, i]))
  const stages: StageDTO[] = ordered.map((st) => ({
    id: st.id,
    kind: st.kind,
    // Named, not linked: an organisation's page is public only while it is a party to or
    // the authority of a published case, and a court is often neither.
    court: null,
    courtName: st.court ? st.court.name : st.courtName || null,
    decided: fromColumns(st.decidedAt, st.decidedPrecision, st.decidedApprox),
    note: st.note,
    citations: cites(`stage:${st.id}`),
    decisions: c.decisions
      .filter((d) => d.stageId === st.id)
      .sort((a, b) => (partyOrder.get(a.partyId) ?? 0) - (partyOrder.get(b.partyId) ?? 0))
      .map((d) => ({ id: d.id, partyId: d.partyId, defendant: defendantOf.get(d.partyId) ?? null, decision: d.decision, sentence: formatSentence(d), citations: cites(`decision:${d.id}`) })),
  }))
  const histories: SentenceHistoryDTO[] = []
  const inForce = new Map<number, { text: string; citations: CitationDTO[] }>()
  for (const p of c.parties) {
    const own = ordered.flatMap((st) => c.decisions.filter((d) => d.stageId === st.id && d.partyId === p.id).map((d) => ({ ...d, stageKind: st.kind, stage: st })))
    if (own.length === 0) continue
    histories.push({
      partyId: p.id,
      defendant: p.person ?? p.organisation,
      steps: own.map((d) => ({
        stageId: d.stageId,
        stage: d.stageKind,
        decided: fromColumns(d.stage.decidedAt, d.stage.decidedPrecision, d.stage.decidedApprox),
        decision: d.decision,
        sentence: formatSentence(d),
        citations: cites(`decision:${d.id}`),
      })),
    })
    const standing = sentenceInForce(own)
    if (standing) inForce.set(p.id, { text: formatSentence(standing), citations: cites(`decision:${standing.id}`) })
  }
  return { stages, histories, inForce }
}
