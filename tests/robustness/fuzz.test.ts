/**
 * A seeded mutation fuzzer over the whole pipeline: 2,000 documents per run
 * (`APPARATUS_FUZZ_DOCS`, seed `APPARATUS_FUZZ_SEED`), bounded in time
 * (`APPARATUS_FUZZ_SECONDS`). Each document must build or be refused with
 * located messages: 0 crashes, 0 hangs over 10 s, 0 invalid indexes.
 */
import assert from 'node:assert/strict'
import {fork} from 'node:child_process'
import {test} from 'node:test'

const docs = Number(process.env.APPARATUS_FUZZ_DOCS ?? 2000)
const seed = Number(process.env.APPARATUS_FUZZ_SEED ?? 7)
const seconds = Number(process.env.APPARATUS_FUZZ_SECONDS ?? 480)
const HANG_MS = 10_000

interface Report {
  n?: number
  ms?: number
  failed?: boolean
  refusedBy?: string
  crash?: string
  problems?: string[]
  done?: boolean
}

test(`${docs} mutated documents (seed ${seed}): no crash, no hang over 10 s, no invalid index`, {timeout: (seconds + 60) * 1000}, async () => {
  const deadline = Date.now() + seconds * 1000
  const crashes: string[] = []
  const hangs: number[] = []
  const invalid: string[] = []
  let next = 0
  let built = 0
  let refused = 0
  let slowest = 0
  const refusals = new Map<string, number>()
  while (next < docs && Date.now() < deadline) {
    await new Promise<void>((done) => {
      const child = fork(new URL('./fuzz-worker.ts', import.meta.url).pathname, [String(seed), String(next), String(docs)], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc']
      })
      let stderr = ''
      child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)))
      let watchdog = setTimeout(onHang, HANG_MS * 3) // start-up included
      function onHang() {
        hangs.push(next)
        next++
        child.kill('SIGKILL')
      }
      child.on('message', (report: Report) => {
        clearTimeout(watchdog)
        if (report.done) return
        next = report.n! + 1
        slowest = Math.max(slowest, report.ms!)
        if (report.crash) crashes.push(`doc ${report.n}: ${report.crash}`)
        else if (report.failed) {
          refused++
          refusals.set(report.refusedBy ?? '?', (refusals.get(report.refusedBy ?? '?') ?? 0) + 1)
        } else built++
        for (const problem of report.problems ?? []) invalid.push(`doc ${report.n}: ${problem}`)
        if (Date.now() > deadline) child.kill('SIGKILL')
        else watchdog = setTimeout(onHang, HANG_MS)
      })
      child.on('exit', (code) => {
        clearTimeout(watchdog)
        if (code !== 0 && code !== null && next < docs) {
          crashes.push(`doc ${next}: worker exited ${code}: ${stderr}`)
          next++
        }
        done()
      })
    })
  }
  process.stderr.write(
    `fuzz: ${next} documents (${built} built, ${refused} refused with messages: ${[...refusals]
      .sort((a, b) => b[1] - a[1])
      .map(([rule, count]) => `${count} ${rule}`)
      .join(', ')}), slowest ${Math.round(slowest)} ms, ${crashes.length} crashes, ${hangs.length} hangs, ${invalid.length} invalid\n`
  )
  assert.deepEqual(crashes, [])
  assert.deepEqual(hangs, [], `documents over ${HANG_MS / 1000} s`)
  assert.deepEqual(invalid.slice(0, 20), [])
  assert.ok(next >= Math.min(docs, 2000) || Date.now() >= deadline, 'ran every document')
  if (next < docs) process.stderr.write(`fuzz: time cap of ${seconds} s reached after ${next} of ${docs} documents\n`)
})
