// Route parameters of the editor pages. Anything else is a 404, never a 500.
import { z } from '@/lib/validation/zod'
import { ENTITIES } from './records'

export const RecordIdParam = z
  .string()
  .regex(/^\d{1,10}$/)
  .pipe(
    z.coerce
      .number<string>()
      .int()
      .positive()
      .max(2 ** 31 - 1),
  )

export const EntityParam = z.enum(ENTITIES)

export const TOP_LEVEL_ENTITIES = ['case', 'person', 'organisation', 'provision', 'source'] as const
export const TopLevelEntityParam = z.enum(TOP_LEVEL_ENTITIES)

export const PLURAL_LABELS: Record<(typeof TOP_LEVEL_ENTITIES)[number], string> = {
  case: 'Cases',
  person: 'People',
  organisation: 'Organisations',
  provision: 'Legal provisions',
  source: 'Sources',
}
