/**
 * What the kinds of record are called and how entity types are coloured:
 * the reader's chips and legends, the graph's nodes and legend and the app's
 * headings read these tables, so a type reads and looks the same everywhere.
 */

/** The entity types of the index contract (`EntityType` in `@apparatus/model`). */
export type EntityKind = 'person' | 'case' | 'organisation' | 'place'
/** Every kind of record a view lists or draws (`GraphNodeKind` in `@apparatus/model`). */
export type RecordKind = EntityKind | 'article' | 'source'

/** Headings and legends: "People", "Cases". */
export const PLURAL_LABELS: Readonly<Record<RecordKind, string>> = Object.freeze({
  person: 'People',
  case: 'Cases',
  organisation: 'Organisations',
  place: 'Places',
  article: 'Articles',
  source: 'Sources'
})

/** One record's kind: "Person", "Case" (lower-case it inside a sentence). */
export const SINGULAR_LABELS: Readonly<Record<RecordKind, string>> = Object.freeze({
  person: 'Person',
  case: 'Case',
  organisation: 'Organisation',
  place: 'Place',
  article: 'Article',
  source: 'Source'
})

export interface KindColour {
  /** The mark's text and the graph node's fill. */
  text: string
  /** The mark's background. */
  background: string
}

/**
 * Default colours of each entity type for light and dark colour schemes:
 * `text` on `background` and `text` on the page (white, or #17171b in the
 * dark) keep WCAG AA contrast (>= 4.5:1; tested). Pages override them with
 * the `--apparatus-<type>` and `--apparatus-<type>-bg` custom properties.
 */
export const ENTITY_COLOURS: Readonly<Record<EntityKind, Readonly<{light: KindColour; dark: KindColour}>>> = Object.freeze({
  person: {light: {text: '#9a4a00', background: '#ffe3c4'}, dark: {text: '#ffb870', background: '#5a3000'}},
  case: {light: {text: '#7b1fa2', background: '#f1dcf7'}, dark: {text: '#e4a8f5', background: '#4a1560'}},
  organisation: {light: {text: '#1459a8', background: '#d8e8fb'}, dark: {text: '#8cbcff', background: '#123a66'}},
  place: {light: {text: '#2e6b30', background: '#d9f0d9'}, dark: {text: '#96d998', background: '#1d4a20'}}
})
