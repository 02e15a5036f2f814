'use client'
import { Fragment, useState, useSyncExternalStore } from 'react'
import { useFormAction } from '@/components/forms/use-form-action'
import { saveRecordAction, saveRecordsAction } from '@/lib/actions/records'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import type { ActionState, FieldErrors } from '@/lib/actions/safe-action-types'
import { DATE_ORDER_OPTIONS, DATE_PRECISION_OPTIONS, type FieldSpec, type SelectOption } from '@/lib/validation/form-fields'
import { BATCH_LIST_FIELDS, isAddEntity, parseAdd, RECORD_SCHEMAS, type Entity } from '@/lib/validation/records'
import { ErrorSummary, SubmitButton } from '@/components/forms/form-parts'
import { ConflictPanel } from './conflict-panel'
import { DuplicateWarning } from './duplicate-warning'
import { RecordPicker } from './record-picker'
import { namesMatchQuery } from '@/lib/domain/fold-name'
import { FieldGroup, fieldLabel, fieldRuns } from './field-group'

// One form for every kind of record. The fields come from lib/validation/records.ts,
// the same module whose zod schema the server action runs: the browser checks the
// input first and shows the same messages without a round trip; without JavaScript
// the server's answer shows them. Either way the input stays in the form.

export type RecordFormProps = {
  entity: Entity
  fields: FieldSpec[]
  options?: Record<string, SelectOption[]>
  defaults: Record<string, string>
  /** Context the record belongs to (caseId, owner) and where to go after saving. */
  hidden?: Record<string, string>
  id?: number
  version?: number
  submitLabel: string
  /** A prefix for element ids when a page holds several forms. */
  idPrefix?: string
  /** An "add" form of a case's page (`ADD_FIELDS`): one record per box ticked, cited when a source is given, with its parts (`parseAdd`). */
  batch?: boolean
  /**
   * Drawn closed under this summary (an "add" form on a page of several). It comes back
   * open when the save was refused, also without JavaScript, where the refusal is a new
   * page: the messages and the input must not be hidden in a closed section.
   */
  collapsedAs?: string
}

/** What a form's extra fields need to draw themselves as the other fields are drawn (the stage form's per-defendant blocks). */
export type ExtraFieldsContext = { values: Record<string, string>; errors: FieldErrors; idPrefix: string }

export function RecordForm(props: RecordFormProps) {
  const [state, action, pending] = useFormAction(props.batch ? saveRecordsAction : saveRecordAction)
  const titleId = `${props.idPrefix ?? ''}form-title`
  if (!props.collapsedAs) return <RecordFormView {...props} state={state} action={action} pending={pending} />
  // The summary is the form's heading and its accessible name: on a page of several
  // forms with the same field labels ("Title", "Note"), it says which record a field adds to.
  return (
    <details open={(state && !state.ok) || undefined} className="mt-3 rounded border border-stone-300 bg-white p-3">
      <summary className="cursor-pointer font-medium text-blue-800">
        <h3 id={titleId} className="inline">
          {props.collapsedAs}
        </h3>
      </summary>
      <div className="mt-3">
        <RecordFormView {...props} state={state} action={action} pending={pending} labelledBy={titleId} />
      </div>
    </details>
  )
}

/**
 * The form itself, for a page that holds the save's state: the source intake decides
 * from it which step to show (without JavaScript, a refused save must come back to the
 * form, not to the first step).
 */
export function RecordFormView({
  entity,
  fields,
  options = {},
  defaults,
  hidden = {},
  id,
  version,
  submitLabel,
  idPrefix = '',
  batch = false,
  state,
  action,
  pending,
  extraFields,
  check,
  labelledBy,
}: RecordFormProps & {
  state: ActionState
  action: (formData: FormData) => void
  pending: boolean
  /** Fields drawn after `fields`, before the edit summary. */
  extraFields?: (context: ExtraFieldsContext) => React.ReactNode
  /** The browser's check before sending, when the form is not one record's schema (default: clientCheck). */
  check?: (formData: FormData) => FieldErrors | null
  labelledBy?: string
}) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null)
  const failed = state && !state.ok ? state : null
  const errors: FieldErrors = clientErrors ?? failed?.fieldErrors ?? {}
  const values = failed ? failed.values : defaults
  const lists = failed?.lists ?? {}
  const shown: ActionState<unknown> = clientErrors ? { ok: false, fieldErrors: clientErrors, values } : state
  const labels = Object.fromEntries(fields.map((f) => [f.name, fieldLabel(f)]))
  const currentVersion = failed?.conflict?.currentVersion ?? version
  // Fields drawn only while a checkbox is ticked (`shownWhen`): the boxes' state as the editor changes them.
  const [ticked, setTicked] = useState<Record<string, boolean>>({})
  const isTicked = (name: string) => ticked[name] ?? (values[name] === 'on' || values[name] === 'true')
  function onChange(event: React.FormEvent<HTMLFormElement>) {
    const t = event.target
    if (t instanceof HTMLInputElement && t.type === 'checkbox' && fields.some((f) => f.shownWhen === t.name)) setTicked((s) => ({ ...s, [t.name]: t.checked }))
  }
  const drawn = fields.filter((f) => !f.shownWhen || isTicked(f.shownWhen))

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const formData = new FormData(event.currentTarget)
    const problems = check ? check(formData) : clientCheck(entity, batch, formData)
    if (!problems) {
      setClientErrors(null)
      return
    }
    event.preventDefault()
    setClientErrors(problems)
  }

  return (
    <form action={action} onSubmit={onSubmit} onChange={onChange} noValidate className="max-w-2xl" data-testid={`record-form-${entity}`} aria-labelledby={labelledBy}>
      <ErrorSummary state={shown} labels={labels} idPrefix={idPrefix} />
      {failed?.conflict && <ConflictPanel conflict={failed.conflict} />}
      <input type="hidden" name="entity" value={entity} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {currentVersion !== undefined && <input type="hidden" name="version" value={currentVersion} key={currentVersion} />}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fieldRuns(drawn).map((run) => {
        const fieldsOfRun = run.fields.map((field) => (
          <Fragment key={field.name}>
            <RecordField
              field={field}
              options={field.options ?? (field.optionsKey ? (options[field.optionsKey] ?? []) : [])}
              values={values}
              checked={lists[field.name] ?? []}
              errors={errors[field.name] ?? []}
              idPrefix={idPrefix}
            />
            {field.name === 'name' && failed?.duplicates && !clientErrors && <DuplicateWarning duplicates={failed.duplicates} id={`${idPrefix}field-name-duplicates`} />}
          </Fragment>
        ))
        return run.group ? (
          <FieldGroup key={`group-${run.group.name}`} group={run.group} idPrefix={idPrefix}>
            {fieldsOfRun}
          </FieldGroup>
        ) : (
          fieldsOfRun
        )
      })}
      {extraFields?.({ values, errors, idPrefix })}
      <div className="mb-4">
        <label htmlFor={`${idPrefix}field-editSummary`} className="block font-medium">
          Edit summary <span className="font-normal text-stone-600">(optional)</span>
        </label>
        <p id={`${idPrefix}field-editSummary-hint`} className="text-sm text-stone-600">
          Why you made this change, for the history: e.g. “date from Azattyq, 12 Feb 2021”.
        </p>
        <input
          id={`${idPrefix}field-editSummary`}
          name="editSummary"
          aria-describedby={`${idPrefix}field-editSummary-hint`}
          defaultValue={failed?.values.editSummary ?? ''}
          key={`editSummary-${failed?.values.editSummary ?? ''}`}
          className="mt-1 w-full max-w-md rounded border border-stone-400 px-2 py-1.5"
        />
      </div>
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  )
}

/** The errors the server would report, or null: the same schemas (for an add form, parseAdd), run before the form is sent. */
function clientCheck(entity: Entity, batch: boolean, formData: FormData): FieldErrors | null {
  const data = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>
  if (batch && isAddEntity(entity)) {
    const lists = Object.fromEntries(BATCH_LIST_FIELDS.map((name) => [name, formData.getAll(name).filter((v): v is string => typeof v === 'string')]))
    const parsed = parseAdd(entity, data, lists)
    return parsed.ok ? null : parsed.fieldErrors
  }
  const parsed = RECORD_SCHEMAS[entity].safeParse(data)
  return parsed.success ? null : fieldErrorsOf(parsed.error)
}

export function RecordField({
  field,
  options,
  values,
  checked,
  errors,
  idPrefix,
}: {
  field: FieldSpec
  options: readonly SelectOption[]
  values: Record<string, string>
  /** The boxes ticked when the form was sent (a `checkboxes` field). */
  checked: readonly string[]
  errors: string[]
  idPrefix: string
}) {
  const id = `${idPrefix}field-${field.name}`
  const value = values[field.name] ?? ''
  const describedBy = [field.hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const inputClass = `mt-1 w-full rounded border px-2 py-1.5 ${errors.length ? 'border-red-700' : 'border-stone-400'}`
  const label = (
    <>
      {field.label}
      {field.required && <span className="font-normal text-stone-600"> (required)</span>}
    </>
  )
  const hint = field.hint && (
    <p id={`${id}-hint`} className="text-sm text-stone-600">
      {field.hint}
    </p>
  )
  const error = errors.length > 0 && (
    <p id={`${id}-error`} className="text-sm font-medium text-red-800">
      {errors.join(' ')}
    </p>
  )

  if (field.input === 'checkboxes') return <CheckboxesField field={field} id={id} options={options} checked={checked} errors={errors} hint={hint} error={error} label={label} />

  if (field.input === 'date') return <DateField field={field} id={id} values={values} errors={errors} hint={hint} error={error} label={label} />

  if (field.input === 'checkbox') {
    return (
      <div className="mb-4">
        <label className="flex items-center gap-2 font-medium">
          <input id={id} type="checkbox" name={field.name} defaultChecked={value === 'on' || value === 'true'} key={`${field.name}-${value}`} aria-describedby={describedBy} />
          {field.label}
        </label>
        {hint}
        {error}
      </div>
    )
  }

  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint}
      {error}
      {field.input === 'textarea' ? (
        <textarea
          id={id}
          name={field.name}
          rows={field.rows ?? 3}
          defaultValue={value}
          key={`${field.name}-${value}`}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy}
          className={inputClass}
        />
      ) : field.input === 'select' ? (
        <SelectOrPicker
          searchable={SEARCHABLE.has(field.optionsKey ?? '')}
          id={id}
          name={field.name}
          value={value}
          options={options}
          describedBy={describedBy}
          invalid={errors.length > 0}
          className={inputClass}
        >
          <select id={id} name={field.name} defaultValue={value} key={`${field.name}-${value}`} aria-invalid={errors.length > 0 || undefined} aria-describedby={describedBy} className={inputClass}>
            {(field.emptyOption !== undefined || !field.required) && <option value="">{field.emptyOption ?? '—'}</option>}
            {field.required && field.emptyOption === undefined && !value && <option value="">Choose…</option>}
            {groupsOf(options).map(([group, list]) =>
              group === null ? (
                list.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))
              ) : (
                <optgroup key={group} label={group}>
                  {list.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
          </select>
        </SelectOrPicker>
      ) : (
        <input
          id={id}
          name={field.name}
          type={field.input === 'url' ? 'url' : 'text'}
          defaultValue={value}
          key={`${field.name}-${value}`}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy}
          className={inputClass}
        />
      )}
    </div>
  )
}

/** The choices loaded from the database that can run to hundreds: a text box that filters them (RecordPicker), the others stay selects. */
const SEARCHABLE = new Set(['parties', 'organisations', 'provisions', 'sources', 'cases'])

function SelectOrPicker({ searchable, children, ...picker }: React.ComponentProps<typeof RecordPicker> & { searchable: boolean }) {
  return searchable ? <RecordPicker {...picker}>{children}</RecordPicker> : children
}

/** Options in their groups, in the order the groups first appear; ungrouped ones under null. */
function groupsOf(options: readonly SelectOption[]): [string | null, SelectOption[]][] {
  const groups = new Map<string | null, SelectOption[]>()
  for (const o of options) {
    const key = o.group ?? null
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key)!.push(o)
  }
  return [...groups]
}

/** A group of checkboxes, one per option, under the options' own headings; every ticked value is posted under the field's name. */
/** Lists of more boxes than this get a filter. */
const FILTER_FROM = 12

/** For useSyncExternalStore: true once React runs in the browser, false on the server and while hydrating. */
const noSubscription = () => () => {}

function CheckboxesField({
  field,
  id,
  options,
  checked,
  errors,
  hint,
  error,
  label,
}: {
  field: FieldSpec
  id: string
  options: readonly SelectOption[]
  checked: readonly string[]
  errors: string[]
  hint: React.ReactNode
  error: React.ReactNode
  label: React.ReactNode
}) {
  const describedBy = [field.hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const ticked = new Set(checked)
  // A long list (every person, every provision) gets a filter once React runs: the
  // boxes it hides stay in the form, ticked ones are never hidden. Without JavaScript
  // the whole list shows.
  const [query, setQuery] = useState('')
  const [tickedNow, setTickedNow] = useState(() => new Set(checked))
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const filterable = hydrated && options.length > FILTER_FROM
  const shows = (o: SelectOption) => !query.trim() || tickedNow.has(o.value) || namesMatchQuery(query, [o.label, ...(o.aliases ?? [])])
  const onTick = (value: string, on: boolean) =>
    setTickedNow((now) => {
      const next = new Set(now)
      if (on) next.add(value)
      else next.delete(value)
      return next
    })
  let n = 0
  return (
    <fieldset id={id} tabIndex={-1} className={`mb-4 rounded border p-3 ${errors.length ? 'border-red-700' : 'border-stone-300'}`} aria-describedby={describedBy} aria-invalid={errors.length > 0 || undefined}>
      <legend className="px-1 font-medium">{label}</legend>
      {hint}
      {error}
      {filterable && (
        <div className="mt-1">
          <label htmlFor={`${id}-filter`} className="text-sm">
            Find in this list (any spelling)
          </label>
          <input id={`${id}-filter`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="ml-2 w-64 rounded border border-stone-400 px-2 py-1 text-sm" />
        </div>
      )}
      {options.length === 0 && <p className="text-sm text-stone-600">Nothing to choose from yet.</p>}
      {groupsOf(options).map(([group, list]) => {
        const boxes = (
          <ul className="mt-1 space-y-1">
            {list.map((o) => {
              const boxId = `${id}-${n++}`
              return (
                <li key={o.value} hidden={filterable && !shows(o)}>
                  <label htmlFor={boxId} className="flex items-baseline gap-2">
                    <input
                      id={boxId}
                      type="checkbox"
                      name={field.name}
                      value={o.value}
                      defaultChecked={ticked.has(o.value)}
                      key={`${o.value}-${ticked.has(o.value)}`}
                      onChange={(e) => onTick(o.value, e.target.checked)}
                    />
                    <span>
                      {o.label}
                      {o.note && (
                        <>
                          {' '}
                          <span className="ml-1 text-sm text-amber-900">({o.note})</span>
                        </>
                      )}
                    </span>
                  </label>
                </li>
              )
            })}
          </ul>
        )
        return group === null ? (
          <div key="-">{boxes}</div>
        ) : (
          <fieldset key={group} className="mt-2">
            <legend className="text-sm font-semibold text-stone-700">{group}</legend>
            {boxes}
          </fieldset>
        )
      })}
    </fieldset>
  )
}

function DateField({
  field,
  id,
  values,
  errors,
  hint,
  error,
  label,
}: {
  field: FieldSpec
  id: string
  values: Record<string, string>
  errors: string[]
  hint: React.ReactNode
  error: React.ReactNode
  label: React.ReactNode
}) {
  const n = field.name
  const v = (suffix: string) => values[`${n}${suffix}`] ?? ''
  const small = 'mt-1 rounded border border-stone-400 px-2 py-1.5'
  return (
    <fieldset className="mb-4 rounded border border-stone-300 p-3" aria-describedby={`${id}-datehint${errors.length ? ` ${id}-error` : ''}`}>
      <legend className="px-1 font-medium">{label}</legend>
      {hint}
      <p id={`${id}-datehint`} className="text-sm text-stone-600">
        Type only what the source gives: “10 March 2019”, “March 2019”, “spring 2019” or “2019”.
      </p>
      {error}
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={id} className="block text-sm">
            Date
          </label>
          <input id={id} name={n} defaultValue={v('')} key={`${n}-${v('')}`} aria-invalid={errors.length > 0 || undefined} className={`${small} w-48 ${errors.length ? 'border-red-700' : ''}`} />
        </div>
        <div>
          <label htmlFor={`${id}-precision`} className="block text-sm">
            Precision
          </label>
          <select id={`${id}-precision`} name={`${n}Precision`} defaultValue={v('Precision')} key={`${n}P-${v('Precision')}`} className={small}>
            {DATE_PRECISION_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-order`} className="block text-sm">
            Numeric dates read
          </label>
          <select id={`${id}-order`} name={`${n}Order`} defaultValue={v('Order')} key={`${n}O-${v('Order')}`} className={small}>
            {DATE_ORDER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name={`${n}Approx`} id={`${id}-approx`} defaultChecked={v('Approx') === 'on'} key={`${n}A-${v('Approx')}`} />
          Approximate (“c.”)
        </label>
      </div>
    </fieldset>
  )
}
