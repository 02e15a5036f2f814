'use server'
import { findStoredSource } from '@/lib/editing/editor-reads'
import { readArticle } from '@/lib/domain/article-metadata'
import { cleanUrl } from '@/lib/domain/canonical-url'
import { intakeNotes, missingFields, SourceIntakeSchema, sourceFormDefaults, type ArticleReading } from '@/lib/validation/sources'
import { safeAction, type ActionResult } from './safe-action'

// The source intake's first step: read the pasted article and say whether its address
// is already stored. Writes nothing: the editor confirms in the source form, which
// saves through saveRecordAction (and refuses the address again there, should someone
// have stored it meanwhile).

export const readArticleAction = safeAction({
  access: 'editor',
  schema: SourceIntakeSchema,
  async run({ url, content }): Promise<ActionResult<ArticleReading>> {
    const address = cleanUrl(url)
    const existing = await findStoredSource(address)
    if (existing) {
      return { ok: true, message: 'This article is already stored.', data: { existing, url: address } }
    }
    const read = readArticle({ url: address, content })
    const data: ArticleReading = {
      existing: null,
      url: address,
      format: read.format,
      missing: missingFields(read),
      dateAmbiguity: read.dateAmbiguity,
      defaults: sourceFormDefaults(address, read),
      notes: intakeNotes(read),
    }
    return { ok: true, message: 'Read the article. Check the details, then save.', data }
  },
})
