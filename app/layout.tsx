import type { Metadata, Viewport } from 'next'
import Link from '@/components/ui/plain-link'
import { env } from '@/lib/env'
import { feedAlternate, SITE_FEED_PATH } from '@/lib/feeds/follow-feeds'
import './globals.css'

export const metadata: Metadata = {
  // Canonical links are absolute, on the site's public address.
  metadataBase: new URL(env.BETTER_AUTH_URL),
  title: { default: 'Casebook — political prosecutions, with sources', template: '%s · Casebook' },
  alternates: { types: feedAlternate(SITE_FEED_PATH, 'Casebook: recent changes') },
  description: 'A public, source-cited tracker of political prosecutions: cases, charges, dates and outcomes, each linked to the reports that state them.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
          Skip to content
        </a>
        <header role="banner" className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-xl font-bold tracking-tight text-stone-900 no-underline">
              Casebook
            </Link>
            {/* A plain GET form: searches without JavaScript, and the address is the search (/search?q=…). Full width under the name on phones. */}
            <form action="/search" method="get" role="search" aria-label="Site search" className="order-last flex w-full gap-1 sm:order-none sm:w-auto sm:flex-1 sm:justify-center">
              <label htmlFor="site-search-q" className="sr-only">
                Search cases, people, organisations, provisions and sources
              </label>
              <input id="site-search-q" type="search" name="q" placeholder="Search names, words, dates…" className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-2 py-1.5 text-base sm:max-w-sm" />
              <button type="submit" className="rounded bg-blue-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-900">
                Search
              </button>
            </form>
            <nav aria-label="Main">
              <ul className="flex gap-4 text-sm">
                <li>
                  <Link href="/" className="text-blue-800 underline-offset-2 hover:underline">
                    Cases
                  </Link>
                </li>
                <li>
                  <Link href="/timeline" className="text-blue-800 underline-offset-2 hover:underline">
                    Timeline
                  </Link>
                </li>
                <li>
                  <Link href="/about" className="text-blue-800 underline-offset-2 hover:underline">
                    About &amp; method
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer role="contentinfo" className="mt-12 border-t border-stone-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-600">
            <p>Casebook records political prosecutions from published reports. Every fact links to the source that states it; where sources disagree, both versions are shown.</p>
            {/* A plain link: the public layout never reads the session, so pages stay cached (decision 005). */}
            <p className="mt-2">
              <Link href="/editor" className="text-blue-800 underline-offset-2 hover:underline" prefetch={false}>
                Editors: sign in
              </Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
