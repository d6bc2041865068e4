/**
 * Bounds on nesting. Markdown parsers and tree walkers recurse per level, and
 * a few kilobytes of `> > > …` or `- - - …` nest thousands of levels deep:
 * that overflows the stack (and list parsing is quadratic in depth). No real
 * article nests more than a handful of levels, so deeper input is refused
 * with a located error before it reaches the parser, and the parsed tree is
 * checked once more (inline nesting: emphasis, links) with a walk that uses
 * an explicit stack, not recursion.
 */
import type {Nodes, Root} from 'mdast'

/** Deepest block nesting (quotes + lists) accepted in the source. */
export const MAX_BLOCK_NESTING = 100
/** Deepest tree accepted after parsing (blocks and inline nodes together). */
export const MAX_TREE_DEPTH = 250

const marker = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/

/** The first place where block nesting goes past `limit`, or `undefined`. */
export function findDeepNesting(text: string, limit = MAX_BLOCK_NESTING): {line: number; column: number; depth: number} | undefined {
  let line = 0
  let start = 0
  while (start <= text.length) {
    line++
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    // Leading indentation counts only before a container marker (nested list items).
    let at = start
    while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++
    let depth = Math.floor((at - start) / 2)
    let rest = text.slice(at, Math.min(end, at + 4 * limit + 8))
    for (let match = marker.exec(rest); match && match[0].length > 0; match = marker.exec(rest)) {
      depth++
      if (depth > limit) return {line, column: at - start + 1, depth}
      at += match[0].length
      rest = rest.slice(match[0].length)
    }
    start = end + 1
  }
  return undefined
}

/** The first node deeper than `limit` in `tree` (iterative walk), or `undefined`. */
export function findDeepNode(tree: Root, limit = MAX_TREE_DEPTH): Nodes | undefined {
  const stack: Array<[Nodes, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > limit) return node
    if ('children' in node) for (const child of node.children) stack.push([child as Nodes, depth + 1])
  }
  return undefined
}

/** Most `[` accepted in one block (text between blank lines). */
export const MAX_BRACKETS_PER_BLOCK = 10_000

/**
 * The place where one block (a paragraph: text between blank lines) passes
 * `limit` opening brackets, or `undefined`. Markdown's link-label resolution
 * grows faster than linearly with the brackets of one paragraph (40,000
 * markers on one line take ten seconds in remark-parse, 400,000 minutes); no
 * article has thousands of note markers in one paragraph.
 */
export function findBracketFlood(text: string, limit = MAX_BRACKETS_PER_BLOCK): {line: number; column: number; count: number} | undefined {
  let count = 0
  let line = 1
  let lineStart = 0
  let blank = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) {
      if (blank) count = 0
      line++
      lineStart = index + 1
      blank = true
    } else if (code === 91) {
      blank = false
      if (++count > limit) return {line, column: index - lineStart + 1, count}
    } else if (code !== 32 && code !== 9) blank = false
  }
  return undefined
}
