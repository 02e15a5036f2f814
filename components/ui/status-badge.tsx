import { STATUS_LABELS, type CaseStatus } from '@/lib/domain/case-status'

// Colours pass WCAG AA (4.5:1) for the text on its background.
const TONE: Record<CaseStatus, string> = {
  INVESTIGATION: 'bg-amber-100 text-amber-900 ring-amber-300',
  CHARGED: 'bg-orange-100 text-orange-900 ring-orange-300',
  AWAITING_TRIAL: 'bg-orange-100 text-orange-900 ring-orange-300',
  ON_TRIAL: 'bg-red-100 text-red-900 ring-red-300',
  CONVICTED: 'bg-red-700 text-white ring-red-800',
  PLEA_DEAL: 'bg-rose-100 text-rose-900 ring-rose-300',
  ACQUITTED: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  DROPPED: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  APPEAL_PENDING: 'bg-violet-100 text-violet-900 ring-violet-300',
  APPEAL_DECIDED: 'bg-violet-100 text-violet-900 ring-violet-300',
  SENTENCE_SERVED: 'bg-stone-200 text-stone-900 ring-stone-300',
  DECIDED: 'bg-sky-100 text-sky-900 ring-sky-300',
  CLOSED: 'bg-stone-200 text-stone-900 ring-stone-300',
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span data-testid="status-badge" className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  )
}
