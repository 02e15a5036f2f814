import type { EditConflict } from '@/lib/actions/safe-action-types'

/** What someone else saved since the editor opened the form. Their own input stays in the form below. */
export function ConflictPanel({ conflict }: { conflict: EditConflict }) {
  return (
    <section aria-labelledby="conflict-title" className="mb-4 rounded border-2 border-amber-700 bg-amber-50 p-3" data-testid="edit-conflict">
      <h2 id="conflict-title" className="font-semibold text-amber-900">
        Changed meanwhile
      </h2>
      {conflict.by.length > 0 && (
        <ul className="mt-1 text-sm">
          {conflict.by.map((b, i) => (
            <li key={i}>
              {b.action} by {b.actorEmail} at <time dateTime={b.at}>{b.at.replace('T', ' ').slice(0, 16)} UTC</time>
              {b.summary && <> — “{b.summary}”</>}
            </li>
          ))}
        </ul>
      )}
      {conflict.changes.length > 0 ? (
        <table className="mt-2 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-amber-300">
              <th scope="col" className="py-1 pr-2">
                Field
              </th>
              <th scope="col" className="py-1 pr-2">
                When you opened the form
              </th>
              <th scope="col" className="py-1">
                Now
              </th>
            </tr>
          </thead>
          <tbody>
            {conflict.changes.map((c) => (
              <tr key={c.field} className="border-b border-amber-200 align-top">
                <th scope="row" className="py-1 pr-2 font-medium">
                  {c.label}
                </th>
                <td className="py-1 pr-2 whitespace-pre-wrap">{c.before || <em>empty</em>}</td>
                <td className="py-1 whitespace-pre-wrap">{c.after || <em>empty</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-1 text-sm">The record was changed (see its history).</p>
      )}
      <p className="mt-2 text-sm">Saving again now will replace those changes with what is in the form.</p>
    </section>
  )
}
