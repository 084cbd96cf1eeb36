import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** One row per transition of any procedure instance: its history and the clocks' input. */
export const procedureSteps = pgTable(
  'procedure_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: text('procedure_id').notNull(),
    recordId: uuid('record_id').notNull(),
    orgId: uuid('org_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    note: text('note'),
    input: jsonb('input'),
  },
  (t) => [index('procedure_steps_record_idx').on(t.procedureId, t.recordId, t.at)],
);

/** The computed state of every clock, refreshed on each transition and by the daily sweep. */
export const procedureDeadlines = pgTable(
  'procedure_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: text('procedure_id').notNull(),
    recordId: uuid('record_id').notNull(),
    recordTitle: text('record_title').notNull(),
    orgId: uuid('org_id').notNull(),
    assigneeId: uuid('assignee_id'),
    clock: text('clock').notNull(),
    ruleId: text('rule_id').notNull(),
    status: text('status').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** Null when it cannot be computed yet (the calendar of that year is not loaded); `error` says why. */
    dueDate: date('due_date', { mode: 'string' }),
    error: text('error'),
    warning: text('warning'),
    stoppedOn: date('stopped_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('procedure_deadlines_clock_uq').on(t.procedureId, t.recordId, t.clock),
    index('procedure_deadlines_org_due_idx').on(t.orgId, t.status, t.dueDate),
    index('procedure_deadlines_assignee_idx').on(t.assigneeId, t.status, t.dueDate),
    // The due lists read running clocks in due-date order.
    index('procedure_deadlines_running_due_idx')
      .on(t.dueDate)
      .where(sql`${t.status} = 'running'`),
    // A record's next running deadline (the case list's 下一期限) as an index-only lookup.
    index('procedure_deadlines_record_running_idx')
      .on(t.recordId, t.dueDate)
      .where(sql`${t.status} = 'running'`),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** Same key for the same user means the same reminder: a repeated sweep raises it once. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

/** Per-organisation settings of configurable periods (e.g. 陈述申辩, which the law leaves open). */
export const procedureSettings = pgTable(
  'procedure_settings',
  {
    orgId: uuid('org_id').notNull(),
    procedureId: text('procedure_id').notNull(),
    clock: text('clock').notNull(),
    period: integer('period').notNull(),
  },
  (t) => [uniqueIndex('procedure_settings_uq').on(t.orgId, t.procedureId, t.clock)],
);
