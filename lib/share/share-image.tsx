import 'server-only'
import { ImageResponse } from 'next/og'
import { drawableText, loadShareFonts, SHARE_FONT_FAMILY } from './fonts'

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const

export type ShareCard = {
  /** What kind of page: "Case", "Person". */
  kind: string
  title: string
  /** The status in words with its date ("Dropped as of 27 May 2020"), or a person's cases. */
  line: string
}

/**
 * The image a shared link shows (OpenGraph, Twitter): the page's title, its status in
 * words with the date, and the site's name, drawn with local fonts only (lib/share/fonts.ts).
 */
export async function shareImage(card: ShareCard, init: ResponseInit = {}): Promise<ImageResponse> {
  const { fonts, ranges } = await loadShareFonts()
  const text = (s: string) => drawableText(s, ranges)
  const title = text(card.title.length > 140 ? `${card.title.slice(0, 137)}…` : card.title)
  return new ImageResponse(
    <div
      style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, background: '#fafaf9', color: '#1c1917', fontFamily: SHARE_FONT_FAMILY }}
    >
      <div style={{ display: 'flex', fontSize: 30, color: '#57534e', textTransform: 'uppercase', letterSpacing: 2 }}>{text(card.kind)}</div>
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ display: 'flex', fontSize: title.length > 70 ? 56 : 72, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
        <div style={{ display: 'flex', marginTop: 28, fontSize: 36, color: '#1e40af' }}>{text(card.line)}</div>
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', borderTop: '4px solid #d6d3d1', paddingTop: 24 }}>
        <div style={{ display: 'flex', fontSize: 40, fontWeight: 700 }}>Casebook</div>
        <div style={{ display: 'flex', fontSize: 26, color: '#57534e' }}>Political prosecutions, with sources</div>
      </div>
    </div>,
    { ...SHARE_IMAGE_SIZE, fonts, ...init },
  )
}
