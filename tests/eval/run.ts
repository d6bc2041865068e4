/**
 * `pnpm eval`: precision, recall and F1 of entity recognition on the seed
 * corpus (gold in tests/gold/seed.json) and of discovery on a fixture whose
 * vocabulary the register does not know (tests/gold/fixtures/).
 */
import {fileURLToPath} from 'node:url'
import {evaluate, type Figures} from './score.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const report = await evaluate(root)
const pct = (value: number) => (value * 100).toFixed(1).padStart(6)
const row = (name: string, e: Figures, m: Figures) =>
  `${name.padEnd(28)} ${pct(e.precision)} ${pct(e.recall)} ${pct(e.f1)}   ${pct(m.precision)} ${pct(m.recall)} ${pct(m.f1)}`
const header = `${''.padEnd(28)} ${'entity P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   ${'mention P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`

console.log(`Entity recognition (corpus read by: ${report.reader})\n`)
console.log(header)
for (const article of report.articles) console.log(row(article.source, article.entities, article.mentions))
console.log(row('all articles', report.total.entities, report.total.mentions))
console.log('')
for (const [type, score] of Object.entries(report.byType)) console.log(row(type, score.entities, score.mentions))
console.log('')
console.log(row('discovery fixture', report.fixture.entities, report.fixture.mentions))
console.log(row('discovery alone on seed', report.seedDiscovery.entities, report.seedDiscovery.mentions))
console.log(row('held-out article (all types)', report.heldOut.entities, report.heldOut.mentions))
console.log('')
for (const article of report.articles) {
  const notes = [
    article.missing.length ? `missing: ${article.missing.join(', ')}` : '',
    article.spurious.length ? `spurious: ${article.spurious.join(', ')}` : '',
    article.undercounted.length ? `under gold count: ${article.undercounted.map((u) => `${u.label} ${u.found}/${u.gold}`).join(', ')}` : ''
  ].filter(Boolean)
  if (notes.length) console.log(`${article.source}: ${notes.join('; ')}`)
}
if (report.heldOut.missing.length) console.log(`held-out missing: ${report.heldOut.missing.join(', ')}`)
if (report.heldOut.spurious.length) console.log(`held-out spurious: ${report.heldOut.spurious.join(', ')}`)
if (report.fixture.missing.length) console.log(`fixture missing: ${report.fixture.missing.join(', ')}`)
if (report.seedDiscovery.spurious.length) console.log(`discovery alone on seed, spurious: ${report.seedDiscovery.spurious.join(', ')}`)
if (report.fixture.spurious.length) console.log(`fixture spurious: ${report.fixture.spurious.join(', ')}`)
