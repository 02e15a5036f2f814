'use client'
import { useState, useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * Copies the text of the element `targetId` to the clipboard. Without JavaScript it is not
 * shown at all: the text beside it is selectable at one click (`user-select: all`).
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  // False in the server's HTML and during hydration, true once this runs in a browser.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no')
  if (!enhanced) return null

  async function copy() {
    const target = document.getElementById(targetId)
    if (!target) return
    const text = target.textContent ?? ''
    try {
      await navigator.clipboard.writeText(text)
      setCopied('yes')
    } catch {
      // No clipboard API (an insecure origin, a refused permission): select the text so that a keyboard copy takes it.
      const range = document.createRange()
      range.selectNodeContents(target)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      setCopied(document.execCommand('copy') ? 'yes' : 'failed')
    }
  }

  return (
    <button type="button" onClick={copy} className="min-h-6 rounded border border-stone-400 bg-white px-2 py-0.5 text-sm font-medium text-stone-800 hover:bg-stone-100" aria-describedby={targetId}>
      <span aria-live="polite">{copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Selected: press Ctrl+C' : `Copy ${label}`}</span>
    </button>
  )
}
