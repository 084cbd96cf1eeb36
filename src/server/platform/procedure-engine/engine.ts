import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roleLabels } from '../../../shared/platform/access.ts';
import {
  checkTransition,
  allowedActions as listAllowedActions,
  type AllowedAction,
  type ProcedureSnapshot,
} from '../../../shared/procedure/define-procedure.ts';
import {
  computeClocks,
  shanghaiDate,
  type ClockState,
  type StepRecord,
} from '../../../shared/procedure/clocks.ts';
import { orgs } from '../orgs/tables.ts';
import { procedureDeadlines, procedureSettings, procedureSteps, notifications } from './tables.ts';
import { outbox } from '../outbox/tables.ts';
import { type Actor, authorize } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { loadCalendar } from '../calendar/service.ts';
import { enforcementIneligibility } from '../officers/enforcement.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { findProcedure, type RegisteredProcedure } from './registry.ts';

export type RecordHead = {
  id: string;
  orgId: string;
  orgPath: string;
  state: string;
  title: string;
  assigneeId: string | null;
};

export function requireProcedure(procedureId: string): RegisteredProcedure {
  const procedure = findProcedure(procedureId);
  if (!procedure) throw notFound('流程');
  return procedure;
}

/** The record's id, owner, state and title, or null when it does not exist. */
export async function loadRecordHead(
  db: Db,
  procedure: RegisteredProcedure,
  recordId: string,
): Promise<RecordHead | null> {
  const c = procedure.columns;
  const [row] = await db
    .select({
      id: c.id,
      orgId: c.orgId,
      state: c.state,
      title: c.title,
      assigneeId: c.assigneeId ?? sql`null`,
      orgPath: orgs.path,
    })
    .from(procedure.table)
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .where(and(eq(c.id, recordId), procedure.recordFilter));
  return (row as RecordHead | undefined) ?? null;
}

async function loadSteps(db: Db, procedureId: string, recordId: string) {
  return db
    .select()
    .from(procedureSteps)
    .where(and(eq(procedureSteps.procedureId, procedureId), eq(procedureSteps.recordId, recordId)))
    .orderBy(asc(procedureSteps.at));
}

const toStepRecord = (s: { action: string; at: Date }): StepRecord => ({
  action: s.action,
  at: s.at.toISOString(),
  date: shanghaiDate(s.at.toISOString()),
});

async function periodSettings(db: Db, procedureId: string, orgId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ clock: procedureSettings.clock, period: procedureSettings.period })
    .from(procedureSettings)
    .where(and(eq(procedureSettings.procedureId, procedureId), eq(procedureSettings.orgId, orgId)));
  return Object.fromEntries(rows.map((r) => [r.clock, r.period]));
}

export async function computeRecordClocks(
  db: Db,
  procedure: RegisteredProcedure,
  head: RecordHead,
  steps: StepRecord[],
  today: string,
): Promise<ClockState[]> {
  const cal = await loadCalendar(db);
  return computeClocks(procedure.definition, steps, cal, {
    today,
    settings: { periods: await periodSettings(db, procedure.definition.id, head.orgId) },
  });
}

async function snapshotOf(
  db: Db,
  procedure: RegisteredProcedure,
  head: RecordHead,
  actor: Actor,
  today: string,
  input?: unknown,
) {
  const steps = (await loadSteps(db, procedure.definition.id, head.id)).map(toStepRecord);
  const clocks = await computeRecordClocks(db, procedure, head, steps, today);
  const officerIds = (await procedure.officersOf?.(db, head.id)) ?? [];
  const eligibility = await enforcementIneligibility(db, [...officerIds, actor.userId], today);
  const snapshot: ProcedureSnapshot = {
    state: head.state,
    steps,
    documents: (await procedure.documentsOf?.(db, head.id)) ?? [],
    record: { ...head, ...((await procedure.factsOf?.(db, head.id)) ?? {}) },
    clocks,
    officers: officerIds.map((id) => ({ id, isCertified: eligibility.get(id)?.why === null })),
  };
  const engineActor = {
    id: actor.userId,
    roles: actor.roleIds,
    isCertified: eligibility.get(actor.userId)?.why === null,
  };
  const options = { roleLabels, documentLabels: procedure.documentLabels, input };
  return { snapshot, engineActor, options, steps };
}

/** The buttons a user sees: every action leaving the current state, with the reason when it is blocked. */
export async function allowedActionsFor(
  db: Db,
  procedure: RegisteredProcedure,
  head: RecordHead,
  actor: Actor,
  today: string,
): Promise<AllowedAction[]> {
  const { snapshot, engineActor, options } = await snapshotOf(db, procedure, head, actor, today);
  return listAllowedActions(procedure.definition, snapshot, engineActor, today, options);
}

const refusalStatus = {
  UNKNOWN_ACTION: 404,
  WRONG_STATE: 409,
  FORBIDDEN_ROLE: 403,
  CERTIFICATE: 422,
  MISSING_DOCUMENT: 422,
  GUARD: 422,
} as const;

export type TransitionRequest = {
  procedureId: string;
  recordId: string;
  action: string;
  actor: Actor;
  input?: unknown;
  note?: string | null;
  /** The day of the act; defaults to today in China. */
  at?: Date;
};

/**
 * The only way a record changes state. In the caller's transaction: checks scope, state, role,
 * certificates, documents and guards; moves the state with a compare-and-set; writes the step, the
 * recomputed deadlines, notifications, the audit row and an outbox event.
 */
export async function transition(
  tx: Db,
  request: TransitionRequest,
): Promise<{ from: string; to: string; stepId: string }> {
  const procedure = requireProcedure(request.procedureId);
  const { definition, columns } = procedure;
  const head = await loadRecordHead(tx, procedure, request.recordId);
  authorize(request.actor, head, { write: true, permission: 'procedures.act', what: '记录' });
  const at = request.at ?? new Date();
  const today = shanghaiDate(at.toISOString());
  const { snapshot, engineActor, options } = await snapshotOf(
    tx,
    procedure,
    head as RecordHead,
    request.actor,
    today,
    request.input,
  );
  const check = checkTransition(definition, snapshot, engineActor, today, request.action, options);
  if (!check.ok) {
    const status = refusalStatus[check.code];
    throw new AppError(
      status,
      status === 404
        ? 'NOT_FOUND'
        : status === 409
          ? 'CONFLICT'
          : status === 403
            ? 'FORBIDDEN'
            : 'UNPROCESSABLE',
      check.reason,
    );
  }
  const updated = await tx.execute(
    sql`update ${procedure.table} set ${sql.identifier(columns.state.name)} = ${check.to}
        where ${columns.id} = ${head!.id} and ${columns.orgId} = ${head!.orgId} and ${columns.state} = ${head!.state}
        returning ${columns.id}`,
  );
  if ((updated as unknown as { rows: unknown[] }).rows.length === 0)
    throw conflict('记录已被他人办理，请刷新后重试');
  const [step] = await tx
    .insert(procedureSteps)
    .values({
      procedureId: definition.id,
      recordId: head!.id,
      orgId: head!.orgId,
      action: request.action,
      fromState: head!.state,
      toState: check.to,
      actorId: request.actor.userId,
      actorName: request.actor.displayName,
      at,
      note: request.note ?? null,
      input: (request.input ?? null) as never,
    })
    .returning({ id: procedureSteps.id });
  await procedure.onTransition?.(tx, {
    action: request.action,
    from: head!.state,
    to: check.to,
    recordId: head!.id,
    orgId: head!.orgId,
    actor: request.actor,
    input: request.input ?? null,
    today,
  });
  // Re-read: the module's effects may have changed the title or the assignee the deadlines carry.
  const after = (await loadRecordHead(tx, procedure, head!.id))!;
  await syncDeadlines(tx, procedure, after, today);
  const event = `${definition.id}.${request.action}`;
  await recordAudit(tx, {
    actor: request.actor,
    orgId: head!.orgId,
    action: event,
    entityType: definition.id,
    entityId: head!.id,
    before: { state: head!.state },
    after: { state: check.to, note: request.note ?? null, input: request.input ?? null },
  });
  await tx.insert(outbox).values({
    topic: event,
    orgId: head!.orgId,
    payload: { recordId: head!.id, from: head!.state, to: check.to, stepId: step!.id },
  });
  return { from: head!.state, to: check.to, stepId: step!.id };
}

/** Rewrites the record's deadline rows from its steps, and notifies the assignee of clocks that just started. */
export async function syncDeadlines(
  tx: Db,
  procedure: RegisteredProcedure,
  head: RecordHead,
  today: string,
): Promise<ClockState[]> {
  const steps = (await loadSteps(tx, procedure.definition.id, head.id)).map(toStepRecord);
  const clocks = await computeRecordClocks(tx, procedure, head, steps, today);
  const existing = await tx
    .select({ clock: procedureDeadlines.clock, status: procedureDeadlines.status })
    .from(procedureDeadlines)
    .where(
      and(
        eq(procedureDeadlines.procedureId, procedure.definition.id),
        eq(procedureDeadlines.recordId, head.id),
      ),
    );
  const before = new Map(existing.map((e) => [e.clock, e.status]));
  for (const clock of clocks) {
    if (clock.status === 'notStarted' || !clock.startedOn) continue;
    const values = {
      procedureId: procedure.definition.id,
      recordId: head.id,
      recordTitle: head.title,
      orgId: head.orgId,
      assigneeId: head.assigneeId,
      clock: clock.clock,
      ruleId: clock.ruleId,
      status: clock.status,
      startedOn: clock.startedOn,
      dueDate: clock.dueDate ?? null,
      error: clock.error ?? null,
      warning: clock.warning ?? null,
      stoppedOn: clock.stoppedOn ?? null,
    };
    await tx
      .insert(procedureDeadlines)
      .values(values)
      .onConflictDoUpdate({
        target: [procedureDeadlines.procedureId, procedureDeadlines.recordId, procedureDeadlines.clock],
        set: values,
      });
    const started = clock.status === 'running' && before.get(clock.clock) !== 'running';
    if (started && head.assigneeId) {
      await notifyUser(tx, {
        userId: head.assigneeId,
        orgId: head.orgId,
        kind: 'deadline.started',
        title: `${clock.label}开始计算`,
        body: clock.dueDate
          ? `「${head.title}」的${clock.label}截止于 ${clock.dueDate}（${clock.citation}）`
          : `「${head.title}」的${clock.label}已开始，但${clock.error ?? '期限暂无法计算'}（${clock.citation}）`,
        link: procedure.link(head.id),
        dedupeKey: `deadline:${procedure.definition.id}:${head.id}:${clock.clock}:${clock.startedOn}:started`,
      });
    }
  }
  return clocks;
}

/** An in-app notification; the dedupe key makes a repeated reminder a no-op. */
export async function notifyUser(
  tx: Db,
  n: {
    userId: string;
    orgId: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    dedupeKey: string | null;
  },
): Promise<boolean> {
  const inserted = await tx
    .insert(notifications)
    .values(n)
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length > 0;
}
