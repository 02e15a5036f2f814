import Link from '@/components/ui/plain-link'
import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText, StatusAsOf } from '@/components/ui/partial-date'
import { StatusBadge } from '@/components/ui/status-badge'
import type { CaseDetailDTO, PartyDTO } from '@/lib/data/dto'
import { disputedFactsText, staleStatusDate, staleStatusText } from '@/lib/domain/case-status'
import { CASE_KIND_LABELS, jurisdictionLabel, STAGE_KIND_LABELS } from '@/lib/domain/labels'
import { claimAnchor } from '@/lib/domain/source-notes'

const NOT_REPORTED = <span className="text-stone-600">not reported</span>

/** The courts of the case's stages as the sources name them (one stage's kind beside each when they differ); a court authority otherwise. */
function courtsOf(c: CaseDetailDTO): string[] {
  const named = c.stages.filter((st) => st.court?.name || st.courtName)
  const names = [...new Set(named.map((st) => st.court?.name ?? st.courtName!))]
  if (names.length > 1)
    return names.map(
      (name) =>
        `${name} (${named
          .filter((st) => (st.court?.name ?? st.courtName) === name)
          .map((st) => STAGE_KIND_LABELS[st.kind].toLowerCase())
          .join(', ')})`,
    )
  if (names.length === 1) return names
  return c.authority?.kind === 'COURT' ? [c.authority.name] : []
}

function PartyNames({ parties, notes }: { parties: PartyDTO[]; notes: Footnotes }) {
  if (!parties.length) return NOT_REPORTED
  return (
    <>
      {parties.map((p, i) => {
        const ref = p.person ? { href: `/people/${p.person.slug}`, name: p.person.name } : p.organisation ? { href: `/organisations/${p.organisation.slug}`, name: p.organisation.name } : null
        return (
          <span key={p.id}>
            {i > 0 ? '; ' : ''}
            {ref ? (
              <Link href={ref.href} className="text-blue-800 underline underline-offset-2">
                {ref.name}
              </Link>
            ) : (
              'unnamed'
            )}
            <CiteRefs citations={p.citations} notes={notes} />
          </span>
        )
      })}
    </>
  )
}

/**
 * The case's status and key facts, as a description list: the status with what dates it
 * ("since", "last confirmed"), a warning when a running proceeding's status is more than
 * a year old (against the time of rendering: the page is rendered again at least daily),
 * the disagreements between sources, and who tries the case, or "not reported".
 */
export function CaseFacts({ c, notes }: { c: CaseDetailDTO; notes: Footnotes }) {
  const basis = c.statusBasis ?? (c.statusAsOf || c.statusUndated ? 'event' : 'default')
  const stale = staleStatusDate({ status: c.status, asOf: c.statusAsOf, undated: c.statusUndated }, new Date())
  const courts = courtsOf(c)
  const firstConflict = c.conflicts[0]
  return (
    <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 rounded border border-stone-200 bg-white p-4 sm:grid-cols-[max-content_1fr]" data-testid="case-facts">
      <dt className="font-semibold text-stone-700">Status</dt>
      <dd id={claimAnchor.caseField('status')}>
        <p data-testid="case-status">
          <StatusBadge status={c.status} /> <StatusAsOf asOf={c.statusAsOf} undated={c.statusUndated} basis={basis} />
          <CiteRefs citations={c.statusCitations} notes={notes} />
        </p>
        {stale ? (
          <p className="mt-1 text-sm font-medium text-amber-900" data-testid="status-stale">
            <span aria-hidden="true">⚠ </span>
            {staleStatusText(stale)}
          </p>
        ) : null}
        {firstConflict ? (
          <p className="mt-1 text-sm text-amber-900" data-testid="disputed-flag">
            <span aria-hidden="true">⚠ </span>
            {disputedFactsText(c.conflicts.length)} —{' '}
            <a href={`#${claimAnchor.conflict(firstConflict.id)}`} className="inline-flex min-h-6 items-center text-blue-800 underline underline-offset-2">
              see where sources disagree
            </a>
          </p>
        ) : null}
      </dd>
      <dt className="font-semibold text-stone-700">Kind</dt>
      <dd>
        {CASE_KIND_LABELS[c.kind]} · {jurisdictionLabel(c.jurisdiction)}
      </dd>
      <dt className="font-semibold text-stone-700">Court</dt>
      <dd data-testid="fact-court">{courts.length ? courts.join('; ') : NOT_REPORTED}</dd>
      <dt className="font-semibold text-stone-700">Judge</dt>
      <dd data-testid="fact-judge">
        <PartyNames parties={c.parties.filter((p) => p.role === 'JUDGE')} notes={notes} />
      </dd>
      <dt className="font-semibold text-stone-700">Prosecutor</dt>
      <dd data-testid="fact-prosecutor">
        <PartyNames parties={c.parties.filter((p) => p.role === 'PROSECUTOR')} notes={notes} />
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
      <dd id={claimAnchor.caseField('opened')}>
        <PartialDateText date={c.opened} fallback="not reported" />
        <CiteRefs citations={c.openedCitations} notes={notes} />
      </dd>
      {c.closed ? (
        <>
          <dt className="font-semibold text-stone-700">Closed</dt>
          <dd id={claimAnchor.caseField('closed')}>
            <PartialDateText date={c.closed} />
            <CiteRefs citations={c.closedCitations} notes={notes} />
          </dd>
        </>
      ) : null}
    </dl>
  )
}
