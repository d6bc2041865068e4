import assert from 'node:assert/strict'
import {cp, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {codeHash} from '../src/lib/file-hashes.js'

/** A package folder with two code files, a source map and a declaration (neither counts). */
async function makePackage(root: string): Promise<string> {
  const folder = join(root, 'pkg', 'src')
  await mkdir(join(folder, 'lib'), {recursive: true})
  await writeFile(join(root, 'pkg', 'package.json'), JSON.stringify({name: 'pkg', dependencies: {}}))
  await writeFile(join(folder, 'index.js'), 'export const a = 1\n')
  await writeFile(join(folder, 'lib', 'two.js'), 'export const b = 2\n')
  await writeFile(join(folder, 'index.js.map'), '{}')
  await writeFile(join(folder, 'index.d.ts'), 'export declare const a: 1\n')
  return folder
}

test("the code hash: the same code in two checkouts hashes the same; a code file's bytes or name changes it, a source map or a declaration does not", async () => {
  const base = await mkdtemp(join(tmpdir(), 'apparatus-code-hash-'))
  try {
    const first = await makePackage(join(base, 'a'))
    const second = join(base, 'another', 'deeper', 'checkout', 'pkg', 'src')
    await cp(join(base, 'a', 'pkg'), join(base, 'another', 'deeper', 'checkout', 'pkg'), {recursive: true})
    const hashOf = (folder: string) => codeHash({folders: [{name: 'pkg', folder}], files: [join(folder, 'index.js')], root: folder, declaredDependencies: true})

    const original = await hashOf(first)
    assert.match(original, /^[\w-]{22}$/)
    // Another checkout path (another host of a sharded build): the same hash, so the same cache keys and dist/ bytes.
    assert.equal(await hashOf(second), original)

    // Neither a source map nor a declaration is code.
    await writeFile(join(second, 'index.js.map'), '{"changed": true}')
    await writeFile(join(second, 'index.d.ts'), 'export declare const a: number\n')
    assert.equal(await hashOf(second), original)

    // Any code file's bytes count.
    await writeFile(join(second, 'lib', 'two.js'), 'export const b = 3\n')
    assert.notEqual(await hashOf(second), original)

    // So does a file's name (the same bytes under another name).
    await writeFile(join(second, 'lib', 'two.js'), 'export const b = 2\n')
    assert.equal(await hashOf(second), original)
    await cp(join(second, 'lib', 'two.js'), join(second, 'lib', 'three.js'))
    await rm(join(second, 'lib', 'two.js'))
    assert.notEqual(await hashOf(second), original)

    // And the package it is counted as.
    assert.notEqual(await codeHash({folders: [{name: 'other', folder: first}]}), await codeHash({folders: [{name: 'pkg', folder: first}]}))
  } finally {
    await rm(base, {recursive: true, force: true})
  }
})
