/**
 * A map worker: one pool thread. It receives the register once (as worker
 * data, when the pool starts) and then one article per task, and answers
 * with the record as JSON, the form the cache stores.
 */
import type {Register} from '@apparatus/entities'
import Tinypool from 'tinypool'
import {mapArticle} from './map-article.js'

const register: Register = (Tinypool.workerData as {register?: Register} | undefined)?.register ?? {entities: []}

export default async function map(task: {path: string; text: string}): Promise<string> {
  return JSON.stringify(await mapArticle(task, register))
}
