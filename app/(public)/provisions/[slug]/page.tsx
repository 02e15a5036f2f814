import type { Metadata } from 'next'
import Link from '@/components/ui/plain-link'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CitedText } from '@/components/citations/cited-text'
import { descriptionClaim, Footnotes, NotesAndSources } from '@/components/citations/footnotes'
import { LastChanged } from '@/components/ui/last-changed'
import { ProvisionCases, SubProvisions } from '@/components/provisions/provision-cases'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { PageKicker } from '@/components/ui/page-kicker'
import { getProvisionBySlug } from '@/lib/data/provisions'
import { resolveAddress } from '@/lib/data/addresses'
import { countryName } from '@/lib/domain/locale-names'
import { provisionName, provisionStep } from '@/lib/domain/provision-name'
import { firstSentence } from '@/lib/domain/text'
import ProvisionNotFound from './not-found'
import { recordTag } from '@/lib/cache/tags'
import { tagPage } from '@/lib/cache/tag-page'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then cached until an edit revalidates it
// (docs/decisions/013-page-cache-in-the-database.md).
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

const loadProvision = cache(getProvisionBySlug)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await loadProvision((await params).slug)
  if (!p) return { title: 'Provision not found' }
  return {
    title: provisionName(p, { title: true }),
    description: firstSentence(p.description) ?? `${provisionName(p)}, “${p.title}”, and every case that charges it.`,
  }
}

export default async function ProvisionPage({ params }: Props) {
  const { slug } = await params
  const p = await loadProvision(slug)
  if (!p) {
    // proxy.ts redirects a renamed record's old address first; this is the same answer.
    const address = await resolveAddress('provisions', slug)
    if (address.state === 'moved') permanentRedirect(address.to)
    return (
      <NotFoundResponse>
        <ProvisionNotFound />
      </NotFoundResponse>
    )
  }

  await tagPage(recordTag('provision', p.id))

  const descriptionCitations = p.description.trim() ? p.descriptionCitations : []
  const notes = new Footnotes([descriptionClaim('provision', descriptionCitations)])
  const article = provisionName(p, { code: false })

  return (
    <article className="mx-auto max-w-4xl">
      <PageKicker>Legal provision · {countryName(p.jurisdiction)}</PageKicker>
      {p.ancestors.length ? (
        <nav aria-label="Provisions above this one" className="mt-1 text-sm">
          {p.ancestors.map((a, i) => (
            <span key={a.slug}>
              {i > 0 ? ' › ' : 'Part of '}
              <Link href={`/provisions/${a.slug}`} className="text-blue-800 underline underline-offset-2">
                {i === 0 ? provisionName(a) : provisionStep(a)}
              </Link>
            </span>
          ))}
        </nav>
      ) : null}
      <h1 className="mt-1 text-3xl font-bold leading-tight tracking-tight">{provisionName(p)}</h1>
      <p className="mt-2 text-xl text-stone-800">
        <span className="sr-only">Official title: </span>
        {p.title}
      </p>
      <CitedText text={p.description} citations={descriptionCitations} notes={notes} className="mt-4 max-w-prose text-lg leading-relaxed" />
      <p className="no-print mt-4">
        <Link href={`/?provision=${encodeURIComponent(p.slug)}`} className="font-medium text-blue-800 underline underline-offset-2">
          Filter the case dashboard by {article}
        </Link>
      </p>

      <SubProvisions provision={p} />
      <ProvisionCases cases={p.cases} article={article} self={p.slug} />
      <NotesAndSources notes={notes} />
      <LastChanged date={p.updatedAt} path={`/provisions/${p.slug}`} />
    </article>
  )
}
