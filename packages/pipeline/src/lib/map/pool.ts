/**
 * The worker pool of the map step, on tinypool. Measured against piscina at
 * 1,000 articles on 2 cores the two cost the same (docs/scale.md); tinypool
 * has no dependencies and loads a worker from a `data:` URL, which running
 * the workspace's TypeScript sources needs (below). Workers start with the
 * register, so each compiles its matcher once.
 */
import Tinypool from 'tinypool'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Register} from '@apparatus/entities'

export interface MapPool {
  run(task: {path: string; text: string}): Promise<string>
  destroy(): Promise<void>
}

/** The number of map workers when the caller does not say: one per core. */
export const defaultWorkers = () => Math.max(1, availableParallelism())

export function createPool(register: Register, threads: number): MapPool {
  const {filename, execArgv} = workerEntry()
  const pool = new Tinypool({filename, minThreads: threads, maxThreads: threads, workerData: {register}, execArgv})
  return {run: (task) => pool.run(task) as Promise<string>, destroy: () => pool.destroy()}
}

/**
 * The module a worker loads, and its Node flags. From compiled files: the
 * compiled worker, with the process's own flags. From the workspace's
 * TypeScript sources: a module that registers tsx in the worker first (Node
 * 20 does not pass loader hooks on to workers) and the `@apparatus/source`
 * condition, so workers run the same sources as the main thread.
 */
function workerEntry(): {filename: string; execArgv: string[]} {
  const compiled = !import.meta.url.endsWith('.ts')
  const worker = new URL(`./worker${compiled ? '.js' : '.ts'}`, import.meta.url)
  // Only the export conditions carry over: tsx's own flags (`--import tsx`,
  // `--require …/preflight.cjs`) do nothing in a worker on Node 20, and
  // process-wide flags (which Node 24's test runner puts in execArgv, such as
  // `--stack-trace-limit`, `--secure-heap`) make `new Worker` throw.
  const execArgv: string[] = []
  for (let index = 0; index < process.execArgv.length; index++) {
    const flag = process.execArgv[index]!
    if (/^(?:--conditions|-C)=/.test(flag)) execArgv.push(flag)
    else if ((flag === '--conditions' || flag === '-C') && process.execArgv[index + 1] !== undefined) execArgv.push(`--conditions=${process.execArgv[++index]}`)
  }
  if (compiled) return {filename: fileURLToPath(worker), execArgv}
  if (!execArgv.some((flag) => flag.includes('@apparatus/source'))) execArgv.push('--conditions=@apparatus/source')
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `const {register} = await import(${JSON.stringify(tsx)}); register(); const worker = await import(${JSON.stringify(worker.href)}); export default worker.default;`
  return {filename: `data:text/javascript,${encodeURIComponent(code)}`, execArgv}
}
