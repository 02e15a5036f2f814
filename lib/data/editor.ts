import 'server-only'
import { requireEditor } from '@/lib/auth/session'
import { db } from '@/lib/db'
import { EVENT_KIND_LABELS, STATUS_LABELS } from '@/lib/domain/case-status'
import { PARTY_ROLE_LABELS, DISPOSITION_LABELS, RELATION_LABELS } from '@/lib/domain/labels'
import { formatPartialDate, fromColumns, isCertainlyAfter, type PartialDate } from '@/lib/domain/partial-date'
import { provisionName } from '@/lib/domain/provision-name'
import { citationTargetKey, citationTargetLabel, citationTargetValue, type CaseCitationField } from '@/lib/domain/citation-target'
import { unsourcedFactsOf } from '@/lib/domain/sourcing'
import { loadCaseDetail } from '@/lib/data/cases'
import { caseCitationsWhere } from '@/lib/queries/case-citations'
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
        orderBy: [{ jurisdiction: 'asc' }, { code: 'asc' }, { article: 'asc' }],
        take,
      })
      return rows.map((p) => ({ id: p.id, label: provisionName(p, { title: true }), detail: p.jurisdiction, deleted: p.deletedAt !== null, draft: false, updatedAt: p.updatedAt }))
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

/** The dated facts of a person's life (events outside any case), with their citations. */
export async function listLifeEvents(personId: number) {
  await requireEditor()
  const events = await db.event.findMany({
    where: { personId, caseId: null },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    include: { citations: { orderBy: { id: 'asc' }, select: { id: true, version: true, quote: true, locator: true, source: { select: { id: true, title: true, publisher: true } } } } },
  })
  return events.map((e) => ({ id: e.id, version: e.version, title: e.title, date: formatPartialDate(dateOf(e.occurredAt, e.precision, e.approx)!), citations: e.citations }))
}

/** The citations of a person's, an organisation's or a provision's description. */
export async function listDescriptionCitations(owner: 'person' | 'organisation' | 'provision', id: number) {
  await requireEditor()
  return db.citation.findMany({
    where: owner === 'person' ? { personId: id } : owner === 'organisation' ? { organisationId: id } : { provisionId: id },
    orderBy: { id: 'asc' },
    select: { id: true, version: true, quote: true, locator: true, source: { select: { id: true, title: true, publisher: true } } },
  })
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

/** Choices for the selects a form needs (`optionsKey` in the field specs). */
export async function getFormOptions(caseId: number | null): Promise<Record<string, SelectOption[]>> {
  await requireEditor()
  const [people, organisations, provisions, sources, cases] = await Promise.all([
    db.person.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' }, take: OPTION_LIMIT, select: { id: true, name: true, aliases: aliasNames } }),
    db.organisation.findMany({ where: { deletedAt: null }, orderBy: { name: 'asc' }, take: OPTION_LIMIT, select: { id: true, name: true, aliases: aliasNames } }),
    db.legalProvision.findMany({ where: { deletedAt: null }, orderBy: [{ jurisdiction: 'asc' }, { code: 'asc' }, { article: 'asc' }], take: OPTION_LIMIT }),
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
    provisions: provisions.map((p) => ({ value: String(p.id), label: provisionName(p, { title: true }) })),
    sources: sources.map((s) => ({ value: String(s.id), label: `${s.publisher}, ${shortDate(dateOf(s.publishedAt, s.publishedPrecision, s.publishedApprox))}: ${s.title}` })),
    cases: cases.map((c) => ({ value: String(c.id), label: c.title })),
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
            provision: { select: { article: true, part: true, code: true } },
            party: { select: { person: { select: { name: true } }, organisation: { select: { name: true } } } },
          },
        },
        events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }], select: { id: true, title: true, occurredAt: true, precision: true, approx: true } },
        conflicts: { orderBy: { id: 'asc' }, select: { id: true, subject: true, versions: { orderBy: { position: 'asc' }, select: { id: true, statement: true } } } },
      },
    })
    if (c) {
      const partyName = (p: { person: { name: string } | null; organisation: { name: string } | null }) => p.person?.name ?? p.organisation?.name ?? '?'
      options.defendants = c.parties.map((p) => ({ value: String(p.id), label: `${partyName(p)} (${PARTY_ROLE_LABELS[p.role].toLowerCase()})` }))
      options.events = c.events.map((e) => ({ value: String(e.id), label: `${shortDate(dateOf(e.occurredAt, e.precision, e.approx))}: ${e.title}` }))
      options.conflicts = c.conflicts.map((k) => ({ value: String(k.id), label: k.subject }))
      // Grouped by kind, in the order a case page shows them; labelled as everywhere else (citationTargetLabel).
      options.citationTargets = [
        ...OFFERED_CASE_FIELDS.map((field) => ({ value: `case:${field}`, label: citationTargetLabel({ kind: 'case', field }), group: 'The case' })),
        ...c.parties.map((p) => ({ value: `party:${p.id}`, label: citationTargetLabel({ kind: 'party', name: partyName(p), role: p.role }), group: 'Parties' })),
        ...c.charges.map((ch) => ({
          value: `charge:${ch.id}`,
          label: citationTargetLabel({ kind: 'charge', defendant: partyName(ch.party), provision: ch.provision, description: ch.description }),
          group: 'Charges',
        })),
        ...c.events.map((e) => ({ value: `event:${e.id}`, label: citationTargetLabel({ kind: 'event', date: dateOf(e.occurredAt, e.precision, e.approx)!, title: e.title }), group: 'Events' })),
        ...c.conflicts.flatMap((k) =>
          k.versions.map((v) => ({ value: `conflictVersion:${v.id}`, label: citationTargetLabel({ kind: 'conflictVersion', subject: k.subject, statement: v.statement }), group: 'Disputed facts' })),
        ),
      ]
      // The sources this case already cites come first: the next citation is most often from one of them.
      const cited = new Set(
        (
          await db.citation.findMany({
            where: caseCitationsWhere({ id: caseId, parties: c.parties, charges: c.charges, events: c.events, conflicts: c.conflicts }),
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

export type WorkspaceCitation = { id: number; version: number; quote: string; locator: string; source: { id: number; title: string; publisher: string; published: PartialDate | null } }

export type DateWarning = { eventId: number; eventTitle: string; eventDate: string; sourceId: number; sourceTitle: string; sourceDate: string }

export async function getCaseWorkspace(id: number) {
  await requireEditor()
  const c = await db.case.findUnique({
    where: { id },
    include: {
      authority: { select: { name: true } },
      parties: { orderBy: { id: 'asc' }, include: { person: { select: { name: true, slug: true } }, organisation: { select: { name: true, slug: true } } } },
      charges: { orderBy: { id: 'asc' }, include: { provision: true, party: { include: { person: { select: { name: true } }, organisation: { select: { name: true } } } } } },
      events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
      relationsOut: { include: { toCase: { select: { id: true, title: true } } } },
      conflicts: { orderBy: { id: 'asc' }, include: { versions: { orderBy: { position: 'asc' } } } },
    },
  })
  if (!c) return null
  const citationRows = await db.citation.findMany({
    where: caseCitationsWhere(c),
    orderBy: { id: 'asc' },
    include: { source: { select: { id: true, title: true, publisher: true, publishedAt: true, publishedPrecision: true, publishedApprox: true } } },
  })
  const citations = citationRows.map((r) => ({
    ...r,
    target: citationTargetValue(r),
    source: { id: r.source.id, title: r.source.title, publisher: r.source.publisher, published: dateOf(r.source.publishedAt, r.source.publishedPrecision, r.source.publishedApprox) },
  }))
  const citationsFor = (target: string) => citations.filter((x) => x.target === target)

  // An event a source reports cannot happen after the source was published: a date
  // typed wrong, or the wrong source. Warn; the editor decides.
  const warnings: DateWarning[] = []
  for (const e of c.events) {
    const eventDate = dateOf(e.occurredAt, e.precision, e.approx)!
    for (const cit of citationsFor(`event:${e.id}`)) {
      if (cit.source.published && isCertainlyAfter(eventDate, cit.source.published)) {
        warnings.push({
          eventId: e.id,
          eventTitle: e.title,
          eventDate: formatPartialDate(eventDate),
          sourceId: cit.source.id,
          sourceTitle: cit.source.title,
          sourceDate: formatPartialDate(cit.source.published),
        })
      }
    }
  }
  const partyName = (p: { person: { name: string } | null; organisation: { name: string } | null }) => p.person?.name ?? p.organisation?.name ?? '?'
  return {
    case: c,
    state: c.deletedAt ? ('deleted' as const) : c.publishedAt ? ('published' as const) : c.withdrawnAt ? ('withdrawn' as const) : ('draft' as const),
    parties: c.parties.map((p) => ({ id: p.id, version: p.version, name: partyName(p), role: PARTY_ROLE_LABELS[p.role], outcome: p.outcome, sentence: p.sentence, citations: citationsFor(`party:${p.id}`) })),
    charges: c.charges.map((ch) => ({
      id: ch.id,
      version: ch.version,
      defendant: partyName(ch.party),
      provision: ch.provision ? provisionName(ch.provision, { title: true }) : null,
      description: ch.description,
      disposition: DISPOSITION_LABELS[ch.disposition],
      citations: citationsFor(`charge:${ch.id}`),
    })),
    events: c.events.map((e) => ({
      id: e.id,
      version: e.version,
      title: e.title,
      kind: EVENT_KIND_LABELS[e.kind],
      date: formatPartialDate(dateOf(e.occurredAt, e.precision, e.approx)!),
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
