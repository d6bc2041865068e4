import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {FootnoteDefinition, FootnoteReference, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkBracketFootnotes, {referenceSectionNames} from 'remark-bracket-footnotes'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {importArticle} from '../src/index.js'

/** Import a plain text, then read the Markdown back with the plugin, as the build does. */
function importAndRead(text: string) {
  const {markdown} = importArticle({text: new TextEncoder().encode(text), sourceName: 'doc.txt'})
  const file = new VFile({path: 'doc.md', value: markdown})
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkBracketFootnotes)
  const tree = processor.runSync(processor.parse(file), file) as Root
  const references: FootnoteReference[] = []
  const walk = (node: Root | RootContent) => {
    if (node.type === 'footnoteReference') references.push(node)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  const definitions = tree.children.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition')
  return {markdown, references, definitions: definitions.map((node) => [node.label, toString(node).trim()])}
}

const body = 'Rivers in Spain\n\nRivers are hard to count.[1] Some disappear in summer.[2] Others do not.[3]\n\n'

test('every section name the plugin knows, as a plain line, with `[edit]` or a colon, imports to a section the plugin reads', () => {
  for (const name of referenceSectionNames) {
    for (const heading of [name[0]!.toUpperCase() + name.slice(1), `${name}[edit]`, `${name.toUpperCase()}:`]) {
      const {markdown, definitions} = importAndRead(`${body}${heading}\n[1] One.\n[2] Two.\n[3] Three.\n`)
      assert.deepEqual(
        definitions.map(([label]) => label),
        ['1', '2', '3'],
        `${heading}\n${markdown}`
      )
      assert.doesNotMatch(markdown, /\\\[edit\]/, heading)
    }
  }
})

test('a Wikipedia copy: Notes and References with ^ entries and repeated entries keep every entry', () => {
  const text =
    'Foxes\n\nThe fox is red.[a] Foxes live in dens.[1] Some do not.[b][2] They hunt at night.[3]:12\n\n' +
    'Notes[edit]\n^ Some are grey.\n^ Arctic foxes.\n' +
    'References[edit]\n^ a b Smith, A. (2001). Foxes.\n^ Smith, A. (2001). Foxes.\n^ Lee, C. (2003). Night.\n. Retrieved 2020.\n'
  const {definitions, references} = importAndRead(text)
  assert.deepEqual(definitions, [
    ['a', 'Some are grey.'],
    ['b', 'Arctic foxes.'],
    ['1', 'Smith, A. (2001). Foxes.'],
    ['2', 'Smith, A. (2001). Foxes.'],
    ['3', 'Lee, C. (2003). Night.. Retrieved 2020.']
  ])
  assert.deepEqual(
    references.map((node) => node.label),
    ['a', '1', 'b', '2', '3']
  )
})

test('notes closed by a back-link keep their repeated "Id." entries through import', () => {
  const text = `${body.replace(/\[(\d)\]/g, '$1')}Footnotes\nLawson, Cloud. ↩\nId. ↩\nId. ↩\n`
  const {definitions} = importAndRead(text)
  assert.deepEqual(definitions, [
    ['1', 'Lawson, Cloud.'],
    ['2', 'Id.'],
    ['3', 'Id.']
  ])
})

test('a law-review note whose numbered notes follow the text with no heading', () => {
  const text = `${body}It is so ordered.\n1. Smith v. Jones, 1 U.S. 1 (1790).\n2. Id. at 3.\n3. Brown v. Board, 347 U.S. 483 (1954).\n`
  const {definitions} = importAndRead(text)
  assert.deepEqual(
    definitions.map(([label]) => label),
    ['1', '2', '3']
  )
})

test('import is idempotent for a text with a reference section', () => {
  const text = `${body}References[edit]\n^ One.\n^ Two.\n^ Three.\n`
  assert.equal(importAndRead(text).markdown, importAndRead(text).markdown)
})

test('a short note closed by a back-link is a note, never a heading (an `<ol>` of notes after the text, no heading)', () => {
  const text =
    'Rivers in Spain\n\nRivers are hard to count. 1 Some disappear in summer. 2 Others do not. 3 Some flood. 4\n\n' +
    'Ebro Basin Survey 1998 ↩\nA survey of the Tagus. Its flow varies every year. ↩\nWater Act 12 ↩\nMarsh, Rivers. See the map. ↩\n'
  const {markdown, definitions, references} = importAndRead(text)
  assert.doesNotMatch(markdown, /^#/m)
  assert.deepEqual(definitions, [
    ['1', 'Ebro Basin Survey 1998'],
    ['2', 'A survey of the Tagus. Its flow varies every year.'],
    ['3', 'Water Act 12'],
    ['4', 'Marsh, Rivers. See the map.']
  ])
  assert.deepEqual(
    references.map((node) => node.label),
    ['1', '2', '3', '4']
  )
})
