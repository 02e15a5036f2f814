import { NotFoundPanel } from '@/components/ui/not-found-panel'

export default function SourceNotFound() {
  return (
    <NotFoundPanel title="No source at this address">
      <p>Casebook has no source document at this address. The link may be mistyped. Every case page lists the sources it cites, with links to each.</p>
    </NotFoundPanel>
  )
}
