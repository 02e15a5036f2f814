/**
 * A link out of Casebook. Only http(s) addresses become links (a stored address is
 * data, not markup); the address is printed after the link on paper (`print-url`).
 */
export function ExternalLink({ href, children, className = '' }: { href: string; children: React.ReactNode; className?: string }) {
  if (!isWebAddress(href)) return <span className="break-all">{href}</span>
  return (
    <a href={href} rel="noopener noreferrer" className={`print-url text-blue-800 underline underline-offset-2 ${className}`}>
      {children}
    </a>
  )
}

export function isWebAddress(href: string): boolean {
  try {
    const url = new URL(href)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** "www.rferl.org", for link text that says where it goes. */
export function hostOf(href: string): string {
  try {
    return new URL(href).hostname
  } catch {
    return href
  }
}
