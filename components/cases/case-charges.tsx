import Link from '@/components/ui/plain-link'
import { CiteRefs, type Footnotes } from '@/components/citations/footnotes'
import { PartialDateText } from '@/components/ui/partial-date'
import type { ChargeDTO } from '@/lib/data/dto'
import { DISPOSITION_LABELS } from '@/lib/domain/labels'
import { provisionName } from '@/lib/domain/provision-name'
import { claimAnchor } from '@/lib/domain/source-notes'

export function CaseCharges({ charges, notes }: { charges: ChargeDTO[]; notes: Footnotes }) {
  if (!charges.length) return null
  return (
    <section id="charges" aria-labelledby="charges-heading" className="mt-8">
      <h2 id="charges-heading" className="text-xl font-semibold">
        Charges
      </h2>
      <ul className="mt-3 space-y-3">
        {charges.map((ch) => (
          <li key={ch.id} id={claimAnchor.charge(ch.id)} className="rounded border border-stone-200 bg-white p-4">
            <p>
              {ch.provision ? (
                <Link href={`/provisions/${ch.provision.slug}`} className="font-medium text-blue-800 underline underline-offset-2">
                  {provisionName(ch.provision)}
                </Link>
              ) : (
                <span className="font-medium">Article not reported</span>
              )}
              {ch.provision ? <span className="text-stone-700"> — {ch.provision.title}</span> : null}
              <CiteRefs citations={ch.citations} notes={notes} />
            </p>
            {ch.description ? <p className="mt-1 text-sm">As reported: {ch.description}</p> : null}
            <p className="mt-1 text-sm text-stone-700">
              {ch.defendant ? <>Against {ch.defendant.name}. </> : null}
              Disposition: <strong>{DISPOSITION_LABELS[ch.disposition]}</strong>
              {ch.dispositionDate ? (
                <>
                  {' '}
                  (<PartialDateText date={ch.dispositionDate} />)
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
