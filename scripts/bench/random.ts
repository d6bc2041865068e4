/**
 * Seeded randomness for the corpus generator: the same seed and the same
 * labels give the same numbers on every machine and Node version (no
 * Math.random, no iteration over unordered data).
 */

export type Rng = () => number

/** A generator seeded from any labels: `rng(seed, 'article', 12)`. xmur3 seeding, sfc32 stream. */
export function rng(...labels: Array<string | number>): Rng {
  const text = labels.join('\u0000')
  let h = 1779033703 ^ text.length
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507)
    h = Math.imul(h ^ (h >>> 13), 3266489909)
    return (h ^= h >>> 16) >>> 0
  }
  let a = next()
  let b = next()
  let c = next()
  let d = next()
  return () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** An integer in [min, max]. */
export const int = (random: Rng, min: number, max: number): number => min + Math.floor(random() * (max - min + 1))

export const chance = (random: Rng, p: number): boolean => random() < p

export function pick<T>(random: Rng, list: readonly T[]): T {
  if (list.length === 0) throw new TypeError('pick: empty list')
  return list[Math.floor(random() * list.length)]!
}

/**
 * Ranks 0..size-1 drawn with probability proportional to 1 / (rank + 1)^exponent:
 * a few ranks recur everywhere, most are rare, as names and works do in an archive.
 */
export class Zipf {
  private readonly cumulative: Float64Array

  constructor(
    readonly size: number,
    readonly exponent: number
  ) {
    this.cumulative = new Float64Array(size)
    let total = 0
    for (let rank = 0; rank < size; rank++) {
      total += 1 / Math.pow(rank + 1, exponent)
      this.cumulative[rank] = total
    }
  }

  sample(random: Rng): number {
    const target = random() * this.cumulative[this.size - 1]!
    let low = 0
    let high = this.size - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
}
