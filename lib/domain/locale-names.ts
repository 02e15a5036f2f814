// Reader-facing names for the codes the records store: ISO 15924 scripts ("Cyrl"),
// BCP 47 languages ("kk") and ISO 3166 countries ("KZ"). Pure: Intl only.

const scripts = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' })
const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

function safely(lookup: () => string | undefined): string | undefined {
  try {
    return lookup()
  } catch {
    // RangeError: not a well-formed code. Show the code itself.
    return undefined
  }
}

/** ISO 15924 codes are four letters, first one capital: Latn, Cyrl, Arab, Hans. */
export function isScriptCode(code: string): boolean {
  return /^[A-Z][a-z]{3}$/.test(code)
}

/** An alias's "script" field holds a script code or a language tag: "Latin script", "Kazakh". */
export function scriptOrLanguageName(code: string): string {
  if (isScriptCode(code)) {
    const name = safely(() => scripts.of(code))
    return name ? `${name} script` : code
  }
  return languageName(code)
}

/** "en" → "English"; an unknown tag is shown as written. */
export function languageName(tag: string): string {
  return safely(() => languages.of(tag)) ?? tag
}

/** A `lang` attribute for text written in this language, or undefined for a bare script code. */
export function langAttribute(code: string): string | undefined {
  if (isScriptCode(code)) return undefined
  return safely(() => Intl.getCanonicalLocales(code)[0])
}

/** "KZ" → "Kazakhstan"; international bodies and unknown codes are shown as written. */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code
  return safely(() => regions.of(code)) ?? code
}
