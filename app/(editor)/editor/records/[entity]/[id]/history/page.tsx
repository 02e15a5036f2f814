import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { RestoreRevisionButton } from '@/components/editor/record-actions'
import { SaveNotice } from '@/components/editor/notice'
import { TextDiff } from '@/components/editor/text-diff'
import { UtcDate } from '@/components/ui/utc-date'
import { getRecordForEdit, listRevisions } from '@/lib/editing/editor-reads'
import { editPathOf, historyPathOf, REVISION_ACTION_TEXT } from '@/lib/editing/paths'
import { EntityParam, RecordIdParam } from '@/lib/validation/editor-params'
import { ENTITY_LABELS } from '@/lib/validation/records'

type Props = { params: Promise<{ entity: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata: Metadata = { title: 'History' }

export default async function HistoryPage({ params, searchParams }: Props) {
  const p = await params
  const entity = EntityParam.safeParse(p.entity)
  const id = RecordIdParam.safeParse(p.id)
  if (!entity.success || !id.success) notFound()
  const sp = await searchParams
  const page = typeof sp.page === 'string' && /^\d{1,6}$/.test(sp.page) ? Math.max(1, Number(sp.page)) : 1
  const [record, { revisions, total }] = await Promise.all([getRecordForEdit(entity.data, id.data), listRevisions(entity.data, id.data, { page })])
  if (!record && revisions.length === 0) notFound()
  const here = historyPathOf(entity.data, id.data)
  const label = ENTITY_LABELS[entity.data]
  return (
    <div>
      <SaveNotice notice={sp.notice} rev={sp.rev} />
      <p className="text-sm">
        {record ? (
          <Link href={editPathOf(entity.data, id.data, record.caseId)} className="text-blue-800 underline">
            Back to the {label}
          </Link>
        ) : (
          <span>This {label} is deleted; restore it below.</span>
        )}
      </p>
      <h1 className="mt-1 text-2xl font-bold">
        History of the {label}
        {record ? `: ${record.label}` : ` #${id.data}`}
      </h1>
      <p className="mt-1 text-sm text-stone-700">
        {total} change{total === 1 ? '' : 's'}, newest first.{entity.data === 'case' ? ' Includes its parties, charges, events, citations, related cases and disputed facts.' : ''} “Restore” makes the record
        look as that change left it (for a deletion: brings it back); the restore is itself a new change.
      </p>
      {revisions.length === 0 && <p className="mt-4">No changes recorded through the editor yet (the record came from the initial data).</p>}
      <ol className="mt-4 space-y-4">
        {revisions.map((r) => (
          <li key={r.id} className="rounded border border-stone-300 bg-white p-3" data-testid={`revision-${r.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p>
                <strong>
                  {entity.data === 'case' && r.entity !== 'case' ? `${ENTITY_LABELS[r.entity]} “${r.label}” ` : ''}
                  {REVISION_ACTION_TEXT[r.action] ?? r.action}
                </strong>{' '}
                by {r.actorEmail}, <UtcDate date={r.at} withTime />{' '}
                <span className="text-sm text-stone-600">
                  (revision {r.id}, version {r.version})
                </span>
              </p>
              <div className="flex flex-col items-end gap-1">
                {r.restorable && <RestoreRevisionButton revisionId={r.id} label={r.action === 'delete' ? `Undo this deletion (revision ${r.id})` : `Restore this version (revision ${r.id})`} returnTo={here} />}
                {r.restorableBefore && <RestoreRevisionButton revisionId={r.id} side="before" label={`Restore the original version, from before revision ${r.id}`} returnTo={here} />}
              </div>
            </div>
            {r.summary && <p className="mt-1 text-sm italic">“{r.summary}”</p>}
            {r.changes.length > 0 && (
              <dl className="mt-2 space-y-2">
                {r.changes.map((c) => (
                  <div key={c.field}>
                    <dt className="text-sm font-medium">{c.label}</dt>
                    <dd>
                      <TextDiff before={c.before} after={c.after} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
      {total > page * 100 && (
        <p className="mt-4">
          <Link href={`${here}?page=${page + 1}`} className="text-blue-800 underline">
            Older changes
          </Link>
        </p>
      )}
    </div>
  )
}
