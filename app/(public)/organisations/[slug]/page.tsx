import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CitedText } from '@/components/citations/cited-text'
import { descriptionClaim, Footnotes, NotesAndSources } from '@/components/citations/footnotes'
import { AliasList } from '@/components/entities/alias-list'
import { CaseRoles } from '@/components/entities/case-roles'
import { AuthorityCases } from '@/components/organisations/authority-cases'
import { LastChanged } from '@/components/ui/last-changed'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { PageKicker } from '@/components/ui/page-kicker'
import { getOrganisationBySlug } from '@/lib/data/people'
import { resolveAddress } from '@/lib/data/addresses'
import { ORGANISATION_KIND_LABELS } from '@/lib/domain/labels'
import { countryName } from '@/lib/domain/locale-names'
import { firstSentence } from '@/lib/domain/text'
import OrganisationNotFound from './not-found'
import { recordTag } from '@/lib/cache/tags'
import { tagPage } from '@/lib/cache/tag-page'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then cached until an edit revalidates it
// (docs/decisions/013-page-cache-in-the-database.md).
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

const loadOrganisation = cache(getOrganisationBySlug)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const o = await loadOrganisation((await params).slug)
  if (!o) return { title: 'Organisation not found' }
  return {
    title: o.name,
    description: firstSentence(o.description) ?? `${o.name} (${ORGANISATION_KIND_LABELS[o.kind].toLowerCase()}): its cases, each linked to its sources.`,
  }
}

export default async function OrganisationPage({ params }: Props) {
  const { slug } = await params
  const o = await loadOrganisation(slug)
  if (!o) {
    // proxy.ts redirects a renamed record's old address first; this is the same answer.
    const address = await resolveAddress('organisations', slug)
    if (address.state === 'moved') permanentRedirect(address.to)
    return (
      <NotFoundResponse>
        <OrganisationNotFound />
      </NotFoundResponse>
    )
  }

  await tagPage(recordTag('organisation', o.id))

  const descriptionCitations = o.description.trim() ? o.descriptionCitations : []
  const notes = new Footnotes([descriptionClaim('organisation', descriptionCitations)])

  return (
    <article className="mx-auto max-w-4xl">
      <PageKicker>
        {ORGANISATION_KIND_LABELS[o.kind]}
        {o.country ? ` · ${countryName(o.country)}` : ''}
      </PageKicker>
      <h1 className="mt-1 text-3xl font-bold leading-tight tracking-tight">{o.name}</h1>
      <CitedText text={o.description} citations={descriptionCitations} notes={notes} className="mt-4 max-w-prose text-lg leading-relaxed" />

      <AliasList aliases={o.aliases} />
      {/* A court or a police department is usually only the authority: no empty "party" list then. */}
      {o.roles.length || !o.casesAsAuthority.length ? <CaseRoles roles={o.roles} heading="Cases in which it is a party" empty={`No published case names ${o.name} yet.`} /> : null}
      <AuthorityCases cases={o.casesAsAuthority} />
      <NotesAndSources notes={notes} />
      <LastChanged date={o.updatedAt} path={`/organisations/${o.slug}`} />
    </article>
  )
}
