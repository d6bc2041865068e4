/**
 * A seeded document mutator for the robustness fuzzer: real articles from the
 * corpus, cut to a few kilobytes and changed by 1–6 operations of the kinds
 * that broke the pipeline before (deep nesting, bracket storms, odd labels,
 * broken front matter, control characters, repeat bombs).
 */

import {seededRandom as random} from '@apparatus/vocabulary'

export {random}

const snippets = [
  '\n> ',
  '\n- ',
  '\n1. ',
  '\n## ',
  '\nReferences\n',
  '\n## Notes\n',
  '\n---\n',
  '\r',
  '\uFEFF',
  '\u202E',
  '\u2028',
  '\n| a | b |\n|---|---|\n| c | d |\n',
  '<!-- x -->',
  '&#91;i&#93;',
  '```\n',
  '\n    code',
  '[x]: http://e.com',
  '<https://e.com>',
  '![a](b)',
  '**',
  '_',
  '\\',
  '\t'
]
const labels = [
  '[i]',
  '[ii]',
  '[iv]',
  '[xvii]',
  '[1]',
  '[12]',
  '[mmmm]',
  '[mmmcmxcix]',
  '[iiii]',
  '[123456]',
  '[ivxlcdm]',
  '[[i]]',
  '[0]',
  '[-1]',
  '[e]',
  '[sic]',
  '[^1]',
  '[a]',
  '[1]:255'
]
const entries = [
  '\n[i] Smith, J. (2020). A title. https://example.com/a',
  '\n1. Doe, A. (1999) Another. Publisher.',
  '\n[12] Court v. State, 123 U.S. 456 (1990).',
  '\n^ a b Writer (2001). "Quoted". Site. Retrieved 2 May 2020.'
]
const bombs = ['[i] ', '> ', '- ', '[', '*a ', '  - ', '[1]', '](', '\\[', '`']

export function mutate(source: string, seed: number): Uint8Array {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const at = (text: string) => Math.floor(next() * (text.length + 1))
  // A window of the article, front matter kept most of the time.
  const split = source.indexOf('\n---\n', 4)
  const head = split === -1 ? '' : source.slice(0, split + 5)
  const body = split === -1 ? source : source.slice(split + 5)
  const start = Math.floor(next() * Math.max(1, body.length - 3000))
  // Operations hit the body; one run in ten mutates the front matter too.
  const keepHead = next() < 0.9
  const wholeDocument = next() < 0.1
  let text = (wholeDocument && keepHead ? head : '') + body.slice(start, start + 1000 + Math.floor(next() * 3000))
  // Keep a reference section reachable in most documents.
  if (next() < 0.6) text += '\n\n## References\n' + entries.join('\n')
  const operations = 1 + Math.floor(next() * 6)
  let bytes: number[] | undefined
  for (let n = 0; n < operations; n++) {
    const kind = Math.floor(next() * 11)
    const position = at(text)
    switch (kind) {
      case 0: {
        const char = next() < 0.7 ? String.fromCharCode(32 + Math.floor(next() * 95)) : String.fromCharCode(Math.floor(next() * 0x2100))
        text = text.slice(0, position) + char + text.slice(position + 1)
        break
      }
      case 1:
        text = text.slice(0, position) + pick(['[', ']', '[i]', '[12]', '[mmmm]', '[[i]]']).repeat(1 + Math.floor(next() * 50)) + text.slice(position)
        break
      case 2:
        text = text.slice(0, position) + pick(labels) + text.slice(position)
        break
      case 3:
        text = text.slice(0, position) + pick(snippets) + text.slice(position)
        break
      case 4:
        text = text.slice(0, position)
        break
      case 5:
      case 6:
      case 7: {
        const lines = text.split('\n')
        const a = Math.floor(next() * lines.length)
        const b = Math.floor(next() * lines.length)
        if (kind === 5) lines.splice(a, 0, lines[a]!)
        else if (kind === 6) lines.splice(a, 1)
        else [lines[a], lines[b]] = [lines[b]!, lines[a]!]
        text = lines.join('\n')
        break
      }
      case 8:
        text += pick(entries)
        break
      case 9:
        text = text.replace(/\n(?:##\s*)?(?:References|Notes)\n/, '\n')
        break
      default: {
        const bomb = pick(bombs).repeat(pick([100, 1000, 5000]))
        text = text.slice(0, position) + (next() < 0.5 ? '\n' : '') + bomb + text.slice(position)
      }
    }
  }
  if (keepHead && !wholeDocument) text = head + text
  const encoded = new TextEncoder().encode(text)
  if (next() < 0.05) {
    // A few invalid UTF-8 bytes, as copies from other encodings bring.
    bytes = [...encoded]
    bytes.splice(Math.floor(next() * bytes.length), 0, 0xc3, 0x28)
    return Uint8Array.from(bytes)
  }
  return encoded
}
