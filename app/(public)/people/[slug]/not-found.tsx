import { NotFoundPanel } from '@/components/ui/not-found-panel'

export default function PersonNotFound() {
  return (
    <NotFoundPanel title="No person at this address">
      <p>Casebook has no person at this address. The link may be mistyped, or the address may be out of date. Search the cases for the name instead: any spelling the sources use will do.</p>
    </NotFoundPanel>
  )
}
