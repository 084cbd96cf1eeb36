// A seeded PRNG for the dataset generator: the same seed (and stream name) always yields the same data.

/** cyrb128: spreads a string into four 32-bit seeds for sfc32. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Picks by weight: `[[value, weight], …]`. */
  weighted: <T>(entries: ReadonlyArray<readonly [T, number]>) => T;
  /** A new shuffled copy (Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[];
  /** A version-4-shaped UUID drawn from this stream, so generated ids are reproducible too. */
  uuid: () => string;
  /** An independent stream for a sub-task: adding draws there never shifts this stream. */
  fork: (name: string) => Random;
};

/** sfc32 seeded from `${seed}:${stream}`; separate streams keep one capability's data stable when another changes. */
export function createRandom(seed: number | string, stream = 'main'): Random {
  let [a, b, c, d] = hashSeed(`${seed}:${stream}`);
  const nextUint32 = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) nextUint32();
  const next = () => nextUint32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    uuid: () => {
      const w = [nextUint32(), nextUint32(), nextUint32(), nextUint32()];
      const timeHigh = ((w[1]! & 0x0fff) | 0x4000) >>> 0;
      const clockSeq = (((w[2]! >>> 16) & 0x3fff) | 0x8000) >>> 0;
      return `${hex(w[0]!, 8)}-${hex(w[1]! >>> 16, 4)}-${hex(timeHigh, 4)}-${hex(clockSeq, 4)}-${hex(w[2]! & 0xffff, 4)}${hex(w[3]!, 8)}`;
    },
    fork: (name) => createRandom(seed, `${stream}/${name}`),
  };
}

/** Splits `total` into parts proportional to `weights` (largest remainder), each at least `minimum`. */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const spare = total - minimum * weights.length;
  if (spare < 0)
    throw new Error(`cannot give ${weights.length} parts at least ${minimum} each out of ${total}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = spare - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts.map((p) => p + minimum);
}
