import { CiteThisPage } from '@/components/cite/cite-this-page'
import type { CaseDetailDTO } from '@/lib/data/dto'
import { absoluteUrl } from '@/lib/site-url'
import type { CaseVersionRef } from '@/lib/versions/case-versions'

/** A case version's own address: /cases/<slug>/versions/<number>. */
export function caseVersionPath(slug: string, number: number): string {
  return `/cases/${encodeURIComponent(slug)}/versions/${number}`
}

/** "Cite this page" of a case page or of one of its versions: it cites the version shown. */
export function CaseCite({ c, version }: { c: CaseDetailDTO; version: CaseVersionRef | null }) {
  const pagePath = `/cases/${encodeURIComponent(c.slug)}`
  const cited = version
    ? {
        key: `casebook-case-${c.id}-v${version.number}`,
        title: c.title,
        url: absoluteUrl(caseVersionPath(c.slug, version.number)),
        published: version.createdAt,
        version: `Version ${version.number}`,
        versionNumber: version.number,
      }
    : { key: `casebook-case-${c.id}`, title: c.title, url: absoluteUrl(pagePath), published: c.updatedAt, version: null, versionNumber: null }
  return <CiteThisPage pageUrl={absoluteUrl(pagePath)} cited={cited} lastChanged={version ? null : c.updatedAt} />
}
