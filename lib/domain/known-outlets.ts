// Outlets Casebook's sources often come from, by the host their articles are at: the
// name the source intake suggests when a page does not name its publisher. Only
// outlets whose name we are sure of; anything else is left for the editor to type,
// never guessed from the address. Pure: no framework imports.

/** Host (without "www.") → the outlet's name as it signs its articles. A more specific host wins. */
const KNOWN_OUTLETS: Readonly<Record<string, string>> = {
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'azattyq.org': 'Radio Azattyq',
  'rus.azattyq.org': 'Radio Azattyq',
  'hrw.org': 'Human Rights Watch',
  'amnesty.org': 'Amnesty International',
  'eurasianet.org': 'Eurasianet',
  'thediplomat.com': 'The Diplomat',
  'ohchr.org': 'UN OHCHR',
  'kaztag.kz': 'KazTAG',
  'vlast.kz': 'Vlast.kz',
  'informburo.kz': 'Informburo.kz',
  'tengrinews.kz': 'Tengrinews.kz',
  'kz.kursiv.media': 'Kursiv',
  'foreignpolicy.com': 'Foreign Policy',
  'bitterwinter.org': 'Bitter Winter',
}

/**
 * The outlet at `host` (lowercased, without "www."), or null. A subdomain counts as its
 * outlet's ("pressroom.rferl.org"), unless the subdomain is listed itself.
 */
export function knownOutlet(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/\.$/, '')
  if (!h) return null
  let best: string | null = null
  for (const known of Object.keys(KNOWN_OUTLETS)) {
    if ((h === known || h.endsWith(`.${known}`)) && (!best || known.length > best.length)) best = known
  }
  return best ? KNOWN_OUTLETS[best]! : null
}
