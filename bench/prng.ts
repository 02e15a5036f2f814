// A small seeded pseudo-random generator, so that a synthetic database built twice
// with the same parameters is the same database (same ids, same slugs, same plans).
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state,
// good statistical quality, and much faster than anything crypto-based.

export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: string) {
    // Spread the seed string over the four state words (cyrb128).
    let h1 = 1779033703
    let h2 = 3144134277
    let h3 = 1013904242
    let h4 = 2773480762
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i)
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0
    this.b = (h2 ^ h1) >>> 0
    this.c = (h3 ^ h1) >>> 0
    this.d = (h4 ^ h1) >>> 0
    for (let i = 0; i < 15; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /**
   * Index in [0, n) skewed towards 0, so that a few values are very common and most
   * are rare (a popular article of the criminal code, a busy lawyer). With skew 1 the
   * choice is uniform; the probability of index 0 is (1/n)^(1/skew).
   */
  skewedIndex(n: number, skew = 2): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), skew)))
  }
}

/** A weighted choice table, built once and sampled many times. */
export class Weighted<T> {
  private readonly values: T[]
  private readonly cumulative: number[]
  private readonly total: number

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new Error('Weighted needs at least one entry')
    this.values = entries.map(([value]) => value)
    let sum = 0
    this.cumulative = entries.map(([, weight]) => (sum += weight))
    this.total = sum
  }

  sample(random: Random): T {
    const x = random.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return this.values[lo]!
  }
}
