import { caseQueryToSearch, type CaseQuery } from '@/lib/validation/case-filters'

/** Links to the view on screen, every page of it, as files (lib/api/exports.ts). */
export function ViewDownloads({ query }: { query: CaseQuery }) {
  const search = caseQueryToSearch({ ...query, page: 1 })
  const link = 'text-blue-800 underline underline-offset-2'
  return (
    <p className="no-print mt-1 text-sm text-stone-700">
      Download this view:{' '}
      <a href={`/exports/cases.csv${search}`} download className={link}>
        CSV
      </a>{' '}
      ·{' '}
      <a href={`/exports/cases.json${search}`} download className={link}>
        JSON
      </a>{' '}
      <span className="text-stone-600">(all pages)</span> ·{' '}
      <a href={`/api/v1/cases${search}`} className={link}>
        API
      </a>
    </p>
  )
}
