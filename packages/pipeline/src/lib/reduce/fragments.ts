/**
 * The articles' HTML fragments as a map that fills each one when it is read:
 * its template comes back from the map step's cache and gets the corpus's
 * marks and source ids then, so a build never holds every fragment at once
 * (at 10,000 articles, their templates and their filled HTML would each be
 * hundreds of megabytes). Reading a fragment twice fills it twice, with the
 * same bytes. Fragments set on the map (those rendered without a template)
 * are held.
 */
export class LazyFragments extends Map<string, string> {
  readonly #ids: Set<string>
  readonly #fill: (id: string) => string

  /** `ids` in the order the map iterates them; `fill` makes the fragment of one of them. */
  constructor(ids: Iterable<string>, fill: (id: string) => string) {
    super()
    this.#ids = new Set(ids)
    this.#fill = fill
  }

  override get(id: string): string | undefined {
    const held = super.get(id)
    if (held !== undefined) return held
    return this.#ids.has(id) ? this.#fill(id) : undefined
  }

  override has(id: string): boolean {
    return this.#ids.has(id)
  }

  override set(id: string, html: string): this {
    this.#ids.add(id)
    return super.set(id, html)
  }

  override delete(id: string): boolean {
    super.delete(id)
    return this.#ids.delete(id)
  }

  override clear(): void {
    super.clear()
    this.#ids.clear()
  }

  override get size(): number {
    return this.#ids.size
  }

  override forEach(each: (html: string, id: string, map: Map<string, string>) => void, self?: unknown): void {
    for (const [id, html] of this.entries()) each.call(self, html, id, this)
  }

  // Generators stand in for Map's own iterators: for…of, spread and Array.from read them alike.
  override keys(): MapIterator<string> {
    return this.#ids.values()
  }

  override values(): MapIterator<string> {
    return function* (this: LazyFragments) {
      for (const id of this.#ids) yield this.get(id)!
    }.call(this) as unknown as MapIterator<string>
  }

  override entries(): MapIterator<[string, string]> {
    return function* (this: LazyFragments) {
      for (const id of this.#ids) yield [id, this.get(id)!] as [string, string]
    }.call(this) as unknown as MapIterator<[string, string]>
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries()
  }
}
