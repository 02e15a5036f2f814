// Short plain-text excerpts for page metadata. Pure: no framework imports.

// Abbreviations whose full stop does not end a sentence ("art. 174", "Mr. Bilash").
const ABBREVIATIONS = new Set(['art', 'arts', 'c', 'ca', 'cf', 'dr', 'e.g', 'etc', 'i.e', 'mr', 'mrs', 'ms', 'no', 'nos', 'para', 'paras', 'p', 'pp', 'st', 'vs'])

/**
 * The first sentence of `text`, at most `max` characters (cut at a word, with "…").
 * Null when the text is blank, so callers can supply their own fallback.
 */
export function firstSentence(text: string, max = 200): string | null {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return null
  let sentence = clean
  // A sentence ends at . ! or ? (optionally followed by a closing quote or bracket)
  // when a space and a capital letter, digit or opening quote follow.
  const end = /[.!?][”’"')\]]?(?=\s+[\p{Lu}\p{N}“‘"(])/gu
  for (let m = end.exec(clean); m; m = end.exec(clean)) {
    if (m[0].startsWith('.')) {
      const word = /([\p{L}.]+)$/u.exec(clean.slice(0, m.index))?.[1]?.toLowerCase()
      // A single capital letter before the dot is an initial ("J. Smith").
      if (word && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word))) continue
    }
    sentence = clean.slice(0, m.index + m[0].length)
    break
  }
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`
}
