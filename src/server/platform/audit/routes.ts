import { count, desc, inArray, isNull, like, or } from 'drizzle-orm';
import { ApiError } from '../../../shared/platform/errors.ts';
import { PageQuery, pageOf } from '../../../shared/platform/pagination.ts';
import { AuditEntry, AuditVerifyResult } from '../../../shared/platform/records.ts';
import { type App, type RouteContext, requireActor } from '../http.ts';
import { isRootActor, requirePermission } from '../access/actor.ts';
import { forbidden } from '../errors.ts';
import { auditLog } from './tables.ts';
import { orgs } from '../orgs/tables.ts';
import { verifyAuditChain } from './audit-log.ts';

const tags = ['审计日志'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

export function registerAuditRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: '审计日志（分页，本机构及下级）',
        querystring: PageQuery,
        response: { 200: pageOf(AuditEntry), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requirePermission(actor, 'audit.read');
      const { page, pageSize } = request.query;
      // Entries of organisations in the actor's subtree; system entries (no org) only for the root.
      const isRoot = isRootActor(actor);
      const subtree = ctx.db
        .select({ id: orgs.id })
        .from(orgs)
        .where(like(orgs.path, `${actor.orgPath}%`));
      const where = isRoot
        ? or(inArray(auditLog.orgId, subtree), isNull(auditLog.orgId))
        : inArray(auditLog.orgId, subtree);
      const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
      const rows = await ctx.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return {
        total: total?.n ?? 0,
        page,
        pageSize,
        items: rows.map((r) => ({
          ...r,
          at: r.at.toISOString(),
          before: r.before ?? null,
          after: r.after ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/audit/verify',
    { schema: { tags, summary: '校验审计日志哈希链', response: { 200: AuditVerifyResult, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      requirePermission(actor, 'audit.verify');
      // The chain spans every organisation, so only the root's administrators verify it.
      if (!isRootActor(actor)) throw forbidden('审计日志由最上级机构的系统管理员校验');
      return verifyAuditChain(ctx.db);
    },
  );
}
