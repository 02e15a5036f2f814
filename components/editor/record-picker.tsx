'use client'
import { Combobox, ComboboxItem, ComboboxPopover, ComboboxProvider } from '@ariakit/react'
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { namesMatchQuery } from '@/lib/domain/fold-name'
import type { SelectOption } from '@/lib/validation/form-fields'

// A long list of records to choose from (people, sources, provisions, cases) as a text
// box that filters it: typing any spelling of a name, or a part of a title, lists the
// choices that match, with the same folding as the site's search, aliases included.
// The form posts the chosen option's value under the field's name, as the select did,
// so the server action is unchanged. Until React runs (or without JavaScript) the
// native select is shown instead: the form works either way. The combobox itself
// (roles, keyboard, the active item) is Ariakit's.

/** Shown at once; typing narrows the rest. Hundreds of rows would make the list slow and useless to scan. */
const SHOWN = 50

/**
 * What is posted when text was typed but nothing chosen: never a valid value (an id
 * typed as digits would otherwise pass for one), so the server answers the field's
 * own "Choose …" message, and the text comes back into the box.
 */
const TYPED = 'typed:'

export function RecordPicker({
  id,
  name,
  value,
  options,
  describedBy,
  invalid,
  className,
  children,
}: {
  id: string
  name: string
  value: string
  options: readonly SelectOption[]
  describedBy?: string
  invalid: boolean
  className: string
  /** The native select, drawn until the picker can run. */
  children: React.ReactNode
}) {
  // Until React runs, the select; then the picker, starting from whatever the select
  // holds by then (a choice made before the page finished loading is kept).
  const holder = useRef<HTMLDivElement>(null)
  const [start, setStart] = useState<string | null>(null)
  useEffect(() => {
    setStart(holder.current?.querySelector('select')?.value ?? value)
  }, [value])
  if (start === null) return <div ref={holder}>{children}</div>
  return <Picker key={`${value}\n${start}`} id={id} name={name} value={start} options={options} describedBy={describedBy} invalid={invalid} className={className} />
}

function Picker({
  id,
  name,
  value,
  options,
  describedBy,
  invalid,
  className,
}: {
  id: string
  name: string
  value: string
  options: readonly SelectOption[]
  describedBy?: string
  invalid: boolean
  className: string
}) {
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label
  const [chosen, setChosen] = useState(() => (labelOf(value) !== undefined ? value : ''))
  const [text, setText] = useState(() => labelOf(value) ?? (value.startsWith(TYPED) ? value.slice(TYPED.length) : ''))
  const query = useDeferredValue(text)
  const chosenLabel = labelOf(chosen)
  const matches = useMemo(() => {
    // The chosen record's own label lists everything: the editor opened the list to change it.
    if (query.trim() === '' || query === chosenLabel) return options.map((o) => ({ option: o, alias: undefined }))
    return options.flatMap((o) => {
      const names = [o.label, ...(o.aliases ?? [])]
      if (!namesMatchQuery(query, names)) return []
      return [{ option: o, alias: namesMatchQuery(query, [o.label]) ? undefined : (o.aliases ?? []).find((a) => namesMatchQuery(query, [a])) }]
    })
  }, [options, query, chosenLabel])
  const unknown = chosen === '' && text.trim() !== ''
  const posted = chosen || (unknown ? `${TYPED}${text}` : '')
  const noteId = `${id}-picker-note`

  return (
    <ComboboxProvider
      value={text}
      setValue={(v) => {
        setText(v)
        // Typing over a choice un-chooses it; picking an item sets both (onClick below).
        setChosen((c) => (labelOf(c) === v ? c : ''))
      }}
    >
      <input type="hidden" name={name} value={posted} />
      <Combobox id={id} autoSelect placeholder="Type a name or a few letters…" aria-invalid={invalid || undefined} aria-describedby={[describedBy, noteId].filter(Boolean).join(' ')} className={className} />
      <p id={noteId} className={unknown ? 'mt-1 text-sm font-medium text-amber-900' : 'sr-only'} aria-live="polite">
        {unknown ? `“${text}” is not one of the choices: pick one from the list, or create it first.` : `${options.length} to choose from; type to narrow the list.`}
      </p>
      <ComboboxPopover gutter={4} sameWidth unmountOnHide className="z-50 max-h-80 overflow-auto rounded border border-stone-400 bg-white p-1 shadow-lg">
        {matches.length === 0 && <div className="p-2 text-sm text-stone-700">Nothing matches “{query}”.</div>}
        {matches.slice(0, SHOWN).map(({ option, alias }) => (
          <ComboboxItem
            key={option.value}
            value={option.label}
            data-value={option.value}
            onClick={() => {
              setChosen(option.value)
              setText(option.label)
            }}
            className={`cursor-pointer rounded px-2 py-1 data-[active-item]:bg-blue-100 ${option.value === chosen ? 'font-semibold' : ''}`}
          >
            {option.label}
            {alias && <span className="ml-1 text-sm text-stone-700">(also written “{alias}”)</span>}
            {option.group && <span className="ml-1 text-xs text-stone-600">· {option.group}</span>}
          </ComboboxItem>
        ))}
        {matches.length > SHOWN && <div className="p-2 text-sm text-stone-700">{matches.length - SHOWN} more: type more of the name to narrow the list.</div>}
      </ComboboxPopover>
    </ComboboxProvider>
  )
}
