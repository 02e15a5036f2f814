import 'server-only'
import { SENTENCE_SELECT } from '@/lib/queries/case-citations'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import { deriveCaseStatus, FINAL_STATUSES, latestEvent, latestReportedDate } from '@/lib/domain/case-status'
import { fromColumns } from '@/lib/domain/partial-date'
import { compareStages, encodeSentenceKinds, sentenceInForce, sentenceKindsOf, type SentenceFilter } from '@/lib/domain/sentence'

type Tx = Prisma.TransactionClient | PrismaClient

/**
 * Recomputes the columns a case stores only so the dashboard can filter and sort on
 * indexes: status and its "as of" date, the last event, the years it was active.
 * Every write that touches a case's events, dates or status override calls this in
 * the same transaction, and it bumps `updatedAt` ("page last changed").
 */
export async function refreshCaseDerived(tx: Tx, caseId: number, now: Date = new Date()): Promise<void> {
  const found = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      openedAt: true,
      openedPrecision: true,
      openedApprox: true,
      closedAt: true,
      closedPrecision: true,
      closedApprox: true,
      statusOverride: true,
      statusOverrideAt: true,
      statusOverridePrecision: true,
      statusOverrideApprox: true,
      events: { select: { id: true, kind: true, statusAfter: true, occurredAt: true, precision: true, approx: true, placedAfterId: true } },
      stages: { select: { id: true, kind: true, decidedAt: true } },
      decisions: {
        select: {
          stageId: true,
          partyId: true,
          decision: true,
          ...SENTENCE_SELECT,
        },
      },
    },
  })
  const events = found.events.map((e) => ({
    id: e.id,
    kind: e.kind,
    statusAfter: e.statusAfter,
    date: fromColumns(e.occurredAt, e.precision, e.approx),
    placedAfterId: e.placedAfterId,
  }))
  const override = found.statusOverride
    ? {
        status: found.statusOverride,
        date: fromColumns(found.statusOverrideAt, found.statusOverridePrecision, found.statusOverrideApprox),
      }
    : null
  const derived = deriveCaseStatus(events, override)
  const last = latestEvent(events)
  // Undated events add no date and no year: the sort key is the latest reported date.
  const lastReported = latestReportedDate(events)
  const opened = fromColumns(found.openedAt, found.openedPrecision, found.openedApprox)
  const closed = fromColumns(found.closedAt, found.closedPrecision, found.closedApprox)

  const years = events.flatMap((e) => (e.date ? [e.date.at.getUTCFullYear()] : []))
  if (opened) years.push(opened.at.getUTCFullYear())
  if (closed) years.push(closed.at.getUTCFullYear())
  if (derived.asOf) years.push(derived.asOf.at.getUTCFullYear())
  const firstYear = years.length ? Math.min(...years) : null
  // A case still running is active until today: null, so it never goes stale.
  const over = closed !== null || FINAL_STATUSES.has(derived.status)
  const lastYear = over && years.length ? Math.max(...years) : null

  // The sentences in force: each defendant's, after the stages so far.
  const stages = [...found.stages].sort(compareStages)
  const kinds = new Set<SentenceFilter>()
  for (const partyId of new Set(found.decisions.map((d) => d.partyId))) {
    const own = stages.flatMap((st) => found.decisions.filter((d) => d.partyId === partyId && d.stageId === st.id).map((d) => ({ ...d, stageKind: st.kind })))
    const standing = sentenceInForce(own)
    if (standing) for (const k of sentenceKindsOf(standing)) kinds.add(k)
  }

  await tx.case.update({
    where: { id: caseId },
    data: {
      sentenceKinds: encodeSentenceKinds(kinds),
      status: derived.status,
      statusAt: derived.asOf?.at ?? null,
      statusPrecision: derived.asOf?.precision ?? null,
      statusApprox: derived.asOf?.approx ?? false,
      statusUndated: derived.undated,
      lastEventId: last?.id ?? null,
      lastEventAt: lastReported?.at ?? null,
      firstYear,
      lastYear,
      updatedAt: now,
    },
  })
}
