// The public proof of a 双随机 draw (issue 4 §7) and its verification, shared by
// GET /api/public/random-tasks/{id}/proof, the public page (re-runs it in the browser) and `npm run verify-draw`.
import { z } from 'zod';
import { DrawError, poolDigest, runDraw, type Sha256Hex } from './random-draw.ts';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '应为64位小写十六进制字符');
const Quota = z.union([
  z.object({ count: z.number().int().nonnegative() }),
  z.object({ proportion: z.number().gt(0).max(1) }),
]);

/** Published before the draw and immutable after it. */
export const DrawCommitment = z.object({
  taskId: z.string().min(1),
  poolDigest: hex64,
  poolSize: z.number().int().nonnegative(),
  officerPoolDigest: hex64,
  officerPoolSize: z.number().int().nonnegative(),
  strata: z.array(z.object({ key: z.string().min(1), size: z.number().int().nonnegative() })).min(1),
  quota: Quota,
  teamSize: z.number().int().positive(),
  /** null: the default ceil(n × teamSize / officer pool size). */
  perOfficerCap: z.number().int().positive().nullable(),
  seedCommitment: hex64,
  committedAt: z.string().datetime({ offset: true }),
});
export type DrawCommitment = z.infer<typeof DrawCommitment>;

export const DrawProof = z.object({
  commitment: DrawCommitment,
  /** The pool as drawn from, stratum by stratum in commitment order. */
  strata: z.array(z.object({ key: z.string(), entityIds: z.array(z.string()) })),
  officerIds: z.array(z.string()),
  /** 回避 pairs as sha256hex(entityId + "|" + officerId). */
  exclusionDigests: z.array(hex64),
  seed: hex64,
  externalEntropy: z.string(),
  drawnAt: z.string().datetime({ offset: true }),
  result: z.array(z.object({ entityId: z.string(), officerIds: z.array(z.string()) })),
});
export type DrawProof = z.infer<typeof DrawProof>;

export type ProofCheck = { ok: true } | { ok: false; problem: string };

const fail = (problem: string): ProofCheck => ({ ok: false, problem });

/** Re-runs the draw from the proof alone and reports 验证通过 or the first thing that does not match. */
export function verifyDrawProof(proof: DrawProof, sha256hex: Sha256Hex): ProofCheck {
  const c = proof.commitment;
  if (sha256hex(proof.seed) !== c.seedCommitment) return fail('种子与事先公布的承诺值（seedCommitment）不符');
  if (Date.parse(proof.drawnAt) < Date.parse(c.committedAt)) return fail('抽取时间早于承诺公布时间');
  const pool = poolDigest(
    proof.strata.flatMap((s) => s.entityIds),
    sha256hex,
  );
  if (pool.size !== c.poolSize || pool.digest !== c.poolDigest)
    return fail(`检查对象名录与承诺不符（${pool.size}户，摘要 ${pool.digest.slice(0, 12)}…）`);
  const officers = poolDigest(proof.officerIds, sha256hex);
  if (officers.size !== c.officerPoolSize || officers.digest !== c.officerPoolDigest)
    return fail(`执法人员名录与承诺不符（${officers.size}人）`);
  const strataMatch =
    proof.strata.length === c.strata.length &&
    proof.strata.every((s, i) => s.key === c.strata[i]!.key && s.entityIds.length === c.strata[i]!.size);
  if (!strataMatch) return fail('分层及各层户数与承诺不符');
  let expected;
  try {
    expected = runDraw(
      {
        taskId: c.taskId,
        seed: proof.seed,
        externalEntropy: proof.externalEntropy,
        strata: proof.strata,
        quota: c.quota,
        officerIds: proof.officerIds,
        exclusionDigests: new Set(proof.exclusionDigests),
        teamSize: c.teamSize,
        perOfficerCap: c.perOfficerCap ?? undefined,
      },
      sha256hex,
    );
  } catch (error) {
    if (error instanceof DrawError) return fail(`按公布的输入无法完成抽取：${error.message}`);
    throw error;
  }
  const count = Math.max(expected.entities.length, proof.result.length);
  for (let i = 0; i < count; i++) {
    const want = expected.entities[i];
    const got = proof.result[i];
    if (!want || !got)
      return fail(`抽中户数不符：应为${expected.entities.length}户，证明中为${proof.result.length}户`);
    if (want.entityId !== got.entityId)
      return fail(`第${i + 1}个抽中的检查对象应为 ${want.entityId}，证明中为 ${got.entityId}`);
    if (want.officerIds.join(',') !== got.officerIds.join(','))
      return fail(
        `检查对象 ${want.entityId} 的执法人员应为 ${want.officerIds.join('、')}，证明中为 ${got.officerIds.join('、')}`,
      );
  }
  return { ok: true };
}
