import Link from '@/components/ui/plain-link'
import { StatusAsOf } from '@/components/ui/partial-date'
import { StatusBadge } from '@/components/ui/status-badge'
import type { ProvisionDetailDTO } from '@/lib/data/dto'
import { provisionLevel, provisionName } from '@/lib/domain/provision-name'

/** The provisions directly under this one (an article's parts, a part's paragraphs), each a link to its page. */
export function SubProvisions({ provision }: { provision: ProvisionDetailDTO }) {
  if (!provision.children.length) return null
  const heading = provisionLevel(provision) === 'article' ? 'Parts' : 'Paragraphs'
  return (
    <section aria-labelledby="sub-provisions-heading" className="mt-8">
      <h2 id="sub-provisions-heading" className="text-xl font-semibold">
        {heading} of {provisionName(provision, { code: false })}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {provision.children.map((c) => (
          <li key={c.slug}>
            <Link href={`/provisions/${c.slug}`} className="text-blue-800 underline underline-offset-2">
              {provisionName(c, { code: false })}
            </Link>
            : {c.title}
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * Every published case charged under the provision or under a provision below it, with
 * its status, defendants and, where it is not this provision itself, what it was
 * charged under ("Charged under Article 174, part 1").
 */
export function ProvisionCases({ cases, article, self }: { cases: ProvisionDetailDTO['cases']; article: string; self: string }) {
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
                <StatusAsOf asOf={c.statusAsOf} undated={c.statusUndated} basis={c.statusBasis} />
              </p>
              {c.chargedUnder.some((u) => u.slug !== self) ? (
                <p className="mt-2 text-sm">
                  <span className="font-semibold text-stone-700">Charged under: </span>
                  {c.chargedUnder.map((u, i) => (
                    <span key={u.slug}>
                      {i > 0 ? '; ' : null}
                      <Link href={`/provisions/${u.slug}`} className="text-blue-800 underline underline-offset-2">
                        {provisionName(u, { code: false })}
                      </Link>
                    </span>
                  ))}
                </p>
              ) : null}
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
