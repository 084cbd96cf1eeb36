import { z } from 'zod';
import {
  AddWorkingDaysQuery,
  CalendarYears,
  DateResult,
  IsWorkingDayQuery,
  PutCalendarYearInput,
  WorkingDayResult,
} from '../../../shared/platform/calendar.ts';
import { ApiError } from '../../../shared/platform/errors.ts';
import { Ok } from '../../../shared/platform/pagination.ts';
import { addWorkingDays, CalendarRangeError, isWorkingDay } from '../../../shared/law/calendar.ts';
import { type App, type RouteContext, requireActor } from '../http.ts';
import { AppError } from '../errors.ts';
import { listCalendarYears, loadCalendar, putCalendarYear } from './service.ts';

const tags = ['工作日历'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 422: ApiError };

/** A date outside the loaded years is the user's question we cannot answer yet: 422, naming the year. */
async function withCalendar<T>(
  ctx: RouteContext,
  field: string,
  work: (cal: Awaited<ReturnType<typeof loadCalendar>>) => T,
): Promise<T> {
  const cal = await loadCalendar(ctx.db);
  try {
    return work(cal);
  } catch (error) {
    if (error instanceof CalendarRangeError) {
      throw new AppError(422, 'UNPROCESSABLE', error.message, [{ path: field, message: error.message }]);
    }
    throw error;
  }
}

export function registerCalendarRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/calendar/add-working-days',
    {
      schema: {
        tags,
        summary: '起算日后第N个工作日（起算日不计入）',
        querystring: AddWorkingDaysQuery,
        response: { 200: DateResult, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const { from, days } = request.query;
      return withCalendar(ctx, 'from', (cal) => ({ date: addWorkingDays(cal, from, days) }));
    },
  );
  app.get(
    '/api/calendar/is-working-day',
    {
      schema: {
        tags,
        summary: '是否工作日',
        querystring: IsWorkingDayQuery,
        response: { 200: WorkingDayResult, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return withCalendar(ctx, 'date', (cal) => ({ workingDay: isWorkingDay(cal, request.query.date) }));
    },
  );
  app.get(
    '/api/calendar/years',
    { schema: { tags, summary: '已录入的年度节假日安排', response: { 200: CalendarYears, ...errors } } },
    async (request) => {
      requireActor(request);
      return { items: await listCalendarYears(ctx.db) };
    },
  );
  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '录入或更正一年的节假日与调休安排',
        params: z.object({
          year: z.coerce.number().int().min(2000, '年份不早于2000').max(2100, '年份不晚于2100'),
        }),
        body: PutCalendarYearInput,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await putCalendarYear(ctx.db, requireActor(request), request.params.year, request.body);
      return { ok: true as const };
    },
  );
}
