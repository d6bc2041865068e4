// citation-js 0.7 ships no type declarations; this is the part Apparatus uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>)
    data: Array<Record<string, unknown>>
    format(format: string, options?: Record<string, unknown>): string
  }
  export const plugins: {config: {get(name: '@csl'): {templates: {has(name: string): boolean; add(name: string, xml: string): void}}}}
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
declare module '@citation-js/plugin-csl'
