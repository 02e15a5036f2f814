import Link from '@/components/ui/plain-link'
import type { DashboardOptions } from '@/lib/data/cases'
import { CASE_STATUSES, STATUS_LABELS, statusToParam } from '@/lib/domain/case-status'
import type { ProvisionRefDTO } from '@/lib/data/dto'
import { CASE_KIND_LABELS, jurisdictionLabel } from '@/lib/domain/labels'
import { provisionName } from '@/lib/domain/provision-name'
import { CASE_KINDS, caseQueryToSearch, hasActiveFilters, sentenceToParam, type CaseQuery } from '@/lib/validation/case-filters'
import { SENTENCE_FILTER_LABELS, SENTENCE_FILTERS } from '@/lib/domain/sentence'

const field = 'flex flex-col gap-1 text-sm'

/** Provisions under one heading per code ("Criminal Code of … (KZ)"), in the order given (tree order: an article, then its parts). */
function groupByCode(provisions: ProvisionRefDTO[]): [string, ProvisionRefDTO[]][] {
  const groups = new Map<string, ProvisionRefDTO[]>()
  for (const p of provisions) {
    const label = `${p.code} (${p.jurisdiction})`
    groups.set(label, [...(groups.get(label) ?? []), p])
  }
  return [...groups]
}
const control = 'rounded border border-stone-400 bg-white px-2 py-1.5 text-base'

/** A plain GET form: works without JavaScript and produces a shareable URL. */
export function FilterForm({ query, options }: { query: CaseQuery; options: DashboardOptions }) {
  const years: number[] = []
  if (options.years) for (let y = options.years.max; y >= options.years.min; y--) years.push(y)
  return (
    <form action="/" method="get" role="search" aria-label="Filter cases" className="mt-6 rounded border border-stone-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className={`${field} sm:col-span-2`}>
          <span className="font-medium">Search titles, names and case numbers</span>
          <input type="search" name="q" defaultValue={query.q ?? ''} className={control} placeholder="e.g. Bilash, Bayzhanov" />
        </label>
        <label className={field}>
          <span className="font-medium">Status</span>
          {query.statuses.length > 1 ? (
            <>
              {/* Several statuses came from the URL: keep them all unless the reader changes them. */}
              <select name="status" defaultValue="" className={control}>
                <option value="">{query.statuses.map((s) => STATUS_LABELS[s]).join(' or ')}</option>
                {CASE_STATUSES.map((s) => (
                  <option key={s} value={statusToParam(s)}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <select name="status" defaultValue={query.statuses[0] ? statusToParam(query.statuses[0]) : ''} className={control}>
              <option value="">Any status</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={statusToParam(s)}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </label>
        <label className={field}>
          <span className="font-medium">Kind</span>
          <select name="kind" defaultValue={query.kind?.toLowerCase() ?? ''} className={control}>
            <option value="">Any kind</option>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k.toLowerCase()}>
                {CASE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium">Jurisdiction</span>
          <select name="jurisdiction" defaultValue={query.jurisdiction?.toLowerCase() ?? ''} className={control}>
            <option value="">Any jurisdiction</option>
            {options.jurisdictions.map((j) => (
              <option key={j} value={j.toLowerCase()}>
                {jurisdictionLabel(j)}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium">Charged under</span>
          <select name="provision" defaultValue={query.provision ?? ''} className={control}>
            <option value="">Any provision</option>
            {groupByCode(options.provisions).map(([code, provisions]) => (
              <optgroup key={code} label={code}>
                {provisions.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {provisionName(p, { code: false, title: true, tree: true })}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium">Active in year</span>
          <select name="year" defaultValue={query.year ? String(query.year) : ''} className={control}>
            <option value="">Any year</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium">Sentence in force</span>
          <select name="sentence" defaultValue={query.sentence ? sentenceToParam(query.sentence) : ''} className={control}>
            <option value="">Any or none</option>
            {SENTENCE_FILTERS.map((k) => (
              <option key={k} value={sentenceToParam(k)}>
                {SENTENCE_FILTER_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium">Sort by</span>
          <select name="sort" defaultValue={query.sort} className={control}>
            <option value="recent">Latest event first</option>
            <option value="oldest">Earliest event first</option>
            <option value="opened">Most recently opened</option>
            <option value="title">Title (A–Z)</option>
          </select>
        </label>
      </div>
      {query.person ? (
        <p className="mt-3 text-sm">
          <input type="hidden" name="person" value={query.person} />
          Showing cases involving <strong>{options.person?.name ?? query.person}</strong>.{' '}
          <Link href={`/${caseQueryToSearch({ ...query, person: null, page: 1 })}`} className="text-blue-800 underline underline-offset-2">
            Show all people
          </Link>
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          Apply filters
        </button>
        {hasActiveFilters(query) ? (
          <Link href="/" className="text-blue-800 underline underline-offset-2">
            Clear all filters
          </Link>
        ) : null}
      </div>
    </form>
  )
}
