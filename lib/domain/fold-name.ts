// Name folding for search. Sources spell the same people several ways
// (Aiman/Ayman Umarova, Baizhanov/Bayzhanov, Atajurt/Atazhurt, Leila/Laila,
// Toqaev/Tokayev) and in several scripts. We index a "search key" that erases the
// differences transliteration makes, and fold queries the same way. Pure.

// Kazakh and Russian Cyrillic to a plain Latin transliteration. The exact scheme
// matters little: both sides of a comparison go through the same function.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
}

/** Lowercase, no diacritics, Cyrillic transliterated, punctuation to single spaces. */
export function foldText(input: string): string {
  return (
    input
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? ch)
      // Kazakh Latin's dotless ı does not decompose under NFKD.
      .replace(/ı/g, 'i')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  )
}

/**
 * A key under which transliteration variants of one name coincide:
 * zh/j, kh/h, q/k, y/i, ei/ai, a glide i between vowels, doubled letters.
 */
export function nameSearchKey(input: string): string {
  return foldText(input)
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/ei/g, 'ai')
    .replace(/([aeiou])i(?=[aeou])/g, '$1')
    .replace(/(\p{L})\1+/gu, '$1')
}

/** Alias rows as stored: every name is kept with its search key, so search finds it. */
export function aliasesWithSearchKeys<A extends { name: string; script: string; kind: string }>(aliases: readonly A[]): (A & { nameFolded: string })[] {
  return aliases.map((a) => ({ ...a, nameFolded: nameSearchKey(a.name) }))
}

/** A query as the words to find, each folded like a search key: "Bilash Serikzhan" → ["bilash", "serikjan"]. */
export function searchTokens(query: string): string[] {
  return [...new Set(nameSearchKey(query).split(' ').filter(Boolean))]
}

/**
 * Whether a record known under `names` (its name and aliases) answers `query`: every
 * word of the query is in one of the names, in any order, so "Bilash Serikzhan" and
 * "serikjan" find "Serikzhan Bilash". The database searches the same way
 * (lib/queries/name-search.ts); this is its in-memory twin for the editor's pickers.
 */
export function namesMatchQuery(query: string, names: readonly string[]): boolean {
  const tokens = searchTokens(query)
  if (tokens.length === 0) return true
  const keys = names.map(nameSearchKey)
  return tokens.every((t) => keys.some((k) => k.includes(t)))
}

/** The words of a search key in a fixed order: "bilash serikjan" and "serikjan bilash" give the same. */
export function tokenOrderKey(searchKey: string): string {
  return searchKey.split(' ').filter(Boolean).sort().join(' ')
}

/** Whether two strings differ by at most one inserted, deleted or replaced character. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  // Past the first difference the rest must agree, after skipping one character of the longer (or of both, a replacement).
  return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1)
}
