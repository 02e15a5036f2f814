import { NotFoundPanel } from '@/components/ui/not-found-panel'

export default function CaseNotFound() {
  return (
    <NotFoundPanel title="No case at this address">
      <p>We could not find a published case at this address. The link may be mistyped, or the case may not have been published yet.</p>
    </NotFoundPanel>
  )
}
