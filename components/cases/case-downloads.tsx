/** The case as data: its JSON download and its API address (lib/api/routes.ts). */
export function CaseDownloads({ slug }: { slug: string }) {
  const link = 'text-blue-800 underline underline-offset-2'
  const key = encodeURIComponent(slug)
  return (
    <p className="no-print mt-2 text-sm text-stone-700">
      Download this case:{' '}
      <a href={`/cases/${key}/case.json`} download className={link}>
        JSON
      </a>{' '}
      ·{' '}
      <a href={`/api/v1/cases/${key}`} className={link}>
        API
      </a>
    </p>
  )
}
