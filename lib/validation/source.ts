import { z } from '@/lib/validation/zod'

/**
 * A source's id as it appears in `/sources/<id>`: digits only (no "1e3", "0x10" or
 * " 7 "), positive and within SQLite's 32-bit autoincrement range. Anything else is
 * a 404, never a 500.
 */
export const SourceIdParamSchema = z
  .string()
  .regex(/^\d{1,10}$/)
  .pipe(
    z.coerce
      .number<string>()
      .int()
      .positive()
      .max(2 ** 31 - 1),
  )
