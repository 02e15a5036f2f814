import { nameSearchKey } from '@/lib/domain/fold-name'
import { matchWord, type QueryWord } from './query'

// Snippets of the ORIGINAL text with the words the query found marked. Pure.
//
// The index holds folded text (lib/search/documents.ts), so FTS5's snippet() and
// highlight() would show "atajurt ariktilari", not what the source wrote. Instead each
// word of the original is folded on its own, exactly as the index folds it, and
// compared with the query's words; the result is a list of plain and marked pieces of
// the original string, which React renders as text inside <mark> (escaped like any text).

export type TextPiece = { text: string; mark: boolean }

/** A word of the original text: [\p{L}\p{M}\p{N}] runs, the pieces foldText keeps. */
type Word = { start: number; end: number; match: number }

function* wordsOf(text: string, words: readonly QueryWord[]): Generator<Word> {
  const pattern = /[\p{L}\p{M}\p{N}]+/gu
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // NFKD may split one piece into several folded words ("½" → "1 2"): any may match.
    let match = -1
    for (const key of nameSearchKey(m[0]).split(' ')) {
      if (key && (match = matchWord(words, key)) >= 0) break
    }
    yield { start: m.index, end: m.index + m[0].length, match }
  }
}

/**
 * Whether `text` may hold a word the query looks for: its folded form contains one of
 * the query's keys. One pass over the text, far cheaper than folding word by word;
 * most fields of a result hold none of the words.
 */
function mayMatch(text: string, words: readonly QueryWord[]): boolean {
  const folded = nameSearchKey(text)
  return words.some((w) => folded.includes(w.key))
}

/** `text` between `from` and `to` with the matching words in it marked. */
function piecesOf(text: string, words: readonly Word[], from: number, to: number): TextPiece[] {
  const out: TextPiece[] = []
  let at = from
  for (const w of words) {
    if (w.match < 0 || w.start < from || w.end > to) continue
    if (w.start > at) out.push({ text: text.slice(at, w.start), mark: false })
    out.push({ text: text.slice(w.start, w.end), mark: true })
    at = w.end
  }
  if (to > at) out.push({ text: text.slice(at, to), mark: false })
  return out
}

/** The whole text (a title, a name) with the words the query found marked. */
export function highlight(text: string, query: readonly QueryWord[]): TextPiece[] {
  if (!mayMatch(text, query)) return [{ text, mark: false }]
  return piecesOf(text, [...wordsOf(text, query)], 0, text.length)
}

export type Snippet = { pieces: TextPiece[]; found: Set<number> }

const BEFORE = 8
const AFTER = 20

/**
 * Up to two short passages of `text` around the words the query found: the first
 * around the first match, a second around the first word the first passage lacks.
 * Null when no word of the text matches. Reads the text only as far as it needs.
 */
export function snippet(text: string, query: readonly QueryWord[]): Snippet | null {
  if (!mayMatch(text, query)) return null
  const found = new Set<number>()
  const windows: { words: Word[] }[] = []
  const recent: Word[] = []
  let current: { words: Word[]; left: number } | null = null
  for (const w of wordsOf(text, query)) {
    if (current) {
      current.words.push(w)
      if (w.match >= 0) found.add(w.match)
      if (--current.left === 0) {
        windows.push(current)
        current = null
        if (windows.length === 2 || found.size === query.length) break
        recent.length = 0
      }
      continue
    }
    const wanted = w.match >= 0 && !found.has(w.match)
    if (wanted) {
      found.add(w.match)
      current = { words: [...recent.slice(-BEFORE), w], left: AFTER }
      continue
    }
    recent.push(w)
    if (recent.length > BEFORE * 4) recent.splice(0, recent.length - BEFORE)
  }
  if (current) windows.push(current)
  if (windows.length === 0) return null
  const pieces: TextPiece[] = []
  const hasWords = (t: string) => /[\p{L}\p{N}]/u.test(t)
  let lastEnd = 0
  for (const win of windows) {
    const from = win.words[0]!.start
    const gap = text.slice(lastEnd, from)
    // The text left out between passages, or before the first: "…" unless it holds no word.
    pieces.push({ text: hasWords(gap) ? (lastEnd === 0 ? '… ' : ' … ') : lastEnd === 0 ? '' : gap, mark: false })
    const to = win.words.at(-1)!.end
    pieces.push(...piecesOf(text, win.words, from, to))
    lastEnd = to
  }
  const rest = text.slice(lastEnd)
  pieces.push({ text: hasWords(rest) ? ' …' : rest.trimEnd(), mark: false })
  return { pieces: pieces.filter((p) => p.text), found }
}

/** Which of the query's words (their indexes) `text` has. */
export function wordsFound(text: string, query: readonly QueryWord[]): Set<number> {
  const found = new Set<number>()
  if (!mayMatch(text, query)) return found
  for (const w of wordsOf(text, query)) if (w.match >= 0) found.add(w.match)
  return found
}

/** The first `count` words of `text` (and what lies between them), "…" after when there is more. */
export function opening(text: string, count = BEFORE + AFTER): string {
  const pattern = /[\p{L}\p{M}\p{N}]+/gu
  let end = 0
  for (let n = 0; n < count; n++) {
    const m = pattern.exec(text)
    if (!m) return text.trim()
    end = m.index + m[0].length
  }
  return /[\p{L}\p{N}]/u.test(text.slice(end)) ? `${text.slice(0, end)} …` : text.trim()
}
