/**
 * From an index in a text node's value back to the Markdown source: escapes
 * (`\[`) and character references (`&amp;`) make the source longer than the
 * value, and messages must point at the bracket the author typed.
 */
import type {Text} from 'mdast'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

const escapable = /[!-/:-@[-`{-~]/

export class SourceMap {
  readonly source: string | undefined
  private lineStarts: number[] | undefined

  constructor(file: VFile) {
    this.source = typeof file.value === 'string' ? file.value : file.value ? new TextDecoder().decode(file.value) : undefined
  }

  position(node: Text, start: number, end: number): Position | undefined {
    const base = node.position?.start.offset
    if (base === undefined || this.source === undefined) return node.position
    const offsets = this.offsets(node.value, base, [start, end])
    return {start: this.point(offsets[0]!), end: this.point(offsets[1]!)}
  }

  /**
   * Where the last walk stopped, per text: markers are looked up left to
   * right, so each walk resumes there instead of at the start of the node
   * (40,000 markers on one line were quadratic).
   */
  private resume: {value: string; base: number; index: number; at: number} | undefined

  /** Source offsets of the given value indexes (ascending). */
  private offsets(value: string, base: number, wanted: number[]): number[] {
    const source = this.source!
    const result: number[] = []
    const resume = this.resume
    const resumes = resume !== undefined && resume.value === value && resume.base === base && resume.index <= wanted[0]!
    let at = resumes ? resume.at : base
    let next = 0
    let index = resumes ? resume.index : 0
    for (; index <= value.length && next < wanted.length; index++) {
      while (next < wanted.length && wanted[next] === index) result[next++] = at
      if (index === value.length) break
      const char = value[index]!
      if (source[at] === '\\' && source[at + 1] === char && escapable.test(char)) at += 2
      else if (source[at] === '&' && source[at] !== char) {
        const semicolon = source.indexOf(';', at)
        at = semicolon !== -1 && semicolon - at < 12 ? semicolon + 1 : at + 1
      } else if (char === '\n') {
        // A soft line break: the value drops the next line's indentation.
        at++
        while (source[at] === ' ' || source[at] === '\t') at++
      } else at += char.length
    }
    while (result.length < wanted.length) result.push(at)
    this.resume = {value, base, index: wanted.at(-1)!, at: result.at(-1)!}
    return result
  }

  private point(offset: number): Point {
    if (!this.lineStarts) {
      this.lineStarts = [0]
      const source = this.source!
      for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) this.lineStarts.push(index + 1)
    }
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: offset - this.lineStarts[low]! + 1, offset}
  }
}
