import type {EntityType} from '@apparatus/model'
import {stringify} from 'yaml'
import {nameSlug, uniqueId} from '@apparatus/vocabulary'
import {groupDiscovered} from './group.js'
import {analyse, type RecogniseInput} from './recognise.js'
import {findCaseNames} from './cases.js'
import {nameKey} from './normalise.js'
import type {Register} from './register.js'

export interface Candidate {
  label: string
  type: EntityType
  aliases: string[]
  count: number
}

/**
 * Unregistered people, organisations and case names, ranked by how often the
 * corpus names them, as `entities.yaml` entries ready to paste (checked by a
 * maintainer: discovery proposes, the register decides).
 */
export function suggestEntities(input: RecogniseInput, register: Register): {yaml: string; candidates: Candidate[]} {
  const analysis = analyse(input, register, {discover: true})
  const known = new Set<string>()
  for (const entity of register.entities) for (const form of [entity.label, ...entity.aliases]) known.add(nameKey(form))

  const covers = new Map<string, Array<{start: number; end: number}>>()
  const discovered = new Set(analysis.entities.filter((e) => e.origin === 'discovered').map((e) => e.id))
  for (const mention of analysis.mentions) {
    if (discovered.has(mention.entity)) continue
    const list = covers.get(mention.article) ?? []
    list.push({start: mention.start, end: mention.end})
    covers.set(mention.article, list)
  }
  const candidates: Candidate[] = []
  const texts = new Map(input.articles.map((article) => [article.id, article.text]))
  for (const group of groupDiscovered(input, analysis.discovered, covers)) {
    if (group.forms.some((form) => known.has(nameKey(form)))) continue
    // A product ("Firefox 3.6", "the Thunderbird e-mail client") is not an entity to register.
    if (group.product) continue
    // The label as the corpus writes it most often ("JavaScript", not a stray "Javascript").
    const spellings = new Map<string, number>()
    for (const occurrence of group.occurrences) {
      const surface = texts.get(occurrence.article)?.slice(occurrence.start, occurrence.end)
      if (surface && nameKey(surface) === nameKey(group.label)) spellings.set(surface, (spellings.get(surface) ?? 0) + 1)
    }
    const usual = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]
    if (usual && usual !== group.label) {
      group.forms = [usual, ...group.forms.filter((form) => form !== usual)]
      group.label = usual
    }
    // A capitalised pair seen once with no other evidence is noise, not a suggestion.
    if (group.score < 2 && group.occurrences.length < 2) continue
    const aliases = group.forms.filter((form) => form !== group.label).sort()
    candidates.push({label: group.label, type: group.type, aliases, count: group.occurrences.length})
  }
  for (const entity of analysis.entities) {
    if (entity.origin !== 'pattern') continue
    let count = 0
    for (const text of [...input.articles.map((a) => a.text), ...(input.sources ?? []).map((s) => s.raw)]) {
      count += findCaseNames(text).filter((hit) => `case-${nameSlug(hit.label)}` === entity.id).length
    }
    candidates.push({label: entity.label, type: 'case', aliases: entity.aliases, count})
  }
  candidates.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))

  const ids = new Set(register.entities.map((entity) => entity.id))
  const entries = candidates.map((candidate) => {
    const base = candidate.type === 'case' ? `case-${nameSlug(candidate.label)}` : nameSlug(candidate.label) || candidate.type
    const id = uniqueId(base, ids)
    ids.add(id)
    const entry: Record<string, unknown> = {
      id,
      type: candidate.type,
      label: candidate.label,
      aliases: candidate.aliases
    }
    entry['note'] = `Suggested: named ${candidate.count} time${candidate.count === 1 ? '' : 's'} in the corpus.`
    return entry
  })
  const yaml = entries.length > 0 ? stringify(entries, {flowCollectionPadding: false}) : ''
  return {yaml, candidates}
}
