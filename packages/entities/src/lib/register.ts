import {ENTITY_TYPES, type EntityType} from '@apparatus/model'
import {isId} from '@apparatus/vocabulary'
import {VFileMessage} from 'vfile-message'
import {LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode} from 'yaml'
import {nameKey} from './normalise.js'

/** One curated entry of `corpus/entities.yaml`. */
export interface RegisterEntity {
  id: string
  type: EntityType
  label: string
  /** Other forms, label excluded. */
  aliases: string[]
  wikidata?: string
  note?: string
  /** Strings that must never be read as this (or any) entity, e.g. "Nelson Mandela Rules". */
  not: string[]
  /** Single-word aliases of a person that may resolve alone (a surname unique in the corpus). */
  safe: string[]
  /** Short aliases that resolve alone in the listed articles only (`safe: {Rubio: [article-id]}`). */
  safeIn: Record<string, string[]>
  /** Match every alias case-sensitively (names that are also common phrases: "Foreign Policy"). */
  exact: boolean
  /**
   * Where the entity may be recognised: `all` (default), `sources` (only in
   * reference entries: publishers whose names are everyday phrases, e.g.
   * "Foreign Policy") or `body` (only in article text).
   */
  scope: 'all' | 'sources' | 'body'
}

export interface Register {
  entities: RegisterEntity[]
}

/** A register problem: a vfile message at its line and column in `entities.yaml`, `fatal` unless it is only advice. */
export type RegisterMessage = VFileMessage

const knownKeys = new Set(['id', 'type', 'label', 'aliases', 'wikidata', 'note', 'not', 'safe', 'exact', 'scope'])
const scopes = new Set(['all', 'sources', 'body'])

/**
 * Parse and validate the register. Never throws on bad content: problems are
 * messages located by line and column; invalid entries are left out.
 */
export function loadRegister(yamlText: string, path?: string): {register: Register; messages: RegisterMessage[]} {
  if (typeof yamlText !== 'string') throw new TypeError('Expected `yamlText` to be a string')
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, {lineCounter, prettyErrors: false})
  const messages: RegisterMessage[] = []
  const at = (node: YamlNode | null | undefined): {line?: number; column?: number} => {
    const offset = node?.range?.[0]
    if (offset === undefined) return {}
    const pos = lineCounter.linePos(offset)
    return {line: pos.line, column: pos.col}
  }
  const report = (reason: string, ruleId: string, node: YamlNode | null | undefined, fatal = true) => {
    messages.push(registerMessage(reason, ruleId, at(node), fatal, path))
  }

  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0])
    messages.push(registerMessage(error.message, 'yaml-syntax', {line: pos.line, column: pos.col}, true, path))
  }
  const entities: RegisterEntity[] = []
  if (doc.errors.length > 0) return {register: {entities}, messages}

  let root = doc.contents as YamlNode | null
  if (isMap(root) && isSeq(root.get('entities', true))) root = root.get('entities', true) as YamlNode
  if (root === null || root === undefined) return {register: {entities}, messages}
  if (!isSeq(root)) {
    report('Unexpected register shape, expected a list of entities', 'register-shape', root)
    return {register: {entities}, messages}
  }

  const ids = new Map<string, number>()
  const notNodes = new Map<RegisterEntity, YamlNode | undefined>()
  const claimed = new Map<string, string>()

  for (const item of root.items) {
    const node = item as YamlNode
    if (!isMap(node)) {
      report('Unexpected entry, expected a mapping with `id`, `type`, `label`', 'entity-shape', node)
      continue
    }
    const str = (key: string): string | undefined => {
      const value = node.get(key, true) as YamlNode | undefined
      if (value === undefined) return undefined
      if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) {
        return String(value.value).trim()
      }
      report(`Unexpected \`${key}\`, expected a string`, 'entity-field', value)
      return undefined
    }
    const list = (key: string): string[] => {
      const value = node.get(key, true) as YamlNode | undefined
      if (value === undefined || (isScalar(value) && value.value === null)) return []
      if (!isSeq(value)) {
        report(`Unexpected \`${key}\`, expected a list of strings`, 'entity-field', value)
        return []
      }
      const out: string[] = []
      for (const entry of value.items) {
        if (isScalar(entry) && (typeof entry.value === 'string' || typeof entry.value === 'number')) {
          const text = String(entry.value).trim()
          if (text) out.push(text)
        } else report(`Unexpected \`${key}\` item, expected a string`, 'entity-field', entry as YamlNode)
      }
      return out
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!knownKeys.has(key)) {
        report(`Unexpected field \`${key}\`, expected one of ${[...knownKeys].join(', ')}`, 'unknown-field', pair.key as YamlNode, false)
      }
    }

    const id = str('id')
    const type = str('type')
    const label = str('label')
    if (!isId(id)) {
      report(`Unexpected id \`${id ?? ''}\`, expected a slug like \`nayib-bukele\``, 'invalid-id', (node.get('id', true) as YamlNode) ?? node)
      continue
    }
    if (ids.has(id)) {
      report(`Duplicate id \`${id}\` (first defined on line ${ids.get(id)}), expected unique ids`, 'duplicate-id', node.get('id', true) as YamlNode)
      continue
    }
    ids.set(id, at(node).line ?? 0)
    if (!type || !(ENTITY_TYPES as readonly string[]).includes(type)) {
      report(
        `Unexpected type \`${type ?? ''}\` for \`${id}\`, expected one of ${ENTITY_TYPES.join(', ')}`,
        'unknown-type',
        (node.get('type', true) as YamlNode) ?? node
      )
      continue
    }
    if (!label) {
      report(`Missing label for \`${id}\`, expected a string`, 'missing-label', node)
      continue
    }
    const wikidata = str('wikidata')
    if (wikidata !== undefined && !/^Q[1-9]\d*$/.test(wikidata)) {
      report(
        `Unexpected wikidata \`${wikidata}\` for \`${id}\`, expected an item id like \`Q30\``,
        'invalid-wikidata',
        node.get('wikidata', true) as YamlNode,
        false
      )
    }
    const aliasesNode = node.get('aliases', true) as YamlNode | undefined
    const aliases = [...new Set(list('aliases'))].filter((alias) => alias !== label)
    // `safe` is a list (everywhere) or a mapping alias -> article ids (there only).
    const safeNode = node.get('safe', true) as YamlNode | undefined
    let safe: string[] = []
    const safeIn: Record<string, string[]> = {}
    if (isMap(safeNode)) {
      for (const pair of safeNode.items) {
        const alias = isScalar(pair.key) ? String(pair.key.value) : ''
        const articles = pair.value as YamlNode | null
        if (!alias || !isSeq(articles) || !articles.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
          report(`Unexpected \`safe\` entry for \`${id}\`, expected \`alias: [article ids]\``, 'entity-field', (pair.key as YamlNode) ?? safeNode)
          continue
        }
        safeIn[alias] = articles.items.map((item) => String((item as {value: unknown}).value))
      }
    } else safe = list('safe')
    for (const alias of [...safe, ...Object.keys(safeIn)]) {
      if (!aliases.includes(alias) && alias !== label) {
        report(`Unexpected safe alias \`${alias}\` for \`${id}\`, expected one of its aliases`, 'unknown-safe-alias', node.get('safe', true) as YamlNode, false)
      }
    }
    const exactNode = node.get('exact', true) as YamlNode | undefined
    const exact = isScalar(exactNode) && exactNode.value === true

    // An alias claimed by two entities would make the matcher pick one at random.
    const keys = new Set<string>()
    for (const form of [label, ...aliases]) {
      const key = nameKey(form)
      if (keys.has(key)) continue
      keys.add(key)
      const owner = claimed.get(key)
      if (owner !== undefined) {
        report(
          `Alias \`${form}\` of \`${id}\` is already claimed by \`${owner}\`, expected each alias to name one entity`,
          'duplicate-alias',
          aliasesNode ?? node
        )
      } else claimed.set(key, id)
    }

    let scope = str('scope') ?? 'all'
    if (!scopes.has(scope)) {
      report(`Unexpected scope \`${scope}\` for \`${id}\`, expected all, sources or body`, 'invalid-scope', node.get('scope', true) as YamlNode, false)
      scope = 'all'
    }
    const entity: RegisterEntity = {
      id,
      type: type as EntityType,
      label,
      aliases,
      not: list('not'),
      safe,
      safeIn,
      exact,
      scope: scope as RegisterEntity['scope']
    }
    if (wikidata !== undefined && /^Q[1-9]\d*$/.test(wikidata)) entity.wikidata = wikidata
    const note = str('note')
    if (note) entity.note = note
    entities.push(entity)
    notNodes.set(entity, node.get('not', true) as YamlNode | undefined)
  }

  // A `not` string that is also an alias would silently switch that alias off.
  for (const entity of entities) {
    for (const form of entity.not) {
      const owner = claimed.get(nameKey(form))
      if (owner !== undefined) {
        report(
          `Unexpected \`not\` string \`${form}\` of \`${entity.id}\`: it is an alias of \`${owner}\`, expected a longer name that contains one`,
          'not-shadows-alias',
          notNodes.get(entity),
          false
        )
      }
    }
  }

  return {register: {entities}, messages}
}

function registerMessage(reason: string, ruleId: string, place: {line?: number; column?: number}, fatal: boolean, path: string | undefined): VFileMessage {
  const message = new VFileMessage(reason, {
    place: place.line === undefined ? undefined : {line: place.line, column: place.column ?? 1},
    ruleId,
    source: 'apparatus-entities'
  })
  message.fatal = fatal
  if (path) message.file = path
  return message
}
