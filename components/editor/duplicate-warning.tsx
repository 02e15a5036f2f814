import { duplicateConfirmation, type LikelyDuplicate } from '@/lib/actions/safe-action-types'

// Shown under the name when a new person or organisation looks like one already
// recorded (the write path's duplicate check): what was found and why, links to it,
// and the button that creates the record anyway. That button is a submit button of
// the same form, so one click sends everything typed again, with the confirmation.

const HOW: Record<LikelyDuplicate['how'], string> = {
  'same-spelling': 'the same name, spelling aside',
  'other-order': 'the same names in another order',
  'one-letter': 'one letter apart',
}

export function DuplicateWarning({ duplicates, id }: { duplicates: readonly LikelyDuplicate[]; id: string }) {
  const kind = duplicates[0]?.entity === 'organisation' ? 'organisation' : 'person'
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="-mt-2 mb-4 rounded border-2 border-amber-700 bg-amber-50 p-3" data-testid="likely-duplicates">
      <h2 id={`${id}-title`} className="font-semibold text-amber-900">
        Already recorded?
      </h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {duplicates.map((d) => (
          <li key={`${d.entity}:${d.id}`}>
            <a href={d.path} target="_blank" rel="noopener" className="font-medium text-blue-800 underline">
              {d.name}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
            <span className="text-sm text-stone-800">
              {' '}
              — {d.matched === d.name ? 'its name' : 'also recorded as'} “{d.matched}” and “{d.typed}” are {HOW[d.how]}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">If this is someone else, create the {kind}: what you typed is kept.</p>
      <button
        type="submit"
        name="confirmDuplicates"
        value={duplicateConfirmation(duplicates)}
        className="mt-2 rounded border-2 border-amber-800 bg-white px-3 py-1.5 font-medium text-amber-950 hover:bg-amber-100"
      >
        Create anyway
      </button>
    </section>
  )
}
