import type { AnchorHTMLAttributes } from 'react'

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string
  /** Accepted for next/link's call sites; a plain link prefetches nothing. */
  prefetch?: boolean
}

/**
 * A link on a public page: a plain <a>, rendered on the server. next/link would add its
 * client code to every public page and prefetch every page linked in view (a dozen
 * requests per page); public pages are cached HTML, as fast to load whole
 * (docs/decisions/031-notes-grouped-by-source.md, "JavaScript"). Editor pages keep next/link.
 */
export default function Link({ href, prefetch: _prefetch, ...props }: Props) {
  return <a href={href} {...props} />
}
