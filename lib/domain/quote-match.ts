// Whether a citation's quote is in its source's captured text. Editors copy quotes from
// a browser or retype them, so the typography differs from the stored text: straight
// quotes for « » or “ ”, a hyphen for a dash, a plain space for a non-breaking one, a
// capital at the start. Those differences are ignored; the words are not. Pure.

/** Every quotation mark and apostrophe: they are dropped, so « », “ ”, „ “ and " " all compare equal. */
const QUOTE_MARKS = /["'`«»‹›“”„‟‘’‚‛′″ʼ]/gu
/** Hyphens, dashes and the minus sign: all compare as "-", spaces around them ignored ("1990 – 2000" = "1990-2000"). */
const DASHES = /\s*[-‐‑‒–—―−⸺⸻﹘﹣－]\s*/gu
/** Characters with no width, which a copy from a web page may carry. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu
/** Where an editor left words out of a quote: "…", "...", "[…]", "(...)". */
const ELISION = /[[(]?(?:…|\.{3})[\])]?/gu

/**
 * The form in which quotes and texts are compared: NFKC (which also turns every
 * non-breaking space into a space and "…" into "..."), lower case, no quotation marks
 * or apostrophes, one kind of dash, single spaces. "ё" is compared as "е", as Russian
 * print usually writes it.
 */
export function normaliseForQuote(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/ё/g, 'е').replace(QUOTE_MARKS, '').replace(DASHES, '-').replace(/\s+/g, ' ').trim()
}

/** `found`: the quote is in the text; `not-found`: it is not; `no-text`: the source has no stored text to check against. */
export type QuoteCheck = 'found' | 'not-found' | 'no-text'

/** What the editor is told, after saving and beside the citation, when a quote could not be found. Never shown to readers. */
export const QUOTE_WARNINGS: Record<Exclude<QuoteCheck, 'found'>, string> = {
  'not-found': 'The quote was not found in the source’s stored text. Check it against the source.',
  'no-text': 'The source has no stored text, so the quote could not be checked against it.',
}

export function isQuoteCheck(value: unknown): value is QuoteCheck {
  return value === 'found' || value === 'not-found' || value === 'no-text'
}

/**
 * Checks a quote against its source's stored text, typography aside (normaliseForQuote).
 * A quote with words left out ("…") is found when each of its pieces is, in order.
 */
export function checkQuote(quote: string, sourceText: string): QuoteCheck {
  const text = normaliseForQuote(sourceText)
  if (!text) return 'no-text'
  const pieces = quote
    .normalize('NFKC')
    .split(ELISION)
    .map(normaliseForQuote)
    .filter((p) => p !== '')
  if (pieces.length === 0) return 'not-found'
  let from = 0
  for (const piece of pieces) {
    const at = text.indexOf(piece, from)
    if (at === -1) return 'not-found'
    from = at + piece.length
  }
  return 'found'
}
