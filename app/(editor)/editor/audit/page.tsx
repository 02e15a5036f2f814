import type { Metadata } from 'next'
import Link from 'next/link'
import { UtcDate } from '@/components/ui/utc-date'
import { requireAdmin } from '@/lib/auth/session'
import { listAuditLog } from '@/lib/data/users'
import { historyPathOf } from '@/lib/editing/paths'
import { isEntity } from '@/lib/validation/records'

export const metadata: Metadata = { title: 'Audit log' }

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin()
  const raw = (await searchParams).page
  const requested = Number.parseInt(typeof raw === 'string' ? raw : '1', 10)
  const page = Number.isFinite(requested) && requested >= 1 ? Math.min(requested, 100_000) : 1
  const { rows, total, pages } = await listAuditLog(page)
  return (
    <div>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 text-sm text-stone-700">{total} entries, newest first. Entries are never changed or removed.</p>
      <table className="mt-4 w-full border-collapse text-left text-sm">
        <caption className="sr-only">
          Audit log, page {page} of {pages}
        </caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-3">
              When (UTC)
            </th>
            <th scope="col" className="py-2 pr-3">
              Action
            </th>
            <th scope="col" className="py-2 pr-3">
              By
            </th>
            <th scope="col" className="py-2 pr-3">
              On
            </th>
            <th scope="col" className="py-2 pr-3">
              IP
            </th>
            <th scope="col" className="py-2 pr-3">
              Detail
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-stone-200 align-top">
              <td className="py-1 pr-3 whitespace-nowrap">
                <UtcDate date={r.at} withTime />
              </td>
              <td className="py-1 pr-3 font-mono">{r.action}</td>
              <td className="py-1 pr-3">{r.actorEmail ?? '—'}</td>
              <td className="py-1 pr-3">
                {r.targetEmail ??
                  (r.targetId && r.targetType && isEntity(r.targetType) && /^\d+$/.test(r.targetId) ? (
                    <Link href={historyPathOf(r.targetType, Number(r.targetId))} className="text-blue-800 underline">
                      {r.targetType} {r.targetId}
                    </Link>
                  ) : r.targetId ? (
                    `${r.targetType} ${r.targetId}`
                  ) : (
                    '—'
                  ))}
              </td>
              <td className="py-1 pr-3">{r.ip ?? '—'}</td>
              <td className="py-1 pr-3 break-all font-mono text-xs">{r.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {page > 1 && (
          <Link href={`/editor/audit?page=${page - 1}`} className="text-blue-800 underline">
            Newer
          </Link>
        )}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages && (
          <Link href={`/editor/audit?page=${page + 1}`} className="text-blue-800 underline">
            Older
          </Link>
        )}
      </nav>
    </div>
  )
}
