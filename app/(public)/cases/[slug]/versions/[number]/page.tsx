import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { CaseView } from '@/components/cases/case-view'
import { WithdrawnNotice } from '@/components/cases/withdrawn-notice'
import { CaseCite } from '@/components/cite/case-cite'
import { VersionNotice } from '@/components/cite/version-notice'
import Link from '@/components/ui/plain-link'
import { NotFoundPanel } from '@/components/ui/not-found-panel'
import { NotFoundResponse } from '@/components/ui/not-found-response'
import { tagPage } from '@/lib/cache/tag-page'
import { recordTag } from '@/lib/cache/tags'
import { resolveAddress } from '@/lib/data/addresses'
import { getCaseVersion } from '@/lib/versions/case-versions'

type Props = { params: Promise<{ slug: string; number: string }> }

// A case page as it was published once (docs/decisions/026-case-versions.md). A version
// never changes, but the page is tagged with its case: withdrawing the case must take
// every version down with it (proxy.ts answers 410; this page then renders the notice),
// and the notice above it says whether the case has changed since.
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

const VERSION_NUMBER = /^[1-9]\d{0,8}$/

const load = cache(async (slug: string, number: string) => {
  const address = await resolveAddress('cases', slug)
  if (address.state !== 'current') return { address, page: null }
  const page = VERSION_NUMBER.test(number) ? await getCaseVersion(address.id, Number(number)) : null
  return { address, page }
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, number } = await params
  const { address, page } = await load(slug, number)
  if (address.state === 'withdrawn') return { title: 'Case withdrawn', robots: { index: false } }
  if (!page) return { title: 'Version not found' }
  // The version itself is not the page to list in search results: the current one is.
  return { title: `${page.c.title} (version ${page.version.number})`, alternates: { canonical: `/cases/${encodeURIComponent(slug)}` }, robots: { index: false, follow: true } }
}

export default async function CaseVersionPage({ params }: Props) {
  const { slug, number } = await params
  const { address, page } = await load(slug, number)
  // Withdrawn: the notice and nothing of the case, under the 410 proxy.ts set.
  if (address.state === 'withdrawn') return <WithdrawnNotice withdrawnAt={address.withdrawnAt} />
  if (address.state === 'moved') permanentRedirect(`${address.to}/versions/${encodeURIComponent(number)}`)
  if (address.state === 'missing' || !page) {
    return (
      <NotFoundResponse>
        <NotFoundPanel title="Version not found">
          <p>No published version of a case has this address. A version’s address is the case’s address followed by /versions/ and its number.</p>
        </NotFoundPanel>
      </NotFoundResponse>
    )
  }

  await tagPage(recordTag('case', address.id), ...page.namedTags)
  if (page.namesDeletedRecords) {
    return (
      <NotFoundPanel title="This version is no longer shown">
        <p data-testid="version-withheld">
          Version {page.version.number} of this case named a person or an organisation, or cited a source, that the editors have since removed from Casebook, so it is no longer shown.{' '}
          <Link href={`/cases/${encodeURIComponent(slug)}`} className="text-blue-800 underline underline-offset-2">
            Read the current page
          </Link>
          .
        </p>
      </NotFoundPanel>
    )
  }
  // Named by today's address: a renamed case's versions follow it (proxy.ts, 308).
  const c = { ...page.c, id: address.id, slug }
  return <CaseView c={c} notice={<VersionNotice version={page.version} latest={page.latest} currentPath={`/cases/${encodeURIComponent(slug)}`} />} cite={<CaseCite c={c} version={page.version} />} />
}
