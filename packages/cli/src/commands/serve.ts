import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {contentSecurityPolicy, startServer} from '@apparatus/server'
import {build} from './build.js'

export interface ServeCommandOptions {
  corpus: string
  out: string
  port: string
  host: string
  watch?: boolean
  /** Only errors: no line per successful rebuild, no notes. */
  quiet?: boolean
}

export async function serveCommand(options: ServeCommandOptions): Promise<void> {
  // "80a" is not port 80: the whole option must be a number.
  const port = /^\d{1,5}$/.test(options.port.trim()) ? Number(options.port.trim()) : Number.NaN
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`apparatus: unexpected port \`${options.port}\`, expected a number from 0 to 65535\n`)
    process.exitCode = 1
    return
  }
  if (!options.quiet && !['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    process.stderr.write(
      `apparatus: listening on ${options.host}, not only this machine: serve is a local preview server (see docs/security.md); publish dist/ with a static host instead\n`
    )
  }
  if (options.quiet) {
    // Nothing but errors.
  } else if (!existsSync(join(options.out, 'corpus', 'manifest.json')) && !existsSync(join(options.out, 'index.json'))) {
    process.stderr.write(
      `apparatus: ${options.out}/index.json does not exist yet; run \`pnpm apparatus build --out ${options.out}\` (or \`pnpm start\`, which also bundles the site)\n`
    )
  } else if (!existsSync(join(options.out, 'index.html'))) {
    process.stderr.write(
      `apparatus: ${options.out}/ has the index but not the site; \`pnpm start\` bundles it (or embed the components yourself, see docs/embedding.md)\n`
    )
  }
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await start()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const lines: Record<string, string> = {
      EADDRINUSE: `port ${port} on ${options.host} is already in use (another \`apparatus serve\`?); stop it, or pick another with --port (0 picks a free one)`,
      EACCES: `not allowed to listen on port ${port}; ports below 1024 need privileges, pick another with --port`,
      EADDRNOTAVAIL: `cannot listen on ${options.host}: not an address of this machine; pick another with --host (127.0.0.1 is this machine only)`,
      ENOTFOUND: `cannot listen on ${options.host}: no such host; pick another with --host (127.0.0.1 is this machine only)`
    }
    if (!code || !(code in lines)) throw error
    process.stderr.write(`apparatus: ${lines[code]}\n`)
    process.exitCode = 1
    return
  }
  process.stdout.write(`apparatus: serving ${options.out}/ on ${server.url}${options.watch ? ' (watching ' + options.corpus + '/)' : ''}\n`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  /** One line per rebuild; a failed one also prints its located errors. */
  async function rebuild(): Promise<boolean> {
    const outcome = await build({corpus: options.corpus, out: options.out, quiet: true, waitMs: 60_000})
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
    const seconds = outcome.seconds.toFixed(1)
    if (outcome.code === 0) {
      if (!options.quiet) {
        const warnings = outcome.warnings > 0 ? `, ${plural(outcome.warnings, 'warning')}` : ''
        process.stderr.write(`apparatus: rebuilt in ${seconds} s: ${plural(outcome.articles ?? 0, 'article')}, 0 errors${warnings}\n`)
      }
      return true
    }
    process.stderr.write(`apparatus: rebuild failed in ${seconds} s: ${plural(outcome.errors, 'error')}; nothing written, the last good site stays served\n`)
    return false
  }

  function start() {
    return startServer({
      root: options.out,
      port,
      host: options.host,
      contentSecurityPolicy,
      ...(options.watch
        ? {
            watch: {
              paths: [options.corpus],
              // A rebuild that fails (a broken register, a bad article) publishes nothing:
              // the page keeps showing the last good site (no reload) and the terminal shows why.
              rebuild
            }
          }
        : {})
    })
  }
}
