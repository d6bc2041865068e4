// Loaded with --import in a measured Node child when GNU time is missing:
// writes the process's own resource usage where the bench asked for it.
import {writeFileSync} from 'node:fs'

const target = process.env.APPARATUS_BENCH_RUSAGE
if (target) {
  // Only the measured process itself, not Node children it spawns.
  delete process.env.APPARATUS_BENCH_RUSAGE
  process.on('exit', () => writeFileSync(target, JSON.stringify(process.resourceUsage())))
}
