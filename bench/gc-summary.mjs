// Summarises a V8 `--trace-gc` log (bench/ballots.mjs --trace-gc FILE): pause time per kind of
// collection and per second of the trace, so a change can be judged by where GC time goes, not
// only by its total. Young-generation cost (scavenges) follows how many objects survive a
// request; old-generation cost (mark-compact) follows how much the heap keeps.
//
//   node bench/gc-summary.mjs FILE
import { readFileSync } from 'node:fs'

const file = process.argv[2]
if (!file) {
  console.error('usage: node bench/gc-summary.mjs FILE')
  process.exit(2)
}
// e.g. "[123:0x5]   5012 ms: Scavenge 40.1 (52.0) -> 38.2 (52.0) MB, 1.52 / 0.00 ms  ..."
// and  "[123:0x5]   6020 ms: Mark-Compact 90.3 (110.2) -> 60.1 (100.0) MB, 8.10 / 0.00 ms  (+ 12.0 ms in 40 steps ..."
const line =
  /^\[\d+:[^\]]+\]\s+(\d+) ms: ([A-Za-z -]+?) (?:\(reduce\) )?([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+) \/ [\d.]+ ms(?:\s+\(\+ ([\d.]+) ms in \d+ steps)?/
const kinds = new Map()
let first = Infinity
let last = 0
let heapEnd = 0
for (const text of readFileSync(file, 'utf8').split('\n')) {
  const m = line.exec(text)
  if (!m) continue
  const at = Number(m[1])
  first = Math.min(first, at)
  last = Math.max(last, at)
  heapEnd = Number(m[4])
  const kind = m[2].trim()
  const k = kinds.get(kind) ?? { count: 0, pauseMs: 0, incrementalMs: 0, maxMs: 0 }
  const pause = Number(m[5])
  k.count++
  k.pauseMs += pause
  k.incrementalMs += Number(m[6] ?? 0)
  k.maxMs = Math.max(k.maxMs, pause)
  kinds.set(kind, k)
}
if (kinds.size === 0) {
  console.error(`${file}: no --trace-gc lines`)
  process.exit(1)
}
const seconds = Math.max(1, (last - first) / 1000)
console.log(`${file}: ${seconds.toFixed(0)} s traced, heap after last GC ${heapEnd} MB`)
console.log('kind                 count   pause ms/s   incremental ms/s   longest pause ms')
for (const [kind, k] of kinds)
  console.log(
    `${kind.padEnd(20)} ${String(k.count).padStart(5)}   ${(k.pauseMs / seconds).toFixed(1).padStart(10)}   ${(k.incrementalMs / seconds).toFixed(1).padStart(16)}   ${k.maxMs.toFixed(1).padStart(16)}`,
  )
