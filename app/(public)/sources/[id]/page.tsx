import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CitedBy } from '@/components/sources/cited-by'
import { SourceFacts } from '@/components/sources/source-facts'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { PageKicker } from '@/components/ui/page-kicker'
import { getSourceById } from '@/lib/data/sources'
import { formatPartialDate } from '@/lib/domain/partial-date'
import { firstSentence } from '@/lib/domain/text'
import { SourceIdParamSchema } from '@/lib/validation/source'
import SourceNotFound from './not-found'
import { recordTag } from '@/lib/cache/tags'
import { tagPage } from '@/lib/cache/tag-page'

type Props = { params: Promise<{ id: string }> }

// Rendered on first request, then cached until an edit revalidates it
// (docs/decisions/013-page-cache-in-the-database.md).
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

/** Null for an id that cannot be a source's ("abc", "0", "1e3", too large): a 404, not a 500. */
const loadSource = cache(async (raw: string) => {
  const id = SourceIdParamSchema.safeParse(raw)
  if (!id.success) return null
  return getSourceById(id.data)
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await loadSource((await params).id)
  if (!s) return { title: 'Source not found' }
  const date = s.published ? `, ${formatPartialDate(s.published)}` : ''
  return {
    title: s.title,
    alternates: { canonical: `/sources/${s.id}` },
    description: firstSentence(s.description) ?? `${s.publisher}${date}: a source cited by Casebook, with every passage it is cited for.`,
  }
}

export default async function SourcePage({ params }: Props) {
  const { id } = await params
  const s = await loadSource(id)
  if (!s) {
    return (
      <NotFoundResponse>
        <SourceNotFound />
      </NotFoundResponse>
    )
  }
  // "/sources/007" and "/sources/7" are one page: keep one address to cite.
  if (id !== String(s.id)) permanentRedirect(`/sources/${s.id}`)
  await tagPage(recordTag('source', s.id))

  return (
    <article className="mx-auto max-w-4xl">
      <PageKicker>Source document</PageKicker>
      <h1 className="mt-1 text-3xl font-bold leading-tight tracking-tight">{s.title}</h1>
      {s.description ? <p className="mt-4 max-w-prose text-lg leading-relaxed">{s.description}</p> : null}
      <SourceFacts source={s} />
      <CitedBy citedBy={s.citedBy} language={s.language} />
      <p className="mt-10 border-t border-stone-200 pt-4 text-sm text-stone-700">
        Cite as: <span className="break-all">/sources/{s.id}</span>
      </p>
    </article>
  )
}
