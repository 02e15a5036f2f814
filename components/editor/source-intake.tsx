'use client'
import Link from 'next/link'
import { useState } from 'react'
import { useFormAction } from '@/components/forms/use-form-action'
import { readArticleAction } from '@/lib/actions/sources'
import { saveRecordAction } from '@/lib/actions/records'
import type { ActionState, FieldErrors } from '@/lib/actions/safe-action-types'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { SOURCE_FIELDS } from '@/lib/validation/records'
import { fieldsWithNotes, INTAKE_NOTES_FIELD, readIntakeNotes, SOURCE_INTAKE_LABELS, SourceIntakeSchema, type ArticleReading, type IntakeNotes } from '@/lib/validation/sources'
import { ErrorSummary, SubmitButton } from '@/components/forms/form-parts'
import { RecordFormView } from './record-form'

// Two steps on one page. 1: the address and the pasted article; readArticleAction
// reads it. 2: either the source already stored at that address, or the source form
// filled in with what was read, for the editor to correct and save (saveRecordAction).
// Both actions' states live here, so that without JavaScript (the server renders the
// answer to each post) a refused save comes back to step 2 with the input kept. Next to
// each field the form says where its value was found (or that it was not), so that the
// editor knows what to check; those notes ride along with the save in a hidden field,
// to come back with a refused one.

const START_OVER = '/editor/sources/new'

export function SourceIntake() {
  const [readState, read, reading] = useFormAction(readArticleAction)
  const [saveState, save, saving] = useFormAction(saveRecordAction)

  const sourceForm = (defaults: Record<string, string>, notes: IntakeNotes) => (
    <RecordFormView
      entity="source"
      fields={fieldsWithNotes(SOURCE_FIELDS, notes)}
      defaults={defaults}
      hidden={{ [INTAKE_NOTES_FIELD]: JSON.stringify(notes) }}
      submitLabel="Create source"
      state={saveState}
      action={save}
      pending={saving}
    />
  )
  if (saveState && !saveState.ok) return <ConfirmStep>{sourceForm({}, readIntakeNotes(saveState.values[INTAKE_NOTES_FIELD]))}</ConfirmStep>
  const found = readState?.ok ? readState.data : undefined
  if (found?.existing) return <AlreadyStored reading={found} />
  if (found) return <ConfirmStep reading={found}>{sourceForm(found.defaults, found.notes)}</ConfirmStep>
  return <ReadStep state={readState} action={read} pending={reading} />
}

function ReadStep({ state, action, pending }: { state: ActionState<ArticleReading>; action: (formData: FormData) => void; pending: boolean }) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null)
  const failed = state && !state.ok ? state : null
  const errors = clientErrors ?? failed?.fieldErrors ?? {}
  const values = failed?.values ?? {}
  const shown: ActionState<unknown> = clientErrors ? { ok: false, fieldErrors: clientErrors, values } : state

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const data = Object.fromEntries([...new FormData(event.currentTarget).entries()].filter(([, v]) => typeof v === 'string'))
    const parsed = SourceIntakeSchema.safeParse(data)
    if (parsed.success) {
      setClientErrors(null)
      return
    }
    event.preventDefault()
    setClientErrors(fieldErrorsOf(parsed.error))
  }

  const describedBy = (name: string, hint: boolean) => [hint ? `field-${name}-hint` : null, errors[name]?.length ? `field-${name}-error` : null].filter(Boolean).join(' ') || undefined
  const error = (name: string) =>
    errors[name]?.length ? (
      <p id={`field-${name}-error`} className="text-sm font-medium text-red-800">
        {errors[name].join(' ')}
      </p>
    ) : null
  const inputClass = (name: string) => `mt-1 w-full rounded border px-2 py-1.5 ${errors[name]?.length ? 'border-red-700' : 'border-stone-400'}`

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="max-w-3xl" data-testid="source-intake-read">
      <h2 className="mb-2 text-lg font-semibold">Step 1 of 2: paste the article</h2>
      <p className="mb-4 text-stone-700">The next step fills in what it can find (title, publisher, authors, date, language) for you to check. Nothing is saved until you confirm.</p>
      <ErrorSummary state={shown} labels={SOURCE_INTAKE_LABELS} />
      <div className="mb-4">
        <label htmlFor="field-url" className="block font-medium">
          {SOURCE_INTAKE_LABELS.url} <span className="font-normal text-stone-600">(required)</span>
        </label>
        <p id="field-url-hint" className="text-sm text-stone-600">
          The article’s address as you found it; tracking parameters and “www.” are removed before it is stored.
        </p>
        {error('url')}
        <input
          id="field-url"
          name="url"
          type="url"
          defaultValue={values.url ?? ''}
          key={`url-${values.url ?? ''}`}
          aria-invalid={errors.url?.length ? true : undefined}
          aria-describedby={describedBy('url', true)}
          className={inputClass('url')}
        />
      </div>
      <div className="mb-4">
        <label htmlFor="field-content" className="block font-medium">
          {SOURCE_INTAKE_LABELS.content} <span className="font-normal text-stone-600">(required)</span>
        </label>
        <p id="field-content-hint" className="text-sm text-stone-600">
          Select the article in your browser and paste it, or paste the page’s HTML (View source). At most 2 MB.
        </p>
        {error('content')}
        <textarea
          id="field-content"
          name="content"
          rows={16}
          defaultValue={values.content ?? ''}
          key={`content-${values.content?.length ?? 0}`}
          aria-invalid={errors.content?.length ? true : undefined}
          aria-describedby={describedBy('content', true)}
          className={`${inputClass('content')} font-mono text-sm`}
        />
      </div>
      <SubmitButton pending={pending}>Read the article</SubmitButton>
    </form>
  )
}

function AlreadyStored({ reading }: { reading: Extract<ArticleReading, { existing: object }> }) {
  const s = reading.existing
  return (
    <section aria-labelledby="already-stored-title" className="max-w-3xl rounded border-2 border-amber-700 bg-amber-50 p-4" data-testid="source-already-stored">
      <h2 id="already-stored-title" className="text-lg font-semibold">
        This article is already stored
      </h2>
      <p className="mt-2">
        Already stored:{' '}
        <Link href={`/editor/records/source/${s.id}`} className="font-medium text-blue-800 underline">
          {s.publisher}: “{s.title}”
        </Link>{' '}
        (source #{s.id}){s.deleted ? ', deleted. Open it and restore it from its history rather than storing it again.' : '.'}
      </p>
      <p className="mt-2 text-sm text-stone-700">
        Its address names the same article as <span className="break-all">{reading.url}</span>: addresses that differ only in tracking parameters, “www.”, http or https, or a trailing slash name the same
        article, which is stored once and cited as often as needed.
      </p>
      <p className="mt-3">
        <a href={START_OVER} className="text-blue-800 underline">
          Read another article
        </a>
      </p>
    </section>
  )
}

function ConfirmStep({ reading, children }: { reading?: Extract<ArticleReading, { existing: null }>; children: React.ReactNode }) {
  return (
    <div>
      <h2 className="mb-2 text-lg font-semibold">Step 2 of 2: check and save</h2>
      <div className="mb-4 max-w-2xl space-y-2 text-stone-700" data-testid="source-intake-notes">
        {reading && (
          <p>
            Read as {reading.format === 'html' ? 'HTML' : 'plain text'}. Check every field against the article: what was found is a suggestion, and each field says where it was found.
            {reading.missing.length > 0 && <> Nothing was found for: {reading.missing.join(', ')}.</>}
          </p>
        )}
        {reading?.dateAmbiguity && (
          <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
            The date is left empty: {reading.dateAmbiguity} Type it under “Published” and choose how numeric dates read.
          </p>
        )}
        <p>
          <a href={START_OVER} className="text-blue-800 underline">
            Start again with another article
          </a>
        </p>
      </div>
      {children}
    </div>
  )
}
