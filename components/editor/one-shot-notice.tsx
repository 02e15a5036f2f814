'use client'
import { useEffect, useState } from 'react'
import { useSearchParams } from 'next/navigation'

/** The query parameters a save's redirect adds for its notice (lib/actions/records.ts). */
const NOTICE_PARAMS = ['notice', 'rev', 'quote']

/**
 * Shows a save's notice once. The notice comes in the redirect's address
 * (`?notice=saved-case&rev=12`), which works without JavaScript; left there, it would
 * come back on a reload, on a return with Back, and stay up while the editor sends
 * another form. So, once shown, the parameters leave the address (the history entry
 * is replaced, not added), and the notice goes as soon as any form on the page is sent.
 * A return to this entry renders without it: its address no longer has the parameters.
 */
export function OneShotNotice({ children }: { children: React.ReactNode }) {
  const params = useSearchParams()
  // Decided at the first render: after the address is cleaned, the search params change but this notice stays.
  const [shown, setShown] = useState(() => params.has('notice'))

  useEffect(() => {
    const url = new URL(window.location.href)
    if (NOTICE_PARAMS.some((p) => url.searchParams.has(p))) {
      for (const p of NOTICE_PARAMS) url.searchParams.delete(p)
      window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`)
    }
    const hide = () => setShown(false)
    document.addEventListener('submit', hide, true)
    return () => document.removeEventListener('submit', hide, true)
  }, [])

  return shown ? children : null
}
