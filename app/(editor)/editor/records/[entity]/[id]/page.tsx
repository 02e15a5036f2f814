import { aliasKindText } from '@/lib/domain/labels'
import { langAttribute } from '@/lib/domain/locale-names'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { RecordForm } from '@/components/editor/record-form'
import { DeleteRecordButton } from '@/components/editor/record-actions'
import { SaveNotice } from '@/components/editor/notice'
import { CitationList } from '@/components/editor/citation-list'
import { getFormOptions, listAliases, listDescriptionCitations, listLifeEvents } from '@/lib/data/editor'
import { getRecordForEdit } from '@/lib/editing/editor-reads'
import { editPathOf, historyPathOf } from '@/lib/editing/paths'
import { EntityParam, RecordIdParam } from '@/lib/validation/editor-params'
import { ENTITY_LABELS, RECORD_FIELDS } from '@/lib/validation/records'

type Props = { params: Promise<{ entity: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata: Metadata = { title: 'Edit record' }

export default async function EditRecordPage({ params, searchParams }: Props) {
  const p = await params
  const entity = EntityParam.safeParse(p.entity)
  const id = RecordIdParam.safeParse(p.id)
  if (!entity.success || !id.success) notFound()
  if (entity.data === 'case') redirect(`/editor/cases/${id.data}`)
  const record = await getRecordForEdit(entity.data, id.data)
  if (!record) notFound()
  const { notice, rev, quote } = await searchParams
  // The "add" forms are keyed on the last save: after one, they come back closed and empty.
  const saved = String(rev)
  // A person's page adds facts of their life; an undated one is placed among them.
  const lifeOwner = entity.data === 'person' ? id.data : entity.data === 'event' && record.caseId === null && record.values.personId ? Number(record.values.personId) : null
  const options = await getFormOptions(record.caseId, lifeOwner)
  // Outside a case, a citation keeps what it supports (a description, a life event)
  // and a life event keeps its person: those fields are fixed, not chosen.
  const describedOwner = entity.data === 'citation' && record.caseId === null && record.values.target ? record.values.target.replace(':', '/') : null
  const lifeOf = entity.data === 'event' && record.values.personId ? `person/${record.values.personId}` : null
  const owner = describedOwner ?? lifeOf
  const back = record.caseId !== null ? `/editor/cases/${record.caseId}` : owner ? `/editor/records/${owner}` : `/editor/records/${entity.data}`
  const here = editPathOf(entity.data, id.data)
  const returnTo = record.caseId !== null || owner ? back : here
  const hidden: Record<string, string> = { returnTo }
  const fields = describedOwner ? RECORD_FIELDS.citation.filter((f) => f.name !== 'target') : lifeOf ? RECORD_FIELDS.event.filter((f) => f.name !== 'statusAfter') : RECORD_FIELDS[entity.data]
  if (describedOwner) hidden.target = record.values.target!
  if (lifeOf) hidden.personId = record.values.personId!
  if (record.caseId !== null && record.values.caseId === undefined) hidden.caseId = String(record.caseId)
  if (record.values.caseId !== undefined) hidden.caseId = record.values.caseId
  if (record.values.owner !== undefined) hidden.owner = record.values.owner
  const aliases = entity.data === 'person' || entity.data === 'organisation' ? await listAliases(entity.data, id.data) : null
  const describedKind = entity.data === 'person' || entity.data === 'organisation' || entity.data === 'provision' ? entity.data : null
  const descriptionCitations = describedKind ? await listDescriptionCitations(describedKind, id.data) : null
  const lifeEvents = entity.data === 'person' ? await listLifeEvents(id.data) : null
  const label = ENTITY_LABELS[entity.data]
  return (
    <div>
      <SaveNotice notice={notice} rev={rev} quote={quote} />
      <p className="text-sm">
        <Link href={back} className="text-blue-800 underline">
          Back
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">
        Edit {label}: {record.label}
      </h1>
      <p className="mt-2 flex flex-wrap gap-4">
        <Link href={historyPathOf(entity.data, id.data)} className="text-blue-800 underline">
          History
        </Link>
        {record.publicPath && !record.deleted && (
          <Link href={record.publicPath} className="text-blue-800 underline">
            Public page
          </Link>
        )}
      </p>
      {record.deleted ? (
        <p className="mt-4 rounded border border-red-700 bg-red-50 p-3">This {label} is deleted. Restore it from its history to edit it.</p>
      ) : (
        <div className="mt-4">
          <RecordForm entity={entity.data} fields={fields} options={options} defaults={record.values} id={id.data} version={record.version} hidden={hidden} submitLabel={`Save ${label}`} />
        </div>
      )}
      {descriptionCitations && !record.deleted && (
        <section aria-labelledby="citations-title" className="mt-8">
          <h2 id="citations-title" className="text-xl font-semibold">
            Sources for the description
          </h2>
          <CitationList citations={descriptionCitations} returnTo={here} />
          <details key={saved} className="mt-3 rounded border border-stone-300 bg-white p-3">
            <summary className="cursor-pointer font-medium text-blue-800">Cite a source for the description</summary>
            <div className="mt-3">
              <RecordForm
                entity="citation"
                fields={RECORD_FIELDS.citation.filter((f) => f.name !== 'target')}
                options={options}
                defaults={{}}
                hidden={{ target: `${describedKind}:${id.data}`, returnTo: here }}
                submitLabel="Add citation"
                idPrefix="citation-"
              />
            </div>
          </details>
        </section>
      )}
      {lifeEvents && !record.deleted && (
        <section aria-labelledby="life-title" className="mt-8">
          <h2 id="life-title" className="text-xl font-semibold">
            Dated facts of their life
          </h2>
          <p className="text-sm text-stone-700">Outside any case: born, emigrated, founded an organisation. Each needs a source.</p>
          {lifeEvents.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">None yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
              {lifeEvents.map((e) => (
                <li key={e.id} className="p-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">
                      {e.date}: {e.title}
                    </span>
                    <span className="flex gap-3 text-sm">
                      <Link href={`/editor/records/event/${e.id}`} className="text-blue-800 underline" aria-label={`Edit ${e.title}`}>
                        Edit
                      </Link>
                      <DeleteRecordButton entity="event" id={e.id} version={e.version} label={e.title} returnTo={here} />
                    </span>
                  </div>
                  <CitationList citations={e.citations} returnTo={here} />
                  <details key={saved} className="mt-2">
                    <summary className="cursor-pointer text-sm text-blue-800">Cite a source for this fact</summary>
                    <div className="mt-2">
                      <RecordForm
                        entity="citation"
                        fields={RECORD_FIELDS.citation.filter((f) => f.name !== 'target')}
                        options={options}
                        defaults={{}}
                        hidden={{ target: `event:${e.id}`, returnTo: here }}
                        submitLabel="Add citation"
                        idPrefix={`event-${e.id}-citation-`}
                      />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
          <details key={saved} className="mt-3 rounded border border-stone-300 bg-white p-3">
            <summary className="cursor-pointer font-medium text-blue-800">Add a dated fact</summary>
            <div className="mt-3">
              <RecordForm
                entity="event"
                fields={RECORD_FIELDS.event.filter((f) => f.name !== 'statusAfter')}
                options={options}
                defaults={{}}
                hidden={{ personId: String(id.data), returnTo: here }}
                submitLabel="Add dated fact"
                idPrefix="life-event-"
              />
            </div>
          </details>
        </section>
      )}
      {aliases && !record.deleted && (
        <section aria-labelledby="aliases-title" className="mt-8">
          <h2 id="aliases-title" className="text-xl font-semibold">
            Other names (aliases)
          </h2>
          {aliases.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">None yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
              {aliases.map((a) => (
                <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
                  <span>
                    <span lang={langAttribute(a.script)} className="font-medium">
                      {a.name}
                    </span>{' '}
                    <span className="text-sm text-stone-600">({aliasKindText(a)})</span>
                  </span>
                  <span className="flex gap-3 text-sm">
                    <Link href={`/editor/records/alias/${a.id}`} className="text-blue-800 underline" aria-label={`Edit alias ${a.name}`}>
                      Edit
                    </Link>
                    <DeleteRecordButton entity="alias" id={a.id} version={a.version} label={`alias ${a.name}`} returnTo={here} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          <details key={saved} className="mt-3 rounded border border-stone-300 bg-white p-3">
            <summary className="cursor-pointer font-medium text-blue-800">Add an alias</summary>
            <div className="mt-3">
              <RecordForm entity="alias" fields={RECORD_FIELDS.alias} defaults={{}} hidden={{ owner: `${entity.data}:${id.data}`, returnTo: here }} submitLabel="Add alias" idPrefix="alias-" />
            </div>
          </details>
        </section>
      )}
      {!record.deleted && (
        <section aria-labelledby="delete-title" className="mt-10 border-t border-stone-300 pt-4">
          <h2 id="delete-title" className="text-lg font-semibold">
            Delete this {label}
          </h2>
          <p className="text-sm text-stone-700">It stays in the history and can be restored.</p>
          <DeleteRecordButton entity={entity.data} id={id.data} version={record.version} label={record.label} returnTo={record.caseId !== null ? back : `/editor/records/${entity.data}/${id.data}/history`} />
        </section>
      )}
    </div>
  )
}
