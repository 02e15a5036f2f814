import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CaseView } from '@/components/cases/case-view'
import { getCaseForPreview } from '@/lib/data/editor'
import { RecordIdParam } from '@/lib/validation/editor-params'

export const metadata: Metadata = { title: 'Preview', robots: { index: false } }

/** The case as readers will see it, drafts included; only editors reach it. */
export default async function CasePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = RecordIdParam.safeParse((await params).id)
  if (!parsed.success) notFound()
  const c = await getCaseForPreview(parsed.data)
  if (!c) notFound()
  return (
    <div>
      <p role="note" className="mx-auto mb-4 max-w-4xl rounded border-2 border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="preview-banner">
        Preview: this is how the case page will look to readers.{' '}
        <Link href={`/editor/cases/${parsed.data}`} className="underline">
          Back to editing
        </Link>
      </p>
      <CaseView c={c} />
    </div>
  )
}
