import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  allocateQuotas,
  drawCount,
  DrawError,
  exclusionDigest,
  poolDigest,
  runDraw,
  type DrawInput,
} from './random-draw.ts';

const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// The known answers below were computed by an independent Python implementation of issue 4 §7
// (hashlib.sha256; written for this test, not derived from random-draw.ts) and copied here by hand.
const input: DrawInput = {
  taskId: 'task-2026-001',
  seed: '0123456789abcdef'.repeat(4),
  externalEntropy: '07 23 41',
  strata: [
    { key: '医疗机构', entityIds: ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07'] },
    { key: '公共场所', entityIds: ['P01', 'P02', 'P03', 'P04', 'P05'] },
  ],
  quota: { count: 5 },
  officerIds: ['O1', 'O2', 'O3', 'O4'],
  exclusionDigests: new Set(),
  teamSize: 2,
};

test('the draw reproduces the hand-checked answer: strata by largest remainder, scores, teams, cap', () => {
  const result = runDraw(input, sha256hex);
  assert.equal(result.drawKey, '560b310fba0c5418cb935a7d0b29e8a926133efabb6de3cf839f7d8c2dcd30e2');
  assert.deepEqual(result.quotas, { 医疗机构: 3, 公共场所: 2 });
  assert.equal(result.perOfficerCap, 3);
  assert.deepEqual(
    result.entities.map((e) => [e.entityId, e.stratum, e.officerIds]),
    [
      ['E02', '医疗机构', ['O3', 'O4']],
      ['P01', '公共场所', ['O1', 'O2']],
      ['E04', '医疗机构', ['O1', 'O2']],
      ['P02', '公共场所', ['O3', 'O1']],
      ['E03', '医疗机构', ['O3', 'O4']],
    ],
  );
});

test('a 回避 pair (published as its digest) moves the officer off that entity only', () => {
  const result = runDraw(
    { ...input, exclusionDigests: new Set([exclusionDigest('E02', 'O3', sha256hex)]) },
    sha256hex,
  );
  assert.deepEqual(
    result.entities.map((e) => [e.entityId, e.officerIds]),
    [
      ['E02', ['O4', 'O2']],
      ['P01', ['O1', 'O2']],
      ['E04', ['O1', 'O2']],
      ['P02', ['O3', 'O1']],
      ['E03', ['O3', 'O4']],
    ],
  );
});

test('commitment inputs: the pool digest sorts ids by code point before hashing', () => {
  const ids = ['P05', 'E01', 'P01', 'E07', 'E02', 'E03', 'E04', 'E05', 'E06', 'P02', 'P03', 'P04'];
  assert.deepEqual(poolDigest(ids, sha256hex), {
    digest: '097379ed36dee36244a7bc97ca4c3487c2c117e3b06236e14d48b0a91eb22703',
    size: 12,
  });
  assert.equal(
    sha256hex(input.seed),
    'a8ae6e6ee929abea3afcfc5258c8ccd6f85273e0d4626d26c7279f3250f77c8e',
    'the commitment published before the draw',
  );
});

test('quotas: largest remainder with ties by stratum order; a proportion rounds up without float noise', () => {
  assert.deepEqual(allocateQuotas(5, [7, 5]), [3, 2]);
  assert.deepEqual(allocateQuotas(2, [1, 1, 1]), [1, 1, 0], 'equal remainders: earlier strata first');
  assert.deepEqual(allocateQuotas(10, [0, 4, 6]), [0, 4, 6]);
  assert.equal(drawCount({ proportion: 0.1 }, 30), 3, '0.1 × 30 is 3.0000000000000004 in floating point');
  assert.equal(drawCount({ proportion: 0.25 }, 13), 4);
  assert.equal(drawCount({ count: 7 }, 100), 7);
});

test('a draw that cannot staff an entity is refused with the entity named; bad inputs are refused', () => {
  const everyoneExcluded = new Set(['O1', 'O2', 'O3'].map((o) => exclusionDigest('E02', o, sha256hex)));
  assert.throws(
    () => runDraw({ ...input, exclusionDigests: everyoneExcluded }, sha256hex),
    (error: unknown) => error instanceof DrawError && error.entityId === 'E02' && /E02/.test(error.message),
  );
  assert.throws(() => runDraw({ ...input, seed: 'ABC' }, sha256hex), DrawError);
  assert.throws(() => runDraw({ ...input, quota: { count: 13 } }, sha256hex), /0至名录总数（12）/);
  const changedEntropy = runDraw({ ...input, externalEntropy: '07 23 42' }, sha256hex);
  assert.notEqual(changedEntropy.drawKey, runDraw(input, sha256hex).drawKey);
});
