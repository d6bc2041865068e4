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
  assert.deepEqual(Object.keys(mod).sort(), [
    'SourceMap',
    'default',
    'isReferenceListHeading',
    'isReferenceSectionHeading',
    'readingSectionNames',
    'referenceSectionName',
    'referenceSectionNames'
  ])
})

test('a reference list heading: a notes section name, or a list of readings that is no notes section', () => {
  for (const text of ['Bibliography', '## Works Cited', 'Further reading', '**Selected Bibliography:**', 'Further Reading[edit]']) {
    assert.equal(mod.isReferenceListHeading(text), true, text)
  }
  for (const text of ['Further reading suggests', 'Reading', 'Background']) assert.equal(mod.isReferenceListHeading(text), false, text)
  assert.equal(mod.isReferenceSectionHeading('Further reading'), false)
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

const names = (await readdir(fixtures)).sort()

test('fixtures: there is one directory per case', () => {
  assert.ok(names.length >= 18)
})

for (const name of names) {
  test(`fixture ${name}`, async () => {
    const input = await readFile(join(fixtures, name, 'input.md'), 'utf8')
    const expected = JSON.parse(await readFile(join(fixtures, name, 'expected.json'), 'utf8')) as {
      references: string[]
      definitions: Array<[string, string]>
      body?: string[]
    }
    // messages.txt: one `line:column ruleId` a line, empty when the case is clean.
    const messages = (await readFile(join(fixtures, name, 'messages.txt'), 'utf8')).split('\n').filter(Boolean)
    const result = run(input)
    assert.deepEqual(
      result.references.map((node) => node.label),
      expected.references,
      'references'
    )
    assert.deepEqual(
      result.definitions.map((node) => [node.label, toString(node).replace(/\s+/g, ' ').trim()]),
      expected.definitions,
      'definitions'
    )
    assert.deepEqual(result.messages, messages, 'messages')
    if (expected.body) assert.deepEqual(result.body, expected.body, 'body text')
  })
}

test('renders through remark-rehype as GFM footnotes', async () => {
  const file = new VFile('Claim.[1]\n\n## References\n\n[1] Writer, A. (2020) Title.\n')
  const processor = unified().use(remarkParse).use(remarkBracketFootnotes).use(remarkRehype).use(rehypeStringify)
  const html = String(await processor.process(file))
  assert.match(html, /<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref[^>]*>1<\/a><\/sup>/)
  assert.match(html, /<section data-footnotes class="footnotes">/)
  assert.match(html, /<li id="user-content-fn-1">\s*<p>Writer, A\. \(2020\) Title\./)
  assert.doesNotMatch(html, /<h2>References<\/h2>/)
})

test('the README example gives the output the README shows', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  const input = /\.process\('([^']*)'\)/.exec(readme)?.[1]
  const shown = /Yields:\s*```html\n([\s\S]*?)\n```/.exec(readme)?.[1]
  assert.ok(input && shown, 'the README has a `.process(…)` call and a `Yields:` block')
  const value = JSON.parse(`"${input.replace(/"/g, '\\"')}"`) as string
  const processor = unified().use(remarkParse).use(remarkBracketFootnotes).use(remarkRehype).use(rehypeStringify)
  assert.equal(String(await processor.process(value)), shown)
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

// Expectations are derived from each article's own source, not written down:
// the last line naming a reference section, and the lines after it that open
// with a label, are what the plugin must turn into definitions.
const sectionLine = /^(?:#{1,6}\s+)?(?:\*\*)?(?:references?|notes|endnotes|sources|bibliography)(?:\*\*)?\s*:?\s*(?:\*\*)?\s*$/i
const entryLine = /^\s*(?:\\?\[([ivxlcdm]+|\d{1,4})\]|([ivxlcdm]+|\d{1,4})\\?[.)])\s/i

test('every corpus article: a reference section gives one definition per entry, each cited, no marker left', async () => {
  const dir = new URL('../../../corpus/articles/', import.meta.url).pathname
  const names = (await readdir(dir)).filter((file) => file.endsWith('.md')).sort()
  assert.ok(names.length > 0)
  let withSection = 0
  for (const name of names) {
    const source = await readFile(join(dir, name), 'utf8')
    const lines = source.split(/\r?\n/)
    const heading = lines.findLastIndex((line) => sectionLine.test(line.trim()))
    const result = run(source)
    if (heading === -1) {
      assert.equal(result.definitions.length, 0, `${name}: no section, no definitions`)
      continue
    }
    withSection++
    const labels = [
      ...new Set(
        lines.slice(heading + 1).flatMap((line) => {
          const match = entryLine.exec(line)
          return match ? [(match[1] ?? match[2])!.toLowerCase()] : []
        })
      )
    ]
    assert.ok(labels.length > 0, `${name}: the section lists entries`)
    assert.deepEqual(
      result.definitions.map((node) => node.identifier),
      labels,
      `${name}: one definition per entry, in list order`
    )
    assert.deepEqual(
      result.messages.filter((message) => !message.endsWith('duplicate-label')),
      [],
      name
    )
    const cited = new Set(result.references.map((node) => node.identifier))
    for (const definition of result.definitions) assert.ok(cited.has(definition.identifier), `${name}: [${definition.label}] is cited`)
    for (const reference of result.references) assert.ok(labels.includes(reference.identifier), `${name}: [${reference.label}] is listed`)
    assert.ok(!result.body.join('\n').match(/\[(?:[ivxlcdm]+|\d+)\](?![\p{L}\p{N}])/u), `${name}: no marker left as text`)
    assert.ok(!result.body.some((text) => sectionLine.test(text.trim())), `${name}: the section heading is gone`)
  }
  assert.ok(withSection >= 1)
})
