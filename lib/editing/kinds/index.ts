// What the write engine (../write.ts) needs to know about each kind of record, one
// adapter per kind: which columns a revision keeps, how form input becomes columns
// (checking that the ids it names exist and belong together), which public pages show
// the record, and what must happen alongside a write (slug redirects, the case's
// derived status). Shared helpers and the adapter type are in shared.ts.
import 'server-only'
import type { Entity } from '@/lib/validation/records'
import { caseAdapter } from './case'
import { chargeAdapter, conflictAdapter, conflictVersionAdapter, eventAdapter, partyAdapter, relationAdapter } from './case-parts'
import { citationAdapter } from './citation'
import { aliasAdapter, organisationAdapter, personAdapter } from './names'
import { provisionAdapter, sourceAdapter } from './references'
import { decisionAdapter, stageAdapter } from './stages'
import type { KindAdapter } from './shared'

export { casePublicTags, type Delegate, type KindAdapter, type Row, type Tx } from './shared'

export const KINDS: Record<Entity, KindAdapter> = {
  case: caseAdapter,
  person: personAdapter,
  organisation: organisationAdapter,
  provision: provisionAdapter,
  source: sourceAdapter,
  alias: aliasAdapter,
  party: partyAdapter,
  charge: chargeAdapter,
  event: eventAdapter,
  stage: stageAdapter,
  decision: decisionAdapter,
  citation: citationAdapter,
  relation: relationAdapter,
  conflict: conflictAdapter,
  conflictVersion: conflictVersionAdapter,
}
