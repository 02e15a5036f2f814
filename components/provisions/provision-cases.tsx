import Link from 'next/link'
import { StatusAsOf } from '@/components/ui/partial-date'
import { StatusBadge } from '@/components/ui/status-badge'
import type { ProvisionDetailDTO } from '@/lib/data/dto'

/** Every published case that charges the provision, with its status and defendants. */
export function ProvisionCases({ cases, article }: { cases: ProvisionDetailDTO['cases']; article: string }) {
  return (
    <section id="cases" aria-labelledby="cases-heading" className="mt-8">
      <h2 id="cases-heading" className="text-xl font-semibold">
        Cases charged under {article}
        {cases.length ? <span className="font-normal text-stone-700"> ({cases.length})</span> : null}
      </h2>
      {cases.length ? (
        <ul className="mt-3 space-y-3">
          {cases.map((c) => (
            <li key={c.slug} className="rounded border border-stone-200 bg-white p-4">
              <h3 className="text-lg font-medium leading-snug">
                <Link href={`/cases/${c.slug}`} className="text-blue-800 underline underline-offset-2">
                  {c.title}
                </Link>
              </h3>
              <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-700">
                <span className="sr-only">Status:</span>
                <StatusBadge status={c.status} />
                <StatusAsOf asOf={c.statusAsOf} undated={c.statusUndated} />
              </p>
              {c.defendants.length ? (
                <p className="mt-2 text-sm">
                  <span className="font-semibold text-stone-700">{c.defendants.length === 1 ? 'Defendant' : 'Defendants'}: </span>
                  {c.defendants.map((d, i) => (
                    <span key={d.href}>
                      {i > 0 ? ', ' : null}
                      <Link href={d.href} className="text-blue-800 underline underline-offset-2">
                        {d.name}
                      </Link>
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-stone-700">No published case charges this provision yet.</p>
      )}
    </section>
  )
}
