import type { Metadata } from 'next'
import Link from 'next/link'
import { SourceIntake } from '@/components/editor/source-intake'
import { requireEditor } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'New source' }

/**
 * The source intake: the editor pastes an article's address and text or HTML, checks
 * what was read from it, and saves. The page checks the session itself (an admin must
 * set up TOTP first); the actions check it again.
 */
export default async function NewSourcePage() {
  await requireEditor()
  return (
    <div>
      <p className="text-sm">
        <Link href="/editor/records/source" className="text-blue-800 underline">
          Back to sources
        </Link>
      </p>
      <h1 className="mt-1 mb-4 text-2xl font-bold">New source</h1>
      <SourceIntake />
    </div>
  )
}
