import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';
import { seedReferenceData } from './db/seed.ts';
import { seedDemoData } from './db/seed-demo.ts';
import { buildApp } from './app.ts';
import { roleLabels, type RoleId } from '../shared/platform/access.ts';
import { sweepReminders } from './platform/procedure-engine/reminders.ts';
import { chinaToday } from '../shared/officers/eligibility.ts';
import { failInterruptedImports } from './modules/entities/import-job.ts';

const config = loadConfig();
if (process.env.FAZHI_RESET_DATA === '1' && !config.databaseUrl) {
  // For throwaway runs (the browser tests): start from an empty data directory.
  fs.rmSync(config.dataDir, { recursive: true, force: true });
}
fs.mkdirSync(config.dataDir, { recursive: true });

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await applyMigrations(database);
await seedReferenceData(database.db);
// An entity import cut off by the last stop never reached the directory: mark it failed (the file can be re-imported).
await failInterruptedImports(database.db);

const wantsDemo = process.env.FAZHI_DEMO !== '0';
const demoPassword = config.demoPassword ?? `Fz-${randomBytes(6).toString('base64url')}9`;
// FAZHI_DEMO_CASES=0: the demo people without its cases (they take ~15 s to act through the engine), for tests
// that only need the logins.
const demoLogins = wantsDemo
  ? await seedDemoData(database.db, demoPassword, config.filesDir, undefined, {
      withCases: process.env.FAZHI_DEMO_CASES !== '0',
    })
  : null;

const app = await buildApp({ config, database, logger: { level: config.logLevel } });
await app.listen({ port: config.port, host: config.host });

const url = `http://localhost:${config.port}`;
const lines = [
  '',
  `法治 Fazhi 已启动：${url}`,
  `数据库：${database.kind === 'pglite' ? `PGlite（${path.join(config.dataDir, 'pglite')}）` : 'PostgreSQL（DATABASE_URL）'}`,
];
if (demoLogins) {
  lines.push(`演示账号（密码：${demoPassword}）：`);
  for (const l of demoLogins) {
    lines.push(
      `  ${l.username.padEnd(12)} ${l.displayName}（${l.role
        .split(',')
        .map((r) => roleLabels[r as RoleId])
        .join('、')}，${l.org}）`,
    );
  }
} else if (wantsDemo) {
  lines.push('演示数据已存在：演示账号的密码为首次启动时打印的密码（或 FAZHI_DEMO_PASSWORD）。');
}
process.stdout.write(`${lines.join('\n')}\n\n`);

// Reminders (due-soon, overdue, certificate expiry) are raised at start and then hourly; each is raised once.
const sweep = () =>
  sweepReminders(database.db, chinaToday()).catch((err: unknown) =>
    app.log.error({ err }, 'reminder sweep failed'),
  );
await sweep();
setInterval(sweep, 3_600_000).unref();

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  });
}
