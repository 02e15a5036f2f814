import { CiteRefs, type Footnotes } from './footnotes'

/** A paragraph of an editor's prose with the footnote numbers of its sources. */
export function CitedText({
  text,
  citations,
  notes,
  className = 'max-w-prose text-lg leading-relaxed',
}: {
  text: string
  citations: Parameters<typeof CiteRefs>[0]['citations']
  notes: Footnotes
  className?: string
}) {
  if (!text.trim()) return null
  return (
    <p className={className}>
      {text}
      <CiteRefs citations={citations} notes={notes} />
    </p>
  )
}
