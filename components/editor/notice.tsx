import { noticeText } from '@/lib/editing/paths'
import { ENTITY_LABELS } from '@/lib/validation/records'
import { isQuoteCheck, QUOTE_WARNINGS } from '@/lib/domain/quote-match'
import { OneShotNotice } from './one-shot-notice'

type Param = string | string[] | undefined
const one = (p: Param) => (typeof p === 'string' ? p : undefined)

/**
 * The confirmation after a save (post/redirect/get): `?notice=saved-case&rev=12`, and
 * after a citation's, `&quote=not-found` when its quote is not in the source's text.
 * Shown once (OneShotNotice).
 */
export function SaveNotice({ notice, rev, quote }: { notice: Param; rev?: Param; quote?: Param }) {
  const text = noticeText(one(notice), ENTITY_LABELS)
  if (!text) return null
  const check = one(quote)
  const warning = isQuoteCheck(check) && check !== 'found' ? QUOTE_WARNINGS[check] : null
  return (
    // A new save is a new notice, shown even if the last one was dismissed.
    <OneShotNotice key={`${one(notice)}-${one(rev) ?? ''}`}>
      <div role="status" className="mb-4 space-y-2">
        <p className="rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="save-notice">
          {text}
        </p>
        {warning && (
          <p className="rounded border-2 border-amber-700 bg-amber-50 p-3 font-medium text-amber-900" data-testid="quote-warning">
            <span aria-hidden="true">⚠ </span>
            {warning}
          </p>
        )}
      </div>
    </OneShotNotice>
  )
}
