// node --import tsx bench/generate-entity-file.ts [--rows 1000000] [--seed 1] [--out /tmp/fazhi-entities-1m.csv]
// Writes the entity-directory import file that bench/entity-import.bench.ts loads (same seed → same bytes).
import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { entityFileHeader, entityFileLines } from './dataset/entity-file.ts';
import { formatCount, formatDuration } from './lib/progress.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: '/tmp/fazhi-entities-1m.csv' },
  },
  strict: true,
});
const rows = Number(values.rows);
const seed = Number(values.seed);
if (!Number.isSafeInteger(rows) || rows < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('--rows 与 --seed 应为正整数 / --rows and --seed must be positive integers\n');
  process.exit(2);
}
const started = performance.now();
const out = fs.createWriteStream(values.out);
out.write(`\uFEFF${entityFileHeader}\n`);
for (const block of entityFileLines(rows, seed)) {
  if (!out.write(block)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const bytes = fs.statSync(values.out).size;
process.stderr.write(
  `${values.out}: ${formatCount(rows)} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${formatDuration(performance.now() - started)}\n`,
);
