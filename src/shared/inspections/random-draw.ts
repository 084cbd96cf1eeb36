// The verifiable 双随机 draw (issue 4 §7): anyone holding the proof re-runs it and must get the same result.
// Pure and synchronous; the SHA-256 implementation is passed in (node:crypto on the server, a library in the browser),
// so this file is the single statement of the algorithm for the server, the public page and `npm run verify-draw`.

/** SHA-256 of the UTF-8 text, as 64 lowercase hex characters. */
export type Sha256Hex = (text: string) => string;

export type DrawStratum = { key: string; entityIds: readonly string[] };

/** A count across the strata, or a proportion of the pool (n = ceil(p × total)). */
export type DrawQuota = { count: number } | { proportion: number };

export type DrawInput = {
  taskId: string;
  /** 64 lowercase hex characters; its SHA-256 was published (the commitment) before the draw. */
  seed: string;
  /** Entered at the draw (e.g. numbers called by witnesses); may be empty. */
  externalEntropy: string;
  /** The eligible entities, by stratum in the task's stratum order; one stratum "all" when the task has none. */
  strata: readonly DrawStratum[];
  quota: DrawQuota;
  /** Officers with a valid certificate on the task's start date (the pool is filtered before the commitment). */
  officerIds: readonly string[];
  /** 回避 pairs as sha256hex(entityId + "|" + officerId), so a published proof names no pair in clear. */
  exclusionDigests: ReadonlySet<string>;
  teamSize: number;
  /** Per-officer cap; default ceil(n × teamSize / officer pool size). */
  perOfficerCap?: number;
};

export type DrawnEntity = { entityId: string; stratum: string; score: string; officerIds: string[] };

export type DrawResult = {
  drawKey: string;
  quotas: Record<string, number>;
  perOfficerCap: number;
  /** In ascending score order (ties by id), the order in which officers were paired. */
  entities: DrawnEntity[];
};

export class DrawError extends Error {
  readonly entityId: string | null;
  constructor(message: string, entityId: string | null = null) {
    super(message);
    this.name = 'DrawError';
    this.entityId = entityId;
  }
}

/** Ascending by UTF-16 code unit, which for the ASCII ids in use equals code point order. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The pool as published: its ids sorted ascending and the SHA-256 of them joined by "\n". */
export function poolDigest(ids: readonly string[], sha256hex: Sha256Hex): { digest: string; size: number } {
  const sorted = [...ids].sort(byCodePoint);
  return { digest: sha256hex(sorted.join('\n')), size: sorted.length };
}

export const exclusionDigest = (entityId: string, officerId: string, sha256hex: Sha256Hex) =>
  sha256hex(`${entityId}|${officerId}`);

export const isSeed = (seed: string) => /^[0-9a-f]{64}$/.test(seed);

/** How many to draw in all: a count as given, a proportion rounded up (guarding against 0.1 × 30 = 3.0000000000000004). */
export function drawCount(quota: DrawQuota, total: number): number {
  if ('count' in quota) return quota.count;
  return Math.ceil(Math.round(quota.proportion * total * 1e9) / 1e9);
}

/**
 * n spread over strata by largest remainder of n × size_i / total, ties by stratum order. Integer arithmetic:
 * floor = ⌊n·size_i / total⌋ and the remainder n·size_i mod total decide, so no float rounding can change a quota.
 */
export function allocateQuotas(n: number, sizes: readonly number[]): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return sizes.map(() => 0);
  const floors = sizes.map((size) => Math.floor((n * size) / total));
  let left = n - floors.reduce((sum, q) => sum + q, 0);
  const order = sizes
    .map((size, index) => ({ index, remainder: (n * size) % total }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return floors;
}

/** Runs the draw; throws DrawError (nothing drawn) when the input is invalid or an entity lacks candidates. */
export function runDraw(input: DrawInput, sha256hex: Sha256Hex): DrawResult {
  if (!isSeed(input.seed)) throw new DrawError('种子须为64位小写十六进制字符');
  if (!Number.isInteger(input.teamSize) || input.teamSize < 1) throw new DrawError('每组人数须为正整数');
  const total = input.strata.reduce((sum, s) => sum + s.entityIds.length, 0);
  const n = drawCount(input.quota, total);
  if (!Number.isInteger(n) || n < 0 || n > total)
    throw new DrawError(`抽取数量（${n}）须为0至名录总数（${total}）之间的整数`);
  const officerCount = input.officerIds.length;
  const perOfficerCap =
    input.perOfficerCap ?? (officerCount === 0 ? 0 : Math.ceil((n * input.teamSize) / officerCount));

  const drawKey = sha256hex(`${input.seed}|${input.externalEntropy}`);
  const prefix = `${drawKey}|${input.taskId}|`;
  const quotaList = allocateQuotas(
    n,
    input.strata.map((s) => s.entityIds.length),
  );
  const drawn: Omit<DrawnEntity, 'officerIds'>[] = [];
  input.strata.forEach((stratum, index) => {
    const quota = quotaList[index]!;
    if (quota === 0) return;
    const scored = stratum.entityIds.map((entityId) => ({ entityId, score: sha256hex(prefix + entityId) }));
    scored.sort((a, b) => byCodePoint(a.score, b.score) || byCodePoint(a.entityId, b.entityId));
    for (const { entityId, score } of scored.slice(0, quota))
      drawn.push({ entityId, stratum: stratum.key, score });
  });
  drawn.sort((a, b) => byCodePoint(a.score, b.score) || byCodePoint(a.entityId, b.entityId));

  const assignments = new Map<string, number>();
  const entities = drawn.map((entity) => {
    const ranked = input.officerIds
      .filter((officerId) => (assignments.get(officerId) ?? 0) < perOfficerCap)
      .map((officerId) => ({ officerId, rank: sha256hex(`${prefix}${entity.entityId}|${officerId}`) }))
      .sort((a, b) => byCodePoint(a.rank, b.rank) || byCodePoint(a.officerId, b.officerId));
    // 回避 is checked lazily in rank order: only the officers who would otherwise be chosen need their pair hashed.
    const team: string[] = [];
    for (const { officerId } of ranked) {
      if (team.length === input.teamSize) break;
      if (!input.exclusionDigests.has(exclusionDigest(entity.entityId, officerId, sha256hex)))
        team.push(officerId);
    }
    if (team.length < input.teamSize)
      throw new DrawError(
        `检查对象 ${entity.entityId} 可选执法人员不足${input.teamSize}人（回避或已达每人上限${perOfficerCap}）`,
        entity.entityId,
      );
    for (const officerId of team) assignments.set(officerId, (assignments.get(officerId) ?? 0) + 1);
    return { ...entity, officerIds: team };
  });
  return {
    drawKey,
    quotas: Object.fromEntries(input.strata.map((s, i) => [s.key, quotaList[i]!])),
    perOfficerCap,
    entities,
  };
}
