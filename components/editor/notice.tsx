import { noticeText } from '@/lib/editing/paths'
import { ENTITY_LABELS } from '@/lib/validation/records'

/** The confirmation after a save (post/redirect/get): `?notice=saved-case`. */
export function SaveNotice({ notice }: { notice: string | string[] | undefined }) {
  const text = noticeText(typeof notice === 'string' ? notice : undefined, ENTITY_LABELS)
  if (!text) return null
  return (
    <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="save-notice">
      {text}
    </p>
  )
}
