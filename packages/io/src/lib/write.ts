/** File writes that a reader never sees half done. */
import {randomBytes} from 'node:crypto'
import {mkdir, rename, unlink, writeFile} from 'node:fs/promises'
import {dirname} from 'node:path'

/** Write `content` to a temp file beside `path` (creating the folder), then rename it over `path`. */
export async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temporary, content, 'utf8')
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => {})
    throw error
  }
}
