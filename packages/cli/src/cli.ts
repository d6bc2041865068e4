#!/usr/bin/env node
/**
 * `apparatus`: import, build, check, export and serve a corpus of annotated articles.
 * Each command returns an exit code; nothing here calls process.exit mid-work,
 * so temp folders are always cleaned up.
 *
 * Only commander is loaded at start: each command's module (and the pipeline
 * behind it) is imported inside its action, so `--help` and `--version` stay fast.
 */
import {readFileSync} from 'node:fs'
import {Command, Option} from 'commander'

/** `@apparatus/export`'s `exportFormats`, written out so that `--help` need not load the exporters (a test keeps them equal). */
const exportFormats = ['json', 'csl', 'bibtex', 'ris', 'annotations', 'tei', 'cyjs', 'graphml'] as const
type ExportFormat = (typeof exportFormats)[number]

const program = new Command('apparatus')
  .description('Annotated articles -> a linked reading environment (index, reader, graph).')
  .option('-c, --corpus <dir>', 'corpus folder (articles/*.md and entities.yaml)', 'corpus')
  .option('--config <file>', 'configuration file (default: apparatus.config.json|js|mjs or "apparatus" in package.json, found upwards)')
  .version((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version, '-V, --version', 'print the version')

/** The options every command shares, defined once. */
function common(command: Command, {report = true} = {}): Command {
  command.option('-q, --quiet', 'only errors: no progress, summary, warnings or notes')
  if (report)
    command.addOption(
      new Option('--report <format>', 'text on stderr, or json on stdout (every message and a summary, for CI)').choices(['text', 'json']).default('text')
    )
  return command
}

interface Common {
  corpus: string
  quiet?: boolean
  report?: 'text' | 'json'
}

/**
 * Wraps an action: loads the configuration, checks every option, then imports
 * and runs the command. Problems in the input are messages; an exception
 * reaching here is a bug or the environment (disk full, permissions). Either
 * way one line, no stack trace, unless APPARATUS_DEBUG is set.
 */
function act<Options>(run: (options: Options & Common & {sink?: import('./commands/report.js').ReportSink}, args: string[]) => Promise<number>) {
  return async (...params: unknown[]) => {
    const command = params.at(-1) as Command
    try {
      process.exitCode = await settle(command, run as never)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const what = code ? `${code}: ${(error as Error).message}` : String((error as Error)?.message ?? error)
      process.stderr.write(`apparatus: error: ${what}\n`)
      if (process.env.APPARATUS_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`)
      else if (!code) process.stderr.write('apparatus: this looks like a bug in apparatus; rerun with APPARATUS_DEBUG=1 and report the stack trace\n')
      process.exitCode = 2
    }
  }
}

async function settle(command: Command, run: (options: Common & {sink?: unknown}, args: string[]) => Promise<number>): Promise<number> {
  const [{loadConfig, applyConfig, keyPlace}, {checkOptions}, {VFile}, reporting] = await Promise.all([
    import('./lib/config.js'),
    import('./lib/options.js'),
    import('vfile'),
    import('./commands/report.js')
  ])
  const problems: Array<InstanceType<typeof VFile>> = []
  const {config, file} = await loadConfig(program.opts().config as string | undefined)
  if (file) problems.push(file)
  if (config) problems.push(applyConfig(config, program, command))
  const options = {...program.opts(), ...command.opts()} as Common & Record<string, unknown>
  const flags = new VFile()
  const located = config ? new VFile({path: config.path}) : undefined
  for (const problem of checkOptions(command.name(), options, command.args)) {
    const fromConfig = located && (command.getOptionValueSource(problem.key) ?? program.getOptionValueSource(problem.key)) === 'config'
    const written =
      Object.keys(config?.values ?? {}).find((key) => key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) === problem.key) ?? problem.key
    const target = fromConfig ? located : flags
    target.message(problem.reason, {
      ...(fromConfig ? {place: keyPlace(config!.text, written)} : {}),
      ruleId: 'invalid-option',
      source: fromConfig ? 'apparatus-config' : 'apparatus'
    }).fatal = true
  }
  problems.push(flags)
  if (located) problems.push(located)
  const json = options.report === 'json'
  if (problems.some((each) => each.messages.length > 0)) {
    if (json) process.stdout.write(reporting.jsonReport(command.name(), problems, {}, 1))
    else {
      // A bad flag is one line; a bad configuration is located like any other message.
      for (const message of flags.messages) process.stderr.write(`apparatus: ${message.reason} (${message.ruleId})\n`)
      reporting.report(problems.filter((each) => each !== flags))
    }
    return 1
  }
  const sink = json ? new reporting.ReportSink() : undefined
  const code = await run({...options, ...(sink ? {sink} : {})}, command.args)
  if (sink) process.stdout.write(reporting.jsonReport(command.name(), sink.files, sink.summary, code))
  return code
}

common(program.command('import'))
  .description('turn plain-text web copies into corpus/articles/<id>.md')
  .argument('<files...>', 'plain-text articles (.txt)')
  .option('-f, --force', 'regenerate front matter fields you edited by hand')
  .option('--id <id>', 'the id for the one file imported: a new id, or an existing article it becomes the source of')
  .option('--follow-symlinks', 'read inputs that are symlinks to files outside their folder')
  .action(
    act<{force?: boolean; followSymlinks?: boolean; id?: string}>(async (options, files) => {
      const {importCommand} = await import('./commands/import.js')
      return importCommand(files, options)
    })
  )

common(program.command('build'))
  .description('build dist/: index.json and one sanitised HTML fragment per article')
  .option('-o, --out <dir>', 'output folder', 'dist')
  .option('--strict', 'treat warnings as errors')
  .option('--no-cache', 'map every article and lay out the graph again, reading and writing no cache')
  .option('--cache-dir <dir>', 'cache folder (default: node_modules/.cache/apparatus); shared by --shard runs and --merge')
  .option('--workers <n>', 'map worker threads (default: one per core; 0: none)')
  .option('--shard <I/N>', 'only map slice I of N of the articles into the cache folder; no dist/ (see docs/scale.md)')
  .option('--merge', 'only reduce: build dist/ from the map results that --shard runs put in the cache folder')
  .addOption(
    new Option('--single-index <when>', 'also write dist/index.json and citations.json: auto (up to 500 articles), always, never')
      .choices(['auto', 'always', 'never'])
      .default('auto')
  )
  .action(
    act<{
      out: string
      strict?: boolean
      cache: boolean
      cacheDir?: string
      workers?: string
      shard?: string
      merge?: boolean
      singleIndex?: 'auto' | 'always' | 'never'
    }>(async (options) => {
      const {buildCommand} = await import('./commands/build.js')
      return buildCommand(options)
    })
  )

common(program.command('check'))
  .description('run the pipeline without writing and report every problem (exit 1 on errors)')
  .option('--strict', 'treat warnings as errors')
  .option('--suggest', 'print unregistered people and organisations as entities.yaml entries')
  .action(
    act<{strict?: boolean; suggest?: boolean}>(async (options) => {
      const {checkCommand} = await import('./commands/check.js')
      return checkCommand(options)
    })
  )

common(program.command('export'))
  .description('write the index or a derived format to stdout or a file')
  .addOption(new Option('-f, --format <format>', 'output format').choices(exportFormats).default('json'))
  .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
  .option('--strict', 'treat warnings as errors')
  .option('--base-url <url>', 'where the site is published: annotation targets become http(s) URLs under it')
  .action(
    act<{format: ExportFormat; output?: string; strict?: boolean; baseUrl?: string}>(async (options) => {
      const {exportCommand} = await import('./commands/export.js')
      return exportCommand(options)
    })
  )

common(program.command('serve'), {report: false})
  .description('serve the built site on http://localhost:$PORT (default 8080)')
  .option('-o, --out <dir>', 'folder to serve (the build output)', 'dist')
  .addOption(new Option('-p, --port <port>', 'port (0 picks a free one)').env('PORT').default('8080'))
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('-w, --watch', 'rebuild when the corpus changes (one line per rebuild) and reload the page')
  .action(
    act<{out: string; port: string; host: string; watch?: boolean}>(async (options) => {
      const {serveCommand} = await import('./commands/serve.js')
      await serveCommand(options)
      return Number(process.exitCode ?? 0)
    })
  )

await program.parseAsync()
