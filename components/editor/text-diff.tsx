import { diffWords } from 'diff'

/**
 * Before and after of one field. Short values side by side; long text as one
 * passage with deletions struck through and insertions underlined, so a one-word
 * correction in a long summary is visible at a glance. React escapes every part.
 */
export function TextDiff({ before, after }: { before: string; after: string }) {
  if (before.length + after.length < 160 || !before || !after) {
    return (
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <span className="sr-only">Before: </span>
          <del className="block rounded bg-red-50 px-2 py-1 whitespace-pre-wrap text-red-950 decoration-red-400">{before || <em className="no-underline">empty</em>}</del>
        </div>
        <div>
          <span className="sr-only">After: </span>
          <ins className="block rounded bg-green-50 px-2 py-1 whitespace-pre-wrap text-green-950 no-underline">{after || <em>empty</em>}</ins>
        </div>
      </div>
    )
  }
  return (
    <p className="rounded bg-stone-50 px-2 py-1 whitespace-pre-wrap">
      {diffWords(before, after).map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-green-100 text-green-950">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="bg-red-100 text-red-950">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  )
}
