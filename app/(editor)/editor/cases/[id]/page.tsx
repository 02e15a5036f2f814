import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { RecordForm } from '@/components/editor/record-form'
import { StageForm } from '@/components/editor/stage-form'
import { DeleteRecordButton, PublishCaseButton } from '@/components/editor/record-actions'
import { SaveNotice } from '@/components/editor/notice'
import { CitationList, type ListedCitation } from '@/components/editor/citation-list'
import { getCaseWorkspace, getFormOptions } from '@/lib/data/editor'
import { getRecordForEdit } from '@/lib/editing/editor-reads'
import { historyPathOf } from '@/lib/editing/paths'
import { caseFieldName } from '@/lib/domain/citation-target'
import { ADD_FIELDS, isAddEntity, RECORD_FIELDS, type Entity } from '@/lib/validation/records'
import { RecordIdParam } from '@/lib/validation/editor-params'

export const metadata: Metadata = { title: 'Edit case' }

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const STATE_TEXT = {
  draft: { label: 'Draft', note: 'Only editors see it. Publish it when its facts are sourced.', className: 'bg-stone-200 text-stone-900' },
  published: { label: 'Published', note: 'Readers see it; changes show on the next request.', className: 'bg-green-100 text-green-900' },
  withdrawn: { label: 'Withdrawn', note: 'Was published, now unpublished: its address answers “withdrawn” (410).', className: 'bg-amber-100 text-amber-900' },
  deleted: { label: 'Deleted', note: 'Hidden from everyone but editors. Restore it from the history.', className: 'bg-red-100 text-red-900' },
} as const

export default async function CaseWorkspacePage({ params, searchParams }: Props) {
  const parsed = RecordIdParam.safeParse((await params).id)
  if (!parsed.success) notFound()
  const id = parsed.data
  // The case's parts and sources (lib/data), and the case as its form shows it (lib/editing).
  const [ws, record, options, { notice, rev, quote }] = await Promise.all([getCaseWorkspace(id), getRecordForEdit('case', id), getFormOptions(id), searchParams])
  if (!ws || !record) notFound()
  const c = ws.case
  const state = STATE_TEXT[ws.state]
  // The page's sections, in order: the table of contents lists them, each <Section> takes its own.
  const toc = {
    details: { id: 'details', title: 'Case details', count: null },
    parties: { id: 'parties', title: 'Parties', count: ws.parties.length },
    charges: { id: 'charges', title: 'Charges', count: ws.charges.length },
    stages: { id: 'stages', title: 'Stages of the proceeding', count: ws.stages.length },
    events: { id: 'events', title: 'Events', count: ws.events.length },
    citations: { id: 'citations', title: 'Citations', count: ws.citationCount },
    relations: { id: 'relations', title: 'Related cases', count: ws.relations.length },
    conflicts: { id: 'conflicts', title: 'Conflicting accounts', count: ws.conflicts.length },
  } satisfies Record<string, TocEntry>
  const here = `/editor/cases/${id}`
  // The facts still without a source say so in the citation form's boxes.
  const unsourced = new Set(ws.unsourced.map((f) => f.target))
  const formOptions = { ...options, citationTargets: (options.citationTargets ?? []).map((o) => (unsourced.has(o.value) ? { ...o, note: 'no source yet' } : o)) }
  const addForm = (entity: Entity, submitLabel: string) => (
    // Keyed on the last save: after one, the forms come back closed and empty.
    // Several records at once (one per box ticked), cited as they are added (lib/validation/records.ts `ADD_FIELDS`).
    <RecordForm
      key={`${entity}-${String(rev)}`}
      collapsedAs={submitLabel}
      entity={entity}
      fields={isAddEntity(entity) ? ADD_FIELDS[entity] : RECORD_FIELDS[entity]}
      batch={isAddEntity(entity)}
      options={formOptions}
      defaults={{}}
      hidden={{ caseId: String(id) }}
      submitLabel={submitLabel}
      idPrefix={`${entity}-new-`}
    />
  )
  return (
    <div>
      <SaveNotice notice={notice} rev={rev} quote={quote} />
      <p className="text-sm text-stone-600">
        <Link href="/editor/records/case" className="text-blue-800 underline">
          Cases
        </Link>{' '}
        / case #{id}
      </p>
      <h1 className="mt-1 text-2xl font-bold">{c.title}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${state.className}`} data-testid="case-state">
          {state.label}
        </span>
        <span className="text-sm text-stone-700">{state.note}</span>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        {ws.state === 'draft' || ws.state === 'withdrawn' ? <PublishCaseButton id={id} version={c.version} publish /> : null}
        {ws.state === 'published' && <PublishCaseButton id={id} version={c.version} publish={false} />}
        {ws.state === 'published' && (
          <Link href={`/cases/${c.slug}`} className="text-blue-800 underline">
            Public page
          </Link>
        )}
        {ws.state !== 'deleted' && (
          <Link href={`/editor/cases/${id}/preview`} className="text-blue-800 underline">
            Preview as readers will see it
          </Link>
        )}
        <Link href={historyPathOf('case', id)} className="text-blue-800 underline">
          History of this case
        </Link>
      </div>

      {ws.state !== 'deleted' && <Contents entries={Object.values(toc)} />}

      {ws.unsourced.length > 0 && ws.state !== 'deleted' && (
        <section aria-labelledby="unsourced-title" className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-3" data-testid="unsourced-facts">
          <h2 id="unsourced-title" className="font-semibold text-amber-900">
            {ws.state === 'published' ? 'Facts readers see without a source' : 'Cite a source for these before publishing'}
          </h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {ws.unsourced.map((f) => (
              <li key={f.target}>{f.label}</li>
            ))}
          </ul>
        </section>
      )}

      {ws.warnings.length > 0 && (
        <section aria-labelledby="warnings-title" className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-3" data-testid="date-warnings">
          <h2 id="warnings-title" className="font-semibold text-amber-900">
            Check these dates
          </h2>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {ws.warnings.map((w) => (
              <li key={`${w.eventId}-${w.sourceId}`}>
                “{w.eventTitle}” is dated {w.eventDate}, after its source “{w.sourceTitle}” was published ({w.sourceDate}). A source cannot report what had not happened yet: check the event’s date or the
                citation.
              </li>
            ))}
          </ul>
        </section>
      )}

      <section id={toc.details.id} aria-labelledby="details-title" className="mt-6 scroll-mt-4" data-testid="section-details">
        <h2 id="details-title" className="text-xl font-semibold">
          {toc.details.title}
        </h2>
        {(['status', 'opened', 'closed', 'summary', 'title'] as const).map((field) =>
          ws.caseCitations[field].length > 0 || field === 'status' || field === 'summary' ? (
            <div key={field} className="mt-2">
              <h3 className="text-sm font-semibold">Sources for the {caseFieldName(field)}</h3>
              <CitationList citations={ws.caseCitations[field]} returnTo={here} />
            </div>
          ) : null,
        )}
        {ws.state === 'deleted' ? (
          <p className="mt-2">This case is deleted. Restore it from its history to edit it.</p>
        ) : (
          <div className="mt-3">
            <RecordForm
              entity="case"
              fields={RECORD_FIELDS.case}
              options={options}
              defaults={record.values}
              id={id}
              version={record.version}
              hidden={{ returnTo: here }}
              submitLabel="Save case details"
              idPrefix="case-"
            />
          </div>
        )}
      </section>

      {ws.state !== 'deleted' && (
        <>
          <Section {...toc.parties}>
            <ItemList
              items={ws.parties.map((p) => ({
                entity: 'party' as const,
                id: p.id,
                version: p.version,
                title: `${p.name} — ${p.role}`,
                detail: p.outcome ?? '',
                citations: p.citations,
              }))}
              returnTo={here}
            />
            {addForm('party', 'Add a party')}
          </Section>

          <Section {...toc.charges}>
            <ItemList
              items={ws.charges.map((ch) => ({
                entity: 'charge' as const,
                id: ch.id,
                version: ch.version,
                title: `${ch.defendant}: ${ch.provision ?? ch.description}`,
                detail: ch.disposition,
                citations: ch.citations,
              }))}
              returnTo={here}
            />
            {addForm('charge', 'Add a charge')}
          </Section>

          <Section {...toc.stages}>
            {ws.stages.map((st) => (
              <div key={st.id} className="mt-2 rounded border border-stone-300 bg-white p-3" data-testid="workspace-stage">
                <ItemList items={[{ entity: 'stage' as const, id: st.id, version: st.version, title: st.label, detail: '', citations: st.citations }]} returnTo={here} />
                <ItemList
                  items={st.decisions.map((d) => ({ entity: 'decision' as const, id: d.id, version: d.version, title: `${d.defendant}: ${d.decision}`, detail: d.sentence, citations: d.citations }))}
                  returnTo={here}
                />
              </div>
            ))}
            <StageForm key={`stage-${String(rev)}`} caseId={id} defendants={options.decidedFor ?? []} options={formOptions} rev={String(rev)} />
          </Section>

          <Section {...toc.events}>
            <ItemList items={ws.events.map((e) => ({ entity: 'event' as const, id: e.id, version: e.version, title: `${e.date}: ${e.title}`, detail: e.kind, citations: e.citations }))} returnTo={here} />
            {addForm('event', 'Add an event')}
          </Section>

          <Section {...toc.citations}>
            <p className="text-sm text-stone-700">
              Every fact a reader sees links to its source: cite each event, charge, party and the summary with a short quote. One quote can support several facts: tick them all.
            </p>
            {addForm('citation', 'Add a citation')}
          </Section>

          <Section {...toc.relations}>
            <ItemList items={ws.relations.map((r) => ({ entity: 'relation' as const, id: r.id, version: r.version, title: `${r.label}: ${r.other.title}`, detail: '', citations: [] }))} returnTo={here} />
            {addForm('relation', 'Add a related case')}
          </Section>

          <Section {...toc.conflicts}>
            {ws.conflicts.map((k) => (
              <div key={k.id} className="mt-2 rounded border border-stone-300 bg-white p-3">
                <ItemList items={[{ entity: 'conflict' as const, id: k.id, version: k.version, title: k.subject, detail: '', citations: [] }]} returnTo={here} />
                <ItemList
                  items={k.versions.map((v) => ({
                    entity: 'conflictVersion' as const,
                    id: v.id,
                    version: v.version,
                    title: `${v.preferred ? '★ Preferred: ' : ''}${v.statement}`,
                    detail: '',
                    citations: v.citations,
                  }))}
                  returnTo={here}
                />
              </div>
            ))}
            {addForm('conflict', 'Add a disputed fact')}
            {ws.conflicts.length > 0 && addForm('conflictVersion', 'Add a version of a disputed fact')}
          </Section>

          <section aria-labelledby="danger-title" className="mt-10 border-t border-stone-300 pt-4">
            <h2 id="danger-title" className="text-lg font-semibold">
              Delete this case
            </h2>
            <p className="text-sm text-stone-700">It disappears for readers{ws.state === 'published' ? ' (its address will say “withdrawn”)' : ''}; it stays in the history and can be restored.</p>
            <DeleteRecordButton entity="case" id={id} version={c.version} label={c.title} returnTo={here} />
          </section>
        </>
      )}
    </div>
  )
}

/** A section of the page as the table of contents lists it: `count` records in it, or null for none to show. */
type TocEntry = { id: string; title: string; count: number | null }

/** Where each section is, and how many records it holds: a case with 25 citations is a long page. */
function Contents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav aria-labelledby="contents-title" className="mt-4 rounded border border-stone-300 bg-white p-3" data-testid="case-contents">
      <h2 id="contents-title" className="text-sm font-semibold text-stone-700">
        On this page
      </h2>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {entries.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`} className="text-blue-800 underline underline-offset-2">
              {e.title}
              {e.count !== null && (
                <>
                  {' '}
                  <span className="rounded-full bg-stone-200 px-1.5 text-sm text-stone-900">{e.count}</span>
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Section({ title, id, children }: TocEntry & { children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mt-8 scroll-mt-4" data-testid={`section-${id}`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

type Item = { entity: Entity; id: number; version: number; title: string; detail: string; citations: ListedCitation[] }

function ItemList({ items, returnTo }: { items: Item[]; returnTo: string }) {
  if (items.length === 0) return <p className="mt-2 text-sm text-stone-600">None yet.</p>
  return (
    <ul className="mt-2 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
      {items.map((item) => (
        <li key={`${item.entity}-${item.id}`} className="p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <div>
              <span className="font-medium">{item.title}</span>
              {item.detail && <span className="ml-2 text-sm text-stone-600">{item.detail}</span>}
            </div>
            <div className="flex items-baseline gap-3 text-sm">
              <Link href={`/editor/records/${item.entity}/${item.id}`} className="text-blue-800 underline" aria-label={`Edit ${item.title}`}>
                Edit
              </Link>
              <Link href={historyPathOf(item.entity, item.id)} className="text-blue-800 underline" aria-label={`History of ${item.title}`}>
                History
              </Link>
              <DeleteRecordButton entity={item.entity} id={item.id} version={item.version} label={item.title} returnTo={returnTo} />
            </div>
          </div>
          {item.entity !== 'relation' && item.entity !== 'conflict' && <CitationList citations={item.citations} returnTo={returnTo} />}
        </li>
      ))}
    </ul>
  )
}
