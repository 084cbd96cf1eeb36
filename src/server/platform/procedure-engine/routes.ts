import { and, count, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ApiError } from '../../../shared/platform/errors.ts';
import { Id, Ok, pageOf } from '../../../shared/platform/pagination.ts';
import {
  Deadline,
  DeadlineListQuery,
  Notification,
  NotificationListQuery,
  ProcedurePeriodSettings,
  PutProcedurePeriodInput,
  Timeline,
} from '../../../shared/platform/work.ts';
import { configurablePeriods, setConfigurablePeriod } from './settings.ts';
import { classifyDeadline, dueSoonThresholdDays, shanghaiDate } from '../../../shared/procedure/clocks.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { addCalendarDays, daysBetween } from '../../../shared/law/calendar.ts';
import { legalRules, type LegalRuleId } from '../../../shared/law/legal-rules.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type App, type RouteContext, requireActor } from '../http.ts';
import { authorize } from '../access/actor.ts';
import { notFound } from '../errors.ts';
import { orgs } from '../orgs/tables.ts';
import { notifications, procedureDeadlines, procedureSteps } from './tables.ts';
import {
  allowedActionsFor,
  computeRecordClocks,
  loadRecordHead,
  requireProcedure,
  transition,
} from './engine.ts';
import { findProcedure } from './registry.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError };
const RecordParams = z.object({ procedureId: z.string().min(1).max(80), recordId: Id });
const ActionParams = RecordParams.extend({ action: z.string().min(1).max(80) });
const ActionInput = z.object({
  note: z.string().trim().max(2000, '说明不超过2000字').nullish(),
  input: z.record(z.string(), z.unknown()).optional(),
});

type DeadlineRow = typeof procedureDeadlines.$inferSelect;

function presentDeadline(d: DeadlineRow, today: string): Deadline {
  const procedure = findProcedure(d.procedureId);
  const clockLabel = procedure?.definition.clocks[d.clock]?.label ?? d.clock;
  const runningStatus =
    d.status !== 'running'
      ? null
      : d.dueDate
        ? classifyDeadline({ status: 'running', dueDate: d.dueDate, isOverdue: d.dueDate < today }, today)
        : 'undetermined';
  return {
    id: d.id,
    procedureId: d.procedureId,
    procedureLabel: procedure?.definition.label ?? d.procedureId,
    recordId: d.recordId,
    recordTitle: d.recordTitle,
    orgId: d.orgId,
    clock: d.clock,
    clockLabel,
    ruleId: d.ruleId,
    citation: legalRules[d.ruleId as LegalRuleId]?.citation ?? d.ruleId,
    startedOn: d.startedOn,
    dueDate: d.dueDate,
    warning: d.warning,
    error: d.error,
    daysLeft: d.dueDate ? daysBetween(today, d.dueDate) : null,
    status: runningStatus ?? (d.status as 'stopped' | 'paused'),
    assigneeId: d.assigneeId,
    link: procedure?.link(d.recordId) ?? '/',
  };
}

export function registerProcedureRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/deadlines',
    {
      schema: {
        tags: ['期限'],
        summary: '我的或本机构的期限（即将到期、已逾期）',
        querystring: DeadlineListQuery,
        response: { 200: pageOf(Deadline), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { scope, status, page, pageSize } = request.query;
      const today = chinaToday();
      const soon = addCalendarDays(today, dueSoonThresholdDays);
      const byStatus = {
        active: sql`true`,
        open: sql`${procedureDeadlines.dueDate} > ${soon}`,
        dueSoon: sql`${procedureDeadlines.dueDate} between ${today} and ${soon}`,
        overdue: sql`${procedureDeadlines.dueDate} < ${today}`,
      }[status];
      const subtree = ctx.db
        .select({ id: orgs.id })
        .from(orgs)
        .where(like(orgs.path, `${actor.orgPath}%`));
      const where = and(
        eq(procedureDeadlines.status, 'running'),
        scope === 'mine'
          ? eq(procedureDeadlines.assigneeId, actor.userId)
          : inArray(procedureDeadlines.orgId, subtree),
        byStatus,
      );
      const [total] = await ctx.db.select({ n: count() }).from(procedureDeadlines).where(where);
      const rows = await ctx.db
        .select()
        .from(procedureDeadlines)
        .where(where)
        .orderBy(sql`${procedureDeadlines.dueDate} asc nulls last`)
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return { total: total?.n ?? 0, page, pageSize, items: rows.map((d) => presentDeadline(d, today)) };
    },
  );

  app.get(
    '/api/procedures/:procedureId/records/:recordId/timeline',
    {
      schema: {
        tags: ['流程'],
        summary: '办理过程、期限与可办理操作',
        params: RecordParams,
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const procedure = requireProcedure(request.params.procedureId);
      const head = await loadRecordHead(ctx.db, procedure, request.params.recordId);
      authorize(actor, head, { what: '记录' });
      const today = chinaToday();
      const steps = await ctx.db
        .select()
        .from(procedureSteps)
        .where(
          and(eq(procedureSteps.procedureId, procedure.definition.id), eq(procedureSteps.recordId, head.id)),
        )
        .orderBy(procedureSteps.at);
      const stepRecords = steps.map((s) => ({
        action: s.action,
        at: s.at.toISOString(),
        date: shanghaiDate(s.at.toISOString()),
      }));
      const clocks = await computeRecordClocks(ctx.db, procedure, head, stepRecords, today);
      const { definition } = procedure;
      const deadlines = clocks
        .filter((c) => c.startedOn)
        .map((c) =>
          presentDeadline(
            {
              id: `${head.id}:${c.clock}`,
              procedureId: definition.id,
              recordId: head.id,
              recordTitle: head.title,
              orgId: head.orgId,
              assigneeId: head.assigneeId,
              clock: c.clock,
              ruleId: c.ruleId,
              status: c.status,
              startedOn: c.startedOn!,
              dueDate: c.dueDate ?? null,
              error: c.error ?? null,
              warning: c.warning ?? null,
              stoppedOn: c.stoppedOn ?? null,
            },
            today,
          ),
        );
      const state = head.state;
      return {
        procedureId: definition.id,
        procedureLabel: definition.label,
        recordId: head.id,
        state,
        stateLabel: definition.states[state] ?? state,
        steps: steps.map((s) => ({
          id: s.id,
          action: s.action,
          actionLabel: definition.actions[s.action]?.label ?? s.action,
          fromState: s.fromState,
          toState: s.toState,
          toStateLabel: definition.states[s.toState] ?? s.toState,
          actorName: s.actorName,
          at: s.at.toISOString(),
          note: s.note,
        })),
        deadlines,
        allowedActions: (await allowedActionsFor(ctx.db, procedure, head, actor, today)).map(
          ({ action, label, blockedBy }) => ({ action, label, blockedBy }),
        ),
      };
    },
  );

  app.post(
    '/api/procedures/:procedureId/records/:recordId/actions/:action',
    {
      schema: {
        tags: ['流程'],
        summary: '办理一个流程操作',
        params: ActionParams,
        body: ActionInput,
        response: { 200: z.object({ from: z.string(), to: z.string(), stepId: z.string() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { procedureId, recordId, action } = request.params;
      return inTransaction(ctx.db, (tx) =>
        transition(tx, {
          procedureId,
          recordId,
          action,
          actor,
          note: request.body.note,
          input: request.body.input,
        }),
      );
    },
  );

  app.get(
    '/api/procedures/:procedureId/settings',
    {
      schema: {
        tags: ['流程'],
        summary: '本机构可自行设定的期限（如陈述申辩期限）',
        params: RecordParams.pick({ procedureId: true }),
        response: { 200: ProcedurePeriodSettings, ...errors },
      },
    },
    async (request) => configurablePeriods(ctx.db, requireActor(request), request.params.procedureId),
  );
  app.put(
    '/api/procedures/:procedureId/settings/:clock',
    {
      schema: {
        tags: ['流程'],
        summary: '设定本机构的可配置期限',
        params: z.object({ procedureId: z.string().min(1).max(80), clock: z.string().min(1).max(80) }),
        body: PutProcedurePeriodInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await setConfigurablePeriod(
        ctx.db,
        requireActor(request),
        request.params.procedureId,
        request.params.clock,
        request.body.period,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['通知'],
        summary: '我的通知',
        querystring: NotificationListQuery,
        response: { 200: pageOf(Notification).extend({ unread: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize, unreadOnly } = request.query;
      const mine = eq(notifications.userId, actor.userId);
      const where = unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
      const [total] = await ctx.db.select({ n: count() }).from(notifications).where(where);
      const [unread] = await ctx.db
        .select({ n: count() })
        .from(notifications)
        .where(and(mine, isNull(notifications.readAt)));
      const rows = await ctx.db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return {
        total: total?.n ?? 0,
        unread: unread?.n ?? 0,
        page,
        pageSize,
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      };
    },
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['通知'],
        summary: '标为已读',
        params: z.object({ id: Id }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Only the recipient's own notifications: anyone else's id is "not found".
      const updated = await ctx.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, actor.userId)))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound('通知');
      return { ok: true as const };
    },
  );
  app.post(
    '/api/notifications/read-all',
    { schema: { tags: ['通知'], summary: '全部标为已读', response: { 200: Ok, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await ctx.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
      return { ok: true as const };
    },
  );
}
