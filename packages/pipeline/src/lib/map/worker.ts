/**
 * A worker: one pool thread. It receives the register once (as worker data,
 * when the pool starts), then tasks: an article to map, answered with its
 * record as the cache stores it (`recordText`), or a batch of sources whose
 * citation strings to format. Each kind loads its modules on its first
 * task, so a thread that only formats citations never loads the parser.
 */
import type {Register} from '@apparatus/entities'
import type {Source} from '@apparatus/model'
import Tinypool from 'tinypool'

const register: Register = (Tinypool.workerData as {register?: Register} | undefined)?.register ?? {entities: []}

export default async function map(task: {path: string; text: string}): Promise<string> {
  const [{mapArticle}, {recordText}] = await Promise.all([import('./map-article.js'), import('./record.js')])
  return recordText(await mapArticle(task, register))
}

export async function cite(sources: Array<Pick<Source, 'id' | 'csl'>>): Promise<string> {
  const {sourceCitations} = await import('../citations.js')
  return JSON.stringify(sources.map((source) => sourceCitations({...source, entities: []})))
}
