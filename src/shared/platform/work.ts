import { z } from 'zod';
import { PageQuery, QueryBoolean } from './pagination.ts';

/** One open or closed statutory deadline of a procedure instance. */
export const Deadline = z.object({
  id: z.string(),
  procedureId: z.string(),
  procedureLabel: z.string(),
  recordId: z.string(),
  recordTitle: z.string(),
  orgId: z.string(),
  clock: z.string(),
  clockLabel: z.string(),
  ruleId: z.string(),
  citation: z.string(),
  startedOn: z.string(),
  dueDate: z.string().nullable().describe('最后一日；无法计算时为 null，原因见 error'),
  warning: z.string().nullable(),
  error: z.string().nullable().describe('无法计算期限的原因，如该年度节假日安排尚未录入'),
  daysLeft: z.number().int().nullable(),
  status: z.enum(['open', 'dueSoon', 'overdue', 'stopped', 'paused', 'undetermined']),
  assigneeId: z.string().nullable(),
  link: z.string(),
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineListQuery = PageQuery.extend({
  scope: z.enum(['mine', 'org'], { message: 'scope 应为 mine 或 org' }).default('mine'),
  status: z.enum(['open', 'dueSoon', 'overdue', 'active'], { message: '状态不正确' }).default('active'),
});

export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationListQuery = PageQuery.extend({ unreadOnly: QueryBoolean.optional() });

export const TimelineStep = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});
export const Timeline = z.object({
  procedureId: z.string(),
  procedureLabel: z.string(),
  recordId: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  steps: z.array(TimelineStep),
  deadlines: z.array(Deadline),
  allowedActions: z.array(
    z.object({ action: z.string(), label: z.string(), blockedBy: z.string().optional() }),
  ),
});
export type Timeline = z.infer<typeof Timeline>;

/** A configurable period (the law leaves it open, e.g. 陈述申辩) as an organisation has set it. */
export const ProcedurePeriodSetting = z.object({
  clock: z.string(),
  label: z.string(),
  ruleId: z.string(),
  citation: z.string(),
  defaultPeriod: z.number().int().nullable(),
  period: z.number().int().nullable().describe('本机构设定的期限；null 表示使用默认值'),
  unit: z.string().nullable(),
});
export const ProcedurePeriodSettings = z.object({
  procedureId: z.string(),
  items: z.array(ProcedurePeriodSetting),
});
export const PutProcedurePeriodInput = z.object({
  period: z
    .number({ message: '期限应为整数' })
    .int('期限应为整数')
    .min(1, '期限至少1天')
    .max(365, '期限不超过365天')
    .nullable(),
});
