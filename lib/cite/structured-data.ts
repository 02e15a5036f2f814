import 'server-only'
import type { ProfilePage, WebPage, WithContext } from 'schema-dts'
import type { CaseDetailDTO, PersonDetailDTO } from '@/lib/data/dto'
import { STATUS_LABELS } from '@/lib/domain/case-status'
import { absoluteUrl } from '@/lib/site-url'
import { SITE_NAME } from './formats'

// schema.org descriptions of the public pages (JSON-LD, components/cite/json-ld.tsx): what
// a search engine or a citation tool reads instead of the HTML. Only what the page shows.

const site = () => ({ '@type': 'WebSite' as const, name: SITE_NAME, url: absoluteUrl('/') })

export function caseStructuredData(c: CaseDetailDTO, version: { number: number; createdAt: Date; url: string } | null): WithContext<WebPage> {
  const defendants = c.parties.filter((p) => p.role === 'DEFENDANT')
  const sources = new Map(c.events.flatMap((e) => e.citations).map((ci) => [ci.source.id, ci.source]))
  for (const ci of [...c.summaryCitations, ...c.statusCitations]) sources.set(ci.source.id, ci.source)
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: c.title,
    headline: c.title,
    description: c.summary || undefined,
    url: absoluteUrl(`/cases/${encodeURIComponent(c.slug)}`),
    isPartOf: site(),
    dateModified: (version?.createdAt ?? c.updatedAt).toISOString(),
    ...(version ? { version: String(version.number), archivedAt: version.url } : {}),
    abstract: `Status: ${STATUS_LABELS[c.status]}`,
    about: defendants.map((p) =>
      p.person
        ? { '@type': 'Person' as const, name: p.person.name, url: absoluteUrl(`/people/${encodeURIComponent(p.person.slug)}`) }
        : { '@type': 'Organization' as const, name: p.organisation?.name ?? '', url: p.organisation ? absoluteUrl(`/organisations/${encodeURIComponent(p.organisation.slug)}`) : undefined },
    ),
    citation: [...sources.values()].map((s) => ({ '@type': 'CreativeWork' as const, name: s.title, publisher: s.publisher || undefined, url: s.url ?? undefined })),
  }
}

export function personStructuredData(p: PersonDetailDTO): WithContext<ProfilePage> {
  const url = absoluteUrl(`/people/${encodeURIComponent(p.slug)}`)
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    name: p.name,
    url,
    isPartOf: site(),
    dateModified: p.updatedAt.toISOString(),
    mainEntity: {
      '@type': 'Person',
      name: p.name,
      alternateName: p.aliases.map((a) => a.name),
      description: p.description || undefined,
      url,
    },
  }
}
