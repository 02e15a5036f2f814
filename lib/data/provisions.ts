import 'server-only'
import { db } from '@/lib/db'
import { fromColumns } from '@/lib/domain/partial-date'
import type { ProvisionDetailDTO } from './dto'
import { byId, citationSelect, isPresent, provisionRefSelect, publicCaseWhere, toCitation, toPartyRef } from './shared'

export async function getProvisionBySlug(slug: string): Promise<ProvisionDetailDTO | null> {
  const p = await db.legalProvision.findUnique({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      ...provisionRefSelect,
      description: true,
      updatedAt: true,
      citations: { select: citationSelect },
      charges: {
        where: { case: publicCaseWhere },
        select: {
          case: {
            select: {
              id: true,
              slug: true,
              title: true,
              status: true,
              statusAt: true,
              statusPrecision: true,
              statusApprox: true,
              statusUndated: true,
              lastEventAt: true,
              parties: { where: { role: 'DEFENDANT' }, orderBy: { id: 'asc' }, select: { person: { select: { slug: true, name: true } }, organisation: { select: { slug: true, name: true } } } },
            },
          },
        },
      },
    },
  })
  if (!p) return null
  // A case that charges the article twice (two defendants) is listed once.
  const cases = new Map<number, (typeof p.charges)[number]['case']>()
  for (const ch of p.charges) cases.set(ch.case.id, ch.case)
  return {
    id: p.id,
    slug: p.slug,
    jurisdiction: p.jurisdiction,
    code: p.code,
    article: p.article,
    part: p.part,
    title: p.title,
    description: p.description,
    updatedAt: p.updatedAt,
    descriptionCitations: [...p.citations].sort(byId).map(toCitation),
    cases: [...cases.values()]
      .sort((a, b) => (b.lastEventAt?.getTime() ?? 0) - (a.lastEventAt?.getTime() ?? 0))
      .map((c) => ({
        slug: c.slug,
        title: c.title,
        status: c.status,
        statusAsOf: fromColumns(c.statusAt, c.statusPrecision, c.statusApprox),
        statusUndated: c.statusUndated,
        defendants: c.parties.map(toPartyRef).filter(isPresent),
      })),
  }
}
