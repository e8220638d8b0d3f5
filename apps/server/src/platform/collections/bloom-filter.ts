/**
 * A Bloom filter of strings that grows with what it holds: "certainly not seen" or "maybe seen".
 *
 * Its bits live in typed arrays, which the garbage collector never walks. That is the point:
 * keeping one JS object per key (a Map entry, its strings) for millions of keys a day made
 * every young-generation GC copy them and dominated the ballot path's pauses (ADR 0019).
 *
 * It grows by layers (a "scalable Bloom filter"): when the newest layer holds its capacity, a
 * layer of twice the capacity is added, each sized for `layerErrorRate`. A lookup asks every
 * layer, so the false-positive rate is at most the sum of the layers' rates: under 1 % for ten
 * layers at the default 0.001 (65,536 keys in the first layer, 67 M in all ten). A false
 * positive costs the caller one exact check, so the rate is not tightened per layer.
 */
export class BloomFilter {
  private readonly layers: Layer[] = []
  private total = 0

  constructor(
    private readonly firstCapacity = 65_536,
    private readonly layerErrorRate = 0.001,
  ) {
    if (!(firstCapacity >= 1) || !(layerErrorRate > 0 && layerErrorRate < 1))
      throw new RangeError('BloomFilter: capacity ≥ 1 and 0 < error rate < 1')
    this.layers.push(new Layer(firstCapacity, layerErrorRate))
  }

  add(key: string) {
    let top = this.layers[this.layers.length - 1]!
    if (top.count >= top.capacity) {
      top = new Layer(top.capacity * 2, this.layerErrorRate)
      this.layers.push(top)
    }
    hashPair(key)
    top.add(h1, h2)
    this.total++
  }

  /** False means the key was never added; true means it probably was. */
  mightHave(key: string): boolean {
    hashPair(key)
    for (let i = this.layers.length - 1; i >= 0; i--) if (this.layers[i]!.has(h1, h2)) return true
    return false
  }

  /** Keys added (with repeats). */
  get size() {
    return this.total
  }

  /** Bytes of bit arrays held. */
  get bytes() {
    let n = 0
    for (const l of this.layers) n += l.bits.byteLength
    return n
  }

  /** The number of layers; the first is sized for `firstCapacity` keys. */
  get layerCount() {
    return this.layers.length
  }
}

class Layer {
  readonly bits: Uint32Array
  private readonly mask: number
  private readonly hashes: number
  count = 0

  constructor(
    readonly capacity: number,
    errorRate: number,
  ) {
    // Optimal sizing: m = -n ln p / (ln 2)², k = (m / n) ln 2; m rounded up to a power of two so
    // positions are a mask, not a modulo.
    const bits = Math.ceil((-capacity * Math.log(errorRate)) / (Math.LN2 * Math.LN2))
    const size = 2 ** Math.max(5, Math.ceil(Math.log2(bits)))
    this.bits = new Uint32Array(size / 32)
    this.mask = size - 1
    this.hashes = Math.max(1, Math.round((bits / capacity) * Math.LN2))
  }

  add(a: number, b: number) {
    for (let i = 0; i < this.hashes; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask
      this.bits[bit >>> 5]! |= 1 << (bit & 31)
    }
    this.count++
  }

  has(a: number, b: number) {
    for (let i = 0; i < this.hashes; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false
    }
    return true
  }
}

// The two hashes of the last key, in module state rather than a returned pair: this runs for
// every ballot and a [h1, h2] array per call is exactly the kind of garbage this class avoids.
let h1 = 0
let h2 = 0

/**
 * Two independent 32-bit hashes of a string in one pass (FNV-1a, and a multiply-xorshift with
 * another seed), combined as h1 + i·h2 for the i-th probe (Kirsch–Mitzenmacher). h2 is forced
 * odd so the probes of one key never collapse onto one bit. Not a keyed hash: the keys here are
 * HMAC-derived voter keys joined with client keys, and a collision costs one database read.
 */
const hashPair = (s: string) => {
  let a = 0x811c9dc5
  let b = 0x9e3779b9
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x85ebca6b)
    b ^= b >>> 13
  }
  // Final avalanche so nearby keys (client keys that differ in their last digit) spread out.
  a ^= a >>> 16
  a = Math.imul(a, 0x7feb352d)
  a ^= a >>> 15
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35)
  b ^= b >>> 16
  h1 = a >>> 0
  h2 = (b | 1) >>> 0
}
