import { claimAnchor } from '@/lib/domain/source-notes'
import { CiteRefs, type Footnotes } from './footnotes'

/** A record's description with the markers of its notes; its id is what the notes link back to (descriptionClaim). */
export function CitedText({
  text,
  citations,
  notes,
  className = 'max-w-prose text-lg leading-relaxed',
  id = claimAnchor.description(),
}: {
  text: string
  citations: Parameters<typeof CiteRefs>[0]['citations']
  notes: Footnotes
  className?: string
  id?: string
}) {
  if (!text.trim()) return null
  return (
    <p id={id} className={className}>
      {text}
      <CiteRefs citations={citations} notes={notes} />
    </p>
  )
}
