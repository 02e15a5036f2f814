import Link from '@/components/ui/plain-link'
import { UtcDate } from '@/components/ui/utc-date'
import type { CaseVersionRef } from '@/lib/versions/case-versions'

/** Atop an old version of a case page: which version this is, and the way to the current page. */
export function VersionNotice({ version, latest, currentPath }: { version: CaseVersionRef; latest: CaseVersionRef; currentPath: string }) {
  const current = version.number >= latest.number
  return (
    <div role="note" data-testid="version-notice" className={`no-print mb-4 rounded border p-3 text-sm ${current ? 'border-stone-300 bg-white' : 'border-amber-400 bg-amber-50'}`}>
      {current ? (
        <p>
          You are reading version {version.number} of this page, of <UtcDate date={version.createdAt} withTime />: the current version.{' '}
          <Link href={currentPath} className="text-blue-800 underline underline-offset-2">
            Go to the page’s own address
          </Link>
        </p>
      ) : (
        <p>
          You are reading the version of <UtcDate date={version.createdAt} withTime /> (version {version.number}); the current page has changed since (version {latest.number}, of{' '}
          <UtcDate date={latest.createdAt} withTime />
          ).{' '}
          <Link href={currentPath} className="font-medium text-blue-800 underline underline-offset-2">
            Read the current page
          </Link>
        </p>
      )}
    </div>
  )
}
