import 'server-only'
import { db } from '@/lib/db'
import { compareProvisions } from '@/lib/domain/provision-name'
import type { ProvisionDetailDTO, ProvisionRefDTO } from './dto'
import { byId, caseStatusSelect, citationSelect, isPresent, provisionRefSelect, publicCaseWhere, toCaseStatus, toCitation, toPartyRef, toProvisionRef } from './shared'

/**
 * A provision's page: where it sits in its code's tree (the provisions above it, those
 * directly under it) and every published case charged under it or under any of its
 * parts and paragraphs, each with the provisions it was charged under.
 */
export async function getProvisionBySlug(slug: string): Promise<ProvisionDetailDTO | null> {
  const p = await db.legalProvision.findUnique({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      ...provisionRefSelect,
      description: true,
      updatedAt: true,
      citations: { select: citationSelect },
      parent: { select: { ...provisionRefSelect, deletedAt: true, parent: { select: { ...provisionRefSelect, deletedAt: true } } } },
      children: { where: { deletedAt: null }, select: provisionRefSelect },
    },
  })
  if (!p) return null
  const below = await db.legalProvision.findMany({ where: { OR: [{ parentId: p.id }, { parent: { parentId: p.id } }] }, select: { id: true } })
  const charges = await db.charge.findMany({
    where: { provisionId: { in: [p.id, ...below.map((b) => b.id)] }, case: publicCaseWhere },
    orderBy: { id: 'asc' },
    select: {
      provision: { select: provisionRefSelect },
      case: {
        select: {
          id: true,
          slug: true,
          title: true,
          ...caseStatusSelect,
          lastEventAt: true,
          parties: { where: { role: 'DEFENDANT' }, orderBy: { id: 'asc' }, select: { person: { select: { slug: true, name: true } }, organisation: { select: { slug: true, name: true } } } },
        },
      },
    },
  })
  // A case that charges the article twice (two defendants, or two of its parts) is listed once.
  const cases = new Map<number, { c: (typeof charges)[number]['case']; under: Map<string, ProvisionRefDTO> }>()
  for (const ch of charges) {
    const entry = cases.get(ch.case.id) ?? { c: ch.case, under: new Map() }
    if (ch.provision) entry.under.set(ch.provision.slug, toProvisionRef(ch.provision))
    cases.set(ch.case.id, entry)
  }
  // From the article down: deleted ancestors (never, while this one is not) are left out.
  const ancestors = [p.parent?.parent, p.parent].filter((a): a is NonNullable<typeof a> => Boolean(a && !a.deletedAt)).map(toProvisionRef)
  return {
    id: p.id,
    ...toProvisionRef(p),
    description: p.description,
    updatedAt: p.updatedAt,
    descriptionCitations: [...p.citations].sort(byId).map(toCitation),
    ancestors,
    children: p.children.map(toProvisionRef).sort(compareProvisions),
    cases: [...cases.values()]
      .sort((a, b) => (b.c.lastEventAt?.getTime() ?? 0) - (a.c.lastEventAt?.getTime() ?? 0))
      .map(({ c, under }) => ({
        slug: c.slug,
        title: c.title,
        ...toCaseStatus(c),
        defendants: c.parties.map(toPartyRef).filter(isPresent),
        chargedUnder: [...under.values()].sort(compareProvisions),
      })),
  }
}
