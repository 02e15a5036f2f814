import { NotFoundPanel } from '@/components/ui/not-found-panel'

export default function ProvisionNotFound() {
  return (
    <NotFoundPanel title="No legal provision at this address">
      <p>Casebook has no legal provision at this address. The link may be mistyped, or the address may be out of date. The case dashboard can filter cases by the article charged.</p>
    </NotFoundPanel>
  )
}
