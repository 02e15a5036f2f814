import type { Metadata } from 'next'
import Link from 'next/link'
import { UtcDate } from '@/components/ui/utc-date'
import { requireEditor } from '@/lib/auth/session'
import { getEditorOverview } from '@/lib/editing/editor-reads'
import { historyPathOf, REVISION_ACTION_TEXT } from '@/lib/editing/paths'
import { ENTITY_LABELS } from '@/lib/validation/records'

export const metadata: Metadata = { title: 'Editor' }

export default async function EditorHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireEditor()
  const [{ denied }, overview] = await Promise.all([searchParams, getEditorOverview()])
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Editor</h1>
      {denied === 'admin' && (
        <p role="alert" className="mt-3 rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
          That page is for admins only.
        </p>
      )}
      <h2 className="mt-6 text-lg font-semibold">Records</h2>
      <ul className="mt-2 list-disc pl-5">
        <li>
          <Link href="/editor/sources/new" className="text-blue-800 underline">
            Add a source
          </Link>
          : paste an article’s address and text; then cite it in cases.
        </li>
        <li>
          <Link href="/editor/records/case/new" className="text-blue-800 underline">
            Start a new case
          </Link>{' '}
          (a draft until you publish it), or open one of the{' '}
          <Link href="/editor/records/case" className="text-blue-800 underline">
            cases
          </Link>
          .
        </li>
        <li>
          <Link href="/editor/records/person" className="text-blue-800 underline">
            People
          </Link>
          ,{' '}
          <Link href="/editor/records/organisation" className="text-blue-800 underline">
            organisations
          </Link>
          ,{' '}
          <Link href="/editor/records/provision" className="text-blue-800 underline">
            legal provisions
          </Link>{' '}
          and{' '}
          <Link href="/editor/records/source" className="text-blue-800 underline">
            sources
          </Link>
          .
        </li>
      </ul>
      <p className="mt-3 text-sm text-stone-700">Every change is kept with who made it and why; any earlier version can be restored from a record’s history.</p>
      <h2 className="mt-6 text-lg font-semibold">Drafts and withdrawn cases</h2>
      {overview.drafts.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">None: every case is published.</p>
      ) : (
        <ul className="mt-2 list-disc pl-5" data-testid="drafts">
          {overview.drafts.map((d) => (
            <li key={d.id}>
              <Link href={`/editor/cases/${d.id}`} className="text-blue-800 underline">
                {d.title}
              </Link>{' '}
              <span className="text-sm text-stone-600">
                {d.withdrawnAt ? 'withdrawn' : 'draft'}, changed <UtcDate date={d.updatedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-6 text-lg font-semibold">Latest changes</h2>
      {overview.recent.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">No change made through the editor yet.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm" data-testid="recent-changes">
          {overview.recent.map((r) => (
            <li key={r.id}>
              <UtcDate date={r.at} withTime />: {r.actorEmail} {REVISION_ACTION_TEXT[r.action] ?? r.action} the {ENTITY_LABELS[r.entity]}{' '}
              <Link href={r.caseId !== null && r.entity !== 'case' ? historyPathOf('case', r.caseId) : historyPathOf(r.entity, r.entityId)} className="text-blue-800 underline">
                {r.label}
              </Link>
              {r.summary && <span className="text-stone-600"> — “{r.summary}”</span>}
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-6 text-lg font-semibold">Account</h2>
      <ul className="mt-2 list-disc pl-5">
        <li>
          <Link href="/editor/account" className="text-blue-800 underline">
            Your account
          </Link>
          : change your password, set up two-factor sign-in.
        </li>
        {user.role === 'admin' && (
          <>
            <li>
              <Link href="/editor/users" className="text-blue-800 underline">
                Users
              </Link>
              : create editor accounts, change roles, disable accounts, sign people out.
            </li>
            <li>
              <Link href="/editor/audit" className="text-blue-800 underline">
                Audit log
              </Link>
              : sign-ins, failed sign-ins and every change to accounts.
            </li>
          </>
        )}
      </ul>
    </div>
  )
}
