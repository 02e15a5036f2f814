import { notFound } from 'next/navigation'
import { Suspense } from 'react'

async function NotFoundSignal(): Promise<never> {
  notFound()
}

/**
 * Answers 404 with the not-found UI in the HTML itself, for readers without JavaScript.
 *
 * A page that calls notFound() directly gets the right status, but Next.js 16 sends
 * an empty HTML shell and draws the route's not-found.tsx only once JavaScript runs.
 * Here the page renders its not-found UI (`children`) itself, and notFound() is thrown
 * inside a Suspense boundary: our record pages are prerendered on demand
 * (generateStaticParams returns []), so the whole page is rendered before a byte is
 * sent and the status is still 404 (and noindex). With JavaScript, the boundary then
 * shows the same not-found.tsx. See docs/decisions/006-not-found-html.md.
 */
export function NotFoundResponse({ children }: { children: React.ReactNode }) {
  return (
    <>
      {children}
      <Suspense fallback={null}>
        <NotFoundSignal />
      </Suspense>
    </>
  )
}
