import { count, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { orgs } from '../orgs/tables.ts';
import type { MetricId } from '../../../shared/metrics/catalog.ts';

/** Where and when a metric is evaluated: an organisation subtree (materialised path) and a closed date range. */
export type MetricScope = { orgPath: string; from: string; to: string };
/** Rows owned by an organisation in the subtree at `orgPath` (the scope of a metric, a round, a list). */
export const inSubtree = (orgIdColumn: PgColumn, scope: Pick<MetricScope, 'orgPath'>) =>
  sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.orgPath}%`})`;
export type MetricRecordRow = {
  id: string;
  title: string;
  date: string | null;
  value: number | null;
  link: string;
};

export type MetricDefinition = {
  id: MetricId;
  compute: (db: Db, scope: MetricScope) => Promise<number>;
  /** The records behind the figure, so a reader can click a number and see what it counts. */
  records: (
    db: Db,
    scope: MetricScope,
    page: { limit: number; offset: number },
  ) => Promise<{ items: MetricRecordRow[]; total: number }>;
};

const metrics = new Map<MetricId, MetricDefinition>();

/** Modules register their metrics at import time, one declaration each. */
export function registerMetric(definition: MetricDefinition): void {
  metrics.set(definition.id, definition);
}

/**
 * A metric that counts the rows of one table matching `where` in the scope; `page` lists one page of those rows as
 * records (with whatever joins make them readable). The count and the list cannot drift apart: both use `where`.
 */
export function registerCountMetric(definition: {
  id: MetricId;
  table: PgTable;
  where: (scope: MetricScope) => SQL | undefined;
  page: (
    db: Db,
    where: SQL | undefined,
    page: { limit: number; offset: number },
  ) => Promise<MetricRecordRow[]>;
}): void {
  const countOf = async (db: Db, where: SQL | undefined) =>
    (await db.select({ n: count() }).from(definition.table).where(where))[0]?.n ?? 0;
  registerMetric({
    id: definition.id,
    compute: (db, scope) => countOf(db, definition.where(scope)),
    records: async (db, scope, page) => {
      const where = definition.where(scope);
      return { total: await countOf(db, where), items: await definition.page(db, where, page) };
    },
  });
}

export function findMetric(id: string): MetricDefinition | undefined {
  return metrics.get(id as MetricId);
}

export function registeredMetricIds(): MetricId[] {
  return [...metrics.keys()];
}
