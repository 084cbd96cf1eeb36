import { and, count, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { MetricId } from '../../../shared/metrics/catalog.ts';
import { procedureSteps } from '../../platform/procedure-engine/tables.ts';
import {
  inSubtree,
  registerCountMetric,
  registerMetric,
  type MetricScope,
} from '../../platform/metrics/registry.ts';
import { penaltyCases, publicationBatches, publications } from './tables.ts';

const between = (dateColumn: PgColumn, scope: MetricScope) =>
  and(gte(dateColumn, scope.from), lte(dateColumn, scope.to));
const caseLink = (id: string) => `/cases/${id}`;

/** A metric over penalty cases: which date puts a case in the period, which cases count, and what each adds. */
function caseMetric(
  id: MetricId,
  dateColumn: PgColumn,
  condition: SQL | undefined,
  valueFen?: SQL<number>,
): void {
  const where = (scope: MetricScope) =>
    and(inSubtree(penaltyCases.orgId, scope), between(dateColumn, scope), condition);
  registerMetric({
    id,
    compute: async (db, scope) => {
      const [row] = await db
        .select({ value: valueFen ? sql<number>`coalesce(sum(${valueFen}), 0)`.mapWith(Number) : count() })
        .from(penaltyCases)
        .where(where(scope));
      return valueFen ? (row?.value ?? 0) / 100 : (row?.value ?? 0);
    },
    records: async (db, scope, page) => {
      const [total] = await db.select({ n: count() }).from(penaltyCases).where(where(scope));
      const rows = await db
        .select({
          id: penaltyCases.id,
          title: penaltyCases.title,
          date: sql<string>`${dateColumn}::text`,
          value: valueFen ? sql<number>`${valueFen}`.mapWith(Number) : sql<null>`null`,
        })
        .from(penaltyCases)
        .where(where(scope))
        .orderBy(dateColumn, penaltyCases.id)
        .limit(page.limit)
        .offset(page.offset);
      return {
        total: total?.n ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          date: r.date,
          value: r.value === null ? null : r.value / 100,
          link: caseLink(r.id),
        })),
      };
    },
  });
}

/** A metric counting one procedure step (法制审核, 听证 …) taken in the period. */
function stepMetric(id: MetricId, action: string): void {
  const where = (scope: MetricScope) =>
    and(
      eq(procedureSteps.procedureId, 'penaltyCase.ordinary'),
      eq(procedureSteps.action, action),
      inSubtree(procedureSteps.orgId, scope),
      sql`(${procedureSteps.at} at time zone 'Asia/Shanghai')::date between ${scope.from} and ${scope.to}`,
    );
  registerCountMetric({
    id,
    table: procedureSteps,
    where,
    page: async (db, condition, page) =>
      (
        await db
          .select({
            id: procedureSteps.id,
            recordId: procedureSteps.recordId,
            title: penaltyCases.title,
            at: procedureSteps.at,
          })
          .from(procedureSteps)
          .innerJoin(penaltyCases, eq(penaltyCases.id, procedureSteps.recordId))
          .where(condition)
          .orderBy(procedureSteps.at)
          .limit(page.limit)
          .offset(page.offset)
      ).map((r) => ({
        id: r.id,
        title: r.title,
        date: r.at.toISOString().slice(0, 10),
        value: null,
        link: caseLink(r.recordId),
      })),
  });
}

// 结案 with a penalty decision: the amounts are those decided in cases closed in the period.
const closedWithDecision = isNotNull(penaltyCases.decisionNumber);
caseMetric('penalty.cases_filed', penaltyCases.filedOn, undefined);
caseMetric('penalty.cases_closed', penaltyCases.closedOn, closedWithDecision);
caseMetric(
  'penalty.fines_yuan',
  penaltyCases.closedOn,
  closedWithDecision,
  sql<number>`${penaltyCases.fineFen}`,
);
caseMetric(
  'penalty.confiscations_yuan',
  penaltyCases.closedOn,
  closedWithDecision,
  sql<number>`${penaltyCases.confiscationFen}`,
);
caseMetric(
  'penalty.penalties_yuan',
  penaltyCases.closedOn,
  closedWithDecision,
  sql<number>`${penaltyCases.fineFen} + ${penaltyCases.confiscationFen}`,
);
caseMetric('penalty.mitigated_cases', penaltyCases.closedOn, isNotNull(penaltyCases.mitigationRuleCode));
caseMetric(
  'penalty.mitigated_yuan',
  penaltyCases.closedOn,
  isNotNull(penaltyCases.mitigationRuleCode),
  sql<number>`${penaltyCases.waivedFen}`,
);
stepMetric('penalty.major_reviews', 'passLegalReview');
stepMetric('penalty.hearings', 'holdHearing');

// 公开: decisions published in the period (a later withdrawal does not undo that they were published).
registerMetric({
  id: 'penalty.published_cases',
  compute: async (db, scope) =>
    (
      await db
        .select({ n: count() })
        .from(publications)
        .where(and(inSubtree(publications.orgId, scope), between(publications.publishedOn, scope)))
    )[0]?.n ?? 0,
  records: async (db, scope, page) => {
    const where = and(inSubtree(publications.orgId, scope), between(publications.publishedOn, scope));
    const [total] = await db.select({ n: count() }).from(publications).where(where);
    const rows = await db
      .select({ p: publications, title: penaltyCases.title })
      .from(publications)
      .innerJoin(penaltyCases, eq(penaltyCases.id, publications.caseId))
      .where(where)
      .orderBy(publications.publishedOn)
      .limit(page.limit)
      .offset(page.offset);
    return {
      total: total?.n ?? 0,
      items: rows.map(({ p, title }) => ({
        id: p.id,
        title,
        date: p.publishedOn,
        value: null,
        link: caseLink(p.caseId),
      })),
    };
  },
});
registerMetric({
  id: 'penalty.published_batches',
  compute: async (db, scope) =>
    (
      await db
        .select({ n: count() })
        .from(publicationBatches)
        .where(
          and(inSubtree(publicationBatches.orgId, scope), between(publicationBatches.publishedOn, scope)),
        )
    )[0]?.n ?? 0,
  records: async (db, scope, page) => {
    const where = and(
      inSubtree(publicationBatches.orgId, scope),
      between(publicationBatches.publishedOn, scope),
    );
    const [total] = await db.select({ n: count() }).from(publicationBatches).where(where);
    const rows = await db
      .select()
      .from(publicationBatches)
      .where(where)
      .orderBy(publicationBatches.publishedOn)
      .limit(page.limit)
      .offset(page.offset);
    return {
      total: total?.n ?? 0,
      items: rows.map((b) => ({
        id: b.id,
        title: b.title,
        date: b.publishedOn,
        value: null,
        link: '/cases?published=1',
      })),
    };
  },
});
