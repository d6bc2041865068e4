/**
 * Stop-gap runner until the CLI wires `apparatus import`:
 * `tsx packages/import/src/lib/run.ts [--force] [--corpus DIR] <file.txt>…`
 */
import {reporter} from 'vfile-reporter'
import {importFiles} from './import-files.js'

const args = process.argv.slice(2)
const force = args.includes('--force')
const corpusAt = args.indexOf('--corpus')
const corpusDir = corpusAt === -1 ? 'corpus' : args[corpusAt + 1]!
const paths = args.filter((arg, index) => !arg.startsWith('--') && (corpusAt === -1 || index !== corpusAt + 1))

const result = await importFiles(paths, {corpusDir, force})
const report = reporter(result.files, {quiet: false})
if (report) console.error(report)
for (const path of result.written) console.log(`written ${path}`)
for (const path of result.unchanged) console.log(`unchanged ${path}`)
if (result.files.some((file) => file.messages.some((message) => message.fatal))) process.exitCode = 1
