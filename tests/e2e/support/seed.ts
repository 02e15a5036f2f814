// The seeded records the e2e specs read (prisma/seed/bilash.ts). Named here once, so
// that a renamed slug in the seed fails loudly in one place.
import { CASES, PEOPLE, PERSON_EVENTS, PROVISIONS } from '@/prisma/seed/bilash'

function seededCase(slug: string) {
  const found = CASES.find((c) => c.slug === slug)
  if (!found) throw new Error(`The seed no longer has the case "${slug}": update tests/e2e/support/seed.ts`)
  return found
}

/** 2020 criminal case, art. 174 ("blue pants"): dropped 27 May 2020, with a conflict on the April 2020 charges. */
export const CASE_174_2020 = seededCase('bilash-2020-art-174-blue-flag-speech')
/** 2019 criminal case, art. 174: plea deal. */
export const CASE_174_2019 = seededCase('bilash-2019-inciting-discord')
export const BILASH = PEOPLE.bilash
export const BAIZHANOV = PEOPLE.baizhanov
export const ART_174 = PROVISIONS.kzCc174
export const ART_389 = PROVISIONS.kzCc389
export const SEEDED_CASES = CASES
export const BILASH_LIFE_EVENTS = PERSON_EVENTS.filter((e) => e.person === 'bilash')
