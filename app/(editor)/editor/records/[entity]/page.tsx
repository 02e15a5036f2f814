import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { SaveNotice } from '@/components/editor/notice'
import { UtcDate } from '@/components/ui/utc-date'
import { listRecordsForEditor } from '@/lib/data/editor'
import { editPathOf } from '@/lib/editing/paths'
import { PLURAL_LABELS, TopLevelEntityParam } from '@/lib/validation/editor-params'
import { ENTITY_LABELS } from '@/lib/validation/records'

// Says what the box searches: a placeholder is no label (the label is there, for screen readers), only a reminder.
const SEARCH_HINTS: Record<string, string> = {
  person: 'Name or any spelling',
  organisation: 'Name or any spelling',
  case: 'Title, case number or a party’s name',
  provision: 'Article or title',
  source: 'Title, publisher or address',
}

type Props = { params: Promise<{ entity: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = TopLevelEntityParam.safeParse((await params).entity)
  return { title: parsed.success ? PLURAL_LABELS[parsed.data] : 'Records' }
}

export default async function RecordListPage({ params, searchParams }: Props) {
  const parsed = TopLevelEntityParam.safeParse((await params).entity)
  if (!parsed.success) notFound()
  const entity = parsed.data
  const { q, notice, rev } = await searchParams
  const query = typeof q === 'string' ? q.slice(0, 200) : ''
  const items = await listRecordsForEditor(entity, query)
  const newHref = entity === 'source' ? '/editor/sources/new' : `/editor/records/${entity}/new`
  return (
    <div>
      <SaveNotice notice={notice} rev={rev} />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{PLURAL_LABELS[entity]}</h1>
        <Link href={newHref} className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white hover:bg-blue-900">
          New {ENTITY_LABELS[entity]}
        </Link>
      </div>
      <form role="search" className="mt-4 flex gap-2" action={`/editor/records/${entity}`}>
        <label htmlFor="record-search" className="sr-only">
          Search {PLURAL_LABELS[entity].toLowerCase()}
        </label>
        <input id="record-search" name="q" defaultValue={query} className="w-72 rounded border border-stone-400 px-2 py-1.5" placeholder={SEARCH_HINTS[entity]} />
        <button type="submit" className="rounded border border-stone-500 px-3 py-1.5">
          Search
        </button>
      </form>
      {items.length === 0 ? (
        <p className="mt-4">Nothing found.</p>
      ) : (
        <ul className="mt-4 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
              <div>
                <Link href={editPathOf(entity, item.id)} className="font-medium text-blue-800 underline">
                  {item.label}
                </Link>
                {item.deleted && <strong className="ml-2 text-sm text-red-800">deleted</strong>}
                {item.matched && <div className="text-sm text-stone-700">Found as “{item.matched}”</div>}
                <div className="text-sm text-stone-600">{item.detail}</div>
              </div>
              {item.updatedAt && (
                <span className="text-sm text-stone-600">
                  changed <UtcDate date={item.updatedAt} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {items.length >= 200 && <p className="mt-2 text-sm text-stone-600">Showing the first 200: search to narrow down.</p>}
    </div>
  )
}
