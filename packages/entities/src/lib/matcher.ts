import {foldForMatching} from '@apparatus/vocabulary'
import type {Register, RegisterEntity} from './register.js'
import {escapeRegExp, nameKey, otherSpelling} from './normalise.js'

/** One alias occurrence found by the compiled matcher. */
export interface MatcherHit {
  start: number
  end: number
  /** Entity id, or `null` when the span is a `not` string that blocks every entity. */
  entity: string | null
  /** The register form that matched (label or alias). */
  form: string
  /** A single-word person alias (a surname): it needs disambiguation before it counts. */
  short: boolean
}

export interface Matcher {
  /** Leftmost-longest, non-overlapping hits in `text`, in text order. */
  match(text: string): MatcherHit[]
  /** Number of compiled forms (for diagnostics and the bench). */
  size: number
}

interface Form {
  entity: RegisterEntity | null
  form: string
  short: boolean
}

// Word boundaries that know about letters beyond ASCII ("Peña", "Árbenz").
const wordChar = /^[\p{L}\p{N}_]/u
const after = '(?![\\p{L}\\p{N}_])'
// A hyphen or a space in an alias matches either in the text, never a line break.
const separator = '[ \\t-]+'

/** The units of an alias: escaped characters, and one separator unit between words. */
function units(form: string, lower: boolean): string[] {
  const words = foldForMatching(form)
    .trim()
    .split(/[\s-]+/)
  const out: string[] = []
  words.forEach((word, index) => {
    if (index > 0) out.push(separator)
    for (const char of lower ? word.toLowerCase() : word) out.push(escapeRegExp(char))
  })
  return out
}

interface Trie {
  end: boolean
  next: Map<string, Trie>
}

/**
 * One expression from a trie of the aliases: shared prefixes are tested once,
 * which is what makes hundreds of aliases cost little more than a few. Greedy
 * optional groups try the longer continuation first, so the longest alias wins.
 */
function trieSource(forms: string[][]): string {
  const root: Trie = {end: false, next: new Map()}
  for (const form of forms) {
    let node = root
    for (const unit of form) {
      let child = node.next.get(unit)
      if (!child) node.next.set(unit, (child = {end: false, next: new Map()}))
      node = child
    }
    node.end = true
  }
  const emit = (node: Trie): string => {
    const branches = [...node.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([unit, child]) => unit + emit(child))
    if (branches.length === 0) return ''
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`
    if (!node.end) return body
    return branches.length === 1 && branches[0]!.length > 0 ? `(?:${body})?` : `${body}?`
  }
  return emit(root)
}

function sensitiveKey(surface: string): string {
  return foldForMatching(surface)
    .replace(/[\s-]+/g, ' ')
    .trim()
}

/**
 * Compile every alias of the register into two expressions: one that folds
 * case (multi-word names: "counter-terrorism confinement center") and one
 * that does not (acronyms, single words, and entities marked `exact`).
 * JavaScript has no inline case modifier on Node 20, hence two.
 */
export function compileMatcher(register: Register): Matcher {
  const sensitive = new Map<string, Form>()
  const insensitive = new Map<string, Form>()

  const add = (entity: RegisterEntity | null, form: string, exact: boolean) => {
    const folded = foldForMatching(form).trim()
    if (!folded) return
    const multiword = /[\s-]/.test(folded)
    const short = entity !== null && entity.type === 'person' && !multiword
    const record: Form = {entity, form, short}
    if (exact || !multiword) {
      const key = sensitiveKey(folded)
      if (!sensitive.has(key) || entity === null) sensitive.set(key, record)
    } else {
      const key = nameKey(folded)
      if (!insensitive.has(key) || entity === null) insensitive.set(key, record)
    }
  }

  for (const entity of register.entities) {
    for (const form of [entity.label, ...entity.aliases]) {
      add(entity, form, entity.exact)
      // "Washington, D.C." is also written "Washington, DC": initials with their dots or without, in a name of two words or more.
      const bare = /\s/.test(form.trim()) ? form.replace(/(?<![\p{L}\p{N}])(?:\p{Lu}\.){2,}/gu, (initials) => initials.replace(/\./g, '')) : form
      if (bare !== form) add(entity, bare, entity.exact)
      // "World Health Organisation" for "World Health Organization": the other spelling of a name of two words or more.
      const other = /\s/.test(form.trim()) ? otherSpelling(form) : form
      if (other !== form) add(entity, other, entity.exact)
    }
  }
  // `not` strings compete like aliases, so by the longest-match rule they win
  // over any alias they contain ("Nelson Mandela Rules" over "Nelson Mandela").
  for (const entity of register.entities) {
    for (const form of entity.not) add(null, form, false)
  }

  const compile = (forms: Map<string, Form>, flags: string): RegExp | undefined => {
    if (forms.size === 0) return undefined
    const lower = flags.includes('i')
    const source = trieSource([...forms.values()].map((record) => units(record.form, lower)))
    // No lookbehind at the front: it would run at every position and stop the
    // engine from skipping ahead on the first characters; checked by hand below.
    return new RegExp(`(?:${source})${after}`, flags)
  }

  const sensitiveRe = compile(sensitive, 'gu')
  const insensitiveRe = compile(insensitive, 'giu')

  return {
    size: sensitive.size + insensitive.size,
    match(text: string): MatcherHit[] {
      const folded = foldForMatching(text)
      const hits: MatcherHit[] = []
      const run = (re: RegExp | undefined, lookup: Map<string, Form>, key: (s: string) => string) => {
        if (!re) return
        re.lastIndex = 0
        let found: RegExpExecArray | null
        while ((found = re.exec(folded)) !== null) {
          if (found.index > 0 && wordChar.test(folded.charAt(found.index - 1))) {
            re.lastIndex = found.index + 1
            continue
          }
          const record = lookup.get(key(found[0]))
          if (!record) continue
          hits.push({
            start: found.index,
            end: found.index + found[0].length,
            entity: record.entity ? record.entity.id : null,
            form: record.form,
            short: record.short
          })
        }
      }
      run(sensitiveRe, sensitive, sensitiveKey)
      run(insensitiveRe, insensitive, nameKey)
      return selectLongest(hits)
    }
  }
}

/** Leftmost-longest selection of non-overlapping spans; blockers win ties. */
export function selectLongest<T extends {start: number; end: number; entity: string | null}>(hits: T[]): T[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end || (a.entity === null ? -1 : b.entity === null ? 1 : 0))
  const chosen: T[] = []
  let reach = -1
  for (const hit of sorted) {
    if (hit.start < reach) {
      // A later hit that starts inside the previous one but reaches further
      // and is longer replaces it: "U.S. Supreme Court" over "U.S." is already
      // handled by start order, this handles "the Americas" style overlaps.
      const last = chosen[chosen.length - 1]
      if (last && hit.end > last.end && hit.end - hit.start > last.end - last.start && hit.start >= last.start) {
        chosen[chosen.length - 1] = hit
        reach = hit.end
      }
      continue
    }
    chosen.push(hit)
    reach = hit.end
  }
  return chosen
}
