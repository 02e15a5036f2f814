import Link from '@/components/ui/plain-link'
import { StatusAsOf } from '@/components/ui/partial-date'
import { StatusBadge } from '@/components/ui/status-badge'
import type { PersonCaseRoleDTO } from '@/lib/data/dto'
import { PARTY_ROLE_LABELS } from '@/lib/domain/labels'

type CaseGroup = { case: PersonCaseRoleDTO['case']; roles: PersonCaseRoleDTO[] }

/** One entry per case, in the order given, however many roles the record has in it. */
function groupByCase(roles: PersonCaseRoleDTO[]): CaseGroup[] {
  const groups = new Map<string, CaseGroup>()
  for (const r of roles) {
    const group = groups.get(r.case.slug)
    if (group) group.roles.push(r)
    else groups.set(r.case.slug, { case: r.case, roles: [r] })
  }
  return [...groups.values()]
}

/** The cases a person or an organisation is a party to: status as of its date, role, outcome. */
export function CaseRoles({ roles, heading, empty, id = 'cases' }: { roles: PersonCaseRoleDTO[]; heading: string; empty: string; id?: string }) {
  const groups = groupByCase(roles)
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-8">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {heading}
      </h2>
      {groups.length ? (
        <ul className="mt-3 space-y-3">
          {groups.map((g) => (
            <li key={g.case.slug} className="rounded border border-stone-200 bg-white p-4">
              <h3 className="text-lg font-medium leading-snug">
                <Link href={`/cases/${g.case.slug}`} className="text-blue-800 underline underline-offset-2">
                  {g.case.title}
                </Link>
              </h3>
              <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-700">
                <span className="sr-only">Status:</span>
                <StatusBadge status={g.case.status} />
                <StatusAsOf asOf={g.case.statusAsOf} undated={g.case.statusUndated} basis={g.case.statusBasis} />
              </p>
              {g.roles.map((r, i) => (
                <dl key={i} className="mt-2 grid grid-cols-1 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[max-content_1fr] sm:gap-y-1">
                  <dt className="font-semibold text-stone-700">Role</dt>
                  <dd className="mb-1 sm:mb-0">{PARTY_ROLE_LABELS[r.role]}</dd>
                  {r.outcome ? (
                    <>
                      <dt className="font-semibold text-stone-700">Outcome</dt>
                      <dd className="mb-1 sm:mb-0">{r.outcome}</dd>
                    </>
                  ) : null}
                  {r.sentence ? (
                    <>
                      <dt className="font-semibold text-stone-700">Sentence</dt>
                      <dd className="mb-1 sm:mb-0">{r.sentence}</dd>
                    </>
                  ) : null}
                </dl>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-stone-700">{empty}</p>
      )}
    </section>
  )
}
