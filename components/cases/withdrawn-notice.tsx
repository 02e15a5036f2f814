import { NotFoundPanel } from '@/components/ui/not-found-panel'
import { UtcDate } from '@/components/ui/utc-date'

/**
 * The body of a withdrawn case's 410 page: which case was here, that it was taken
 * down on purpose and when, and the 404 page's ways on (a search and the dashboard).
 */
export function WithdrawnNotice({ title, withdrawnAt }: { title: string; withdrawnAt: Date }) {
  return (
    <NotFoundPanel title="This case has been withdrawn">
      <p data-testid="withdrawn-notice">
        The case “{title}” was published here until <UtcDate date={withdrawnAt} />, when the editors withdrew it.
        Its page is no longer available.
      </p>
    </NotFoundPanel>
  )
}
