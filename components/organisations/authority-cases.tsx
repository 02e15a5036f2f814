import Link from '@/components/ui/plain-link'
import { StatusBadge } from '@/components/ui/status-badge'
import type { OrganisationDetailDTO } from '@/lib/data/dto'

/** Cases in which the organisation acted as the authority (court, police, UN body). */
export function AuthorityCases({ cases }: { cases: OrganisationDetailDTO['casesAsAuthority'] }) {
  if (!cases.length) return null
  return (
    <section id="authority" aria-labelledby="authority-heading" className="mt-8">
      <h2 id="authority-heading" className="text-xl font-semibold">
        Cases in which it is the authority
      </h2>
      <ul className="mt-3 space-y-2">
        {cases.map((c) => (
          <li key={c.slug} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link href={`/cases/${c.slug}`} className="text-blue-800 underline underline-offset-2">
              {c.title}
            </Link>
            <span className="sr-only">Status:</span>
            <StatusBadge status={c.status} />
          </li>
        ))}
      </ul>
    </section>
  )
}
