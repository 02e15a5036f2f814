import 'server-only'
import { duplicateConfirmation, type LikelyDuplicate } from '@/lib/actions/safe-action-types'
import { nameSearchKey, searchTokens, tokenOrderKey, withinOneEdit } from '@/lib/domain/fold-name'
import { anyWordWhere } from '@/lib/queries/name-search'
import { editPathOf } from './paths'
import type { Tx } from './kinds'

// Before a person or an organisation is created: is it already recorded under another
// spelling? Press reports write one name several ways (Serikzhan / Serikjan / Серикжан
// Bilash), and a second record for the same person splits their cases in two. The
// write path refuses the create once, shows what it found, and creates on the
// editor's confirmation (`confirmDuplicates`: the records they were shown).

export type DuplicateEntity = LikelyDuplicate['entity']

/** How alike two names are, or null: the same search key, the same words in another order, or (long names) one letter apart. */
export function likeness(typedKey: string, storedKey: string): LikelyDuplicate['how'] | null {
  if (!typedKey || !storedKey) return null
  if (typedKey === storedKey) return 'same-spelling'
  const a = tokenOrderKey(typedKey)
  const b = tokenOrderKey(storedKey)
  if (a === b) return 'other-order'
  // Short names one letter apart are different names too often (Ivan / Ivon), and so are
  // names that differ in a number ("Group 12" / "Group 13"): a misspelling is a letter.
  if (Math.min(a.length, b.length) >= 8 && digitsOf(a) === digitsOf(b) && withinOneEdit(a, b)) return 'one-letter'
  return null
}

const digitsOf = (s: string) => s.replace(/\D+/g, ' ').trim()

const STRENGTH: Record<LikelyDuplicate['how'], number> = { 'same-spelling': 0, 'other-order': 1, 'one-letter': 2 }

// Candidates are the records sharing a word with the input; a common surname can give many.
const CANDIDATE_LIMIT = 500

/**
 * The existing (not deleted) people or organisations with a name or an alias like one
 * of `names`, each once with its closest match, closest first.
 */
export async function likelyDuplicates(tx: Tx, entity: DuplicateEntity, names: readonly string[]): Promise<LikelyDuplicate[]> {
  const typed = names.map((name) => ({ name, key: nameSearchKey(name) })).filter((t) => t.key)
  // Words of three letters or more: "al", "de" and initials would make everyone a candidate.
  const words = [...new Set(typed.flatMap((t) => searchTokens(t.name)).filter((w) => w.length >= 3))]
  if (words.length === 0) return []
  const where = { deletedAt: null, ...anyWordWhere(words) }
  const select = { id: true, name: true, nameFolded: true, aliases: { orderBy: { id: 'asc' }, select: { name: true, nameFolded: true } } } as const
  const rows =
    entity === 'person'
      ? await tx.person.findMany({ where, select, orderBy: { id: 'asc' }, take: CANDIDATE_LIMIT })
      : await tx.organisation.findMany({ where, select, orderBy: { id: 'asc' }, take: CANDIDATE_LIMIT })
  const found: LikelyDuplicate[] = []
  for (const row of rows) {
    let best: LikelyDuplicate | null = null
    for (const stored of [{ name: row.name, nameFolded: row.nameFolded }, ...row.aliases]) {
      for (const t of typed) {
        const how = likeness(t.key, stored.nameFolded)
        if (how && (!best || STRENGTH[how] < STRENGTH[best.how])) best = { entity, id: row.id, name: row.name, path: editPathOf(entity, row.id), matched: stored.name, typed: t.name, how }
      }
    }
    if (best) found.push(best)
  }
  return found.sort((a, b) => STRENGTH[a.how] - STRENGTH[b.how] || a.name.localeCompare(b.name))
}

/** The duplicates not yet confirmed: those the posted confirmation does not name (one found since, or a changed name, asks again). */
export function unconfirmed(duplicates: readonly LikelyDuplicate[], confirmation: string | undefined): LikelyDuplicate[] {
  const seen = new Set((confirmation ?? '').split(/\s+/).filter(Boolean))
  return duplicates.filter((d) => !seen.has(duplicateConfirmation([d])))
}
