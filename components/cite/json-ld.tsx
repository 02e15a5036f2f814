import type { Thing, WithContext } from 'schema-dts'

/**
 * schema.org data for search engines, as JSON-LD. `<` is written as \u003c (still the
 * same JSON), so that no text in it (a title with "</script>") can close the script element.
 */
export function JsonLd({ data }: { data: WithContext<Thing> }) {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />
}
