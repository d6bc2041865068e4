/**
 * The bad-input matrix: each case changes one thing in a small good corpus
 * and asserts what `check` and `build` do with it: the exit code, the rule id
 * at a line and column (1:1 for files that cannot be read at all), and that a
 * failing build leaves dist/ exactly as it was.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdir, rm, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {after, before, test} from 'node:test'
import {buildCommand, checkCommand} from '@apparatus/cli'
import {buildIndex} from '@apparatus/pipeline'
import {importFiles} from '@apparatus/import'
import {article, baseCorpus, hashTree, quietly, register} from './helpers.js'

interface Case {
  name: string
  /** Files to write into the corpus (relative paths), or a setup function. */
  files?: Record<string, string | Uint8Array>
  setup?: (corpus: string) => Promise<void>
  /** The rule expected, and where (`line:column`); `undefined`: the build must succeed. */
  rule?: string
  at?: string
  /** A warning only: build succeeds, but the rule is reported. */
  warning?: boolean
}

const md = (_id: string, front: string, body = 'Text.') => `---\n${front}\n---\n\n${body}\n`
const randomBytes = (count: number) => {
  let state = 12345
  return Uint8Array.from({length: count}, () => (state = (state * 1103515245 + 12345) & 0x7fffffff) & 0xff)
}
const utf16 = (text: string, big: boolean) => {
  const bytes = Buffer.from('\ufeff' + text, 'utf16le')
  if (big) bytes.swap16()
  return bytes
}
const a = (body: string, extra = '') => article('case', body, extra)

const cases: Case[] = [
  // Bytes and encodings.
  {name: 'empty file', files: {'articles/case.md': ''}, rule: 'empty-file', at: '1:1'},
  {name: 'whitespace only', files: {'articles/case.md': ' \n\t\n  '}, rule: 'empty-file', at: '1:1'},
  {name: 'NUL byte in the body', files: {'articles/case.md': a('Some\0text')}, rule: 'binary-file', at: '8:5'},
  {name: 'random binary', files: {'articles/case.md': randomBytes(65536)}, rule: 'invalid-utf8'},
  {
    name: 'invalid UTF-8 0xC3 0x28',
    files: {'articles/case.md': Buffer.concat([Buffer.from(a('Caf')), Buffer.from([0xc3, 0x28])])},
    rule: 'invalid-utf8',
    at: '9:1'
  },
  {name: 'UTF-16LE with BOM', files: {'articles/case.md': utf16(a('Text.'), false)}, rule: 'invalid-utf8'},
  {name: 'UTF-16BE with BOM', files: {'articles/case.md': utf16(a('Text.'), true)}, rule: 'invalid-utf8'},
  {name: 'CRLF line endings', files: {'articles/case.md': a('One.\n\nTwo.').replace(/\n/g, '\r\n')}},
  {name: 'CR-only line endings', files: {'articles/case.md': a('One.\n\nTwo.').replace(/\n/g, '\r')}},
  {name: 'UTF-8 BOM', files: {'articles/case.md': '\ufeff' + a('Text.')}},
  {name: 'a file over 5 MB', files: {'articles/case.md': a('x'.repeat(5 * 1024 * 1024 + 1))}, rule: 'too-large', at: '1:1'},
  {name: 'a line of 1,000,000 characters', files: {'articles/case.md': a('word '.repeat(200_000))}},
  // Deep trees.
  {name: '1,500 nested blockquotes', files: {'articles/case.md': a('> '.repeat(1500) + 'deep')}, rule: 'too-deep', at: '8:201'},
  {name: '10,000 nested blockquotes', files: {'articles/case.md': a('> '.repeat(10_000) + 'deep')}, rule: 'too-deep', at: '8:201'},
  {name: '1,000 nested list levels on one line', files: {'articles/case.md': a('- '.repeat(1000) + 'deep')}, rule: 'too-deep', at: '8:201'},
  {name: '10,000 nested list levels', files: {'articles/case.md': a('- '.repeat(10_000) + 'deep')}, rule: 'too-deep'},
  {
    name: '300 list levels by indentation',
    files: {'articles/case.md': a(Array.from({length: 300}, (_, n) => ' '.repeat(n * 2) + '- item').join('\n'))},
    rule: 'too-deep'
  },
  {name: 'mixed quotes and lists 600 deep', files: {'articles/case.md': a('> - '.repeat(300) + 'deep')}, rule: 'too-deep'},
  {name: '50 nested blockquotes are fine', files: {'articles/case.md': a('> '.repeat(50) + 'deep')}},
  {name: '9,000 brackets and 20,000 emphasis', files: {'articles/case.md': a('['.repeat(9000) + ' *a* '.repeat(20_000))}},
  {name: '20,000 brackets in one paragraph', files: {'articles/case.md': a('['.repeat(20_000))}, rule: 'too-many-brackets', at: '8:10001'},
  {name: '400,000 markers on one 3.6 MB line', files: {'articles/case.md': a('word [1] '.repeat(400_000))}, rule: 'too-many-brackets', at: '8:90006'},
  // Front matter.
  {
    name: 'YAML alias bomb in front matter',
    files: {
      'articles/case.md':
        '---\nid: y\ntitle: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n\nText.\n'
    },
    rule: 'malformed-front-matter',
    at: '2:1'
  },
  {name: '__proto__ and constructor keys', files: {'articles/case.md': md('p', 'id: proto\ntitle: P\n__proto__: {polluted: true}\nconstructor: x')}},
  {name: 'a key twice', files: {'articles/case.md': md('d', 'id: a\ntitle: T\nid: b')}, rule: 'malformed-front-matter', at: '4:1'},
  {name: 'id is a number', files: {'articles/case.md': md('n', 'id: 123\ntitle: T')}, rule: 'invalid-id', at: '2:1'},
  {name: 'id is a mapping', files: {'articles/case.md': md('n', 'id: {a: 1}\ntitle: T')}, rule: 'invalid-id', at: '2:1'},
  {name: 'id with ../', files: {'articles/case.md': md('n', 'id: ../../etc\ntitle: T')}, rule: 'invalid-id', at: '2:1'},
  {name: 'id with a slash', files: {'articles/case.md': md('n', 'id: a/b\ntitle: T')}, rule: 'invalid-id', at: '2:1'},
  {name: 'no id', files: {'articles/case.md': md('n', 'title: T')}, rule: 'invalid-id'},
  {name: 'missing front matter', files: {'articles/case.md': 'Just text.\n'}, rule: 'missing-front-matter', at: '1:1'},
  {name: 'unterminated front matter', files: {'articles/case.md': '---\nid: a\ntitle: T\n\nText.\n'}, rule: 'missing-front-matter', at: '1:1'},
  {name: 'malformed YAML', files: {'articles/case.md': md('m', 'id: a\ntitle: [unclosed\nauthors: []')}, rule: 'malformed-front-matter'},
  {name: 'front matter is a list', files: {'articles/case.md': md('l', '- a\n- b')}, rule: 'malformed-front-matter', at: '2:1'},
  {name: 'front matter is a scalar', files: {'articles/case.md': md('s', 'just words')}, rule: 'malformed-front-matter', at: '2:1'},
  {name: 'impossible date 2024-13-45', files: {'articles/case.md': md('d', 'id: d\ntitle: D\ndate: 2024-13-45')}, rule: 'invalid-date', at: '4:1'},
  {name: 'impossible date 2023-02-29', files: {'articles/case.md': md('d', 'id: d\ntitle: D\ndate: 2023-02-29')}, rule: 'invalid-date', at: '4:1'},
  {name: 'date in words', files: {'articles/case.md': md('d', 'id: d\ntitle: D\ndate: yesterday')}, rule: 'invalid-date', at: '4:1'},
  {name: 'leap day 2024-02-29 is fine', files: {'articles/case.md': md('d', 'id: d\ntitle: D\ndate: 2024-02-29')}},
  {name: 'duplicate article id', files: {'articles/zz.md': article('good')}, rule: 'duplicate-id', at: '2:1'},
  {name: 'YAML custom tags', files: {'articles/case.md': md('t', 'id: t\ntitle: !x T\nauthors: !!binary aGVsbG8=')}, rule: 'invalid-authors', warning: true},
  // Body content that must stay text, with warnings.
  {
    name: 'markers with no entry',
    files: {'articles/case.md': a('A claim.[1] Another.[9]\n\n## References\n\n[1] Smith, J. (2020). A title. https://example.com')},
    rule: 'undefined-marker',
    warning: true
  },
  {name: 'raw HTML', files: {'articles/case.md': a('Hello <script>alert(1)</script>.')}, rule: 'raw-html', warning: true},
  {name: 'a javascript: link', files: {'articles/case.md': a('[x](javascript:alert(1))')}, rule: 'unsafe-url', warning: true},
  {
    name: 'a marker-only paragraph repeating the marker',
    files: {'articles/case.md': a('A sentence that cites a source.[i]\n\n[i]\n\n## References\n\n[i] Smith, J. (2020). A title. https://example.com')}
  },
  {
    name: 'duplicate labels in the list',
    files: {'articles/case.md': a('Claim.[1]\n\n## References\n\n[1] One. https://a.example\n[1] Two. https://b.example')},
    rule: 'duplicate-label',
    warning: true
  },
  {
    name: '2,000 entries and markers',
    files: {
      'articles/case.md': a(
        Array.from({length: 2000}, (_, n) => `Claim ${n}.[${n + 1}]`).join(' ') +
          '\n\n## References\n\n' +
          Array.from({length: 2000}, (_, n) => `[${n + 1}] Writer, A. (2020). Title ${n}.`).join('\n')
      )
    }
  },
  // The register.
  {name: 'register with a YAML syntax error', files: {'entities.yaml': register + '- id: x\n  type: person\n  label: [oops\n'}, rule: 'yaml-syntax'},
  {name: 'register is a scalar', files: {'entities.yaml': 'just a string\n'}, rule: 'register-shape', at: '1:1'},
  {name: 'register is a mapping without entities', files: {'entities.yaml': 'people: []\n'}, rule: 'register-shape', at: '1:1'},
  {name: 'register entry without id', files: {'entities.yaml': register + '- type: person\n  label: Y\n'}, rule: 'invalid-id', at: '11:3'},
  {name: 'register entry without type', files: {'entities.yaml': register + '- id: x\n  label: X\n'}, rule: 'unknown-type', at: '11:3'},
  {name: 'register entry with an unknown type', files: {'entities.yaml': register + '- id: x\n  type: planet\n  label: X\n'}, rule: 'unknown-type', at: '12:9'},
  {name: 'register entry without label', files: {'entities.yaml': register + '- id: x\n  type: person\n'}, rule: 'missing-label', at: '11:3'},
  {name: 'register entry that is a scalar', files: {'entities.yaml': register + '- just words\n'}, rule: 'entity-shape', at: '11:3'},
  {name: 'register id twice', files: {'entities.yaml': register + '- id: ada-writer\n  type: person\n  label: Ada\n'}, rule: 'duplicate-id', at: '11:7'},
  {
    name: 'register alias bomb',
    files: {'entities.yaml': '- id: x\n  type: person\n  label: X\n  aliases: &a [a, b, c]\n- id: y\n  type: person\n  label: Y\n  aliases: [*a, *a, *a]\n'},
    rule: 'entity-field'
  },
  {name: 'register with a NUL byte', files: {'entities.yaml': register + '\0'}, rule: 'binary-file'},
  {name: 'register not UTF-8', files: {'entities.yaml': Buffer.concat([Buffer.from(register), Buffer.from([0xff])])}, rule: 'invalid-utf8'},
  {name: 'register is an empty file', files: {'entities.yaml': ''}, rule: 'empty-file', at: '1:1'},
  {
    name: 'register is a directory',
    setup: async (corpus) => {
      await rm(join(corpus, 'entities.yaml'))
      await mkdir(join(corpus, 'entities.yaml'))
    },
    rule: 'not-a-file',
    at: '1:1'
  },
  {
    name: 'register is a dangling symlink',
    setup: async (corpus) => {
      await rm(join(corpus, 'entities.yaml'))
      await symlink('/nonexistent-apparatus', join(corpus, 'entities.yaml'))
    },
    rule: 'unreadable-file',
    at: '1:1'
  },
  {
    name: 'register is a FIFO',
    setup: async (corpus) => {
      await rm(join(corpus, 'entities.yaml'))
      execFileSync('mkfifo', [join(corpus, 'entities.yaml')])
    },
    rule: 'not-a-file',
    at: '1:1'
  },
  {
    name: 'register symlinked from outside the corpus',
    setup: async (corpus) => {
      await writeFile(join(corpus, '..', 'outside.yaml'), register)
      await rm(join(corpus, 'entities.yaml'))
      await symlink(join(corpus, '..', 'outside.yaml'), join(corpus, 'entities.yaml'))
    },
    rule: 'outside-corpus',
    at: '1:1'
  },
  // Odd entries in articles/.
  {
    name: 'article symlinked from outside the corpus',
    setup: async (corpus) => {
      await writeFile(join(corpus, '..', 'outside.md'), article('outside'))
      await symlink(join(corpus, '..', 'outside.md'), join(corpus, 'articles', 'case.md'))
    },
    rule: 'outside-corpus',
    at: '1:1'
  },
  {name: 'article symlinked to /etc/passwd', setup: (corpus) => symlink('/etc/passwd', join(corpus, 'articles', 'case.md')), rule: 'outside-corpus', at: '1:1'},
  {
    name: 'a symlink inside the corpus is followed',
    setup: async (corpus) => {
      await mkdir(join(corpus, 'drafts'))
      await writeFile(join(corpus, 'drafts', 'inside.md'), article('inside'))
      await symlink('../drafts/inside.md', join(corpus, 'articles', 'case.md'))
    }
  },
  {name: 'dangling symlink', setup: (corpus) => symlink('/nonexistent-apparatus', join(corpus, 'articles', 'case.md')), rule: 'unreadable-file', at: '1:1'},
  {name: 'symlink loop', setup: (corpus) => symlink('case.md', join(corpus, 'articles', 'case.md')), rule: 'unreadable-file', at: '1:1'},
  {name: 'a directory named x.md', setup: (corpus) => mkdir(join(corpus, 'articles', 'case.md')), rule: 'not-a-file', at: '1:1'},
  {name: 'a FIFO named x.md', setup: async (corpus) => void execFileSync('mkfifo', [join(corpus, 'articles', 'case.md')]), rule: 'not-a-file', at: '1:1'},
  {
    name: 'a file name that is not UTF-8',
    setup: (corpus) => writeFile(Buffer.from(join(corpus, 'articles', 'caf\xe9.md'), 'latin1'), article('cafe')),
    rule: 'invalid-file-name',
    at: '1:1'
  },
  {
    name: 'odd but valid file names',
    files: {
      'articles/with space.md': article('space'),
      'articles/tab\there.md': article('tab'),
      'articles/-dash.md': article('dash'),
      'articles/emoji-🙂.md': article('emoji')
    }
  },
  {name: 'no articles folder', setup: (corpus) => rm(join(corpus, 'articles'), {recursive: true}), rule: 'missing-articles', at: '1:1'}
]

/** `import` inputs: each refused with a located rule, or read. */
const importCases: Array<{name: string; input: (dir: string) => Promise<string>; rule?: string; follow?: boolean}> = [
  {
    name: 'a symlink to a file outside its folder',
    input: async (dir) => {
      await mkdir(join(dir, 'in'))
      await symlink('/etc/passwd', join(dir, 'in', 'passwd.txt'))
      return join(dir, 'in', 'passwd.txt')
    },
    rule: 'outside-input'
  },
  {
    name: 'the same symlink with --follow-symlinks',
    input: async (dir) => {
      await mkdir(join(dir, 'in'))
      await writeFile(join(dir, 'elsewhere.txt'), 'A Title\n\nSome text of an article.\n')
      await symlink(join(dir, 'elsewhere.txt'), join(dir, 'in', 'linked.txt'))
      return join(dir, 'in', 'linked.txt')
    },
    follow: true
  },
  {
    name: 'a FIFO',
    input: async (dir) => {
      execFileSync('mkfifo', [join(dir, 'pipe.txt')])
      return join(dir, 'pipe.txt')
    },
    rule: 'unreadable-file'
  },
  {
    name: 'a directory',
    input: async (dir) => {
      await mkdir(join(dir, 'folder.txt'))
      return join(dir, 'folder.txt')
    },
    rule: 'unreadable-file'
  },
  {name: 'a missing file', input: async (dir) => join(dir, 'missing.txt'), rule: 'unreadable-file'},
  {name: '/dev/zero', input: async () => '/dev/zero', rule: 'unreadable-file'},
  {
    name: 'a plain file beside a dangling symlink in articles/',
    input: async (dir) => {
      await symlink('/nonexistent-apparatus', join(dir, 'corpus', 'articles', 'dangling.md'))
      await writeFile(join(dir, 'plain.txt'), 'A Title\n\nSome text of an article.\n')
      return join(dir, 'plain.txt')
    }
  }
]

for (const item of importCases) {
  test(`import: ${item.name}`, async () => {
    const base = await baseCorpus()
    try {
      const input = await item.input(base)
      const result = await importFiles([input], {corpusDir: join(base, 'corpus'), ...(item.follow ? {followSymlinks: true} : {})})
      const fatal = result.files.flatMap((file) => file.messages.filter((message) => message.fatal))
      if (item.rule) {
        assert.equal(fatal[0]?.ruleId, item.rule, fatal.map((message) => message.reason).join('\n'))
        assert.ok(fatal[0]?.line !== undefined, 'located')
        assert.equal(result.written.length, 0)
      } else {
        assert.deepEqual(
          fatal.map((message) => message.reason),
          []
        )
        assert.equal(result.written.length, 1)
      }
    } finally {
      await rm(base, {recursive: true, force: true})
    }
  })
}

let workspace: string
let out: string

before(async () => {
  workspace = await baseCorpus()
  out = join(workspace, 'dist')
  const built = await quietly(() => buildCommand({corpus: join(workspace, 'corpus'), out, quiet: true}))
  assert.equal(built.value, 0, built.stderr)
})

after(() => rm(workspace, {recursive: true, force: true}))

test(`the matrix has at least 64 cases`, () => {
  assert.ok(cases.length + importCases.length >= 64, `${cases.length} + ${importCases.length} cases`)
})

for (const item of cases) {
  test(`bad input: ${item.name}`, {timeout: 120_000}, async () => {
    const base = await baseCorpus()
    const corpus = join(base, 'corpus')
    try {
      for (const [path, content] of Object.entries(item.files ?? {})) await writeFile(join(corpus, path), content)
      await item.setup?.(corpus)
      const result = await buildIndex({corpusDir: corpus, cwd: base})
      const messages = result.files.flatMap((file) => file.messages.map((message) => ({file: file.path, message})))
      const said = messages.map(
        ({file, message}) => `${file}:${message.line ?? '?'}:${message.column ?? '?'} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}`
      )
      // Every message, whatever the case, has a rule id and a place.
      for (const {message} of messages) {
        assert.ok(message.ruleId, `message without rule id: ${message.reason}`)
        assert.ok(message.line !== undefined, `unlocated: ${message.ruleId} ${message.reason}`)
      }
      const expectFailure = item.rule !== undefined && !item.warning
      if (item.rule) {
        const found = messages.find(({message}) => message.ruleId === item.rule && Boolean(message.fatal) === expectFailure)
        assert.ok(found, `expected ${expectFailure ? 'error' : 'warning'} ${item.rule}, got:\n${said.join('\n')}`)
        if (item.at) assert.equal(`${found.message.line}:${found.message.column}`, item.at, said.join('\n'))
      }
      assert.equal(result.failed, expectFailure, said.join('\n'))
      const check = await quietly(() => checkCommand({corpus}))
      assert.doesNotMatch(check.stderr, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace')
      assert.equal(check.value, expectFailure ? 1 : 0, check.stderr)
      if (expectFailure) {
        assert.match(check.stderr, new RegExp(`\\d+:\\d+.*\\b${item.rule}\\b`), check.stderr)
        const before = await hashTree(out)
        const build = await quietly(() => buildCommand({corpus, out, quiet: true}))
        assert.equal(build.value, 1, build.stderr)
        assert.match(build.stderr, /nothing written/)
        assert.equal(await hashTree(out), before, 'dist/ untouched')
      }
    } finally {
      await rm(base, {recursive: true, force: true})
    }
  })
}

test('[mmmmcmxcix] is not a roman label: it never becomes a note, [MMMCMXCIX] does', async () => {
  const base = await baseCorpus()
  try {
    const body =
      'A claim.[mmmmcmxcix] Another.[MMMCMXCIX]\n\n## References\n\n[MMMCMXCIX] Doe, J. (2020). B. https://b.example\n[mmmmcmxcix] Smith, J. (2020). A. https://a.example'
    await writeFile(join(base, 'corpus', 'articles', 'case.md'), article('case', body))
    const result = await buildIndex({corpusDir: join(base, 'corpus'), cwd: base})
    assert.equal(result.failed, false)
    const labels = result.index.footnotes.filter((footnote) => footnote.article === 'case').map((footnote) => footnote.label)
    assert.deepEqual(labels, ['MMMCMXCIX'])
  } finally {
    await rm(base, {recursive: true, force: true})
  }
})

test('an unwritable cache folder costs time, never the build', async () => {
  const base = await baseCorpus()
  try {
    // A cache "folder" under a regular file: every mkdir and write there fails (as an unwritable one does for non-root users).
    await writeFile(join(base, 'not-a-folder'), '')
    const result = await buildIndex({corpusDir: join(base, 'corpus'), cwd: base, cacheDir: join(base, 'not-a-folder', 'cache')})
    assert.equal(result.failed, false)
    assert.equal(result.index.articles.length, 1)
  } finally {
    await rm(base, {recursive: true, force: true})
  }
})

for (const [name, body, bound] of [
  ['10,000 markers on one line', 'word [1] '.repeat(10_000) + '\n\n## References\n\n[1] A. https://example.com', 20_000],
  ['a 320 KB reference entry of repeated "(accessed "', 'Cites [1].\n\n## References\n\n[1] Smith, J. ' + '(accessed '.repeat(32_000) + '1', 20_000]
] as const) {
  test(`linear time: ${name}`, {timeout: 120_000}, async () => {
    const base = await baseCorpus()
    try {
      await writeFile(join(base, 'corpus', 'articles', 'case.md'), article('case', body))
      const started = performance.now()
      const result = await buildIndex({corpusDir: join(base, 'corpus'), cwd: base})
      const ms = performance.now() - started
      process.stderr.write(`linear time: ${name}: ${Math.round(ms)} ms\n`)
      assert.equal(result.failed, false)
      // Quadratic code took long here (13 s for 20,000 markers, 12.5 s for half the entry); the bound is loose for busy machines.
      assert.ok(ms < bound, `${Math.round(ms)} ms`)
    } finally {
      await rm(base, {recursive: true, force: true})
    }
  })
}
