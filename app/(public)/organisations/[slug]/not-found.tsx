import { NotFoundPanel } from '@/components/ui/not-found-panel'

export default function OrganisationNotFound() {
  return (
    <NotFoundPanel title="No organisation at this address">
      <p>Casebook has no organisation at this address. The link may be mistyped, or the address may be out of date. Search the cases for the organisation’s name instead.</p>
    </NotFoundPanel>
  )
}
