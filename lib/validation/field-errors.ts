// zod issues as { field: [messages] } for forms. Pure: the browser and the server
// actions both use it, so a message reads the same wherever it was found.
import type { z } from 'zod'
import type { FieldErrors } from '@/lib/actions/safe-action-types'

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form'
    ;(out[key] ??= []).push(issue.message)
  }
  return out
}
