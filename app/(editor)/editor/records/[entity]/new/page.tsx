import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { RecordForm } from '@/components/editor/record-form'
import { getFormOptions } from '@/lib/data/editor'
import { getRecordForEdit } from '@/lib/editing/editor-reads'
import { EntityParam, RecordIdParam } from '@/lib/validation/editor-params'
import { ENTITY_LABELS, RECORD_FIELDS } from '@/lib/validation/records'

type Props = { params: Promise<{ entity: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata: Metadata = { title: 'New record' }

/**
 * A blank form for any kind of record. Parts of a case need `?caseId=`, an alias
 * needs `?owner=person:12`; sources have their own intake page that reads a pasted
 * article.
 */
export default async function NewRecordPage({ params, searchParams }: Props) {
  const parsed = EntityParam.safeParse((await params).entity)
  if (!parsed.success) notFound()
  const entity = parsed.data
  if (entity === 'source') redirect('/editor/sources/new')
  const sp = await searchParams
  const caseIdParam = RecordIdParam.safeParse(sp.caseId)
  const caseId = caseIdParam.success ? caseIdParam.data : null
  const hidden: Record<string, string> = {}
  let back = '/editor'
  if (!['case', 'person', 'organisation', 'provision', 'alias'].includes(entity)) {
    if (caseId === null) notFound()
    const c = await getRecordForEdit('case', caseId)
    if (!c) notFound()
    hidden.caseId = String(caseId)
    back = `/editor/cases/${caseId}`
  }
  if (entity === 'alias') {
    const owner = typeof sp.owner === 'string' && /^(person|organisation):\d{1,10}$/.test(sp.owner) ? sp.owner : null
    if (!owner) notFound()
    hidden.owner = owner
    const [kind, id] = owner.split(':') as ['person' | 'organisation', string]
    back = `/editor/records/${kind}/${id}`
    hidden.returnTo = back
  }
  const options = await getFormOptions(caseId)
  return (
    <div>
      <p className="text-sm">
        <Link href={back} className="text-blue-800 underline">
          Back
        </Link>
      </p>
      <h1 className="mt-1 mb-4 text-2xl font-bold">New {ENTITY_LABELS[entity]}</h1>
      <RecordForm entity={entity} fields={RECORD_FIELDS[entity]} options={options} defaults={{}} hidden={hidden} submitLabel={`Create ${ENTITY_LABELS[entity]}`} />
    </div>
  )
}
