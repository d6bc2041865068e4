/**
 * The configuration file (issue 11, item 6): apparatus.config.json|js|mjs or
 * an "apparatus" key in package.json; its keys are the CLI's long options,
 * flags win, and a bad key or value is a located error with a rule id.
 */
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, test} from 'node:test'
import {apparatus, tinyCorpus} from './helpers.js'

const temporary: string[] = []
after(async () => {
  for (const dir of temporary) await rm(dir, {recursive: true, force: true})
})

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'apparatus-config-'))
  temporary.push(dir)
  await tinyCorpus(join(dir, 'texts'))
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), {recursive: true})
    await writeFile(join(dir, name), content)
  }
  return dir
}

test('apparatus.config.json sets options; a flag on the command line wins', async () => {
  const dir = await project({'apparatus.config.json': '{\n  "corpus": "texts",\n  "out": "site",\n  "quiet": true\n}\n'})
  const built = apparatus(['build'], dir)
  assert.equal(built.code, 0, built.stderr)
  assert.equal(built.stderr, '', 'quiet from the file: no summary')
  assert.ok(existsSync(join(dir, 'site/index.json')), 'out from the file')
  const flagged = apparatus(['build', '--out', 'elsewhere'], dir)
  assert.equal(flagged.code, 0, flagged.stderr)
  assert.ok(existsSync(join(dir, 'elsewhere/index.json')), 'the flag wins over the file')
})

test('paths in a configuration file are relative to its folder, found from a subfolder', async () => {
  const dir = await project({'package.json': JSON.stringify({name: 'site', private: true, apparatus: {corpus: 'texts', out: 'public'}}, null, 2)})
  await mkdir(join(dir, 'deep/er'), {recursive: true})
  const run = apparatus(['build', '--quiet'], join(dir, 'deep/er'))
  assert.equal(run.code, 0, run.stderr)
  assert.ok(existsSync(join(dir, 'public/index.json')))
})

test('an unknown key and a value of the wrong type: exit 1, located in the file, with rule ids; nothing built', async () => {
  const dir = await project({'apparatus.config.json': '{\n  "corpus": "texts",\n  "prot": 8080,\n  "strict": "yes"\n}\n'})
  const run = apparatus(['build'], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /^apparatus\.config\.json\n/)
  assert.match(run.stderr, /3:3\s+error\s+Unexpected option `prot`, expected one of .*; did you mean `port`\?\s+unknown-option\s+apparatus-config/)
  assert.match(run.stderr, /4:3\s+error\s+Unexpected value "yes" for `strict`, expected true or false\s+invalid-option\s+apparatus-config/)
  assert.ok(!existsSync(join(dir, 'dist')), 'nothing built')
})

test('a bad value for one command is located in package.json; the same value as a flag is one line', async () => {
  const dir = await project({'package.json': '{\n  "name": "site",\n  "apparatus": {"port": "80a"}\n}\n'})
  const run = apparatus(['serve'], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /^package\.json\n\s*3:17\s+error\s+Unexpected port `80a`, expected a number from 0 to 65535\s+invalid-option\s+apparatus-config/)
  const flag = apparatus(['serve', '--port', '99999'], dir)
  assert.equal(flag.code, 1)
  assert.equal(flag.stderr, 'apparatus: Unexpected port `99999`, expected a number from 0 to 65535 (invalid-option)\n')
})

test('JSON that does not parse, and a module config, through --config', async () => {
  const dir = await project({
    'apparatus.config.json': '{\n  "out": "site",\n}\n',
    'conf/apparatus.config.mjs': "export default {corpus: '../texts', out: '../from-module', quiet: true}\n"
  })
  const broken = apparatus(['check'], dir)
  assert.equal(broken.code, 1)
  assert.match(broken.stderr, /apparatus\.config\.json\n\s*\d+:\d+\s+error\s+Cannot load the configuration \(.*\), expected JSON\s+config-syntax/)
  const module = apparatus(['--config', 'conf/apparatus.config.mjs', 'build'], dir)
  assert.equal(module.code, 0, module.stderr)
  assert.ok(existsSync(join(dir, 'from-module/index.json')))
  const missing = apparatus(['--config', 'nope.json', 'build'], dir)
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /nope\.json\n\s*1:1\s+error\s+Cannot find the configuration file.*config-syntax/)
})
