'use client'

import Link from '@/components/ui/plain-link'

// What went wrong stays in the server log (matched by the error's digest); readers
// get a calm message and a way to try again, never the error's details.
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Sorry, this page could not be shown</h1>
      <p className="mt-3">Something went wrong on our side while preparing this page. It is usually temporary: please try again in a moment.</p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          Try again
        </button>
        <Link href="/" className="text-blue-800 underline underline-offset-2">
          Go to the case dashboard
        </Link>
      </div>
    </div>
  )
}
