import { z } from 'zod';
import { IsoDate } from './pagination.ts';

export const AddWorkingDaysQuery = z.object({
  from: IsoDate.describe('起算日（不计入）'),
  days: z.coerce
    .number({ message: '天数应为整数' })
    .int('天数应为整数')
    .min(0, '天数不能为负')
    .max(1000, '天数不超过1000'),
});
export const DateResult = z.object({ date: z.string() });
export const IsWorkingDayQuery = z.object({ date: IsoDate });
export const WorkingDayResult = z.object({ workingDay: z.boolean() });

export const CalendarDay = z.object({ date: z.string(), kind: z.enum(['rest', 'work']), name: z.string() });
export const CalendarYear = z.object({
  year: z.number().int(),
  source: z.string(),
  days: z.array(CalendarDay),
});
export const CalendarYears = z.object({ items: z.array(CalendarYear) });

/** An admin loads a year from the State Council notice: its rest days and its 调休 working days. */
export const PutCalendarYearInput = z.object({
  source: z.string().trim().min(4, '请填写依据（国务院办公厅通知文号或标题）').max(200),
  days: z
    .array(
      z.object({
        date: IsoDate,
        kind: z.enum(['rest', 'work'], { message: '类型应为 rest 或 work' }),
        name: z.string().trim().min(1).max(20),
      }),
    )
    .min(1, '至少录入一天'),
});
export type PutCalendarYearInput = z.infer<typeof PutCalendarYearInput>;
