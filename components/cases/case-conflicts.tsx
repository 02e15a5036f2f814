import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import type { ConflictDTO } from '@/lib/data/dto'
import { claimAnchor } from '@/lib/domain/source-notes'

/** Disagreements between sources: every version side by side, each with its own sources. */
export function CaseConflicts({ conflicts, notes }: { conflicts: ConflictDTO[]; notes: Footnotes }) {
  if (!conflicts.length) return null
  return (
    <section id="conflicts" aria-labelledby="conflicts-heading" className="mt-8">
      <h2 id="conflicts-heading" className="text-xl font-semibold">
        Where sources disagree
      </h2>
      {conflicts.map((k) => (
        <div key={k.id} id={claimAnchor.conflict(k.id)} className="mt-4 rounded border border-amber-300 bg-amber-50 p-4" data-testid="conflict">
          <h3 className="font-semibold">{k.subject}</h3>
          {k.note ? <p className="mt-1 text-sm text-stone-800">{k.note}</p> : null}
          <ul className="mt-3 grid gap-3 md:grid-cols-2">
            {k.versions.map((v, i) => (
              <li key={v.id} id={claimAnchor.conflictVersion(v.id)} className="rounded border border-stone-300 bg-white p-3" data-testid="conflict-version">
                <p className="text-xs font-semibold uppercase tracking-wide text-stone-700">
                  Version {i + 1}
                  {v.preferred ? <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900 normal-case">Preferred by editors</span> : null}
                </p>
                <p className="mt-1">
                  {v.statement}
                  <CiteRefs citations={v.citations} notes={notes} />
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
