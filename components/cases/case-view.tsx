import Link from '@/components/ui/plain-link'
import { CaseFacts } from '@/components/cases/case-facts'
import { CaseParties } from '@/components/cases/case-parties'
import { CaseCharges } from '@/components/cases/case-charges'
import { CaseStages } from '@/components/cases/case-stages'
import { CaseTimeline } from '@/components/cases/case-timeline'
import { CaseConflicts } from '@/components/cases/case-conflicts'
import { RelatedCases } from '@/components/cases/related-cases'
import { CiteRefs, Footnotes, NotesAndSources } from '@/components/citations/footnotes'
import { caseClaims } from '@/components/cases/case-claims'
import { LastChanged } from '@/components/ui/last-changed'
import type { CaseDetailDTO } from '@/lib/data/dto'
import { claimAnchor } from '@/lib/domain/source-notes'

/** A case's status page: the public page and the editor's preview of a draft. */
export function CaseView({ c }: { c: CaseDetailDTO }) {
  // Sources are numbered, and their passages lettered, in the order the page shows the claims.
  const notes = new Footnotes(caseClaims(c))
  const disputedEvents = new Map(c.conflicts.filter((k) => k.eventId !== null).map((k) => [k.eventId!, k.id]))

  return (
    <article className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="no-print mb-3 text-sm">
        <Link href="/" className="text-blue-800 underline underline-offset-2">
          All cases
        </Link>
      </nav>
      <h1 className="text-3xl font-bold leading-tight tracking-tight">{c.title}</h1>
      <CaseFacts c={c} notes={notes} />

      {c.summary ? (
        <section aria-labelledby="summary-heading" className="mt-6">
          <h2 id="summary-heading" className="sr-only">
            Summary
          </h2>
          <p id={claimAnchor.caseField('summary')} className="max-w-prose text-lg leading-relaxed">
            {c.summary}
            <CiteRefs citations={c.summaryCitations} notes={notes} />
          </p>
        </section>
      ) : null}

      <CaseParties parties={c.parties} notes={notes} />
      <CaseCharges charges={c.charges} notes={notes} />
      <CaseStages stages={c.stages} histories={c.sentenceHistories} notes={notes} />
      <CaseTimeline events={c.events} notes={notes} disputedEvents={disputedEvents} />
      <CaseConflicts conflicts={c.conflicts} notes={notes} />
      <RelatedCases related={c.related} />
      <NotesAndSources notes={notes} />

      <LastChanged date={c.updatedAt} path={`/cases/${c.slug}`} />
    </article>
  )
}
