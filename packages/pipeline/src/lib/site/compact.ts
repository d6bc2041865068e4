/**
 * The compact records of the sharded index (docs/index-format.md): what a
 * file would otherwise repeat on every line is said once. A mention or a
 * note in an article's file does not repeat the article's id and names its
 * passage by its place in the article's list; a passage's citation is the
 * article's, and its BibTeX and RIS are given as the lines that differ
 * from the passage before; a graph's links name their ends by their place
 * in the file's list of nodes. The reader
 * (`@apparatus/reader`, lib/sharded-files.ts) expands them into the index's
 * own records.
 */
import type {CitationEntry, Footnote, GraphEdge, GraphNode, Mention, Passage} from '@apparatus/model'

/** A passage by its place in `passages`, or by its id when it is not there (never, in a built index). */
function passageRef(passages: ReadonlyMap<string, number>, id: string): number | string {
  return passages.get(id) ?? id
}

const places = (passages: readonly Pick<Passage, 'id'>[]) => new Map(passages.map((passage, at) => [passage.id, at]))

/** An article's mentions: `[entity, start, end, passage]`. */
export function compactMentions(mentions: readonly Mention[], passages: readonly Passage[]): Array<[string, number, number, number | string]> {
  const at = places(passages)
  return mentions.map((mention) => [mention.entity, mention.start, mention.end, passageRef(at, mention.passage)])
}

/** An article's notes: `[label, source, offset, passage]`. */
export function compactFootnotes(notes: readonly Footnote[], passages: readonly Passage[]): Array<[string, string, number, number | string]> {
  const at = places(passages)
  return notes.map((note) => [note.label, note.source, note.offset, passageRef(at, note.passage)])
}

/**
 * An entity's shown mentions: `[excerpt, start, end, passage]`, the excerpt
 * by its place in the file's excerpts and the passage by its place in that
 * excerpt's passages.
 */
export function compactShown(
  mentions: readonly Mention[],
  excerpts: ReadonlyArray<{id: string; passages: readonly Pick<Passage, 'id'>[]}>
): Array<[number, number, number, number | string]> {
  const articles = new Map(excerpts.map((excerpt, at) => [excerpt.id, {at, passages: places(excerpt.passages)}]))
  return mentions.map((mention) => {
    const excerpt = articles.get(mention.article)!
    return [excerpt.at, mention.start, mention.end, passageRef(excerpt.passages, mention.passage)]
  })
}

/** The lines of `text` that differ from `base`'s, `[line, text]`; the whole text when the two have different lines. */
export type LinePatch = string | Array<[number, string]>

export function linePatch(base: string | undefined, text: string): LinePatch {
  if (base === undefined) return text
  const before = base.split('\n')
  const after = text.split('\n')
  if (before.length !== after.length) return text
  const changed: Array<[number, string]> = []
  after.forEach((line, at) => {
    if (line !== before[at]) changed.push([at, line])
  })
  // A patch longer than the text saves nothing.
  return JSON.stringify(changed).length < JSON.stringify(text).length ? changed : text
}

type Strings = Record<string, string>

const sameStrings = (a: Strings, b: Strings) => {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/**
 * An article's passage citations, in their order: `[passage, bibtex, ris]`,
 * plus the styles' strings when they are not the article's; BibTeX and RIS
 * as line patches on the passage before (the first on the article's).
 */
export function compactPassageCitations(
  article: CitationEntry,
  entries: Readonly<Record<string, CitationEntry>>,
  passages: readonly Passage[]
): Array<[number | string, LinePatch, LinePatch] | [number | string, LinePatch, LinePatch, Strings]> {
  const at = places(passages)
  let previous: CitationEntry = article
  return Object.entries(entries).map(([id, entry]) => {
    const row: [number | string, LinePatch, LinePatch] = [passageRef(at, id), linePatch(previous.bibtex, entry.bibtex), linePatch(previous.ris, entry.ris)]
    previous = entry
    return sameStrings(entry.citation, article.citation) ? row : [...row, entry.citation]
  })
}

/**
 * A node as `[id, kind, label, x, y, degree | null, ref, community]`: `ref`
 * (seventh) is `0`, or left off at the end, when it is the id's part after
 * the kind (`entity:<ref>`), `null` when there is none; `community` only
 * in the overview.
 */
function compactNode(node: GraphNode & {community?: number}): unknown[] {
  const {id, kind, label, x, y, ref, degree, community} = node
  const row: unknown[] = [id, kind, label, x, y, degree ?? null]
  const own = ref === id.slice(id.indexOf(':') + 1) ? 0 : (ref ?? null)
  if (community !== undefined) row.push(own, community)
  else if (own !== 0) row.push(own)
  return row
}

/**
 * A graph as `{nodes, edges}` rows: nodes by `compactNode`, links as
 * `[source, target, kind, weight, passages]` with both ends the nodes'
 * places in `nodes`.
 */
export function compactGraph<Extra extends object>(graph: {nodes: readonly GraphNode[]; edges: readonly GraphEdge[]} & Extra) {
  const {nodes, edges, ...rest} = graph
  const at = new Map(nodes.map((node, place) => [node.id, place]))
  return {
    ...rest,
    nodes: nodes.map(compactNode),
    edges: edges.map((edge) => [at.get(edge.source) ?? edge.source, at.get(edge.target) ?? edge.target, edge.kind, edge.weight, edge.passages])
  }
}
