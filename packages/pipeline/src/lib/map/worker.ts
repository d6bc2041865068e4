/**
 * A map worker: one pool thread. It receives the register once (as worker
 * data, when the pool starts) and then one article per task, and answers
 * with the record as JSON, the form the cache stores.
 */
import {workerData} from 'node:worker_threads'
import type {Register} from '@apparatus/entities'
import {mapArticle} from './map-article.js'

// tinypool hands a worker `[its own data, ours]`; piscina hands ours as it is.
const data = (Array.isArray(workerData) ? workerData[1] : workerData) as {register?: Register} | undefined
const register: Register = data?.register ?? {entities: []}

export default async function map(task: {path: string; text: string}): Promise<string> {
  return JSON.stringify(await mapArticle(task, register))
}
