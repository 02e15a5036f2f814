import 'server-only'
import { db } from '@/lib/db'
import type { CaseStatus, EventKind } from '@/lib/domain/case-status'
import type { PartialDate } from '@/lib/domain/partial-date'
import type { AliasDTO, OrganisationKind, ProvisionRefDTO, SourceRefDTO } from './dto'
import { eventDate, provisionRefSelect, publicCaseWhere, publicOrganisationWhere, publicPersonWhere, sourceRefSelect, toProvisionRef, toSourceRef } from './shared'

// The API's lists of records other than cases (lib/data/exports.ts has the cases):
// only what public pages show, in keyset pages by id (the order records were added,
// stable while records are added, renamed or withdrawn), `limit + 1` rows read to
// know whether a next page exists without counting.

export type IdPage<T> = { items: T[]; next: number | null }

async function idPage<R extends { id: number }, T>(rows: (take: number, where: { id?: { gt: number } }) => Promise<R[]>, after: number | null, limit: number, map: (row: R) => T): Promise<IdPage<T>> {
  const found = await rows(limit + 1, after === null ? {} : { id: { gt: after } })
  const page = found.slice(0, limit)
  return { items: page.map(map), next: found.length > limit ? page.at(-1)!.id : null }
}

export type PersonListItemDTO = { slug: string; name: string; description: string; aliases: AliasDTO[]; updatedAt: Date }

export function listPeople(after: number | null, limit: number): Promise<IdPage<PersonListItemDTO>> {
  return idPage(
    (take, where) =>
      db.person.findMany({
        where: { ...where, ...publicPersonWhere },
        orderBy: { id: 'asc' },
        take,
        select: { id: true, slug: true, name: true, description: true, updatedAt: true, aliases: { orderBy: { id: 'asc' }, select: { name: true, script: true, kind: true } } },
      }),
    after,
    limit,
    ({ id: _id, ...p }) => p,
  )
}

export type OrganisationListItemDTO = { slug: string; name: string; kind: OrganisationKind; country: string | null; description: string; aliases: AliasDTO[]; updatedAt: Date }

export function listOrganisations(after: number | null, limit: number): Promise<IdPage<OrganisationListItemDTO>> {
  return idPage(
    (take, where) =>
      db.organisation.findMany({
        where: { AND: [where, publicOrganisationWhere] },
        orderBy: { id: 'asc' },
        take,
        select: {
          id: true,
          slug: true,
          name: true,
          kind: true,
          country: true,
          description: true,
          updatedAt: true,
          aliases: { orderBy: { id: 'asc' }, select: { name: true, script: true, kind: true } },
        },
      }),
    after,
    limit,
    ({ id: _id, ...o }) => o,
  )
}

export type ProvisionListItemDTO = ProvisionRefDTO & { parent: string | null; updatedAt: Date }

/** Every provision that is not deleted: each has a public page (lib/data/addresses.ts). */
export function listProvisions(after: number | null, limit: number): Promise<IdPage<ProvisionListItemDTO>> {
  return idPage(
    (take, where) =>
      db.legalProvision.findMany({ where: { ...where, deletedAt: null }, orderBy: { id: 'asc' }, take, select: { id: true, ...provisionRefSelect, updatedAt: true, parent: { select: { slug: true } } } }),
    after,
    limit,
    (p) => ({ ...toProvisionRef(p), parent: p.parent?.slug ?? null, updatedAt: p.updatedAt }),
  )
}

export type SourceListItemDTO = SourceRefDTO & { authors: string; updatedAt: Date }

/** Every source that is not deleted: each has a public page. Never its stored text. */
export function listSources(after: number | null, limit: number): Promise<IdPage<SourceListItemDTO>> {
  return idPage(
    (take, where) => db.source.findMany({ where: { ...where, deletedAt: null }, orderBy: { id: 'asc' }, take, select: { ...sourceRefSelect, authors: true, updatedAt: true } }),
    after,
    limit,
    (s) => ({ ...toSourceRef(s), authors: s.authors, updatedAt: s.updatedAt }),
  )
}

export type EventListItemDTO = {
  id: number
  kind: EventKind
  date: PartialDate | null
  title: string
  description: string
  statusAfter: CaseStatus | null
  /** The published case it belongs to, or null for an event in a person's own life. */
  case: { slug: string; title: string } | null
  person: { slug: string; name: string } | null
}

/** The events public pages show: those of published cases and those of public people. */
export function listEvents(after: number | null, limit: number): Promise<IdPage<EventListItemDTO>> {
  return idPage(
    (take, where) =>
      db.event.findMany({
        where: { AND: [where, { OR: [{ case: publicCaseWhere }, { caseId: null, person: publicPersonWhere }] }] },
        orderBy: { id: 'asc' },
        take,
        select: {
          id: true,
          kind: true,
          occurredAt: true,
          precision: true,
          approx: true,
          title: true,
          description: true,
          statusAfter: true,
          case: { select: { slug: true, title: true } },
          person: { select: { slug: true, name: true } },
        },
      }),
    after,
    limit,
    (e) => ({
      id: e.id,
      kind: e.kind,
      date: eventDate(e),
      title: e.title,
      description: e.description,
      statusAfter: e.statusAfter,
      case: e.case,
      // A case's event may name a person: only when that is its own (caseId null) event is the person the subject.
      person: e.case ? null : e.person,
    }),
  )
}
