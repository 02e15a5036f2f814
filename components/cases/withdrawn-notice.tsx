import { NotFoundPanel } from '@/components/ui/not-found-panel'
import { UtcDate } from '@/components/ui/utc-date'

/**
 * The body of a withdrawn case's 410 page: that the case at this address was taken
 * down on purpose and when, and the 404 page's ways on (a search and the dashboard).
 * It names nothing the case has now: a withdrawn case may be a draft again, with a
 * title that is not public (or was withdrawn because its title endangered someone).
 */
export function WithdrawnNotice({ withdrawnAt }: { withdrawnAt: Date }) {
  return (
    <NotFoundPanel title="This case has been withdrawn">
      <p data-testid="withdrawn-notice">
        The case published at this address was withdrawn by the editors on <UtcDate date={withdrawnAt} />. Its page is no longer available.
      </p>
    </NotFoundPanel>
  )
}
