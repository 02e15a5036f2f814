// The parts of Citation.js (https://citation.js.org) that lib/cite/formats.ts uses: the
// packages ship no type declarations.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: object | object[])
    format(format: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string
    format(format: 'bibtex' | 'ris', options?: { format: 'text' | 'object' }): string
    format(format: 'data', options: { format: 'text' | 'object' }): string
  }
  export const plugins: {
    config: { get(name: '@csl'): { styles: { add(name: string, xml: string): void; has(name: string): boolean } } }
  }
}
declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
