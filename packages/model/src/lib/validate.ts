import {readFileSync} from 'node:fs'
import {Ajv, type ErrorObject} from 'ajv'
import type {ApparatusIndex} from './types.js'

/** The JSON Schema of the index contract (draft-07). */
export const indexSchema: Record<string, unknown> = JSON.parse(readFileSync(new URL('../../schema/index.schema.json', import.meta.url), 'utf8'))

export interface IndexProblem {
  /** JSON pointer into the index, e.g. `/footnotes/3/offset`. */
  path: string
  message: string
}

export interface IndexValidation {
  valid: boolean
  problems: IndexProblem[]
}

let compiled: (((data: unknown) => boolean) & {errors?: ErrorObject[] | null}) | undefined

/**
 * Check an index against the JSON Schema and against the invariants the schema
 * cannot express: offsets inside their article's text, passages in order and
 * without overlap, references between records that resolve, graph edges whose
 * ends are nodes.
 */
export function validateIndex(data: unknown): IndexValidation {
  compiled ??= new Ajv({allErrors: true, strict: true}).compile(indexSchema)
  if (!compiled(data)) {
    const problems = (compiled.errors ?? []).map((error) => ({
      path: error.instancePath || '/',
      message: error.message ?? 'is invalid'
    }))
    return {valid: false, problems}
  }

  const problems = checkInvariants(data as ApparatusIndex)
  return {valid: problems.length === 0, problems}
}

function checkInvariants(index: ApparatusIndex): IndexProblem[] {
  const problems: IndexProblem[] = []
  const add = (path: string, message: string) => problems.push({path, message})

  const articles = new Map(index.articles.map((article) => [article.id, article]))
  const passages = new Map<string, {article: string; start: number; end: number}>()
  if (articles.size !== index.articles.length) add('/articles', 'has duplicate article ids')

  index.articles.forEach((article, a) => {
    let previousEnd = 0
    article.passages.forEach((passage, p) => {
      const path = `/articles/${a}/passages/${p}`
      if (passages.has(passage.id)) add(path + '/id', `duplicates passage id ${passage.id}`)
      passages.set(passage.id, {article: article.id, start: passage.start, end: passage.end})
      if (passage.end < passage.start) add(path, 'ends before it starts')
      if (passage.end > article.text.length) add(path + '/end', 'is past the end of the text')
      if (passage.start < previousEnd) add(path + '/start', 'overlaps the previous passage')
      const gap = article.text.slice(previousEnd, passage.start)
      if (p === 0 ? gap !== '' : gap.trim() !== '') {
        add(path + '/start', 'leaves text between passages uncovered')
      }
      previousEnd = passage.end
    })
    if (article.text.slice(previousEnd).trim() !== '') {
      add(`/articles/${a}/passages`, 'do not cover the end of the text')
    }
  })

  const inPassage = (path: string, article: string, passage: string, start: number, end: number) => {
    const owner = articles.get(article)
    if (!owner) return add(path + '/article', `names unknown article ${article}`)
    if (start > end || end > owner.text.length) add(path, `offsets ${start}..${end} are outside the text`)
    const range = passages.get(passage)
    if (!range || range.article !== article) return add(path + '/passage', `names unknown passage ${passage}`)
    if (start < range.start || end > range.end) add(path, `offsets ${start}..${end} are outside passage ${passage}`)
  }

  const entities = new Set(index.entities.map((entity) => entity.id))
  if (entities.size !== index.entities.length) add('/entities', 'has duplicate entity ids')
  index.mentions.forEach((mention, m) => {
    const path = `/mentions/${m}`
    if (!entities.has(mention.entity)) add(path + '/entity', `names unknown entity ${mention.entity}`)
    if (mention.end <= mention.start) add(path, 'is empty')
    inPassage(path, mention.article, mention.passage, mention.start, mention.end)
  })

  const sources = new Set(index.sources.map((source) => source.id))
  if (sources.size !== index.sources.length) add('/sources', 'has duplicate source ids')
  index.sources.forEach((source, s) => {
    source.entities.forEach((entity, e) => {
      if (!entities.has(entity)) add(`/sources/${s}/entities/${e}`, `names unknown entity ${entity}`)
    })
  })

  const labels = new Set<string>()
  index.footnotes.forEach((footnote, f) => {
    const path = `/footnotes/${f}`
    // A note may be cited from several places (two markers `[i]`), never twice from one place.
    const key = footnote.article + '\u0000' + footnote.label + '\u0000' + footnote.offset
    if (labels.has(key)) add(path + '/label', `duplicates marker ${footnote.label} at ${footnote.offset} in ${footnote.article}`)
    labels.add(key)
    if (!sources.has(footnote.source)) add(path + '/source', `names unknown source ${footnote.source}`)
    inPassage(path, footnote.article, footnote.passage, footnote.offset, footnote.offset)
  })

  const nodes = new Set(index.graph.nodes.map((node) => node.id))
  if (nodes.size !== index.graph.nodes.length) add('/graph/nodes', 'has duplicate node ids')
  index.graph.nodes.forEach((node, n) => {
    if (!Number.isFinite(node.x) || !Number.isFinite(node.y)) add(`/graph/nodes/${n}`, 'has no finite position')
  })
  index.graph.edges.forEach((edge, e) => {
    const path = `/graph/edges/${e}`
    if (!nodes.has(edge.source)) add(path + '/source', `names unknown node ${edge.source}`)
    if (!nodes.has(edge.target)) add(path + '/target', `names unknown node ${edge.target}`)
    edge.passages.forEach((passage, p) => {
      if (!passages.has(passage)) add(`${path}/passages/${p}`, `names unknown passage ${passage}`)
    })
  })

  return problems
}
