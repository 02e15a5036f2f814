'use server'
import { revalidatePath, updateTag } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from '@/lib/validation/zod'
import { deleteRecord, restoreRevision, saveRecord, saveRecords, saveStageWithDecisions, setCasePublished, type BatchWriteResult, type WriteResult } from '@/lib/editing/write'
import { editPathOf } from '@/lib/editing/paths'
import { optionalText, refId, versionField } from '@/lib/validation/form-fields'
import { ADD_ENTITIES, BATCH_FORMS, BATCH_LIST_FIELDS, EditEnvelopeSchema, ENTITIES, ReturnToSchema, type Entity } from '@/lib/validation/records'
import type { NoticeKind } from '@/lib/editing/paths'
import type { ActionResult } from './safe-action'
import { safeAction } from './safe-action'
import { logAudit, type AuditAction } from '@/lib/audit'
import type { CurrentUser } from '@/lib/auth/session'
import { quoteCheckOfCitations } from '@/lib/data/editor'
import type { QuoteCheck } from '@/lib/domain/quote-match'
import { captureVersionsOfTags } from '@/lib/versions/case-versions'

// The editor's record actions. Each goes through safeAction (session and role checked
// inside the action) and then through lib/editing/write.ts, which checks the role
// again, the version, and writes the revision and audit entry in the same
// transaction. On success: invalidate the cache tags of every public page that shows
// what changed (the write path names them), then redirect (post/redirect/get, so a
// reload never posts twice, with or without JS).

const returnTo = ReturnToSchema

// updateTag, not revalidateTag: the page expires at once, so the next reader (the
// editor included) gets a fresh render, never the old page while it re-renders.
function invalidate(tags: string[]): void {
  for (const tag of tags) updateTag(tag)
}

function failure(result: Exclude<WriteResult, { ok: true }>): ActionResult {
  if (result.reason === 'conflict') {
    return {
      ok: false,
      formError: result.formError,
      conflict: { currentVersion: result.currentVersion, changes: result.changes, by: result.by.map((b) => ({ ...b, at: b.at.toISOString() })) },
    }
  }
  if (result.reason === 'invalid') return { ok: false, formError: result.formError, fieldErrors: result.fieldErrors, ...(result.duplicates ? { duplicates: result.duplicates } : {}) }
  return { ok: false, formError: result.formError }
}

const AUDIT_ACTION_OF: Record<NoticeKind, AuditAction> = {
  created: 'record-create',
  saved: 'record-update',
  deleted: 'record-delete',
  restored: 'record-restore',
  published: 'record-publish',
  unpublished: 'record-unpublish',
}

/** What `done` needs of a write: one record, or several of one kind (saveRecords). */
type Written = { entity: Entity; ids: number[]; caseId: number | null; revisionId: number; tags: string[] }

const one = (r: Extract<WriteResult, { ok: true }>): Written => ({ entity: r.entity, ids: [r.id], caseId: r.caseId, revisionId: r.revisionId, tags: r.tags })

/**
 * After a write: the page to show, with a notice key (never free text from the URL)
 * and, after a citation's save, whether its quote is in the source's text (`quote`).
 */
async function done(result: Written, target: string | null, notice: NoticeKind, editor: CurrentUser, quote: QuoteCheck = 'found'): Promise<never> {
  // Committed: the write path's transaction has returned.
  for (const id of result.ids) logAudit({ action: AUDIT_ACTION_OF[notice], actorUserId: editor.id, targetType: result.entity, targetId: String(id) })
  // The version permalink of every published case page the write changed, dated now
  // (lib/editing cannot call it: it reads the public page through lib/data).
  await captureVersionsOfTags(result.tags)
  invalidate(result.tags)
  // The editor's own pages are rendered per request; this only refreshes the
  // browser's router cache of them.
  revalidatePath('/editor', 'layout')
  const to = target ?? editPathOf(result.entity, result.ids[0]!, result.caseId)
  // "created-citation-4": how many, when more than one.
  const key = `${notice}-${result.entity}${result.ids.length > 1 ? `-${result.ids.length}` : ''}`
  // `rev` changes with every save: the page keys its "add" forms on it, so that they
  // come back closed and empty after a client-side redirect to the same address.
  redirect(`${to}${to.includes('?') ? '&' : '?'}notice=${key}&rev=${result.revisionId}${quote === 'found' ? '' : `&quote=${quote}`}`)
}

/**
 * After an add form's records are committed: the audit log of what was created with
 * them (citations, parts), the check of every new citation's quote against its
 * source's text, and the redirect with the notice.
 */
async function afterAdd(result: Extract<BatchWriteResult, { ok: true }>, entity: Entity, target: string | null, user: CurrentUser): Promise<never> {
  for (const a of result.also) logAudit({ action: 'record-create', actorUserId: user.id, targetType: a.entity, targetId: String(a.id) })
  const revisionId = Math.max(...result.revisionIds, ...result.also.map((a) => a.revisionId))
  const citationIds = [...(entity === 'citation' ? result.ids : []), ...result.also.filter((a) => a.entity === 'citation').map((a) => a.id)]
  const quote = citationIds.length ? await quoteCheckOfCitations(citationIds) : 'found'
  return done({ entity, ids: result.ids, caseId: result.caseId, revisionId, tags: result.tags }, target, 'created', user, quote)
}

export const saveRecordAction = safeAction({
  access: 'editor',
  schema: EditEnvelopeSchema.extend({ returnTo }).loose(),
  keepAllValues: true,
  async run(input, { user, request }) {
    const { entity, id, version, editSummary, returnTo: target, ...values } = input
    const result = await saveRecord(user, { entity, id, version, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) }, { summary: editSummary, request })
    if (!result.ok) return failure(result)
    // Saved anyway: a quote that differs from the source's text is the editor's to check, not a refusal.
    const quote = entity === 'citation' ? await quoteCheckOfCitations([result.id]) : 'found'
    return done(one(result), target, id === null ? 'created' : 'saved', user, quote)
  },
})

/**
 * An "add" form of a case's page: one record per ticked box (a citation for each fact
 * a quote supports, a charge for each defendant and article, a party for each person),
 * the citation of each when a source is given, and the parts typed with it (the
 * versions of a disputed fact). All or nothing, in one transaction (saveRecords).
 */
export const saveRecordsAction = safeAction({
  access: 'editor',
  schema: z.object({ entity: z.enum(ADD_ENTITIES, { error: 'Unknown kind of record.' }), editSummary: optionalText('the edit summary', 500), returnTo }).loose(),
  keepAllValues: true,
  listFields: BATCH_LIST_FIELDS,
  async run(input, { user, request }) {
    const { entity, editSummary, returnTo: target, ...rest } = input
    const lists = Object.fromEntries((BATCH_FORMS[entity] ?? []).map(({ list }) => [list, Array.isArray(rest[list]) ? rest[list].map(String) : []]))
    // The record's own fields: one string each (another kind's list, if posted, is not one).
    const values = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    const result = await saveRecords(user, { entity, values, lists }, { summary: editSummary, request })
    if (!result.ok) return failure(result)
    return afterAdd(result, entity, target, user)
  },
})

/** Adds a stage of the proceeding with a decision per defendant filled in, in one transaction (saveStageWithDecisions). */
export const saveStageAction = safeAction({
  access: 'editor',
  schema: z.object({ editSummary: optionalText('the edit summary', 500), returnTo, partyIds: z.string().max(2000).default('') }).loose(),
  keepAllValues: true,
  async run(input, { user, request }) {
    const { editSummary, returnTo: target, partyIds, ...rest } = input
    const values = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    // The defendants the form showed a block for; the write checks each belongs to the case.
    const ids = partyIds
      .split(',')
      .filter((v) => /^\d{1,10}$/.test(v))
      .map(Number)
      .slice(0, 200)
    const result = await saveStageWithDecisions(user, { values, partyIds: ids }, { summary: editSummary, request })
    if (!result.ok) return failure(result)
    return afterAdd(result, 'stage', target, user)
  },
})

export const deleteRecordAction = safeAction({
  access: 'editor',
  schema: z.object({
    entity: z.enum(ENTITIES),
    id: refId('the record'),
    version: versionField,
    editSummary: optionalText('the reason', 500),
    returnTo,
  }),
  keepAllValues: true,
  async run({ entity, id, version, editSummary, returnTo: target }, { user, request }) {
    const result = await deleteRecord(user, entity, id, version, { summary: editSummary, request })
    if (!result.ok) return failure(result)
    return done(one(result), target, 'deleted', user)
  },
})

export const restoreRevisionAction = safeAction({
  access: 'editor',
  schema: z.object({
    revisionId: refId('the revision'),
    // "before": the state before the revision (a record from the initial data has no earlier one).
    side: z.enum(['after', 'before']).default('after'),
    version: z.preprocess((v) => (v === '' || v === undefined ? null : v), versionField.nullable()),
    editSummary: optionalText('the reason', 500),
    returnTo,
  }),
  keepAllValues: true,
  async run({ revisionId, side, version, editSummary, returnTo: target }, { user, request }) {
    const summary = editSummary || (side === 'before' ? `Restored the version before revision ${revisionId}` : `Restored revision ${revisionId}`)
    const result = await restoreRevision(user, revisionId, version, { summary, request }, side)
    if (!result.ok) return failure(result)
    return done(one(result), target, 'restored', user)
  },
})

export const publishCaseAction = safeAction({
  access: 'editor',
  schema: z.object({
    id: refId('the case'),
    version: versionField,
    publish: z.enum(['true', 'false']).transform((v) => v === 'true'),
    editSummary: optionalText('the reason', 500),
  }),
  keepAllValues: true,
  async run({ id, version, publish, editSummary }, { user, request }) {
    const result = await setCasePublished(user, id, version, publish, { summary: editSummary, request })
    if (!result.ok) return failure(result)
    return done(one(result), null, publish ? 'published' : 'unpublished', user)
  },
})
