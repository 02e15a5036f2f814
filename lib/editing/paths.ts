// Where each record is edited. Pure: used by pages, actions and links alike.
import type { Entity } from '@/lib/validation/records'

/** Top-level records have their own list; parts of a case are edited from the case. */
export const TOP_LEVEL: readonly Entity[] = ['case', 'person', 'organisation', 'provision', 'source']

export function editPathOf(entity: Entity, id: number, caseId: number | null = null): string {
  if (entity === 'case') return `/editor/cases/${id}`
  if (caseId !== null && !TOP_LEVEL.includes(entity)) return `/editor/cases/${caseId}`
  return `/editor/records/${entity}/${id}`
}

export function historyPathOf(entity: Entity, id: number): string {
  return `/editor/records/${entity}/${id}/history`
}

export type NoticeKind = 'created' | 'saved' | 'deleted' | 'restored' | 'published' | 'unpublished'

/** "charges", "parties": the labels of the kinds an add form creates several of at once. */
const plural = (what: string) => `${what.replace(/([^aeiou])y$/, '$1ie')}s`

const NOTICE_TEXT: Record<NoticeKind, (what: string, count: number) => string> = {
  created: (what, count) => (count > 1 ? `Created ${count} ${plural(what)}.` : `Created the ${what}.`),
  saved: (what) => `Saved the ${what}.`,
  deleted: (what) => `Deleted the ${what}. It can be restored from the history.`,
  restored: (what) => `Restored the ${what}.`,
  published: () => 'Published: readers see the case now.',
  unpublished: () => 'Unpublished: the public address now says the case was withdrawn.',
}

/** The message for a `?notice=saved-case` key (`created-citation-4`: several at once), or null for anything else. */
export function noticeText(key: string | undefined, labels: Record<Entity, string>): string | null {
  const m = /^(created|saved|deleted|restored|published|unpublished)-(\w+?)(?:-(\d{1,4}))?$/.exec(key ?? '')
  if (!m || !Object.hasOwn(labels, m[2]!)) return null
  return NOTICE_TEXT[m[1] as NoticeKind](labels[m[2] as Entity], m[3] ? Number(m[3]) : 1)
}

/** How a revision's action reads in a sentence: "edited", "published". */
export const REVISION_ACTION_TEXT: Record<string, string> = {
  create: 'created',
  update: 'edited',
  delete: 'deleted',
  restore: 'restored',
  publish: 'published',
  unpublish: 'unpublished',
}
