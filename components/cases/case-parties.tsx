import Link from '@/components/ui/plain-link'
import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText } from '@/components/ui/partial-date'
import type { PartyDTO } from '@/lib/data/dto'
import { PARTY_ROLE_LABELS, SITUATION_LABELS } from '@/lib/domain/labels'
import { claimAnchor } from '@/lib/domain/source-notes'

function PartyName({ party }: { party: PartyDTO }) {
  if (party.person) {
    return (
      <Link href={`/people/${party.person.slug}`} className="font-medium text-blue-800 underline underline-offset-2">
        {party.person.name}
      </Link>
    )
  }
  if (party.organisation) {
    return (
      <Link href={`/organisations/${party.organisation.slug}`} className="font-medium text-blue-800 underline underline-offset-2">
        {party.organisation.name}
      </Link>
    )
  }
  return <span>Unnamed party</span>
}

export function CaseParties({ parties, notes }: { parties: PartyDTO[]; notes: Footnotes }) {
  const defendants = parties.filter((p) => p.role === 'DEFENDANT')
  const others = parties.filter((p) => p.role !== 'DEFENDANT')
  if (!parties.length) return null
  return (
    <section id="parties" aria-labelledby="parties-heading" className="mt-8">
      <h2 id="parties-heading" className="text-xl font-semibold">
        {defendants.length === 1 ? 'Defendant' : 'Defendants'}
      </h2>
      {defendants.length ? (
        <ul className="mt-3 space-y-3">
          {defendants.map((p) => (
            <li key={p.id} id={claimAnchor.party(p.id)} className="rounded border border-stone-200 bg-white p-4" data-testid="defendant">
              <p className="text-lg">
                <PartyName party={p} />
                <CiteRefs citations={p.citations} notes={notes} />
              </p>
              <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                {p.situation ? (
                  <>
                    <dt className="font-semibold text-stone-700">Situation</dt>
                    <dd>
                      {SITUATION_LABELS[p.situation]}
                      {p.situationAsOf ? (
                        <>
                          {' '}
                          as of <PartialDateText date={p.situationAsOf} />
                        </>
                      ) : null}
                    </dd>
                  </>
                ) : null}
                {p.outcome ? (
                  <>
                    <dt className="font-semibold text-stone-700">Outcome</dt>
                    <dd>{p.outcome}</dd>
                  </>
                ) : null}
                {p.sentence ? (
                  <>
                    <dt className="font-semibold text-stone-700">Sentence in force</dt>
                    <dd>
                      {p.sentence.text}
                      <CiteRefs citations={p.sentence.citations} notes={notes} />
                    </dd>
                  </>
                ) : null}
              </dl>
              {p.note ? <p className="mt-2 text-sm text-stone-700">{p.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-stone-700">No defendant is recorded.</p>
      )}
      {others.length ? (
        <>
          <h3 className="mt-6 text-lg font-semibold">Others in the case</h3>
          <ul className="mt-2 space-y-1">
            {others.map((p) => (
              <li key={p.id} id={claimAnchor.party(p.id)}>
                <PartyName party={p} /> — {PARTY_ROLE_LABELS[p.role].toLowerCase()}
                {p.note ? <span className="text-stone-700">: {p.note}</span> : null}
                <CiteRefs citations={p.citations} notes={notes} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
