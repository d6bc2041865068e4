import type {Mention} from '@apparatus/model'

/**
 * Entities named in the same passage. Keys are `a|b` with `a < b` (entity
 * ids), values the sorted passage ids, so a graph edge or a "seen with" list
 * is one lookup.
 */
export function cooccurrences(mentions: readonly Mention[]): Map<string, string[]> {
  const byPassage = new Map<string, Set<string>>()
  for (const mention of mentions) {
    let entities = byPassage.get(mention.passage)
    if (!entities) byPassage.set(mention.passage, (entities = new Set()))
    entities.add(mention.entity)
  }
  const pairs = new Map<string, Set<string>>()
  for (const [passage, set] of byPassage) {
    const ids = [...set].sort()
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}|${ids[j]}`
        let passages = pairs.get(key)
        if (!passages) pairs.set(key, (passages = new Set()))
        passages.add(passage)
      }
    }
  }
  return new Map([...pairs.keys()].sort().map((key) => [key, [...pairs.get(key)!].sort()]))
}
