import 'server-only'
import { db } from '@/lib/db'
import { citationTargetLabel } from '@/lib/domain/citation-target'
import { fromColumns } from '@/lib/domain/partial-date'
import { provisionName } from '@/lib/domain/provision-name'
import type { SourceDetailDTO } from './dto'
import { eventDate, namedRefVisibilitySelect, publicCaseWhere, publicNamedRef, sourceRefSelect, toSourceRef } from './shared'

const caseRef = { select: { slug: true, title: true, publishedAt: true } } as const
// A deleted person, or one no published case names, is named on no public page.
const personRef = { select: namedRefVisibilitySelect } as const
const organisationRef = { select: { ...namedRefVisibilitySelect, casesAsAuthority: { where: publicCaseWhere, select: { id: true }, take: 1 } } } as const
const named = { select: { name: true } } as const
const nameOf = (p: { person: { name: string } | null; organisation: { name: string } | null }) => p.person?.name ?? p.organisation?.name ?? null

/** A source's page: its details and every public claim that cites it. */
export async function getSourceById(id: number): Promise<SourceDetailDTO | null> {
  const s = await db.source.findUnique({
    where: { id, deletedAt: null },
    select: {
      ...sourceRefSelect,
      authors: true,
      language: true,
      publishedAsPrinted: true,
      dateNote: true,
      revisedAt: true,
      revisedPrecision: true,
      revisedApprox: true,
      accessedAt: true,
      description: true,
      citations: {
        orderBy: { id: 'asc' },
        select: {
          quote: true,
          translation: true,
          locator: true,
          field: true,
          case: caseRef,
          event: { select: { id: true, title: true, occurredAt: true, precision: true, approx: true, case: caseRef, person: personRef } },
          charge: { select: { description: true, provision: { select: { article: true, part: true, paragraph: true, code: true } }, party: { select: { person: named, organisation: named } }, case: caseRef } },
          party: { select: { role: true, person: named, organisation: named, case: caseRef } },
          conflictVersion: { select: { statement: true, conflict: { select: { subject: true, case: caseRef } } } },
          person: personRef,
          organisation: organisationRef,
          provision: { select: { slug: true, article: true, part: true, paragraph: true, code: true, title: true, deletedAt: true } },
        },
      },
    },
  })
  if (!s) return null

  const citedBy: SourceDetailDTO['citedBy'] = []
  for (const c of s.citations) {
    const quote = { quote: c.quote, translation: c.translation, locator: c.locator }
    const onCase = (k: { slug: string; title: string; publishedAt: Date | null } | null, claim: string, anchor = '') => {
      if (k?.publishedAt) citedBy.push({ ...quote, claim, href: `/cases/${k.slug}${anchor}`, context: k.title })
    }
    if (c.case) onCase(c.case, citationTargetLabel({ kind: 'case', field: c.field }))
    else if (c.event?.case) onCase(c.event.case, citationTargetLabel({ kind: 'event', date: eventDate(c.event), title: c.event.title }), `#event-${c.event.id}`)
    else if (c.event) {
      const who = publicNamedRef(c.event.person)
      if (who) citedBy.push({ ...quote, claim: citationTargetLabel({ kind: 'event', date: eventDate(c.event), title: c.event.title }), href: `/people/${who.slug}`, context: who.name })
    } else if (c.charge) onCase(c.charge.case, citationTargetLabel({ kind: 'charge', defendant: nameOf(c.charge.party), provision: c.charge.provision, description: c.charge.description }), '#charges')
    else if (c.party) onCase(c.party.case, citationTargetLabel({ kind: 'party', name: nameOf(c.party), role: c.party.role }), '#parties')
    else if (c.conflictVersion)
      onCase(c.conflictVersion.conflict.case, citationTargetLabel({ kind: 'conflictVersion', subject: c.conflictVersion.conflict.subject, statement: c.conflictVersion.statement }), '#conflicts')
    else if (c.person) {
      const who = publicNamedRef(c.person)
      if (who) citedBy.push({ ...quote, claim: citationTargetLabel({ kind: 'person' }), href: `/people/${who.slug}`, context: who.name })
    } else if (c.organisation) {
      const which = publicNamedRef(c.organisation)
      if (which) citedBy.push({ ...quote, claim: citationTargetLabel({ kind: 'organisation' }), href: `/organisations/${which.slug}`, context: which.name })
    } else if (c.provision && !c.provision.deletedAt)
      citedBy.push({ ...quote, claim: citationTargetLabel({ kind: 'provision' }), href: `/provisions/${c.provision.slug}`, context: provisionName(c.provision, { title: true }) })
  }

  return {
    ...toSourceRef(s),
    authors: s.authors,
    language: s.language,
    publishedAsPrinted: s.publishedAsPrinted,
    dateNote: s.dateNote,
    revised: fromColumns(s.revisedAt, s.revisedPrecision, s.revisedApprox),
    accessedAt: s.accessedAt,
    description: s.description,
    citedBy,
  }
}
