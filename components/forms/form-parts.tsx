'use client'
import { useEffect, useRef } from 'react'
import type { ActionState } from '@/lib/actions/safe-action-types'

// Accessible form pieces for server-action forms (useActionState): labels, hints and
// errors linked by aria-describedby, and an error summary that takes focus.

export function errorsFor(state: ActionState<unknown>, name: string): string[] {
  return state && !state.ok ? (state.fieldErrors[name] ?? []) : []
}

export function valueFor(state: ActionState<unknown>, name: string, fallback = ''): string {
  return state && !state.ok ? (state.values[name] ?? fallback) : fallback
}

export function ErrorSummary({ state, labels, idPrefix = '' }: { state: ActionState<unknown>; labels: Record<string, string>; idPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state && !state.ok) ref.current?.focus()
  }, [state])
  if (!state || state.ok) return null
  const fields = Object.entries(state.fieldErrors).filter(([name]) => name !== '_form')
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${idPrefix}error-summary-title`}
      className="mb-4 rounded border-2 border-red-700 bg-red-50 p-3 focus:outline-none focus:ring-2 focus:ring-red-700"
    >
      <h2 id={`${idPrefix}error-summary-title`} className="font-semibold text-red-900">
        {state.formError ?? state.fieldErrors._form?.join(' ') ?? 'Please correct the following:'}
      </h2>
      {fields.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-red-900">
          {fields.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${idPrefix}field-${name}`} className="underline">
                {labels[name] ?? name}: {messages[0]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function SuccessNotice({ state }: { state: ActionState<unknown> }) {
  if (!state || !state.ok) return null
  return (
    <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {state.message}
    </p>
  )
}

export function Field({
  name,
  label,
  state,
  hint,
  type = 'text',
  autoComplete,
  defaultValue,
  required = true,
  inputMode,
}: {
  name: string
  label: string
  state: ActionState<unknown>
  hint?: string
  type?: string
  autoComplete?: string
  defaultValue?: string
  required?: boolean
  inputMode?: 'numeric' | 'text' | 'email'
}) {
  const errors = errorsFor(state, name)
  const id = `field-${name}`
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const isSecret = type === 'password'
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {errors.join(' ')}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
        defaultValue={isSecret ? undefined : valueFor(state, name, defaultValue)}
        key={isSecret ? undefined : valueFor(state, name, defaultValue)}
        className={`mt-1 w-full max-w-md rounded border px-2 py-1.5 ${errors.length ? 'border-red-700' : 'border-stone-400'}`}
      />
    </div>
  )
}

export function SubmitButton({ children, pending }: { children: React.ReactNode; pending: boolean }) {
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60">
      {children}
    </button>
  )
}
