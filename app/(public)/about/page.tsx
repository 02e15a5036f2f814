import type { Metadata } from 'next'
import Link from '@/components/ui/plain-link'
import { tagPage } from '@/lib/cache/tag-page'
import { STATIC_PAGE_TAG } from '@/lib/cache/tags'

export const metadata: Metadata = {
  title: 'About & method',
  description: 'What Casebook is and how it records political prosecutions: every fact linked to its source, dates only as precise as the source, disagreements shown side by side.',
}

const h2 = 'mt-10 text-xl font-semibold'
const h3 = 'mt-6 text-lg font-semibold'
const p = 'mt-3'
const link = 'text-blue-800 underline underline-offset-2'

export default async function AboutPage() {
  await tagPage(STATIC_PAGE_TAG)
  return (
    <article className="mx-auto max-w-prose leading-relaxed">
      <h1 className="text-3xl font-bold leading-tight tracking-tight">About Casebook and its method</h1>

      <h2 className={h2}>What Casebook is</h2>
      <p className={p}>
        Casebook is a public record of political prosecutions, written from published reports. For each case it records who was prosecuted, under which articles of which code, what happened and when, and how
        the case stands according to the latest report we have, and it links every one of those facts to the report that states it.
      </p>
      <p className={p}>
        It is small. It currently holds the cases brought in Kazakhstan against the activist Serikzhan Bilash and a related case, written in our own words from a handful of press reports and interviews. It is
        not a complete list of political prosecutions anywhere, and a case missing from it tells you nothing.
      </p>
      <p className={p}>
        <Link href="/" className={link}>
          Browse the cases on the dashboard
        </Link>
      </p>

      <h2 className={h2}>How we work</h2>

      <h3 className={h3}>Every fact has a source</h3>
      <p className={p}>
        Dated events, charges, outcomes and descriptions carry footnote numbers. Each note gives a short passage quoted from the source and where in the document it is (for example, its paragraph), so you can
        check our reading against the original. Each source has its own page: who published it and when, a link to the original where we could verify its address, and every passage Casebook cites from it. When
        we could not verify a web address for a document, we say so rather than guess one.
      </p>

      <h3 className={h3}>Dates are only as precise as the source</h3>
      <p className={p}>
        Reports give dates to the day, the month, the season or only the year. We keep each date exactly as precise as its source: “10 March 2019”, “April 2020”, “spring 2020”, “2017”, and “c.” where the source
        itself is approximate. “April 2020” never becomes an invented day.
      </p>
      <p className={p}>
        Printed dates can mislead. “04/02/2021” may mean 4 February or 2 April, and one interview in our sources is dated a year before the events it reports. A source’s page shows the date as printed beside
        our reading of it, with a note explaining that reading.
      </p>

      <h3 className={h3}>A status says since when, or when it was last confirmed</h3>
      <p className={p}>
        A case’s status (under investigation, convicted, dropped and so on) is shown with what dates it. “Since 27 May 2020” is the date of the reported event that set it. “Last confirmed February 2021” is the
        latest date a source stated the status when no reported event sets it: the case may have moved on since. When a case that is still running has not been confirmed for more than a year, its page and its
        entry in the list say so.
      </p>

      <h3 className={h3}>When sources disagree, you see both versions</h3>
      <p className={p}>
        Reports sometimes disagree about a date, a charge or an outcome. We do not silently pick one: the case page shows the versions side by side, each with its own sources. An editor may mark one version as
        preferred; the other stays on the page.
      </p>

      <h3 className={h3}>Names are spelled many ways</h3>
      <p className={p}>
        The same person or organisation is written differently from one report to the next (Aiman or Ayman Umarova, Atajurt or Atazhurt). Each person’s and organisation’s page lists the spellings the sources
        use, and the case search finds people under any of them.
      </p>

      <h3 className={h3}>Corrections</h3>
      <p className={p}>
        We will make mistakes. When a record is corrected, its page shows when it last changed. Addresses stay stable: if a record is renamed, its old address leads to the new one, so links already published
        keep working.
      </p>

      <h2 className={h2}>What Casebook is not</h2>
      <p className={p}>
        Casebook reports what published sources say; it does not investigate cases itself and is not a court record. The sources are often partial, and some are written by people close to the defendants. We
        name the source of every fact so that you can weigh it yourself.
      </p>
    </article>
  )
}
