import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { calendarFromRows, type HolidayRow } from '../../../shared/law/holiday-data.ts';
import type { CalendarData } from '../../../shared/law/calendar.ts';
import type { PutCalendarYearInput } from '../../../shared/platform/calendar.ts';
import { calendarDays, calendarYears } from './tables.ts';
import { type Actor, requirePermission, isRootActor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { forbidden, invalidField } from '../errors.ts';

// The calendar changes a few times a year; every deadline computation reads it, so keep it in memory.
const cache = new WeakMap<Db, Promise<CalendarData>>();

/** The official calendar of every loaded year (CalendarRangeError for any other year). */
export function loadCalendar(db: Db): Promise<CalendarData> {
  let cached = cache.get(db);
  if (!cached) {
    cached = (async () => {
      const years = (await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year);
      const rows = await db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
      return calendarFromRows(rows as Pick<HolidayRow, 'date' | 'kind'>[], years);
    })();
    cached.catch(() => cache.delete(db));
    cache.set(db, cached);
  }
  return cached;
}

export function forgetCalendar(db: Db): void {
  cache.delete(db);
}

export async function listCalendarYears(db: Db) {
  const years = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const days = await db.select().from(calendarDays).orderBy(asc(calendarDays.date));
  return years.map((y) => ({
    year: y.year,
    source: y.source,
    days: days
      .filter((d) => d.year === y.year)
      .map((d) => ({ date: d.date, kind: d.kind as 'rest' | 'work', name: d.name })),
  }));
}

/** Writes a whole year as the State Council notice gives it (replacing what was there), audited. */
export async function putCalendarYear(
  db: Db,
  actor: Actor | null,
  year: number,
  input: PutCalendarYearInput,
): Promise<void> {
  if (actor) {
    requirePermission(actor, 'admin.calendar');
    if (!isRootActor(actor)) throw forbidden('节假日安排由最上级机构的系统管理员维护');
  }
  input.days.forEach((d, i) => {
    if (!d.date.startsWith(`${year}-`))
      throw invalidField(`days.${i}.date`, `日期 ${d.date} 不属于 ${year} 年`);
    const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
    if (d.kind === 'work' && weekday !== 0 && weekday !== 6)
      throw invalidField(`days.${i}.kind`, `${d.date} 是工作日，无需登记为调休上班`);
  });
  const dates = input.days.map((d) => d.date);
  if (new Set(dates).size !== dates.length) throw invalidField('days', '日期有重复');
  await inTransaction(db, async (tx) => {
    const before = await tx.select().from(calendarDays).where(eq(calendarDays.year, year));
    await tx.delete(calendarDays).where(eq(calendarDays.year, year));
    await tx
      .insert(calendarYears)
      .values({ year, source: input.source })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { source: input.source, loadedAt: new Date() },
      });
    await tx.insert(calendarDays).values(input.days.map((d) => ({ ...d, year })));
    await recordAudit(tx, {
      actor,
      orgId: actor?.orgId ?? null,
      action: 'calendar.putYear',
      entityType: 'calendarYear',
      entityId: String(year),
      before: before.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
      after: input,
    });
  });
  forgetCalendar(db);
}

export async function loadedYears(db: Db, years: number[]): Promise<number[]> {
  const rows = await db
    .select({ year: calendarYears.year })
    .from(calendarYears)
    .where(inArray(calendarYears.year, years));
  return rows.map((r) => r.year);
}
