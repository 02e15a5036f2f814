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
