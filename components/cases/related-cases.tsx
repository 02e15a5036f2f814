import Link from '@/components/ui/plain-link'
import { StatusBadge } from '@/components/ui/status-badge'
import type { RelatedCaseDTO } from '@/lib/data/dto'
import { RELATION_LABELS } from '@/lib/domain/labels'

export function RelatedCases({ related }: { related: RelatedCaseDTO[] }) {
  if (!related.length) return null
  return (
    <section id="related" aria-labelledby="related-heading" className="mt-8">
      <h2 id="related-heading" className="text-xl font-semibold">
        Related cases
      </h2>
      <ul className="mt-3 space-y-2">
        {related.map((r) => (
          <li key={`${r.direction}-${r.slug}-${r.relation}`}>
            <span className="text-stone-700">{RELATION_LABELS[r.relation][r.direction]}: </span>
            <Link href={`/cases/${r.slug}`} className="text-blue-800 underline underline-offset-2">
              {r.title}
            </Link>{' '}
            <StatusBadge status={r.status} />
            {r.note ? <span className="block text-sm text-stone-700">{r.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
