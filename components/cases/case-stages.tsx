import Link from '@/components/ui/plain-link'
import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText } from '@/components/ui/partial-date'
import type { SentenceHistoryDTO, StageDTO } from '@/lib/data/dto'
import { DECISION_LABELS, STAGE_KIND_LABELS } from '@/lib/domain/labels'
import { claimAnchor } from '@/lib/domain/source-notes'

// The proceeding stage by stage (first instance, appeal, ...), and above it each
// defendant's sentence history: what each stage decided for them, in order, cited.

function Court({ stage }: { stage: StageDTO }) {
  if (stage.court) {
    return (
      <Link href={`/organisations/${stage.court.slug}`} className="text-blue-800 underline underline-offset-2">
        {stage.court.name}
      </Link>
    )
  }
  return stage.courtName ? <>{stage.courtName}</> : <>court not reported</>
}

export function CaseStages({ stages, histories, notes }: { stages: StageDTO[]; histories: SentenceHistoryDTO[]; notes: Footnotes }) {
  if (!stages.length) return null
  return (
    <section id="stages" aria-labelledby="stages-heading" className="mt-8">
      <h2 id="stages-heading" className="text-xl font-semibold">
        Stages and sentences
      </h2>
      {histories.length ? (
        <>
          <h3 className="mt-3 font-semibold">Sentence history</h3>
          <ul className="mt-2 space-y-2" data-testid="sentence-histories">
            {histories.map((h) => (
              <li key={h.partyId} className="rounded border border-stone-200 bg-white p-3" data-testid="sentence-history">
                <p className="font-medium">{h.defendant?.name ?? 'Unnamed defendant'}</p>
                <ol className="mt-1 flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
                  {h.steps.map((step, i) => (
                    <li key={step.stageId} className="flex items-baseline gap-2">
                      {i > 0 ? (
                        <span aria-hidden="true" className="text-stone-500">
                          →
                        </span>
                      ) : null}
                      <span>
                        <strong>{step.sentence || DECISION_LABELS[step.decision]}</strong>{' '}
                        <span className="text-stone-700">
                          ({STAGE_KIND_LABELS[step.stage].toLowerCase()}
                          {step.sentence ? `: ${DECISION_LABELS[step.decision].toLowerCase()}` : ''}
                          {step.decided ? (
                            <>
                              , <PartialDateText date={step.decided} />
                            </>
                          ) : null}
                          )
                        </span>
                        <CiteRefs citations={step.citations} notes={notes} />
                      </span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ol className="mt-4 space-y-3">
        {stages.map((st) => (
          <li key={st.id} id={claimAnchor.stage(st.id)} className="rounded border border-stone-200 bg-white p-4" data-testid="stage">
            <p>
              <span className="font-medium">{STAGE_KIND_LABELS[st.kind]}</span>
              {' — '}
              <Court stage={st} />
              {st.decided ? (
                <>
                  , <PartialDateText date={st.decided} />
                </>
              ) : (
                <span className="text-stone-700">, date not reported</span>
              )}
              <CiteRefs citations={st.citations} notes={notes} />
            </p>
            {st.note ? <p className="mt-1 text-sm text-stone-700">{st.note}</p> : null}
            {st.decisions.length ? (
              <ul className="mt-2 space-y-1 text-sm">
                {st.decisions.map((d) => (
                  <li key={d.id} id={claimAnchor.decision(d.id)}>
                    {d.defendant ? <>{d.defendant.name}: </> : null}
                    <strong>{DECISION_LABELS[d.decision]}</strong>
                    {d.sentence ? <>. {d.sentence}</> : null}
                    <CiteRefs citations={d.citations} notes={notes} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
