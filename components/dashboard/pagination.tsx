import { PageLinks } from '@/components/ui/page-links'
import { caseQueryToSearch, type CaseQuery } from '@/lib/validation/case-filters'

export function Pagination({ page, pageCount, query }: { page: number; pageCount: number; query: CaseQuery }) {
  return <PageLinks page={page} pageCount={pageCount} href={(p) => `/${caseQueryToSearch({ ...query, page: p })}`} />
}
