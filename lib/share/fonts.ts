import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

// The fonts of the share images (next/og), read from the installed @fontsource/noto-sans
// package: Noto Sans in the subsets that cover Latin, Cyrillic and Kazakh letters
// (Ә Ғ Қ Ң Ө Ұ Ү Һ І are in cyrillic-ext). WOFF, not WOFF2: satori reads only TTF, OTF
// and WOFF. next/og fetches a font from Google for any character no given font has
// (and an image for an emoji), which this machine cannot reach and a server must not
// do: `drawableText` replaces every such character first.

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const
const WEIGHTS = [400, 700] as const
const FONT_DIR = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans')

/** The CSS font-family list that reaches every subset: satori uses one font of a name, so each subset has its own. */
export const SHARE_FONT_FAMILY = SUBSETS.map((subset) => `'Noto Sans ${subset}'`).join(', ')

export type ShareFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: 'normal' }

let loaded: Promise<{ fonts: ShareFont[]; ranges: [number, number][] }> | null = null

/** The unicode-range of each subset, as its own stylesheet declares it (`400.css`). */
function rangesOf(css: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const block of css.split('@font-face')) {
    const subset = /noto-sans-([a-z-]+)-400-normal\.woff\b/.exec(block)?.[1]
    if (!subset || !(SUBSETS as readonly string[]).includes(subset)) continue
    const declared = /unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? ''
    for (const part of declared.split(',')) {
      const [start, end] = part.trim().replace(/^U\+/i, '').split('-')
      const from = parseInt(start ?? '', 16)
      if (Number.isFinite(from)) ranges.push([from, end ? parseInt(end, 16) : from])
    }
  }
  return ranges
}

export function loadShareFonts(): Promise<{ fonts: ShareFont[]; ranges: [number, number][] }> {
  loaded ??= (async () => {
    const fonts = await Promise.all(
      SUBSETS.flatMap((subset) =>
        WEIGHTS.map(async (weight): Promise<ShareFont> => {
          const file = await readFile(path.join(FONT_DIR, 'files', `noto-sans-${subset}-${weight}-normal.woff`))
          return { name: `Noto Sans ${subset}`, data: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer, weight, style: 'normal' }
        }),
      ),
    )
    const ranges = rangesOf(await readFile(path.join(FONT_DIR, '400.css'), 'utf8'))
    if (ranges.length === 0) throw new Error('@fontsource/noto-sans: no unicode ranges found in 400.css')
    return { fonts, ranges }
  })().catch((error) => {
    loaded = null
    throw error
  })
  return loaded
}

/** `text` with every character the fonts lack (CJK, emoji, other scripts) replaced by "·", and spacing kept. */
export function drawableText(text: string, ranges: [number, number][]): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    const covered = code === 0x20 || ranges.some(([from, to]) => code >= from && code <= to)
    out += covered ? ch : /\s/.test(ch) ? ' ' : '·'
  }
  return out.replace(/·+/g, '·')
}
