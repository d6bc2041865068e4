import assert from 'node:assert/strict'
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {test} from 'node:test'
import type {FootnoteDefinition, FootnoteReference, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import rehypeStringify from 'rehype-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {VFile} from 'vfile'
import * as mod from 'remark-bracket-footnotes'
import remarkBracketFootnotes from 'remark-bracket-footnotes'


test('should expose the public api', () => {
  assert.deepEqual(Object.keys(mod).sort(), ['default'])
})

function run(markdown: string) {
  const file = new VFile({path: 'doc.md', value: markdown})
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkBracketFootnotes)
  const tree = processor.runSync(processor.parse(file), file) as Root
  const references: FootnoteReference[] = []
  const definitions: FootnoteDefinition[] = []
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'footnoteReference') references.push(node)
    if (node.type === 'footnoteDefinition') definitions.push(node)
    if ('children' in node) for (const child of node.children) walk(child as Root['children'][number])
  }
  walk(tree)
  const messages = file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)
  return {tree, file, references, definitions, messages, body: tree.children.filter((node) => node.type !== 'footnoteDefinition').map((node) => toString(node))}
}

const fixtures = new URL('fixtures/', import.meta.url).pathname

test('fixtures: each input gives its expected tree summary and messages', async () => {
  const names = (await readdir(fixtures)).sort()
  assert.ok(names.length >= 18)
  for (const name of names) {
    const input = await readFile(join(fixtures, name, 'input.md'), 'utf8')
    const expected = JSON.parse(await readFile(join(fixtures, name, 'expected.json'), 'utf8')) as {
      references: string[]
      definitions: Array<[string, string]>
      body?: string[]
    }
    // messages.txt: one `line:column ruleId` a line, empty when the case is clean.
    const messages = (await readFile(join(fixtures, name, 'messages.txt'), 'utf8')).split('\n').filter(Boolean)
    const result = run(input)
    assert.deepEqual(result.references.map((node) => node.label), expected.references, `${name}: references`)
    assert.deepEqual(
      result.definitions.map((node) => [node.label, toString(node).replace(/\s+/g, ' ').trim()]),
      expected.definitions,
      `${name}: definitions`
    )
    assert.deepEqual(result.messages, messages, `${name}: messages`)
    if (expected.body) assert.deepEqual(result.body, expected.body, `${name}: body text`)
  }
})

test('renders through remark-rehype as GFM footnotes', async () => {
  const file = new VFile('Claim.[1]\n\n## References\n\n[1] Writer, A. (2020) Title.\n')
  const processor = unified().use(remarkParse).use(remarkBracketFootnotes).use(remarkRehype).use(rehypeStringify)
  const html = String(await processor.process(file))
  assert.match(html, /<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref[^>]*>1<\/a><\/sup>/)
  assert.match(html, /<section data-footnotes class="footnotes">/)
  assert.match(html, /<li id="user-content-fn-1">\s*<p>Writer, A\. \(2020\) Title\./)
  assert.doesNotMatch(html, /<h2>References<\/h2>/)
})

test('file.data.bracketFootnotes names the section, numbering and entries', () => {
  const {file} = run('A.[ii] B.[i]\n\nNotes:\n\n[i] One.\n\n[ii] Two.\n')
  assert.deepEqual(file.data.bracketFootnotes, {
    heading: 'Notes',
    numbering: 'roman',
    definitions: [
      {label: 'i', identifier: 'i'},
      {label: 'ii', identifier: 'ii'}
    ]
  })
})

test('a document without a reference section is left alone', () => {
  const {references, definitions, messages, file} = run('Text with [1] and [i] and [sic].\n')
  assert.equal(references.length + definitions.length + messages.length, 0)
  assert.deepEqual(file.data.bracketFootnotes, {definitions: []})
})

test('positions of markers point at the bracket in the source, through escapes', () => {
  const {references} = run('Some \\*escaped\\* text,”\\[ii] and more.\n\n## Reference\n\n\\[ii] Entry.\n')
  const [reference] = references
  assert.deepEqual([reference?.position?.start.line, reference?.position?.start.column, reference?.position?.end.column], [1, 24, 29])
})

test('every corpus article with a reference list resolves every entry and marker', async () => {
  const dir = new URL('../../../corpus/articles/', import.meta.url).pathname
  let withNotes = 0
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md'))) {
    const result = run(await readFile(join(dir, name), 'utf8'))
    if (result.definitions.length === 0) continue
    withNotes++
    assert.deepEqual(result.messages.filter((message) => !message.endsWith('duplicate-label')), [], name)
    const cited = new Set(result.references.map((node) => node.identifier))
    for (const definition of result.definitions) assert.ok(cited.has(definition.identifier), `${name}: [${definition.label}] is cited`)
    assert.ok(!result.body.join('\n').match(/\[(?:[ivxlcdm]+|\d+)\](?![\p{L}\p{N}])/u), `${name}: no marker left as text`)
  }
  assert.ok(withNotes >= 1)
})
