/**
 * Run a command as a child process and measure it from the outside: wall
 * time, CPU time (user + system, the child and everything it waited for,
 * worker threads included) and peak resident set size, through GNU time
 * (`/usr/bin/time -f`). Without GNU time, a preload in Node children reports
 * `process.resourceUsage()` instead (same figures for one process).
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export interface Measured {
  /** Exit code (null when killed). */
  code: number | null
  wallMs: number
  userMs: number
  sysMs: number
  /** Peak resident set size of the largest process, bytes. */
  maxRssBytes: number
  /** CPU time / wall time: how many cores the run kept busy on average. */
  cores: number
  /** Last lines of stderr, for a failed run. */
  stderrTail: string
  timedOut: boolean
}

let gnuTime: boolean | undefined
function hasGnuTime(): boolean {
  gnuTime ??= spawnSync('/usr/bin/time', ['-f', '%M', 'true'], {encoding: 'utf8'}).status === 0
  return gnuTime
}

const preload = new URL('./rusage-preload.mjs', import.meta.url).pathname

export async function measure(
  command: string,
  args: string[],
  options: {cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean}
): Promise<Measured> {
  const scratch = await mkdtemp(join(tmpdir(), 'apparatus-bench-time-'))
  const report = join(scratch, 'usage')
  const env = {...process.env, ...options.env}
  let file = command
  let argv = args
  if (hasGnuTime()) {
    file = '/usr/bin/time'
    argv = ['-o', report, '-f', '%e %U %S %M', command, ...args]
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${preload}`.trim()
    env.APPARATUS_BENCH_RUSAGE = report
  }
  const started = performance.now()
  const child = spawn(file, argv, {cwd: options.cwd, env, stdio: ['ignore', options.echo ? 'inherit' : 'ignore', 'pipe'], detached: true})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000)
    if (options.echo) process.stderr.write(chunk)
  })
  let timedOut = false
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true
        try {
          process.kill(-child.pid!, 'SIGKILL')
        } catch {}
      }, options.timeoutMs)
    : undefined
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)))
  if (timer) clearTimeout(timer)
  const wallMs = performance.now() - started
  let userMs = 0
  let sysMs = 0
  let maxRssBytes = 0
  try {
    const text = await readFile(report, 'utf8')
    if (hasGnuTime()) {
      // GNU time prefixes "Command exited with non-zero status N" on failure.
      const fields = text.trim().split('\n').at(-1)!.split(' ').map(Number)
      userMs = fields[1]! * 1000
      sysMs = fields[2]! * 1000
      maxRssBytes = fields[3]! * 1024
    } else {
      const usage = JSON.parse(text) as {userCPUTime: number; systemCPUTime: number; maxRSS: number}
      userMs = usage.userCPUTime / 1000
      sysMs = usage.systemCPUTime / 1000
      maxRssBytes = usage.maxRSS * 1024
    }
  } catch {}
  await rm(scratch, {recursive: true, force: true})
  const stderrTail = stderr.trim().split('\n').slice(-5).join('\n')
  return {code: timedOut ? null : code, wallMs, userMs, sysMs, maxRssBytes, cores: (userMs + sysMs) / wallMs, stderrTail, timedOut}
}
