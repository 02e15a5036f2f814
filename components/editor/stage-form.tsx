'use client'
import { useFormAction } from '@/components/forms/use-form-action'
import { saveStageAction } from '@/lib/actions/records'
import type { SelectOption } from '@/lib/validation/form-fields'
import { DECISION_BLOCK_SPECS, decisionBlockName, parseStageWithDecisions, STAGE_ADD_FIELDS } from '@/lib/validation/records'
import { RecordField, RecordFormView } from './record-form'

// "Add a stage": the stage (first instance, appeal...) and, in the same submission, what
// it decided for each defendant, each with its sentence. A block left empty adds no
// decision for that defendant.

type Props = { caseId: number; defendants: SelectOption[]; options: Record<string, SelectOption[]>; rev: string; idPrefix?: string }

export function StageForm({ caseId, defendants, options, rev, idPrefix = 'stage-new-' }: Props) {
  const [state, action, pending] = useFormAction(saveStageAction)
  const partyIds = defendants.map((d) => Number(d.value))
  const form = (
    <RecordFormView
      key={rev}
      entity="stage"
      fields={STAGE_ADD_FIELDS}
      options={options}
      defaults={{}}
      hidden={{ caseId: String(caseId), partyIds: partyIds.join(',') }}
      submitLabel="Add a stage of the proceeding"
      idPrefix={idPrefix}
      state={state}
      action={action}
      pending={pending}
      labelledBy={`${idPrefix}form-title`}
      check={(formData) => {
        const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>
        const parsed = parseStageWithDecisions(values, partyIds)
        return parsed.ok ? null : parsed.fieldErrors
      }}
      extraFields={({ values, errors }) =>
        defendants.length === 0 ? (
          <p className="mb-4 text-sm text-stone-700">Add the defendants under “Parties” first to record what this stage decided for each.</p>
        ) : (
          defendants.map((d) => (
            <fieldset key={d.value} className="mb-4 rounded border border-stone-300 p-3" data-testid="decision-block">
              <legend className="px-1 font-medium">Decision for {d.label}</legend>
              <div className="grid gap-x-4 sm:grid-cols-2">
                {DECISION_BLOCK_SPECS.map((f) => {
                  const name = decisionBlockName(d.value, f.name)
                  return <RecordField key={name} field={{ ...f, name }} options={f.options ?? []} values={values} checked={[]} errors={errors[name] ?? []} idPrefix={idPrefix} />
                })}
              </div>
            </fieldset>
          ))
        )
      }
    />
  )
  return (
    <details open={(state && !state.ok) || undefined} className="mt-3 rounded border border-stone-300 bg-white p-3">
      <summary className="cursor-pointer font-medium text-blue-800">
        <h3 id={`${idPrefix}form-title`} className="inline">
          Add a stage of the proceeding
        </h3>
      </summary>
      <div className="mt-3">{form}</div>
    </details>
  )
}
