import { langAttribute, languageName } from '@/lib/domain/locale-names'

/**
 * A quoted passage as the source prints it, marked with the source's language (so that
 * screen readers and hyphenation read it right), and, when the editor gave one, its
 * English translation beside it, said to be one.
 */
export function QuotedPassage({ quote, translation, language }: { quote: string; translation: string; language: string }) {
  const lang = langAttribute(language)
  const english = lang === undefined || /^en(?:-|$)/i.test(lang)
  return (
    <div data-testid="quoted-passage">
      <blockquote lang={english ? undefined : lang} className="border-l-2 border-stone-300 pl-3 font-serif italic text-stone-800">
        “{quote}”
      </blockquote>
      {translation && (
        <p className="mt-1 pl-3 text-stone-800" data-testid="quote-translation">
          <span className="text-sm font-semibold text-stone-700">Translation{english ? '' : ` from ${languageName(language)}`}:</span> <span lang="en">“{translation}”</span>
        </p>
      )}
    </div>
  )
}
