// npm run bench:data -- --scale county|city|province [--seed N] [--append] [--today YYYY-MM-DD] [--password P]
// Opens the database exactly as the app does (DATABASE_URL, else PGlite under DATA_DIR), migrates, seeds
// reference data, then runs every registered dataset step.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { applyMigrations } from '../src/server/db/migrate.ts';
import { seedReferenceData } from '../src/server/db/seed.ts';
import { isValidIsoDate } from '../src/shared/law/calendar.ts';
import { DatasetRefusedError } from './dataset/context.ts';
import { defaultBenchPassword, generateDataset } from './dataset/generate.ts';
import { isScaleName, scaleNames, scales } from './dataset/scales.ts';
import { formatCount, formatDuration } from './lib/progress.ts';

const usage = `用法 / usage: npm run bench:data -- --scale ${scaleNames.join('|')} [--seed N] [--append] [--today YYYY-MM-DD] [--password P]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    seed: { type: 'string', default: '1' },
    append: { type: 'boolean', default: false },
    today: { type: 'string' },
    password: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (!values.scale || !isScaleName(values.scale))
  fail(`请用 --scale 指定规模 / --scale is required.\n${usage}`);
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed) || seed < 0)
  fail(`--seed 应为非负整数 / --seed must be a non-negative integer (got ${values.seed}).`);
if (values.today !== undefined && !isValidIsoDate(values.today))
  fail(`--today 应为 YYYY-MM-DD / --today must be YYYY-MM-DD (got ${values.today}).`);
const scale = values.scale;
const password = values.password ?? process.env.FAZHI_BENCH_PASSWORD ?? defaultBenchPassword;

const config = loadConfig();
fs.mkdirSync(config.dataDir, { recursive: true });
const where = config.databaseUrl
  ? `PostgreSQL（DATABASE_URL）`
  : `PGlite（${path.join(config.dataDir, 'pglite')}）`;
process.stderr.write(`生成数据集 / generating dataset: ${scales[scale].label}, seed ${seed} → ${where}\n`);

const started = performance.now();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let exitCode = 0;
try {
  await applyMigrations(database);
  await seedReferenceData(database.db);
  const summary = await generateDataset(database, {
    scale,
    seed,
    password,
    append: values.append,
    today: values.today,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const total = Object.values(summary.counts).reduce((s, n) => s + n, 0);
  const lines = [
    '',
    `| 表 table | 行数 rows |`,
    `|---|---:|`,
    ...Object.entries(summary.counts).map(([table, n]) => `| ${table} | ${formatCount(n)} |`),
    `| **合计 total** | **${formatCount(total)}** |`,
    '',
    `规模 scale: ${scale} · seed ${seed} · today ${summary.today} · 数据库 ${database.kind}`,
    `生成 generation: ${formatDuration(summary.elapsedMs)} (${formatCount(total / Math.max(summary.elapsedMs / 1000, 0.001))} rows/s); 含打开数据库与迁移 incl. open + migrate: ${formatDuration(performance.now() - started)}`,
    `登录 login: ${summary.rootAdmin} / ${values.password || process.env.FAZHI_BENCH_PASSWORD ? '(--password / FAZHI_BENCH_PASSWORD)' : defaultBenchPassword}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
} catch (error) {
  if (error instanceof DatasetRefusedError) {
    process.stderr.write(`${error.message}\n`);
    exitCode = 3;
  } else {
    throw error;
  }
} finally {
  await database.close();
}
process.exitCode = exitCode;
