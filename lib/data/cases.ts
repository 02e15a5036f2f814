import 'server-only'
import { db } from '@/lib/db'
import { sortEvents, type CaseStatus } from '@/lib/domain/case-status'
import { fromColumns } from '@/lib/domain/partial-date'
import type { Prisma } from '@/lib/generated/prisma/client'
import { PAGE_SIZE, type CaseFilters, type CaseQuery } from '@/lib/validation/case-filters'
import { citationTargetKey } from '@/lib/domain/citation-target'
import type { CaseDetailDTO, CaseListItemDTO, NamedRefDTO, ProvisionRefDTO } from './dto'
import { byId, citationSelect, eventDate, isPresent, provisionRefSelect, publicCaseWhere, publicPersonWhere, toCitation, toPartyRef, toProvisionRef } from './shared'
import { caseCitationsWhere } from '@/lib/queries/case-citations'
import { caseTextWhere } from '@/lib/queries/name-search'

// ---------------------------------------------------------------------------
// Dashboard

/**
 * Turns URL filters into a Prisma `where`. Person and provision arrive as slugs and
 * are resolved to ids first, so the case query filters through indexed foreign keys.
 * Returns null when a slug names nothing: no case can match.
 */
async function caseWhere(filters: CaseFilters, { withStatus = true } = {}): Promise<Prisma.CaseWhereInput | null> {
  const [person, provision] = await Promise.all([
    filters.person ? db.person.findUnique({ where: { slug: filters.person }, select: { id: true } }) : null,
    filters.provision ? db.legalProvision.findUnique({ where: { slug: filters.provision }, select: { id: true } }) : null,
  ])
  if ((filters.person && !person) || (filters.provision && !provision)) return null

  const and: Prisma.CaseWhereInput[] = [publicCaseWhere]
  if (withStatus && filters.statuses.length) and.push({ status: { in: filters.statuses } })
  if (filters.kind) and.push({ kind: filters.kind })
  if (filters.jurisdiction) and.push({ jurisdiction: filters.jurisdiction })
  if (person) and.push({ parties: { some: { personId: person.id } } })
  if (provision) and.push({ charges: { some: { provisionId: provision.id } } })
  if (filters.year) {
    // Active during the year: begun by its end, not finished before its start.
    and.push({ firstYear: { lte: filters.year } })
    and.push({ OR: [{ lastYear: null }, { lastYear: { gte: filters.year } }] })
  }
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
        status: true,
        statusAt: true,
        statusPrecision: true,
        statusApprox: true,
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
      status: c.status,
      statusAsOf: fromColumns(c.statusAt, c.statusPrecision, c.statusApprox),
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
      // Only provisions a published case charges: a draft's charges show nowhere.
      where: { deletedAt: null, charges: { some: { case: publicCaseWhere } } },
      orderBy: [{ jurisdiction: 'asc' }, { code: 'asc' }, { article: 'asc' }],
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
    provisions,
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
  conflicts: { versions: { id: number }[] }[]
}): Promise<Map<string, CitationRow[]>> {
  const rows = await db.citation.findMany({
    where: caseCitationsWhere(c),
    select: { ...citationSelect, field: true, caseId: true, partyId: true, chargeId: true, eventId: true, conflictVersionId: true },
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
      status: true,
      statusAt: true,
      statusPrecision: true,
      statusApprox: true,
      statusOverride: true,
      openedAt: true,
      openedPrecision: true,
      openedApprox: true,
      closedAt: true,
      closedPrecision: true,
      closedApprox: true,
      updatedAt: true,
      authority: { select: { slug: true, name: true } },
      parties: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          role: true,
          outcome: true,
          sentence: true,
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
          title: true,
          description: true,
          statusAfter: true,
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
    status: c.status,
    statusAsOf: fromColumns(c.statusAt, c.statusPrecision, c.statusApprox),
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
      sentence: p.sentence,
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
        title: e.title,
        description: e.description,
        statusAfter: e.statusAfter,
        citations: cites(`event:${e.id}`),
      })),
    ),
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
