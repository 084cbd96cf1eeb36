// Official holiday data (legal-rules.md §14), seeded from the npm package chinese-days (vsme/chinese-days).
// The package has no 2027 data (§14d): a year it lacks is an error, and 2027 is added by hand after the notice.
import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { CalendarRangeError, parseIsoDate, type CalendarData } from './calendar.ts';

/** One official calendar row: a holiday rest date or a 调休 working day, as stored in the calendar table. */
export type HolidayRow = {
  date: string;
  kind: 'rest' | 'work';
  /** The holiday the row belongs to, as named in the State Council notice (e.g. 春节). */
  name: string;
  year: number;
};

type DateNameMap = Readonly<Record<string, string>>;

const packageRestDays: DateNameMap = packageData.holidays;
const packageWorkDays: DateNameMap = packageData.workdays;

// The package abbreviates some names; use the names of the 国务院办公厅 notices.
const noticeNames: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

// Package values look like "Spring Festival,春节,4": English name, Chinese name, statutory day count.
function chineseName(value: string): string {
  const parts = value.split(',');
  const name = parts.length >= 3 ? (parts[parts.length - 2] ?? value) : value;
  return noticeNames[name] ?? name;
}

function rowsOf(map: DateNameMap, kind: HolidayRow['kind'], years: ReadonlySet<number>): HolidayRow[] {
  return Object.entries(map)
    .map(([date, value]) => ({ date, kind, name: chineseName(value), year: parseIsoDate(date).year }))
    .filter((row) => years.has(row.year));
}

/** Calendar rows for the given years from chinese-days; throws CalendarRangeError for a year it does not cover. */
export function officialCalendarSeed(years: readonly number[]): HolidayRow[] {
  const wanted = new Set(years);
  const rows = [...rowsOf(packageRestDays, 'rest', wanted), ...rowsOf(packageWorkDays, 'work', wanted)];
  for (const year of wanted) {
    if (!rows.some((row) => row.year === year)) throw new CalendarRangeError(year);
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Builds CalendarData from stored rows. Rows outside `years` are ignored; a loaded year without any row,
 * or a date marked both rest and work, is rejected so that bad data cannot pass as "no holidays".
 */
export function calendarFromRows(
  rows: readonly Pick<HolidayRow, 'date' | 'kind'>[],
  years: readonly number[],
): CalendarData {
  const loaded = [...new Set(years)].sort((a, b) => a - b);
  const restDays = new Set<string>();
  const workDays = new Set<string>();
  const yearsWithRows = new Set<number>();
  for (const row of rows) {
    const { year } = parseIsoDate(row.date);
    if (!loaded.includes(year)) continue;
    yearsWithRows.add(year);
    (row.kind === 'rest' ? restDays : workDays).add(row.date);
  }
  for (const date of restDays) {
    if (workDays.has(date)) throw new Error(`${date} 同时登记为休息日和调休上班日`);
  }
  for (const year of loaded) {
    if (!yearsWithRows.has(year)) throw new CalendarRangeError(year);
  }
  return { years: loaded, restDays, workDays };
}
