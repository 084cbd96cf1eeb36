import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { exclusionDigest, poolDigest, runDraw } from './random-draw.ts';
import { DrawProof, verifyDrawProof } from './draw-proof.ts';

const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A proof as the server would publish it for the known-answer draw of random-draw.test.ts. */
export function sampleProof(): DrawProof {
  const strata = [
    { key: '医疗机构', entityIds: ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'] },
    { key: '公共场所', entityIds: ['P01', 'P02', 'P03', 'P04', 'P05'] },
  ];
  const officerIds = ['O1', 'O2', 'O3', 'O4'];
  const seed = '0123456789abcdef'.repeat(4);
  const exclusionDigests = [exclusionDigest('E02', 'O3', sha256hex)];
  const pool = poolDigest(
    strata.flatMap((s) => s.entityIds),
    sha256hex,
  );
  const officers = poolDigest(officerIds, sha256hex);
  const commitment = {
    taskId: 'task-2026-001',
    poolDigest: pool.digest,
    poolSize: pool.size,
    officerPoolDigest: officers.digest,
    officerPoolSize: officers.size,
    strata: strata.map((s) => ({ key: s.key, size: s.entityIds.length })),
    quota: { count: 5 },
    teamSize: 2,
    perOfficerCap: null,
    seedCommitment: sha256hex(seed),
    committedAt: '2026-11-20T09:00:00+08:00',
  };
  const drawn = runDraw(
    {
      taskId: commitment.taskId,
      seed,
      externalEntropy: '07 23 41',
      strata,
      quota: commitment.quota,
      officerIds,
      exclusionDigests: new Set(exclusionDigests),
      teamSize: 2,
    },
    sha256hex,
  );
  return DrawProof.parse({
    commitment,
    strata,
    officerIds,
    exclusionDigests,
    seed,
    externalEntropy: '07 23 41',
    drawnAt: '2026-11-23T10:00:00+08:00',
    result: drawn.entities.map((e) => ({ entityId: e.entityId, officerIds: e.officerIds })),
  });
}

test('a faithful proof verifies', () => {
  assert.deepEqual(verifyDrawProof(sampleProof(), sha256hex), { ok: true });
});

test('a proof with one entity swapped shows the first mismatch', () => {
  const proof = sampleProof();
  proof.result[2] = { ...proof.result[2]!, entityId: 'E05' };
  assert.deepEqual(verifyDrawProof(proof, sha256hex), {
    ok: false,
    problem: '第3个抽中的检查对象应为 E04，证明中为 E05',
  });
});

test('a seed other than the committed one, a changed pool, swapped officers or entropy all fail', () => {
  const otherSeed = sampleProof();
  otherSeed.seed = 'f'.repeat(64);
  assert.match((verifyDrawProof(otherSeed, sha256hex) as { problem: string }).problem, /承诺值/);

  const shrunk = sampleProof();
  shrunk.strata[1]!.entityIds.pop();
  assert.match((verifyDrawProof(shrunk, sha256hex) as { problem: string }).problem, /名录与承诺不符/);

  const team = sampleProof();
  team.result[0]!.officerIds.reverse();
  assert.match((verifyDrawProof(team, sha256hex) as { problem: string }).problem, /执法人员应为/);

  const entropy = sampleProof();
  entropy.externalEntropy = '07 23 42';
  assert.equal(verifyDrawProof(entropy, sha256hex).ok, false);

  const early = sampleProof();
  early.drawnAt = '2026-11-19T09:00:00+08:00';
  assert.match((verifyDrawProof(early, sha256hex) as { problem: string }).problem, /早于承诺/);
});
