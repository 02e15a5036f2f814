import type { TextPiece } from '@/lib/search/snippet'

/** Text with the words a search found in <mark>; React escapes every piece like any other text. */
export function MarkedText({ pieces }: { pieces: readonly TextPiece[] }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.mark ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  )
}
