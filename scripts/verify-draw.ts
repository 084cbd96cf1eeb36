// npm run verify-draw -- FILE — re-runs a 双随机 draw from its saved public proof (GET /api/public/random-tasks/{id}/proof)
// and prints 验证通过 or the first mismatch. Exit code 0 when the proof holds, 1 when it does not, 2 for a bad file.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { DrawProof, verifyDrawProof } from '../src/shared/inspections/draw-proof.ts';

const file = process.argv[2];
if (!file) {
  console.error('用法 / usage: npm run verify-draw -- proof.json');
  process.exit(2);
}
let parsed;
try {
  parsed = DrawProof.safeParse(JSON.parse(readFileSync(file, 'utf8')));
} catch (error) {
  console.error(`无法读取 ${file}：${(error as Error).message}`);
  process.exit(2);
}
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  console.error(`证明文件格式不正确：${issue.path.join('.')} ${issue.message}`);
  process.exit(2);
}
const check = verifyDrawProof(parsed.data, (text) => createHash('sha256').update(text, 'utf8').digest('hex'));
const { taskId } = parsed.data.commitment;
if (check.ok) {
  console.log(`验证通过：任务 ${taskId} 的 ${parsed.data.result.length} 户抽取结果与公布的输入一致`);
} else {
  console.log(`验证未通过：任务 ${taskId}：${check.problem}`);
  process.exit(1);
}
