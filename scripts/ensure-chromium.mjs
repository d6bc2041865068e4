#!/usr/bin/env node
// Browser tests need Chromium. On a fresh Debian machine (root, apt reachable) install
// Debian's package; elsewhere say what to do. CHROME_PATH overrides the location.
import {existsSync} from 'node:fs'
import {spawnSync} from 'node:child_process'

const path = process.env.CHROME_PATH || '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

if (process.env.CHROME_PATH) {
  console.error(`ensure-chromium: CHROME_PATH=${path} does not exist`)
  process.exit(1)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error('ensure-chromium: /usr/bin/chromium is missing. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.')
  process.exit(1)
}

console.log('ensure-chromium: installing Debian chromium (apt-get)…')
const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'}
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', '--no-install-recommends', 'chromium']
]) {
  const result = spawnSync('apt-get', args, {stdio: ['ignore', 'inherit', 'inherit'], env})
  if (result.status !== 0) {
    console.error(`ensure-chromium: apt-get ${args.join(' ')} failed with ${result.status}`)
    process.exit(1)
  }
}
if (!existsSync(path)) {
  console.error('ensure-chromium: chromium installed but /usr/bin/chromium is still missing')
  process.exit(1)
}
