import { z } from 'zod';
import { ApiError } from '../../../shared/platform/errors.ts';
import { PageQuery, pageOf } from '../../../shared/platform/pagination.ts';
import {
  metricCatalog,
  MetricQuery,
  MetricRecord,
  MetricValue,
  type MetricId,
} from '../../../shared/metrics/catalog.ts';
import { type App, type RouteContext, requireActor } from '../http.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/actor.ts';
import { findOrgOwner } from '../orgs/service.ts';
import { notFound } from '../errors.ts';
import { findMetric } from './registry.ts';
import type { Db } from '../../db/client.ts';

const tags = ['指标'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const MetricParams = z.object({ id: z.string().min(1).max(80).describe('指标编号，如 penalty.cases_filed') });

/** A metric is read for an organisation subtree the actor may read (their own by default). */
async function scopeOf(db: Db, actor: Actor, metricId: string, query: MetricQuery) {
  const metric = findMetric(metricId);
  if (!metric) throw notFound('指标');
  const owner = await findOrgOwner(db, query.orgId ?? actor.orgId);
  authorize(actor, owner, { what: '机构' });
  return { metric, orgId: owner.orgId, scope: { orgPath: owner.orgPath, from: query.from, to: query.to } };
}

export function registerMetricRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/metrics/:id',
    {
      schema: {
        tags,
        summary: '某机构（含下级）在某期间的指标值',
        params: MetricParams,
        querystring: MetricQuery,
        response: { 200: MetricValue, ...errors },
      },
    },
    async (request) => {
      const { metric, orgId, scope } = await scopeOf(
        ctx.db,
        requireActor(request),
        request.params.id,
        request.query,
      );
      const { label, unit } = metricCatalog[metric.id as MetricId];
      return {
        id: metric.id,
        label,
        unit,
        value: await metric.compute(ctx.db, scope),
        orgId,
        from: scope.from,
        to: scope.to,
      };
    },
  );
  app.get(
    '/api/metrics/:id/records',
    {
      schema: {
        tags,
        summary: '指标背后的记录（分页）',
        params: MetricParams,
        querystring: MetricQuery.and(PageQuery),
        response: { 200: pageOf(MetricRecord), ...errors },
      },
    },
    async (request) => {
      const { metric, scope } = await scopeOf(
        ctx.db,
        requireActor(request),
        request.params.id,
        request.query,
      );
      const { page, pageSize } = request.query;
      return {
        ...(await metric.records(ctx.db, scope, { limit: pageSize, offset: (page - 1) * pageSize })),
        page,
        pageSize,
      };
    },
  );
}
