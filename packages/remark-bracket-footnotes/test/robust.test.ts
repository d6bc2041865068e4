import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {FootnoteDefinition, FootnoteReference, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import remarkBracketFootnotes, {isReferenceSectionHeading, referenceSectionNames, type Options} from 'remark-bracket-footnotes'

function run(markdown: string | Uint8Array, options?: Options) {
  const file = new VFile({path: 'doc.md', value: markdown})
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkBracketFootnotes, options)
  const tree = processor.runSync(processor.parse(file), file) as Root
  const references: FootnoteReference[] = []
  const definitions: FootnoteDefinition[] = []
  const walk = (node: Root | RootContent) => {
    if (node.type === 'footnoteReference') references.push(node)
    if (node.type === 'footnoteDefinition') definitions.push(node)
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return {
    tree,
    file,
    references,
    definitions,
    labels: references.map((node) => node.label),
    messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)
  }
}

test('an empty document gives an empty tree, no data beyond no definitions, no messages', () => {
  const {tree, file, messages} = run('')
  assert.deepEqual(tree.children, [])
  assert.deepEqual(file.data.bracketFootnotes, {definitions: []})
  assert.deepEqual(messages, [])
})

test('a document that is only the section heading, or a section with no entries, is left alone', () => {
  for (const input of ['## References\n', 'Text [1].\n\nNotes\n\nNothing numbered here.\n']) {
    const {tree, file, references, messages} = run(input)
    assert.equal(references.length, 0, input)
    assert.deepEqual(messages, [], input)
    assert.deepEqual(file.data.bracketFootnotes, {definitions: []}, input)
    assert.ok(tree.children.length > 0, input)
  }
})

for (const name of ['Reference', 'References', 'Notes', 'Endnotes', 'Sources', 'Bibliography']) {
  for (const variant of [name, name.toUpperCase(), name.toLowerCase() + ':', `# ${name}`, `### ${name}:`, `**${name}**`]) {
    test(`section named \`${variant}\``, () => {
      const {labels, definitions, file, tree} = run(`Claim.[1]\n\n${variant}\n\n[1] Entry.\n`)
      assert.deepEqual(labels, ['1'])
      assert.deepEqual(
        definitions.map((node) => toString(node)),
        ['Entry.']
      )
      assert.equal(file.data.bracketFootnotes?.heading?.toLowerCase(), name.toLowerCase())
      // The heading (or heading-like line) is gone from the tree.
      assert.ok(tree.children.every((node) => !toString(node).toLowerCase().includes(name.toLowerCase())))
    })
  }
}

test('a line that mentions a section name among other words is not a section', () => {
  const {definitions} = run('Claim.[1]\n\nReferences are below.\n\n[1] Entry.\n')
  assert.equal(definitions.length, 0)
})

test('the last section wins when several look like one', () => {
  const {definitions, file} = run('Claim.[1]\n\n## Notes\n\nAn aside.\n\n## References\n\n[1] Entry.\n')
  assert.equal(file.data.bracketFootnotes?.heading, 'References')
  assert.deepEqual(
    definitions.map((node) => node.label),
    ['1']
  )
})

test('CRLF input: markers, entries on one line each, and located messages', () => {
  const {labels, definitions, messages} = run('Line one\r\n  and two.[3] end[1]\r\n\r\nNotes\r\n\r\n[1] One.\r\n[2] Two.\r\n')
  assert.deepEqual(labels, ['1'])
  assert.deepEqual(
    definitions.map((node) => toString(node)),
    ['One.', 'Two.']
  )
  assert.deepEqual(messages, ['2:11 undefined-marker', '7:1 unused-entry'])
})

test('a file given as bytes works like a string', () => {
  const {labels} = run(new TextEncoder().encode('Claim.[ii]\n\n## Notes\n\n[i] One.\n\n[ii] Two.\n'))
  assert.deepEqual(labels, ['ii'])
})

test('long labels: up to [cxx] and [999]', () => {
  const roman = ['i', 'iv', 'ix', 'xl', 'xc', 'xcix', 'cxx']
  const {labels, messages} = run(
    `${roman.map((label) => `Word[${label}]`).join(' ')}\n\n## Notes\n\n${roman.map((label) => `[${label}] Entry ${label}.`).join('\n\n')}\n`
  )
  assert.deepEqual(labels, roman)
  assert.deepEqual(messages, [])
  const arabic = ['1', '10', '99', '100', '999']
  const result = run(`${arabic.map((label) => `Word.[${label}]`).join(' ')}\n\nReferences\n\n${arabic.map((label) => `${label}. Entry.`).join('\n\n')}\n`)
  assert.deepEqual(result.labels, arabic)
  assert.deepEqual(result.messages, [])
})

test('a marker at the start of a paragraph is a marker, not an entry', () => {
  const {tree, labels} = run('[1] opens this body paragraph.\n\n## References\n\n[1] Entry.\n')
  assert.deepEqual(labels, ['1'])
  const first = tree.children[0]
  assert.equal(first?.type, 'paragraph')
  assert.equal(first?.type === 'paragraph' ? first.children[0]?.type : undefined, 'footnoteReference')
})

test('entries with no marker at all are each reported, and still defined', () => {
  const {definitions, messages} = run('No markers here.\n\n## Notes\n\n[i] One.\n\n[ii] Two.\n')
  assert.equal(definitions.length, 2)
  assert.deepEqual(messages, ['5:1 unused-entry', '7:1 unused-entry'])
})

test('markers in blockquotes, list items and headings of the body', () => {
  const {labels} = run('# Title[3]\n\n> Quoted[1]\n\n- item[2]\n\n## References\n\n[1] A.\n\n[2] B.\n\n[3] C.\n')
  assert.deepEqual(labels, ['3', '1', '2'])
})

test('links are untouched: `[text](url)` and a link whose text is a number', () => {
  const {tree, labels} = run('See [text](https://example.org) and [1](https://example.com), then [1].\n\n## References\n\n[1] Entry.\n')
  assert.deepEqual(labels, ['1'])
  const paragraph = tree.children[0]
  assert.ok(paragraph?.type === 'paragraph')
  assert.deepEqual(
    paragraph.children.filter((node) => node.type === 'link').map((node) => [node.url, toString(node)]),
    [
      ['https://example.org', 'text'],
      ['https://example.com', '1']
    ]
  )
})

test('numbering: an arabic marker in a roman list (and the reverse) is not reported', () => {
  assert.deepEqual(run('A.[i] B.[4]\n\n## Notes\n\n[i] One.\n').messages, [])
  assert.deepEqual(run('A.[1] B.[iv]\n\n## Notes\n\n[1] One.\n').messages, [])
})

test('options.reportUndefined: false keeps undefined markers quiet', () => {
  const input = 'A.[1] B.[2]\n\n## Notes\n\n[1] One.\n'
  assert.deepEqual(run(input).messages, ['1:9 undefined-marker'])
  assert.deepEqual(run(input, {reportUndefined: false}).messages, [])
})

test('messages carry the rule id, the source and a place', () => {
  const {file} = run('A.[2]\n\n## Notes\n\n[1] One.\n\n[1] Again.\n')
  const rules = file.messages.map((message) => [message.ruleId, message.source, message.fatal, Boolean(message.place)])
  assert.deepEqual(rules, [
    ['duplicate-label', 'remark-bracket-footnotes', false, true],
    ['undefined-marker', 'remark-bracket-footnotes', false, true],
    ['unused-entry', 'remark-bracket-footnotes', false, true]
  ])
})

test('front matter is kept and never read as an entry', () => {
  const {tree, definitions} = run('---\ntitle: x\n---\n\nClaim.[1]\n\n## References\n\n[1] Entry.\n')
  assert.equal(tree.children[0]?.type, 'yaml')
  assert.equal(definitions.length, 1)
})

test('arbitrary input never throws; every reference has its definition and every message a place', () => {
  // Deterministic pseudo-random documents built from the tokens this plugin
  // cares about, so a failure is reproducible.
  const tokens = [
    '[',
    ']',
    'i',
    'v',
    'x',
    '1',
    '12',
    '.',
    ' ',
    'word',
    '“',
    '”',
    ',',
    '\\',
    '*',
    '_',
    '\n',
    '\r\n',
    '\n\n',
    '## References\n\n',
    'Notes:\n\n',
    '1. ',
    '- ',
    '> ',
    '# ',
    '[i] ',
    '[2] ',
    '](u)',
    '`',
    '&amp;'
  ]
  let seed = 42
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  let resolved = 0
  for (let round = 0; round < 300; round++) {
    let doc = ''
    const length = Math.floor(random() * 80)
    for (let index = 0; index < length; index++) doc += tokens[Math.floor(random() * tokens.length)]
    const {references, definitions, file} = run(doc)
    const defined = new Set(definitions.map((node) => node.identifier))
    resolved += references.length
    for (const reference of references) assert.ok(defined.has(reference.identifier), JSON.stringify(doc))
    for (const message of file.messages) assert.ok(message.line !== undefined && message.line >= 1, JSON.stringify(doc))
  }
  // The generator must reach the interesting path, or the checks above are empty.
  assert.ok(resolved > 0, 'some documents resolve markers')
})

test('a page locator after a marker (`[41]:255`) is kept on the reference as `data.locator`, not in the text', () => {
  const {references, tree} = run('Claim.[1]:255 More,[1]: 12–14 end.[1]\n\nReferences\n\n[1] Source.\n')
  assert.deepEqual(
    references.map((node) => node.data?.locator),
    ['255', '12–14', undefined]
  )
  assert.equal(toString(tree.children[0]!), 'Claim. More, end.')
})

test('every shared section name is read as a heading, a plain line, with `[edit]` or a colon', () => {
  for (const name of referenceSectionNames) {
    for (const variant of [name, `## ${name[0]!.toUpperCase()}${name.slice(1)}`, `${name.toUpperCase()}\\[edit]`, `${name}:`]) {
      assert.ok(isReferenceSectionHeading(variant.replace('\\[', '[')), variant)
      const {labels} = run(`Claim.[1]\n\n${variant}\n\n[1] Entry.\n`)
      assert.deepEqual(labels, ['1'], variant)
    }
  }
  for (const text of ['Further reading', 'External links', 'See also[edit]', 'References are below.', 'Notes on a scandal'])
    assert.ok(!isReferenceSectionHeading(text), text)
})

test('positions: a marker after character references and escapes is reported at the bracket the author typed', () => {
  // `&amp;` and `&#x1F600;` are one character of the text (the second two code units); `\*` is one.
  const input = 'A &amp; B &#x1F600; \\*C.[1] D.[2]\n\n## Notes\n\n[1] One.\n'
  const column = input.indexOf('[2]') + 1
  assert.deepEqual(run(input).messages, [`1:${column} undefined-marker`])
})

test('plain-number markers: a labelled value (`Volume: 1`) is none, a digit glued to a year that ends a sentence is one', () => {
  const {tree, labels} = run(
    '## Volume: 1 (2018)\n\nThe board awarded over $600 million dollars.1 The plan calls for pages to be digitized by 2024.2 Keyword search follows.3\n\n## Notes\n\n1. First note.\n2. Second note.\n3. Third note.\n'
  )
  assert.deepEqual(labels, ['1', '2', '3'])
  const paragraph = tree.children[1]
  const before =
    paragraph?.type === 'paragraph'
      ? paragraph.children.map((node) => (node.type === 'text' ? node.value : `[${node.type === 'footnoteReference' ? node.label : ''}]`)).join('')
      : ''
  assert.match(before, /dollars\.\[1\] The plan .* by 2024\.\[2\] Keyword search follows\.\[3\]/)
  assert.equal(toString(tree.children[0]!), 'Volume: 1 (2018)')
  // A decimal after a year-like number before a lower-case word stays text.
  assert.deepEqual(run('It grew to 2019.1 billion.\n\n## Notes\n\n1. A note.\n').labels, [])
})
