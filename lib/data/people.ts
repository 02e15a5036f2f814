import 'server-only'
import { db } from '@/lib/db'
import { sortEvents } from '@/lib/domain/case-status'
import { compareStages, formatSentence, sentenceInForce, type Sentence } from '@/lib/domain/sentence'
import type { DecisionKind, StageKind } from '@/lib/generated/prisma/enums'
import type { OrganisationDetailDTO, PersonCaseRoleDTO, PersonDetailDTO } from './dto'
import { byId, caseStatusSelect, citationSelect, eventDate, publicCaseWhere, publicOrganisationWhere, publicPersonWhere, toCaseStatus, toCitation } from './shared'

const roleSelect = {
  role: true,
  outcome: true,
  decisions: {
    select: {
      decision: true,
      sentenceKind: true,
      sentenceMonths: true,
      fineAmount: true,
      fineCurrency: true,
      activityBanMonths: true,
      deportation: true,
      sentenceNote: true,
      stage: { select: { id: true, kind: true, decidedAt: true } },
    },
  },
  case: {
    select: { slug: true, title: true, ...caseStatusSelect, publishedAt: true, lastEventAt: true },
  },
} as const

type RoleRow = {
  role: PersonCaseRoleDTO['role']
  outcome: string | null
  decisions: (Sentence & { decision: DecisionKind; stage: { id: number; kind: StageKind; decidedAt: Date | null } })[]
  case: Parameters<typeof toCaseStatus>[0] & { slug: string; title: string; lastEventAt: Date | null }
}

function toRoles(parties: RoleRow[]): PersonCaseRoleDTO[] {
  return [...parties]
    .sort((a, b) => (b.case.lastEventAt?.getTime() ?? 0) - (a.case.lastEventAt?.getTime() ?? 0))
    .map((p) => ({
      role: p.role,
      outcome: p.outcome,
      sentence: sentenceText(p.decisions),
      case: {
        slug: p.case.slug,
        title: p.case.title,
        ...toCaseStatus(p.case),
      },
    }))
}

/** The sentence in force after the party's decisions, in words; null when none stands. */
function sentenceText(decisions: RoleRow['decisions']): string | null {
  const ordered = [...decisions].sort((a, b) => compareStages(a.stage, b.stage)).map((d) => ({ ...d, stageKind: d.stage.kind }))
  const standing = sentenceInForce(ordered)
  return standing ? formatSentence(standing) : null
}

export async function getPersonBySlug(slug: string): Promise<PersonDetailDTO | null> {
  const p = await db.person.findFirst({
    where: { slug, ...publicPersonWhere },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      updatedAt: true,
      aliases: { orderBy: { id: 'asc' }, select: { name: true, script: true, kind: true } },
      citations: { where: { field: 'description' }, select: citationSelect },
      parties: { where: { case: publicCaseWhere }, select: roleSelect },
      events: {
        where: { caseId: null },
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
          citations: { select: citationSelect },
        },
      },
    },
  })
  if (!p) return null
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    descriptionCitations: [...p.citations].sort(byId).map(toCitation),
    aliases: p.aliases,
    roles: toRoles(p.parties),
    events: sortEvents(
      p.events.map((e) => ({
        id: e.id,
        kind: e.kind,
        date: eventDate(e),
        placedAfterId: e.placedAfterId,
        title: e.title,
        description: e.description,
        statusAfter: e.statusAfter,
        citations: [...e.citations].sort(byId).map(toCitation),
      })),
    ).map(({ placedAfterId: _placed, ...e }) => e),
    updatedAt: p.updatedAt,
  }
}

export async function getOrganisationBySlug(slug: string): Promise<OrganisationDetailDTO | null> {
  const o = await db.organisation.findFirst({
    where: { slug, ...publicOrganisationWhere },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      country: true,
      description: true,
      updatedAt: true,
      aliases: { orderBy: { id: 'asc' }, select: { name: true, script: true, kind: true } },
      citations: { where: { field: 'description' }, select: citationSelect },
      parties: { where: { case: publicCaseWhere }, select: roleSelect },
      casesAsAuthority: { where: publicCaseWhere, orderBy: { lastEventAt: 'desc' }, select: { slug: true, title: true, status: true } },
    },
  })
  if (!o) return null
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    kind: o.kind,
    country: o.country,
    description: o.description,
    descriptionCitations: [...o.citations].sort(byId).map(toCitation),
    aliases: o.aliases,
    roles: toRoles(o.parties),
    casesAsAuthority: o.casesAsAuthority,
    updatedAt: o.updatedAt,
  }
}
