#!/usr/bin/env node
/**
 * `apparatus`: import, build, check, export and serve a corpus of annotated articles.
 * Each command returns an exit code; nothing here calls process.exit mid-work,
 * so temp folders are always cleaned up.
 */
import {readFileSync} from 'node:fs'
import {Command, Option} from 'commander'
import {buildCommand} from './commands/build.js'
import {checkCommand} from './commands/check.js'
import {exportFormats, type ExportFormat} from '@apparatus/export'
import {exportCommand} from './commands/export.js'
import {importCommand} from './commands/import.js'
import {serveCommand} from './commands/serve.js'

const program = new Command('apparatus')
  .description('Annotated articles -> a linked reading environment (index, reader, graph).')
  .option('-c, --corpus <dir>', 'corpus folder (articles/*.md and entities.yaml)', 'corpus')
  .version((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version, '-V, --version', 'print the version')
  .showHelpAfterError()

/**
 * Problems in the input are messages; an exception reaching here is a bug or
 * the environment (disk full, permissions). Either way one line, no stack
 * trace, unless APPARATUS_DEBUG is set.
 */
const run = (action: () => Promise<number>) => async () => {
  try {
    process.exitCode = await action()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const what = code ? `${code}: ${(error as Error).message}` : String((error as Error)?.message ?? error)
    process.stderr.write(`apparatus: error: ${what}\n`)
    if (process.env.APPARATUS_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`)
    else if (!code) process.stderr.write('apparatus: this looks like a bug in apparatus; rerun with APPARATUS_DEBUG=1 and report the stack trace\n')
    process.exitCode = 2
  }
}

program
  .command('import')
  .description('turn plain-text web copies into corpus/articles/<id>.md')
  .argument('<files...>', 'plain-text articles (.txt)')
  .option('-f, --force', 'regenerate front matter fields you edited by hand')
  .option('-q, --quiet', 'only print problems')
  .option('--follow-symlinks', 'read inputs that are symlinks to files outside their folder')
  .action((files: string[], options: {force?: boolean; quiet?: boolean; followSymlinks?: boolean}) =>
    run(() => importCommand(files, {corpus: program.opts().corpus, ...options}))()
  )

program
  .command('build')
  .description('build dist/: index.json and one sanitised HTML fragment per article')
  .option('-o, --out <dir>', 'output folder', 'dist')
  .option('-q, --quiet', 'no progress bar or summary, only problems')
  .option('--strict', 'treat warnings as errors')
  .option('--no-cache', 'recompute the graph layout even when the graph is unchanged')
  .action((options: {out: string; quiet?: boolean; strict?: boolean; cache: boolean}) =>
    run(() => buildCommand({corpus: program.opts().corpus, ...options}))()
  )

program
  .command('check')
  .description('run the pipeline without writing and report every problem (exit 1 on errors)')
  .option('--strict', 'treat warnings as errors')
  .option('--suggest', 'print unregistered people and organisations as entities.yaml entries')
  .option('-q, --quiet', 'no summary line')
  .action((options: {strict?: boolean; suggest?: boolean; quiet?: boolean}) =>
    run(() => checkCommand({corpus: program.opts().corpus, ...options}))()
  )

program
  .command('export')
  .description('write the index or a derived format to stdout or a file')
  .addOption(new Option('-f, --format <format>', 'output format').choices(exportFormats).default('json'))
  .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
  .option('--base-url <url>', 'where the site is published: annotation targets become http(s) URLs under it')
  .action((options: {format: ExportFormat; output?: string; baseUrl?: string}) =>
    run(() => exportCommand({corpus: program.opts().corpus, ...options}))()
  )

program
  .command('serve')
  .description('serve the built site on http://localhost:$PORT (default 8080)')
  .option('-o, --out <dir>', 'folder to serve (the build output)', 'dist')
  .option('-p, --port <port>', 'port', process.env.PORT ?? '8080')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('-w, --watch', 'rebuild when the corpus changes and reload the page')
  .action((options: {out: string; port: string; host: string; watch?: boolean}) =>
    run(async () => {
      await serveCommand({corpus: program.opts().corpus, ...options})
      return Number(process.exitCode ?? 0)
    })()
  )

await program.parseAsync()
