/**
 * Items grouped by a key, in the order each key is first met and, within a
 * key, in the items' order (Node 20 has no `Map.groupBy`).
 */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const name = key(item)
    const list = map.get(name)
    if (list) list.push(item)
    else map.set(name, [item])
  }
  return map
}
