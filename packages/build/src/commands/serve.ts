import {startServer} from '../lib/serve/index.js'
import {buildCommand} from './build.js'

export async function serveCommand(options: {corpus: string; out: string; port: string; host: string; watch?: boolean}): Promise<void> {
  const port = Number.parseInt(options.port, 10)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`apparatus: unexpected port \`${options.port}\`, expected a number from 0 to 65535\n`)
    process.exitCode = 1
    return
  }
  const server = await startServer({
    root: options.out,
    port,
    host: options.host,
    ...(options.watch
      ? {
          watch: {
            paths: [options.corpus],
            rebuild: async () => {
              await buildCommand({corpus: options.corpus, out: options.out, quiet: true})
            }
          }
        }
      : {})
  })
  process.stdout.write(`apparatus: serving ${options.out}/ on ${server.url}${options.watch ? ' (watching ' + options.corpus + '/)' : ''}\n`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
