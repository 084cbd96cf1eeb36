// Runs the registered dataset steps against an open database; the CLI and the test both call this.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../src/server/db/client.ts';
import { inTransaction } from '../../src/server/db/transaction.ts';
import { auditLog, orgs } from '../../src/server/db/tables.ts';
import { hashPassword } from '../../src/server/platform/auth/passwords.ts';
import { recordAudit } from '../../src/server/platform/audit/audit-log.ts';
import { chinaToday } from '../../src/shared/officers/eligibility.ts';
import { createRandom } from '../lib/random.ts';
import { createProgress, formatDuration } from '../lib/progress.ts';
import { DatasetRefusedError, stepContext, type DatasetStep, type DatasetWorld } from './context.ts';
import { scales, type ScaleName } from './scales.ts';
import { datasetSteps } from './steps.ts';

/** The password of every generated user unless FAZHI_BENCH_PASSWORD (or --password) says otherwise. */
export const defaultBenchPassword = 'Bench-pass-2026';

export type GenerateOptions = {
  scale: ScaleName;
  seed: number;
  password: string;
  /** Add to a database that already has organisations. */
  append?: boolean;
  today?: string;
  steps?: DatasetStep[];
  batchSize?: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
};

/** What a run made; also stored as the run's closing audit entry, where the benchmark finds its login. */
export type DatasetSummary = {
  scale: ScaleName;
  seed: number;
  today: string;
  rootOrgId: string | null;
  rootAdmin: string | null;
  counts: Record<string, number>;
  elapsedMs: number;
};

/** Fills the database with a generated dataset in one transaction; refuses a database that has organisations unless `append`. */
export async function generateDataset(database: Database, options: GenerateOptions): Promise<DatasetSummary> {
  const db = database.db;
  const [existing] = await db.select({ n: count() }).from(orgs);
  if ((existing?.n ?? 0) > 0 && !options.append) {
    throw new DatasetRefusedError(
      `数据库中已有 ${existing!.n} 个机构，为免与现有数据混在一起，未生成任何数据。确需追加时请加 --append（且换一个 --seed）。`,
      `The database already has ${existing!.n} organisations; nothing was generated. Pass --append (with a new --seed) to add a dataset anyway.`,
    );
  }
  const today = options.today ?? chinaToday();
  const progress = createProgress(options.log ?? (() => {}));
  // One argon2 hash (~100 ms) shared by every generated user.
  const passwordHash = await hashPassword(options.password);
  const world: DatasetWorld = {
    province: { name: '', code: '' },
    rootOrg: null,
    rootAdmin: null,
    orgs: [],
    users: [],
    institutes: [],
  };
  const base = {
    kind: database.kind,
    scaleName: options.scale,
    scale: scales[options.scale],
    seed: options.seed,
    today,
    usernamePrefix: `b${options.seed}.`,
    passwordHash,
    world,
  };
  const summary = await inTransaction(db, async (tx) => {
    for (const step of options.steps ?? datasetSteps) {
      options.log?.(`▶ ${step.name}（${step.label}）`);
      await step.generate(
        stepContext(
          { ...base, db: tx },
          step,
          createRandom(options.seed, step.name),
          progress,
          options.batchSize,
        ),
      );
    }
    const summary: DatasetSummary = {
      scale: options.scale,
      seed: options.seed,
      today,
      rootOrgId: world.rootOrg?.id ?? null,
      rootAdmin: world.rootAdmin?.username ?? null,
      counts: progress.counts(),
      elapsedMs: Math.round(progress.elapsedMs()),
    };
    await recordAudit(tx, {
      actor: null,
      orgId: summary.rootOrgId,
      action: 'dataset.generate',
      entityType: 'dataset',
      entityId: `${options.scale}:${options.seed}`,
      after: summary,
    });
    return summary;
  });
  // Fresh statistics: until autovacuum gets round to it, the planner still thinks the tables are empty.
  const analyzeStarted = performance.now();
  await db.execute(sql`analyze`);
  options.log?.(`analyze: ${formatDuration(performance.now() - analyzeStarted)}`);
  return summary;
}

/** The most recent generated dataset (its closing audit entry), or null. */
export async function findLatestDataset(db: Db): Promise<DatasetSummary | null> {
  const [row] = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'dataset.generate'), eq(auditLog.entityType, 'dataset')))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return (row?.after as DatasetSummary | undefined) ?? null;
}
