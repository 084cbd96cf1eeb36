// 抽取案卷: a reproducible random sample. Anyone holding the seed and the list of eligible case ids can redo
// the draw and get the same files, whatever order the database returned them in.

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain, by bryc); plenty for ranking a few thousand ids. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Ranks each candidate by hash53(`${seed}:${id}`) and keeps the `size` lowest (ties broken by id). The
 * rank of an id depends only on the seed and the id, so the draw does not depend on the candidates' order.
 */
export function drawSample(candidateIds: readonly string[], size: number, seed: string): string[] {
  return [...new Set(candidateIds)]
    .map((id) => ({ id, rank: hash53(`${seed}:${id}`) }))
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, size))
    .map((c) => c.id);
}
