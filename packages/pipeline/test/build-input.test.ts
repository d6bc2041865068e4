import assert from 'node:assert/strict'
import {test} from 'node:test'
import {buildIndex, type BuildResult} from '@apparatus/pipeline'
import {article, tempCorpus} from './build-helpers.js'

function messages(result: BuildResult): string[] {
  return result.files.flatMap((file) =>
    file.messages.map((message) => `${file.path}:${message.line ?? '?'}:${message.column ?? '?'} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}`)
  )
}

async function buildOne(content: string | Uint8Array, others: Record<string, string> = {}): Promise<BuildResult> {
  const dir = await tempCorpus({'bad.md': content, ...others})
  return buildIndex({corpusDir: dir, cwd: dir})
}

test('an empty file is an error at 1:1 and the build fails', async () => {
  const result = await buildOne('')
  assert.equal(result.failed, true)
  assert.deepEqual(messages(result), ['articles/bad.md:1:1 error empty-file'])
})

test('a binary file is an error at the NUL byte', async () => {
  const result = await buildOne(Buffer.concat([Buffer.from('---\nid: a\n---\nab'), Buffer.from([0, 1, 2])]))
  assert.deepEqual(messages(result), ['articles/bad.md:4:3 error binary-file'])
})

test('invalid UTF-8 is an error at the first bad byte', async () => {
  const result = await buildOne(Buffer.concat([Buffer.from('---\nid: a\ntitle: T\n---\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]))
  assert.deepEqual(messages(result), ['articles/bad.md:6:4 error invalid-utf8'])
})

test('a file over 5 MB is refused', async () => {
  const result = await buildOne(article('a', 'x'.repeat(5 * 1024 * 1024 + 10)))
  assert.deepEqual(messages(result), ['articles/bad.md:1:1 error too-large'])
})

test('CRLF line endings and a BOM give the same index as LF', async () => {
  const body = 'First paragraph.\n\n## Heading\n\nSecond paragraph.'
  const lf = await buildOne(article('a', body))
  const crlf = await buildOne('\uFEFF' + article('a', body).replace(/\n/g, '\r\n'))
  assert.equal(crlf.failed, false)
  assert.deepEqual(crlf.index.articles, lf.index.articles)
})

test('malformed front matter is an error at its line', async () => {
  const result = await buildOne('---\nid: a\ntitle: [unclosed\nauthors: []\n---\n\nText.\n')
  assert.equal(result.failed, true)
  const [first] = messages(result)
  assert.match(first ?? '', /^articles\/bad\.md:[34]:\d+ error malformed-front-matter$/)
})

test('missing front matter and a bad id are errors', async () => {
  assert.deepEqual(messages(await buildOne('Just text.\n')), ['articles/bad.md:1:1 error missing-front-matter'])
  assert.deepEqual(messages(await buildOne('---\nid: Not A Slug\ntitle: T\n---\n\nText.\n')), ['articles/bad.md:2:1 error invalid-id'])
})

test('two articles with one id are an error naming both files', async () => {
  const result = await buildOne(article('same', 'One.'), {'other.md': article('same', 'Two.')})
  assert.equal(result.failed, true)
  const file = result.files.find((item) => item.messages.some((message) => message.ruleId === 'duplicate-id'))
  assert.match(String(file?.messages[0]?.reason), /Duplicate article id `same`.*bad\.md/)
})

test('a marker with no reference entry is a located warning and stays text', async () => {
  const body = 'A claim.[1] Another claim.[2]\n\n## Notes\n\n1. Writer, A. (2020) A source. Publisher.'
  const result = await buildOne(article('a', body))
  assert.equal(result.failed, false)
  assert.deepEqual(messages(result), ['articles/bad.md:8:27 warning undefined-marker'])
  assert.ok(result.index.articles[0]!.text.includes('claim.[2]'))
  assert.equal(result.index.footnotes.length, 1)
})

test('raw HTML and javascript: URLs are reported and never rendered', async () => {
  const body =
    'Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">.\n\n[click](javascript:alert(3)) and ![p](data:text/html,x)\n\n<div onclick="x()">block</div>'
  const result = await buildOne(article('a', body))
  assert.equal(result.failed, false)
  const found = messages(result)
  assert.ok(found.includes('articles/bad.md:8:7 warning raw-html'), found.join('\n'))
  assert.ok(
    found.some((line) => /:10:1 warning unsafe-url$/.test(line)),
    found.join('\n')
  )
  const html = result.html.get('a')!
  // Only the sanitiser's tags survive as markup; the rest is escaped text.
  assert.doesNotMatch(html, /<(?:script|img|div)\b|<[^>]*\son\w+=|href="(?:javascript|data):/i)
  assert.deepEqual([...new Set(html.match(/<[a-z]+/g))].sort(), ['<p'])
  assert.match(html, /&#x3C;script>alert\(1\)&#x3C;\/script>|&lt;script&gt;/)
  assert.ok(result.index.articles[0]!.text.includes('<script>alert(1)</script>'), 'the text keeps what the author wrote, as text')
})
