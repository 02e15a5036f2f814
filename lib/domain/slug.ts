// The last part of a public address, made from a name when the editor gives none. Pure.
import { foldText } from './fold-name'

/** The longest slug made from a name: an address stays readable, and a long title says no more in it. */
export const SLUG_MAX = 80

/**
 * "Bilash: “inciting discord” (2019–2020)" → "bilash-inciting-discord-2019-2020":
 * folded (Cyrillic transliterated), words joined by hyphens, at most SLUG_MAX
 * characters, cut after the last whole word that fits, never in the middle of one (a
 * single word longer than the limit is the only one cut).
 */
export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  if (slug.length <= SLUG_MAX) return slug
  // The character after the limit is a hyphen: the words before it fit whole.
  if (slug[SLUG_MAX] === '-') return slug.slice(0, SLUG_MAX)
  const lastHyphen = slug.lastIndexOf('-', SLUG_MAX)
  return lastHyphen > 0 ? slug.slice(0, lastHyphen) : slug.slice(0, SLUG_MAX)
}
