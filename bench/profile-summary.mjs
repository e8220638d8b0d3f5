// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per
// package/file, so a benchmark run can say where the server's time went.
//
//   node bench/profile-summary.mjs <file.cpuprofile> [--top 40] [--last SECONDS]
//
// --last S keeps only the samples of the profile's last S seconds: a benchmark run profiles the
// no-op rounds too, and the route under test runs last (bench/ballots.mjs --rounds 1).
import { readFileSync } from 'node:fs'
import { parseFlags } from './lib.mjs'

const flags = parseFlags(process.argv.slice(3))
const file = process.argv[2]
if (!file) throw new Error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top 40]')
const TOP = Number(flags.top ?? 40)
const prof = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(prof.nodes.map((n) => [n.id, n]))
const dt = new Map()
const deltas = prof.timeDeltas ?? []
const span = deltas.reduce((a, b) => a + b, 0)
const from = flags.last ? span - Number(flags.last) * 1e6 : -Infinity
let at = 0
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i]
  at += deltas[i] ?? 0
  if (at < from) continue
  dt.set(id, (dt.get(id) ?? 0) + (deltas[i] ?? 0))
}
const total = [...dt.values()].reduce((a, b) => a + b, 0)
const where = (cf) => {
  const url = cf.url || '(native)'
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  return m ? m[1] : url.replace(/^file:\/\/.*?\/(apps|packages)\//, '$1/')
}
const self = new Map()
const byFile = new Map()
for (const [id, t] of dt) {
  const cf = byId.get(id).callFrame
  const key = `${cf.functionName || '(anonymous)'}  ${where(cf)}:${cf.lineNumber + 1}`
  self.set(key, (self.get(key) ?? 0) + t)
  const f = where(cf)
  byFile.set(f, (byFile.get(f) ?? 0) + t)
}
// Inclusive time: a function's own samples plus everything it called (each call path once).
const parentOf = new Map()
for (const n of prof.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id)
const inclusive = new Map()
for (const [id, t] of dt) {
  const seen = new Set()
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const cf = byId.get(cur).callFrame
    const key = `${cf.functionName || '(anonymous)'}  ${where(cf)}:${cf.lineNumber + 1}`
    if (seen.has(key)) continue
    seen.add(key)
    inclusive.set(key, (inclusive.get(key) ?? 0) + t)
  }
}
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5) + ' %'
console.log(`total ${(total / 1e6).toFixed(2)} s sampled`)
console.log('\nself time by function:')
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(pct(t), k)
console.log('\ninclusive time by function (application code):')
for (const [k, t] of [...inclusive]
  .filter(([k]) => /apps\/|dist\/main/.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, TOP))
  console.log(pct(t), k)
console.log('\nself time by package or file:')
for (const [k, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(pct(t), k)
