#!/usr/bin/env node
// Validate `apparatus export --format tei` against tei_all with jing (Debian: apt-get install jing).
// tei_all.rng ships in no npm or Debian package, so it is not part of `pnpm test`: download it
// from the TEI Consortium (https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng)
// and run `TEI_ALL_RNG=/path/to/tei_all.rng node scripts/validate-tei.mjs [corpus]`.
import {spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const schema = process.env.TEI_ALL_RNG
if (!schema) {
  console.error('validate-tei: set TEI_ALL_RNG to the path of tei_all.rng')
  process.exit(2)
}
const corpus = process.argv[2] ?? 'corpus'
const out = join(mkdtempSync(join(tmpdir(), 'apparatus-tei-')), 'corpus.tei.xml')
const exported = spawnSync('pnpm', ['--silent', 'apparatus', '-c', corpus, 'export', '--format', 'tei', '-o', out], {stdio: 'inherit'})
if (exported.status !== 0) process.exit(exported.status ?? 1)
const run = spawnSync('jing', [schema, out], {encoding: 'utf8'})
process.stdout.write(run.stdout)
process.stderr.write(run.stderr)
console.log(run.status === 0 ? `validate-tei: ${out} is valid against tei_all` : `validate-tei: ${out} has errors`)
process.exit(run.status ?? 1)
