import type { Metadata } from 'next'
import Link from '@/components/ui/plain-link'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CitedText } from '@/components/citations/cited-text'
import { descriptionClaim, Footnotes, NotesAndSources } from '@/components/citations/footnotes'
import { eventClaims } from '@/components/cases/case-claims'
import { AliasList } from '@/components/entities/alias-list'
import { CaseRoles } from '@/components/entities/case-roles'
import { LifeEvents } from '@/components/people/life-events'
import { LastChanged } from '@/components/ui/last-changed'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { PageKicker } from '@/components/ui/page-kicker'
import { feedAlternate, personFeedPath } from '@/lib/feeds/follow-feeds'
import { recordTag } from '@/lib/cache/tags'
import { tagPage } from '@/lib/cache/tag-page'
import { getPersonBySlug } from '@/lib/data/people'
import { resolveAddress } from '@/lib/data/addresses'
import { firstSentence } from '@/lib/domain/text'
import PersonNotFound from './not-found'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then cached until an edit invalidates its tag
// (docs/decisions/013-page-cache-in-the-database.md).
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

// One query per request, shared by the page and its metadata.
const loadPerson = cache(getPersonBySlug)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await loadPerson((await params).slug)
  if (!p) return { title: 'Person not found' }
  return {
    title: p.name,
    alternates: { types: feedAlternate(personFeedPath(p.slug), `${p.name}: new events in their cases (Atom)`) },
    description: firstSentence(p.description) ?? `${p.name}: cases, roles and dated events, each linked to its sources.`,
  }
}

export default async function PersonPage({ params }: Props) {
  const { slug } = await params
  const p = await loadPerson(slug)
  if (!p) {
    // proxy.ts redirects a renamed record's old address first; this is the same answer.
    const address = await resolveAddress('people', slug)
    if (address.state === 'moved') permanentRedirect(address.to)
    return (
      <NotFoundResponse>
        <PersonNotFound />
      </NotFoundResponse>
    )
  }

  await tagPage(recordTag('person', p.id))
  // Footnotes are numbered in the order the page shows the claims.
  const descriptionCitations = p.description.trim() ? p.descriptionCitations : []
  const notes = new Footnotes([descriptionClaim('person', descriptionCitations), ...eventClaims(p.events)])

  return (
    <article className="mx-auto max-w-4xl">
      <PageKicker>Person</PageKicker>
      <h1 className="mt-1 text-3xl font-bold leading-tight tracking-tight">{p.name}</h1>
      <CitedText text={p.description} citations={descriptionCitations} notes={notes} className="mt-4 max-w-prose text-lg leading-relaxed" />
      <p className="no-print mt-4">
        <Link href={`/?person=${encodeURIComponent(p.slug)}`} className="font-medium text-blue-800 underline underline-offset-2">
          All cases involving {p.name}
        </Link>
      </p>

      <AliasList aliases={p.aliases} />
      <CaseRoles roles={p.roles} heading="Cases and roles" empty={`No published case names ${p.name} as a party yet.`} />
      <LifeEvents events={p.events} notes={notes} />
      <NotesAndSources notes={notes} />
      <LastChanged date={p.updatedAt} path={`/people/${p.slug}`} />
    </article>
  )
}
