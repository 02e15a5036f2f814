// lib/share: the share image is drawn with the fonts in node_modules only. next/og asks
// Google for any glyph its fonts lack; fetch is replaced here by one that fails the
// test, so an image that needed the network cannot pass.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { drawableText, loadShareFonts } from '@/lib/share/fonts'
import { shareImage } from '@/lib/share/share-image'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

afterEach(() => vi.unstubAllGlobals())

describe('share image', () => {
  it('covers Latin, Cyrillic and every Kazakh letter', async () => {
    const { ranges } = await loadShareFonts()
    const kazakh = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі'
    expect(drawableText(`Serikzhan Bilash — Серікжан Біләш ${kazakh} “Atajurt” Łódź`, ranges)).toBe(`Serikzhan Bilash — Серікжан Біләш ${kazakh} “Atajurt” Łódź`)
    expect(drawableText('Bilash 比拉什 🙂 case', ranges)).toBe('Bilash · · case')
  })

  it('draws a PNG of a Kazakh title without fetching anything', async () => {
    // next/og loads its own layout engine from a data: URL; anything else would be the network.
    const realFetch = globalThis.fetch
    const network: string[] = []
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (url.startsWith('data:')) return realFetch(input, init)
      network.push(url)
      return Promise.reject(new Error(`share image tried to fetch ${url}`))
    })
    const response = await shareImage({ kind: 'Case', title: 'Серікжан Біләш: ұлттық араздықты қоздыру ісі (2019) Әғқңөұүһі 🙂 比', line: 'Dropped as of 27 May 2020' })
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(response.headers.get('content-type')).toBe('image/png')
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE)
    expect(bytes.length).toBeGreaterThan(10_000)
    expect(network).toEqual([])
  })
})
