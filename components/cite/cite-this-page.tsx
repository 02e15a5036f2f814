import { AccessedDate } from '@/components/cite/accessed-date'
import { CopyButton } from '@/components/cite/copy-button'
import { UtcDate } from '@/components/ui/utc-date'
import { CITATION_FORMAT_LABELS, citationsOf, type CitationFormat, type CitedPage } from '@/lib/cite/formats'

const STYLES: CitationFormat[] = ['plain', 'apa', 'mla', 'chicago']
const FOR_REFERENCE_MANAGERS: CitationFormat[] = ['bibtex', 'ris', 'csl-json']

function Format({ format, text }: { format: CitationFormat; text: string }) {
  const id = `cite-${format}`
  return (
    <div className="mt-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-label`} className="text-sm font-semibold text-stone-800">
          {CITATION_FORMAT_LABELS[format]}
        </h3>
        <CopyButton targetId={id} label={CITATION_FORMAT_LABELS[format].split(' ')[0]!} />
      </div>
      {/* Selected whole at one click or tap, copied with JavaScript or without. */}
      <pre
        id={id}
        tabIndex={0}
        aria-labelledby={`${id}-label`}
        data-testid={id}
        className="mt-1 select-all overflow-x-auto whitespace-pre-wrap break-words rounded border border-stone-300 bg-white p-2 font-mono text-sm text-stone-900"
      >
        {text}
      </pre>
    </div>
  )
}

/**
 * "Cite this page": the page's address, the version cited and its permalink, the access
 * date (filled in by the browser) and the citation in the styles and formats readers
 * paste, all made on the server (lib/cite/formats.ts).
 */
export function CiteThisPage({ pageUrl, cited, lastChanged }: { pageUrl: string; cited: CitedPage & { versionNumber: number | null }; lastChanged: Date | null }) {
  const citations = citationsOf(cited)
  return (
    <section id="cite" aria-labelledby="cite-heading" data-testid="cite-block" className="mt-10 border-t border-stone-200 pt-4">
      <h2 id="cite-heading" className="text-xl font-semibold">
        Cite this page
      </h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-stone-700">Address</dt>
        <dd className="break-all" data-testid="cite-address">
          {pageUrl}
        </dd>
        {cited.versionNumber !== null ? (
          <>
            <dt className="font-medium text-stone-700">Version</dt>
            <dd data-testid="cite-version">
              Version {cited.versionNumber} of <UtcDate date={cited.published} withTime />:{' '}
              <a href={cited.url} className="break-all text-blue-800 underline underline-offset-2" data-testid="cite-permalink">
                {cited.url}
              </a>
              <span className="block text-stone-600">This address keeps showing this version after the page changes: cite it for what you read.</span>
            </dd>
          </>
        ) : null}
        {lastChanged ? (
          <>
            <dt className="font-medium text-stone-700">Last changed</dt>
            <dd>
              <UtcDate date={lastChanged} withTime />
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-stone-700">Accessed</dt>
        <dd>
          <AccessedDate />
        </dd>
      </dl>
      {STYLES.map((f) => (
        <Format key={f} format={f} text={citations[f]} />
      ))}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-semibold text-blue-800">For reference managers: BibTeX, RIS, CSL-JSON</summary>
        {FOR_REFERENCE_MANAGERS.map((f) => (
          <Format key={f} format={f} text={citations[f]} />
        ))}
      </details>
    </section>
  )
}
