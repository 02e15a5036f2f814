import type { AliasDTO } from '@/lib/data/dto'
import { aliasKindText } from '@/lib/domain/labels'
import { langAttribute } from '@/lib/domain/locale-names'

/** Other ways sources write a name; search finds the record under each of them. */
export function AliasList({ aliases }: { aliases: AliasDTO[] }) {
  if (!aliases.length) return null
  return (
    <section aria-labelledby="aliases-heading" className="mt-8">
      <h2 id="aliases-heading" className="text-xl font-semibold">
        Also written as
      </h2>
      <ul className="mt-3 space-y-1.5">
        {aliases.map((a) => (
          <li key={`${a.name}|${a.script}`}>
            <span lang={langAttribute(a.script)} className="font-medium">
              {a.name}
            </span>
            <span className="text-stone-700"> — {aliasKindText(a)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
