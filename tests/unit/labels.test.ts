import { describe, expect, it } from 'vitest'
import { ALIAS_KIND_LABELS, aliasKindText } from '@/lib/domain/labels'

describe('aliasKindText', () => {
  it('names the script or language and the kind of name in words, never the stored codes', () => {
    expect(aliasKindText({ script: 'Cyrl', kind: 'MISSPELLING' })).toBe('Cyrillic script, spelling seen in a source')
    expect(aliasKindText({ script: 'kk', kind: 'TRANSLITERATION' })).toBe('Kazakh, transliteration')
    for (const kind of Object.keys(ALIAS_KIND_LABELS) as (keyof typeof ALIAS_KIND_LABELS)[]) expect(aliasKindText({ script: 'Latn', kind })).not.toMatch(/[A-Z]{3,}|_/)
  })
})
