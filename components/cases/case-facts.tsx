import Link from 'next/link'
import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText, StatusAsOf } from '@/components/ui/partial-date'
import { StatusBadge } from '@/components/ui/status-badge'
import type { CaseDetailDTO } from '@/lib/data/dto'
import { CASE_KIND_LABELS, jurisdictionLabel } from '@/lib/domain/labels'

/** The case's status line and key facts, as a description list. */
export function CaseFacts({ c, notes }: { c: CaseDetailDTO; notes: Footnotes }) {
  return (
    <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 rounded border border-stone-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold text-stone-700">Status</dt>
      <dd data-testid="case-status">
        <StatusBadge status={c.status} /> <StatusAsOf asOf={c.statusAsOf} undated={c.statusUndated} />
        <CiteRefs citations={c.statusCitations} notes={notes} />
      </dd>
      <dt className="font-semibold text-stone-700">Kind</dt>
      <dd>
        {CASE_KIND_LABELS[c.kind]} · {jurisdictionLabel(c.jurisdiction)}
      </dd>
      {c.authority ? (
        <>
          <dt className="font-semibold text-stone-700">Authority</dt>
          <dd>
            <Link href={`/organisations/${c.authority.slug}`} className="text-blue-800 underline underline-offset-2">
              {c.authority.name}
            </Link>
          </dd>
        </>
      ) : null}
      {c.caseNumber ? (
        <>
          <dt className="font-semibold text-stone-700">Case number</dt>
          <dd>{c.caseNumber}</dd>
        </>
      ) : null}
      <dt className="font-semibold text-stone-700">Opened</dt>
      <dd>
        <PartialDateText date={c.opened} fallback="not reported" />
        <CiteRefs citations={c.openedCitations} notes={notes} />
      </dd>
      {c.closed ? (
        <>
          <dt className="font-semibold text-stone-700">Closed</dt>
          <dd>
            <PartialDateText date={c.closed} />
            <CiteRefs citations={c.closedCitations} notes={notes} />
          </dd>
        </>
      ) : null}
    </dl>
  )
}
