import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'

// What readers may see, as Prisma `where` fragments: the public pages (lib/data) and the
// search index (lib/search, which the write path keeps in sync) must answer the same,
// so the rules live here, below both. Prisma types only.

/**
 * Only published cases are public; drafts are for editors. A deleted case is always
 * unpublished too (by the write path), so this one column, which the dashboard indexes
 * cover, is the whole test.
 */
export const publicCaseWhere = { publishedAt: { not: null } } as const

/**
 * A person is public once a published case names them as a party: a person added only
 * to a draft, or deleted, has no public page and is named on none.
 */
export const publicPersonWhere = { deletedAt: null, parties: { some: { case: publicCaseWhere } } } as const

/** An organisation is public once a published case names it as a party or its authority. */
export const publicOrganisationWhere: Prisma.OrganisationWhereInput = {
  deletedAt: null,
  OR: [{ parties: { some: { case: publicCaseWhere } } }, { casesAsAuthority: { some: publicCaseWhere } }],
}
