// What a dataset step receives, and the shared world that earlier steps leave for later ones.
import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbKind } from '../../src/server/db/client.ts';
import type { OrgKind, RoleId } from '../../src/shared/platform/access.ts';
import { recordAudit } from '../../src/server/platform/audit/audit-log.ts';
import type { Random } from '../lib/random.ts';
import type { Progress } from '../lib/progress.ts';
import type { ScaleDefinition, ScaleName } from './scales.ts';

/** Rows per INSERT statement (and per audit entry). */
export const defaultBatchSize = 1000;

export type WorldOrg = {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  kind: OrgKind;
  region: string;
  level: 'province' | 'city' | 'county';
};

export type WorldUser = {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  roleIds: RoleId[];
};

/** An enforcing unit (卫生监督所/执法大队/支队): where cases and inspections will be handled. */
export type WorldInstitute = { org: WorldOrg; leaderIds: string[]; officerIds: string[] };

/** Filled by `orgs-and-officers`; later steps (cases, inspections …) draw their owners and officers from it. */
export type DatasetWorld = {
  province: { name: string; code: string };
  rootOrg: WorldOrg | null;
  rootAdmin: { username: string } | null;
  orgs: WorldOrg[];
  users: WorldUser[];
  institutes: WorldInstitute[];
};

export type DatasetContext = {
  /** The run's transaction: everything a run writes commits together or not at all. */
  db: Db;
  kind: DbKind;
  scaleName: ScaleName;
  scale: ScaleDefinition;
  seed: number;
  /** 'YYYY-MM-DD' the data is dated around (certificate expiry, 年审 …). */
  today: string;
  /** Prefix of every generated username ('b<seed>.'), so runs with different seeds can be appended. */
  usernamePrefix: string;
  /** One argon2 hash reused for every generated user. */
  passwordHash: string;
  /** This step's own stream, derived from seed + step name. */
  random: Random;
  world: DatasetWorld;
  /** Declares rows the step is about to insert (for the percentage). */
  plan: (rows: number) => void;
  /** Multi-row INSERTs of `batchSize` rows, one audit entry per batch, progress on stderr. */
  insert: <T extends PgTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>) => Promise<void>;
};

export type DatasetStep = {
  /** Also the PRNG stream name: renaming a step changes its data. */
  name: string;
  label: string;
  generate: (ctx: DatasetContext) => Promise<void>;
};

/** A run that must not go ahead (existing data, reused seed); the message is Chinese then English. */
export class DatasetRefusedError extends Error {
  constructor(chinese: string, english: string) {
    super(`${chinese}\n${english}`);
    this.name = 'DatasetRefusedError';
  }
}

/** The per-step context: same transaction, world and progress; the step's own PRNG stream. */
export function stepContext(
  base: Omit<DatasetContext, 'random' | 'plan' | 'insert'>,
  step: DatasetStep,
  random: Random,
  progress: Progress,
  batchSize = defaultBatchSize,
): DatasetContext {
  let batch = 0;
  return {
    ...base,
    random,
    plan: progress.plan,
    insert: async (table, rows) => {
      const name = getTableName(table);
      for (let start = 0; start < rows.length; start += batchSize) {
        const chunk = rows.slice(start, start + batchSize);
        await base.db.insert(table).values(chunk as never);
        batch += 1;
        // Bulk rows are audited per batch, not per row: who generated what, when, and how many.
        await recordAudit(base.db, {
          actor: null,
          orgId: base.world.rootOrg?.id ?? null,
          action: 'dataset.generate',
          entityType: name,
          entityId: null,
          after: { step: step.name, batch, rows: chunk.length, scale: base.scaleName, seed: base.seed },
        });
        progress.add(step.name, name, chunk.length);
      }
    },
  };
}
