// The shared runner of the endpoint benchmarks: serves the generated database (DATABASE_URL, else PGlite under
// DATA_DIR) on 127.0.0.1, logs in as the dataset's root administrator, loads each scenario with N clients and
// prints a markdown table (req/s, latency percentiles, CPU per request of Node and PostgreSQL).
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { applyMigrations } from '../../src/server/db/migrate.ts';
import { buildApp } from '../../src/server/app.ts';
import { sessionCookieName } from '../../src/server/platform/auth/service.ts';
import { defaultBenchPassword, findLatestDataset } from '../dataset/generate.ts';
import { runLoad } from './load.ts';
import { createCpuSampler } from './cpu.ts';
import { formatCount } from './progress.ts';

export type Scenario = { label: string; path: string };

/** Runs the scenarios chosen on the command line (`--only a,b`); `extraOptions` adds options for `makeScenarios`. */
export async function runEndpointBench(
  makeScenarios: (options: Record<string, string | undefined>) => Record<string, Scenario>,
  extraOptions: Record<string, { type: 'string'; default?: string }> = {},
): Promise<void> {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      only: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      ...extraOptions,
    },
    strict: true,
  });
  const scenarios = makeScenarios(values as Record<string, string | undefined>);
  type ScenarioKey = string;

  /** A whole number within bounds, or exit with a bilingual message. */
  function bounded(name: string, raw: string, min: number, max: number): number {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      process.stderr.write(
        `--${name} 应为 ${min}–${max} 的整数 / --${name} must be an integer in ${min}–${max} (got ${raw})\n`,
      );
      process.exit(2);
    }
    return n;
  }
  const connections = bounded('connections', values.connections, 1, 1000);
  const durationSeconds = bounded('duration', values.duration, 1, 120);
  const warmupSeconds = bounded('warmup', values.warmup, 0, 30);
  const selected = (values.only?.split(',') ?? Object.keys(scenarios)) as ScenarioKey[];
  for (const key of selected) {
    if (!(key in scenarios)) {
      process.stderr.write(`未知场景 / unknown scenario: ${key} (${Object.keys(scenarios).join(', ')})\n`);
      process.exit(2);
    }
  }

  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await applyMigrations(database);
  const dataset = await findLatestDataset(database.db);
  const username = values.username ?? dataset?.rootAdmin;
  if (!username) {
    process.stderr.write(
      '数据库中没有生成的数据集，请先运行 npm run bench:data -- --scale province\nNo generated dataset found; run `npm run bench:data -- --scale province` first.\n',
    );
    await database.close();
    process.exit(2);
  }
  const password = values.password ?? process.env.FAZHI_BENCH_PASSWORD ?? defaultBenchPassword;

  const app = await buildApp({ config, database });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  type Stats = Awaited<ReturnType<typeof runLoad>>;
  const rows: Array<{ key: ScenarioKey; total: number; stats: Stats }> = [];
  const sampler = await createCpuSampler(config.databaseUrl);
  // Other work on the box skews every figure: the 1-minute load average is printed with the results.
  const loadBefore = os.loadavg()[0]!;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (login.status !== 200)
      throw new Error(`login as ${username} failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${sessionCookieName}=`))!
      .split(';')[0]!;

    for (const key of selected) {
      const { path } = scenarios[key]!; // --only was checked against the scenarios
      // One checked request first: the load must measure real answers, not fast errors.
      const probe = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = (await probe.json()) as { total?: number; message?: string };
      if (probe.status !== 200) throw new Error(`${path} → ${probe.status} ${body.message ?? ''}`);
      process.stderr.write(
        `▶ ${path}: total ${formatCount(body.total ?? 0)}; ${connections} clients, ${warmupSeconds} s warm-up + ${durationSeconds} s …\n`,
      );
      const stats = await runLoad(
        {
          url: `${base}${path}`,
          headers: { cookie },
          connections,
          warmupMs: warmupSeconds * 1000,
          durationMs: durationSeconds * 1000,
        },
        sampler.sample,
      );
      if (stats.firstError) process.stderr.write(`  first error: ${stats.firstError}\n`);
      rows.push({ key, total: body.total ?? 0, stats });
    }
  } finally {
    await sampler.close();
    await app.close();
    await database.close();
  }

  const ms = (n: number | null) =>
    n === null || Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0);
  const cores = os.cpus().length;
  function tableRow({ key, total, stats }: (typeof rows)[number]): string {
    const { nodeMs, postgresMs } = stats.cpu ?? { nodeMs: null, postgresMs: null };
    // What the box could serve if nothing else ran: every core busy with this request mix (PGlite: one core,
    // since its queries run on the server's main thread).
    const perRequest = (nodeMs ?? 0) + (postgresMs ?? 0);
    const usableCores = database.kind === 'pglite' ? 1 : cores;
    const ceiling = nodeMs === null ? '–' : formatCount((usableCores * 1000) / perRequest);
    const statuses = Object.entries(stats.statuses).map(([status, n]) => `${status}×${n}`);
    const errors = stats.errors ? `${stats.errors} (${statuses.join(', ')})` : '0';
    const scenario = scenarios[key]!;
    return `| \`GET ${scenario.path}\` | ${scenario.label} | ${formatCount(total)} | ${formatCount(stats.requestsPerSecond)} | ${ms(stats.p50)} | ${ms(stats.p95)} | ${ms(stats.p99)} | ${ms(stats.max)} | ${errors} | ${ms(nodeMs)} | ${ms(postgresMs)} | ${ceiling} |`;
  }
  const lines = [
    '',
    `数据库 ${database.kind}${database.kind === 'postgres' ? ` (pool ${process.env.PG_POOL_SIZE ?? 10})` : ''} · 数据集 ${dataset ? `${dataset.scale}, seed ${dataset.seed}, ${formatCount(dataset.counts.users ?? 0)} users` : 'unknown'} · 用户 ${username}`,
    `${connections} connections · ${warmupSeconds} s warm-up + ${durationSeconds} s measured per endpoint · Node ${process.version} · ${cores} cores · load avg ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`,
    '',
    '| Endpoint | 说明 | total | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | CPU ms/req Node | CPU ms/req PG | req/s if idle |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(tableRow),
    '',
    'CPU ms/req: server process (PGlite runs inside it) and PostgreSQL backends per completed request; "req/s if idle" = cores × 1000 / their sum (1 core for PGlite).',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
