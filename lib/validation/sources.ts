// The source intake's first step (an address and the article's text or HTML), and how
// what was read from it fills the source form. Shared by browser and server (no server
// imports).
import { z } from '@/lib/validation/zod'
import type { ArticleMetadata } from '@/lib/domain/article-metadata'
import { formatPartialDate } from '@/lib/domain/partial-date'
import { dateFormValues, urlField, type FieldSpec } from './form-fields'

/** A saved web page with its markup is rarely over 1 MB; 2 MB leaves room and bounds the work. */
export const ARTICLE_CONTENT_MAX_BYTES = 2 * 1024 * 1024

const encoder = new TextEncoder()

export const SourceIntakeSchema = z.object({
  url: urlField('the address of the article', { required: true }),
  content: z
    .preprocess((v) => v ?? '', z.string({ error: 'Paste the article’s text or HTML.' }))
    .refine((s) => s.trim() !== '', { message: 'Paste the article’s text or HTML.' })
    // Characters are 1–4 bytes: count bytes only when the length alone cannot decide.
    .refine((s) => s.length * 4 <= ARTICLE_CONTENT_MAX_BYTES || encoder.encode(s).length <= ARTICLE_CONTENT_MAX_BYTES, {
      message: 'The pasted article is too long: at most 2 MB. Paste the article alone rather than the whole page.',
    }),
})

export const SOURCE_INTAKE_LABELS = { url: 'Address (URL)', content: 'Article text or HTML' }

/** What the first step found, for the second: the existing source, or the form's values. */
export type ArticleReading =
  | { existing: { id: number; title: string; publisher: string; deleted: boolean }; url: string }
  | {
      existing: null
      /** The address as it will be stored (lib/domain/canonical-url.ts: cleanUrl). */
      url: string
      format: ArticleMetadata['format']
      /** Labels of the fields nothing was found for. */
      missing: string[]
      dateAmbiguity: string | null
      defaults: Record<string, string>
      /** Source form field → where its value was found, or that nothing was ("Not found: type it."). */
      notes: IntakeNotes
    }

/** The source form's fields the intake fills in, each with a note on where its value came from. */
export const NOTED_FIELDS = ['title', 'publisher', 'authors', 'language', 'published', 'revised'] as const
export type IntakeNotes = Partial<Record<(typeof NOTED_FIELDS)[number], string>>

/** The source form's values from what was read: every field the form has, empty when unknown. */
export function sourceFormDefaults(url: string, m: ArticleMetadata): Record<string, string> {
  return {
    url,
    title: m.title,
    publisher: m.publisher,
    authors: m.authors.join(', '),
    language: m.language ?? '',
    ...dateFormValues('published', m.published, formatPartialDate),
    publishedAsPrinted: m.publishedAsPrinted ?? '',
    dateNote: '',
    ...dateFormValues('revised', m.revised, formatPartialDate),
    archiveUrl: '',
    description: '',
    text: m.text,
  }
}

/** The labels of what the page did not tell (the editor fills these in). */
export function missingFields(m: ArticleMetadata): string[] {
  return [...(m.title ? [] : ['title']), ...(m.publisher ? [] : ['publisher']), ...(m.authors.length ? [] : ['authors']), ...(m.published ? [] : ['publication date']), ...(m.language ? [] : ['language'])]
}

const NOT_FOUND = 'Not found: type it.'

/** Where each value the intake filled in came from, as the form says it next to the field. */
export function intakeNotes(m: ArticleMetadata): IntakeNotes {
  const from = (origin: string | null, missing = NOT_FOUND) => (origin ? `From ${origin}.` : missing)
  return {
    title: from(m.origins.title),
    publisher: from(m.origins.publisher),
    authors: from(m.origins.authors, 'Not found: type them, if the article names any.'),
    language: from(m.origins.language),
    published: m.dateAmbiguity ? 'The date printed reads two ways: type it (see the note above).' : from(m.origins.published),
    revised: from(m.origins.revised, 'Not found: type it, if the page says it was updated.'),
  }
}

/** The name of the hidden field that carries the notes through a refused save (without JavaScript the answer is a new page). */
export const INTAKE_NOTES_FIELD = 'intakeNotes'

const NotesSchema = z.partialRecord(z.enum(NOTED_FIELDS), z.string().max(300))

/** The notes posted back with a refused save; none when the value is not what the form sent. */
export function readIntakeNotes(value: string | undefined): IntakeNotes {
  if (!value) return {}
  try {
    const parsed = NotesSchema.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

/** The source form's fields with the notes in their hints, where the editor reads them with the field. */
export function fieldsWithNotes(fields: FieldSpec[], notes: IntakeNotes): FieldSpec[] {
  return fields.map((f) => {
    const note = notes[f.name as keyof IntakeNotes]
    return note ? { ...f, hint: f.hint ? `${note} ${f.hint}` : note } : f
  })
}
