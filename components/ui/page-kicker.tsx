/** The small line above a page's heading that says what kind of record this is. */
export function PageKicker({ children }: { children: React.ReactNode }) {
  return <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">{children}</p>
}
