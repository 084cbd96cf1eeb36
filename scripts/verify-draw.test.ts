import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sampleProof } from '../src/shared/inspections/draw-proof.test.ts';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, 'verify-draw.ts');

async function verify(proof: unknown): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-proof-')), 'proof.json');
  fs.writeFileSync(file, JSON.stringify(proof));
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, file]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('npm run verify-draw: 验证通过 for a saved proof, the mismatch and exit 1 for a tampered one', async () => {
  const ok = await verify(sampleProof());
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /验证通过/);
  const tampered = sampleProof();
  tampered.result[0]!.entityId = 'E07';
  const bad = await verify(tampered);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /第1个抽中的检查对象应为 E02，证明中为 E07/);
  const malformed = await verify({ commitment: {} });
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /格式不正确/);
});
