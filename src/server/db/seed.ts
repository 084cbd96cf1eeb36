import type { Db } from './client.ts';
import { seedRoles } from './seed-roles.ts';
import { officialCalendarSeed } from '../../shared/law/holiday-data.ts';
import { loadedYears, putCalendarYear } from '../platform/calendar/service.ts';

// The years whose State Council notices ship with Fazhi (legal-rules.md §14); later years are added by admins.
export const shippedCalendarYears = [2025, 2026];
const notices: Record<number, string> = {
  2025: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  2026: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
};

/** Data every installation needs, demo or not: roles and the shipped holiday calendars. Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await seedRoles(db);
  const present = await loadedYears(db, shippedCalendarYears);
  for (const year of shippedCalendarYears.filter((y) => !present.includes(y))) {
    const days = officialCalendarSeed([year]).map(({ date, kind, name }) => ({ date, kind, name }));
    await putCalendarYear(db, null, year, { source: notices[year]!, days });
  }
}
