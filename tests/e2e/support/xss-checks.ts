// What attack-xss.spec.ts checks on every page it loads with hostile text in it:
// nothing ran (no `__xss` hit in any frame, no dialog, no page error, no CSP violation)
// and nothing became markup (no element carrying a payload's `data-xss`, no event-handler
// attribute — React never renders one —, no <script> that is not Next.js's, no
// javascript:/data:/vbscript: address in an attribute that navigates or loads).
import type { BrowserContext, ConsoleMessage, Dialog, Page } from '@playwright/test'

/** Run before any page script, in every frame: the hit list the payloads push to. */
export async function armContext(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    Object.defineProperty(window, '__xss', { value: [], writable: false, configurable: false, enumerable: false })
  })
}

export type Watch = { dialogs: string[]; csp: string[]; errors: string[]; stop: () => void }

/**
 * Collects what a page reports while it loads and runs: dialogs (dismissed), CSP
 * violations, uncaught errors and React's hydration errors (hostile text must render
 * the same on the server and in the browser). `stop()` removes the listeners.
 */
export function watch(page: Page): Watch {
  const onDialog = (dialog: Dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => {})
  }
  const onConsole = (message: ConsoleMessage) => {
    const text = message.text()
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|run)/i.test(text)) seen.csp.push(text.slice(0, 300))
    else if (message.type() === 'error' && /hydrat/i.test(text)) seen.errors.push(text.slice(0, 300))
  }
  const onError = (error: Error) => seen.errors.push(String(error).slice(0, 300))
  const seen: Watch = {
    dialogs: [],
    csp: [],
    errors: [],
    stop: () => {
      page.off('dialog', onDialog)
      page.off('console', onConsole)
      page.off('pageerror', onError)
    },
  }
  page.on('dialog', onDialog)
  page.on('console', onConsole)
  page.on('pageerror', onError)
  return seen
}

export type Findings = {
  hits: string[]
  injected: string[]
  handlers: string[]
  badAddresses: string[]
  strayScripts: string[]
  /** javascript: addresses React 19 replaced by its own throwing one: inert, but the app let them through. */
  neutralised: string[]
}

/** Looks for every sign of a payload in the loaded page (the checks listed at the top). */
export async function inspect(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const REACT_BLOCKED = "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')"
    // Next.js's own inline scripts: the flight data, the Turbopack chunk list, React's streaming helpers.
    const NEXT_INLINE = /^\s*(\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)\.push\(|self\.__next_f\.push\(|\(globalThis\["TURBOPACK"\]|\$R[A-Z]|requestAnimationFrame\(function\(\)\{\$RT)/
    const ADDRESS_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'srcdoc', 'codebase', 'cite', 'ping', 'lowsrc', 'dynsrc'])
    const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'otpauth:'])
    const out = { hits: [] as string[], injected: [] as string[], handlers: [] as string[], badAddresses: [] as string[], strayScripts: [] as string[], neutralised: [] as string[] }
    const short = (el: Element) => el.outerHTML.slice(0, 160)

    const collectHits = (w: Window, where: string) => {
      try {
        const list = (w as unknown as { __xss?: unknown }).__xss
        if (Array.isArray(list)) out.hits.push(...list.map((id) => `${where}: ${String(id)}`))
        else out.hits.push(`${where}: window.__xss is ${typeof list} (replaced or clobbered)`)
        for (let i = 0; i < w.frames.length; i++) collectHits(w.frames[i]!, `${where} > frame ${i}`)
      } catch {
        // A cross-origin frame: it cannot be ours, and it is reported below as an injected frame.
      }
    }
    collectHits(window, 'top')

    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (el.hasAttribute('data-xss')) out.injected.push(short(el))
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase()
        if (name.startsWith('on')) out.handlers.push(`${name} on ${short(el)}`)
        if (name === 'srcdoc') out.badAddresses.push(`srcdoc on ${short(el)}`)
        if (!ADDRESS_ATTRIBUTES.has(name) || name === 'srcdoc') continue
        const value = attr.value
        if (value === REACT_BLOCKED) {
          out.neutralised.push(short(el))
          continue
        }
        let protocol: string
        try {
          protocol = new URL(value, document.baseURI).protocol
        } catch {
          continue // not an address the browser could follow either
        }
        if (!SAFE_PROTOCOLS.has(protocol)) out.badAddresses.push(`${name}=${JSON.stringify(value.slice(0, 120))} on <${el.localName}>`)
      }
    }
    for (const el of Array.from(document.querySelectorAll('iframe, frame, frameset, object, embed, applet, portal, base, meta[http-equiv], link[rel~="import"]'))) {
      out.injected.push(short(el))
    }
    for (const script of Array.from(document.scripts)) {
      if (script.src) {
        const src = new URL(script.src, document.baseURI)
        if (src.origin === location.origin && src.pathname.startsWith('/_next/static/')) continue
        out.strayScripts.push(`src=${script.src.slice(0, 120)}`)
      } else if (script.type === 'application/ld+json') {
        // The page's schema.org data: a data block, never run, and safe only while it
        // stays one JSON value with no `<` that could close the element early.
        const text = script.textContent ?? ''
        let json = true
        try {
          JSON.parse(text)
        } catch {
          json = false
        }
        if (!json || text.includes('<')) out.strayScripts.push(`ld+json that is not escaped JSON: ${text.slice(0, 160)}`)
      } else if (!NEXT_INLINE.test(script.textContent ?? '')) {
        out.strayScripts.push((script.textContent ?? '').slice(0, 160))
      }
    }
    return out
  })
}

/**
 * The text a reader (or an editor, in a form) is shown: the body's text without
 * scripts, every attribute value, every form control's value, the document title.
 * A field's marker in it proves the field reached this page's markup — not only the
 * flight data.
 */
export async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.title]
    const body = document.body.cloneNode(true) as HTMLElement
    for (const el of Array.from(body.querySelectorAll('script, template'))) el.remove()
    parts.push(body.textContent ?? '')
    for (const el of Array.from(document.querySelectorAll('*'))) for (const attr of Array.from(el.attributes)) if (attr.name !== 'class' && attr.name !== 'style') parts.push(attr.value)
    for (const el of Array.from(document.querySelectorAll('input, textarea, select'))) parts.push((el as HTMLInputElement).value)
    return parts.join('\n')
  })
}

/** Every problem in `findings` and `seen`, as one list of sentences (empty: the page is clean). */
export function problemsOf(findings: Findings, seen: Watch): string[] {
  return [
    ...findings.hits.map((h) => `ran: ${h}`),
    ...seen.dialogs.map((d) => `dialog: ${d}`),
    ...seen.errors.map((e) => `page error: ${e}`),
    ...seen.csp.map((c) => `CSP violation: ${c}`),
    ...findings.injected.map((i) => `element from a payload: ${i}`),
    ...findings.handlers.map((h) => `event-handler attribute: ${h}`),
    ...findings.strayScripts.map((s) => `script not from Next.js: ${s}`),
    ...findings.badAddresses.map((a) => `unsafe address: ${a}`),
  ]
}
