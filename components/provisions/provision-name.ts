import type { ProvisionRefDTO } from '@/lib/data/dto'

/** "Article 174" or "Article 174, part 1". */
export function articleName(p: Pick<ProvisionRefDTO, 'article' | 'part'>): string {
  return `Article ${p.article}${p.part ? `, part ${p.part}` : ''}`
}

/** "Article 174, Criminal Code of the Republic of Kazakhstan (KZ)": the provision's full citation. */
export function provisionFullName(p: Pick<ProvisionRefDTO, 'article' | 'part' | 'code' | 'jurisdiction'>): string {
  return `${articleName(p)}, ${p.code} (${p.jurisdiction})`
}
