/**
 * One message type end to end: what the entities and references packages find
 * reaches the build's files as vfile messages, at the place the author typed.
 */
import assert from 'node:assert/strict'
import {readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildIndex} from '../src/index.js'
import {article, tempCorpus} from './build-helpers.js'

const register = '- id: thurgood-marshall\n  type: person\n  label: Thurgood Marshall\n  aliases: [Marshall]\n'

test('an entity message points at the name in the Markdown source, past escapes and character references', async () => {
  // `\[`, `\*` and `&amp;` make the source longer than the text the recogniser reads.
  const body = 'Intro paragraph.\n\nA \\[bracketed\\] \\*word\\* &amp; then Marshall was blunt.\n'
  const dir = await tempCorpus({'a.md': article('a', body)}, register)
  const result = await buildIndex({corpusDir: dir, cwd: dir})
  const file = result.files.find((item) => item.path === 'articles/a.md')!
  const message = file.messages.find((item) => item.ruleId === 'unresolved-short-name')
  assert.ok(message, String(file.messages))
  const source = String(file.value).split('\n')
  const line = source[message.line! - 1]!
  assert.equal(line.slice(message.column! - 1, message.column! - 1 + 'Marshall'.length), 'Marshall')
  assert.equal(message.source, 'apparatus-entities')
  assert.equal(message.file, 'articles/a.md')
  assert.equal(message.fatal, false)
  assert.equal(result.failed, false)
})

test('a register error is a fatal vfile message on entities.yaml, named once, and the build fails', async () => {
  const dir = await tempCorpus({'a.md': article('a', 'Thurgood Marshall wrote.')}, register + '- id: x\n  type: person\n  label: [oops\n')
  const result = await buildIndex({corpusDir: dir, cwd: dir})
  const file = result.files.find((item) => item.path === 'entities.yaml')!
  const message = file.messages.find((item) => item.ruleId === 'yaml-syntax')
  assert.ok(message)
  assert.equal(message.fatal, true)
  assert.equal(message.file, 'entities.yaml')
  assert.ok(!message.reason.includes('entities.yaml'), message.reason)
  assert.equal(typeof message.line, 'number')
  assert.equal(result.failed, true)
})

test('a register read from the cache gives the same entities and the same messages, at the same places', async () => {
  const dir = await tempCorpus(
    {'a.md': article('a', 'Thurgood Marshall wrote.')},
    `${register}- id: ruth-ginsburg\n  type: person\n  label: Ruth Bader Ginsburg\n  colour: blue\n`
  )
  const cacheDir = join(dir, '.cache')
  const said = (result: Awaited<ReturnType<typeof buildIndex>>) =>
    result.files.flatMap((file) =>
      file.messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.ruleId} ${message.fatal} ${message.reason}`)
    )
  const first = await buildIndex({corpusDir: dir, cwd: dir, cacheDir})
  assert.ok(
    said(first).some((line) => line.startsWith('entities.yaml:')),
    said(first).join('\n')
  )
  assert.equal((await readdir(join(cacheDir, 'register'))).length, 1, 'the loaded register is cached')
  const second = await buildIndex({corpusDir: dir, cwd: dir, cacheDir})
  assert.deepEqual(said(second), said(first))
  assert.deepEqual(second.index.entities, first.index.entities)
  assert.equal(second.failed, first.failed)
})

test('an unresolvable back-reference is a references message at its note', async () => {
  const body = 'A claim.[1]\n\n## Notes\n\n1. Ibid.\n'
  const dir = await tempCorpus({'a.md': article('a', body)})
  const result = await buildIndex({corpusDir: dir, cwd: dir})
  const file = result.files.find((item) => item.path === 'articles/a.md')!
  const message = file.messages.find((item) => item.ruleId === 'unresolved-back-reference')
  assert.ok(message, String(file.messages))
  assert.equal(message.source, 'apparatus-references')
  const line = String(file.value).split('\n')[message.line! - 1]!
  assert.match(line, /Ibid/)
})
