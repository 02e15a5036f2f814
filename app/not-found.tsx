import type { Metadata } from 'next'
import { NotFoundPanel } from '@/components/ui/not-found-panel'

export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <NotFoundPanel title="This page does not exist">
      <p>There is no page at this address. The link may be mistyped, or it may point to a page that never existed. Search the cases below, or start from the dashboard.</p>
    </NotFoundPanel>
  )
}
