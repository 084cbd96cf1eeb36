// DATABASE_URL=postgres://postgres@127.0.0.1:5432/fazhi_entities_bench \
//   node --import tsx bench/entity-import.bench.ts [--file /tmp/fazhi-entities-1m.csv] [--runs 2]
// Times (a) Fazhi's entity import of the file (upload into the file store, then stream → staging → one upsert
// transaction) against (b) plain COPY of the same file into a bare text table (psql \copy). The database must be a
// fresh one (see bench/README.md); its directory is emptied first so run 1 inserts every row, run 2 re-imports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { applyMigrations } from '../src/server/db/migrate.ts';
import { seedReferenceData } from '../src/server/db/seed.ts';
import { inTransaction } from '../src/server/db/transaction.ts';
import { provisionOrg, provisionUser } from '../src/server/platform/orgs/provisioning.ts';
import { actorForUser } from '../src/server/platform/auth/service.ts';
import { storeUpload } from '../src/server/platform/files/service.ts';
import { startEntityImport } from '../src/server/modules/entities/import-job.ts';
import { entityImportJobs } from '../src/server/modules/entities/tables.ts';
import { formatCount } from './lib/progress.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: '/tmp/fazhi-entities-1m.csv' },
    runs: { type: 'string', default: '2' },
  },
  strict: true,
});
const config = loadConfig();
if (!config.databaseUrl) {
  process.stderr.write(
    '请设置 DATABASE_URL（PostgreSQL）/ DATABASE_URL is required: this bench compares with COPY\n',
  );
  process.exit(2);
}
const file = path.resolve(values.file);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const { db } = database;
await applyMigrations(database);
await seedReferenceData(db);
await db.execute(sql`truncate entity_import_rejections, entity_import_staging, entities, entity_import_jobs`);
const admin = await inTransaction(db, async (tx) => {
  const org = await provisionOrg(tx, { parent: null, name: `名录导入基准${Date.now()}`, kind: 'commission' });
  return provisionUser(tx, {
    org,
    username: `entity_bench_${Date.now()}`,
    displayName: '基准测试',
    roleIds: ['systemAdmin'],
    passwordHash: 'not-a-login',
  });
});
const actor = (await actorForUser(db, admin.id))!;
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-entity-bench-'));

const results: string[] = [];
for (let run = 1; run <= Number(values.runs); run += 1) {
  const started = performance.now();
  const stored = await storeUpload(db, actor, filesDir, {
    fileName: path.basename(file),
    stream: fs.createReadStream(file),
  });
  const uploaded = performance.now();
  const { job, done } = await startEntityImport(db, actor, filesDir, stored.id);
  // When the job turns to 'applying', reading and staging are over: the rest is the one upsert transaction.
  let applyingAt: number | null = null;
  const watch = setInterval(() => {
    void db
      .select({ status: entityImportJobs.status })
      .from(entityImportJobs)
      .where(sql`${entityImportJobs.id} = ${job.id}`)
      .then(([current]) => {
        if (applyingAt === null && current?.status !== 'reading') applyingAt = performance.now();
      });
  }, 250);
  await done;
  clearInterval(watch);
  const finished = performance.now();
  const [row] = await db
    .select()
    .from(entityImportJobs)
    .where(sql`${entityImportJobs.id} = ${job.id}`);
  if (row!.status !== 'succeeded') throw new Error(`import failed: ${row!.error}`);
  results.push(
    `Fazhi import, run ${run}: ${formatCount(row!.rowsRead)} rows read, ${formatCount(row!.rowsInserted)} inserted, ` +
      `${formatCount(row!.rowsUpdated)} updated, ${formatCount(row!.rowsRejected)} rejected — ` +
      `import ${seconds(finished - uploaded)} s (read and stage ${seconds((applyingAt ?? finished) - uploaded)} s, ` +
      `apply ${seconds(finished - (applyingAt ?? finished))} s; + upload/hash ${seconds(uploaded - started)} s)`,
  );
  process.stderr.write(`${results.at(-1)}\n`);
}
await database.close();
fs.rmSync(filesDir, { recursive: true, force: true });

// (b) The same file, by COPY, into a bare table of text columns (no keys, no indexes, no validation).
const psql = (command: string) =>
  execFileSync('psql', [config.databaseUrl!, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], {
    encoding: 'utf8',
  });
psql(`drop table if exists entities_copy_bench;
  create table entities_copy_bench (uscc text, name text, category text, area_code text, address text,
    legal_representative text, risk_level text, credit_level text, status text)`);
const copyStarted = performance.now();
psql(`\\copy entities_copy_bench from '${file}' with (format csv, header true)`);
const copySeconds = performance.now() - copyStarted;
const copied = psql('select count(*) from entities_copy_bench').match(/\d+/)?.[0];
psql('drop table entities_copy_bench');
results.push(`COPY into a bare table: ${formatCount(Number(copied))} rows — ${seconds(copySeconds)} s`);
process.stdout.write(`${results.join('\n')}\n`);
