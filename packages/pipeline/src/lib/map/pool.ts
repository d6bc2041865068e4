/**
 * The worker pool of the map step, on a kept pool library (tinypool; see
 * docs/scale.md for the measurement against piscina). Workers start with the
 * register, so each compiles its matcher once.
 */
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {Register} from '@apparatus/entities'

export interface MapPool {
  run(task: {path: string; text: string}): Promise<string>
  destroy(): Promise<void>
}

/** The number of map workers when the caller does not say: one per core. */
export const defaultWorkers = () => Math.max(1, availableParallelism())

export async function createPool(register: Register, threads: number): Promise<MapPool> {
  const {filename, execArgv} = workerEntry()
  const options = {filename, minThreads: threads, maxThreads: threads, workerData: {register}, execArgv, idleTimeout: 60_000}
  if (process.env.APPARATUS_POOL === 'piscina') {
    const {Piscina} = await import('piscina')
    const pool = new Piscina({...options, filename: filename.startsWith('data:') ? await bootstrapFile(filename) : filename})
    return {run: (task) => pool.run(task) as Promise<string>, destroy: () => pool.destroy()}
  }
  const {default: Tinypool} = await import('tinypool')
  const pool = new Tinypool(options)
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
  // tsx's own flags (`--import tsx`, `--require …/preflight.cjs`) do nothing in a worker on Node 20.
  const execArgv: string[] = []
  for (let index = 0; index < process.execArgv.length; index++) {
    const flag = process.execArgv[index]!
    const value = /^--(?:import|require|loader|experimental-loader)$|^-r$/.test(flag) ? process.execArgv[index + 1] : undefined
    if (value?.includes('tsx')) index++
    else if (!flag.includes('tsx')) execArgv.push(flag)
  }
  if (compiled) return {filename: fileURLToPath(worker), execArgv}
  if (!execArgv.some((flag) => flag.includes('@apparatus/source'))) execArgv.push('--conditions=@apparatus/source')
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `const {register} = await import(${JSON.stringify(tsx)}); register(); const worker = await import(${JSON.stringify(worker.href)}); export default worker.default;`
  return {filename: `data:text/javascript,${encodeURIComponent(code)}`, execArgv}
}

async function bootstrapFile(dataUrl: string): Promise<string> {
  const {mkdtemp, writeFile} = await import('node:fs/promises')
  const {join} = await import('node:path')
  const {tmpdir} = await import('node:os')
  const file = join(await mkdtemp(join(tmpdir(), 'apparatus-worker-')), 'worker.mjs')
  await writeFile(file, decodeURIComponent(dataUrl.slice('data:text/javascript,'.length)))
  return file
}
