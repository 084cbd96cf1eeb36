// The official working-day calendar (legal-rules.md §0, §14): data in, pure date arithmetic out.
// Dates are 'YYYY-MM-DD' strings; all arithmetic is on integer day numbers, so the host timezone never matters.

/** Official rest days and 调休 working days for the years that have been loaded. */
export type CalendarData = {
  years: readonly number[];
  /** Every date inside an official holiday span, weekends included (§14a). */
  restDays: ReadonlySet<string>;
  /** Weekend days declared working days (调休, §14b). */
  workDays: ReadonlySet<string>;
};

export type DateParts = { year: number; month: number; day: number };

/** Rest-day handling for natural-day, month and year periods. */
export type NaturalPeriodOptions = {
  /** 民法典第二百零三条 (CNT-3), weekends included per CNT-11; default true. */
  shiftRestDay?: boolean;
};

export type ShiftedDate = { date: string; unshiftedDate: string };

/** A date falls in a year whose holiday notice has not been loaded: never guess. */
export class CalendarRangeError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`${year}年的节假日安排尚未录入，无法计算工作日`);
    this.name = 'CalendarRangeError';
    this.year = year;
  }
}

export class InvalidDateError extends Error {
  readonly value: string;
  constructor(value: unknown) {
    super(`日期格式应为 YYYY-MM-DD（收到：${String(value)}）`);
    this.name = 'InvalidDateError';
    this.value = String(value);
  }
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatDate({ year, month, day }: DateParts): string {
  if (year < 1 || year > 9999) throw new InvalidDateError(`${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayNumberOf(date: string): number {
  return toDayNumber(parseIsoDate(date));
}

function assertCount(n: number, label: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${label}必须为非负整数（收到：${n}）`);
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (years 0001–9999). */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a 'YYYY-MM-DD' string into numbers; throws InvalidDateError for anything else. */
export function parseIsoDate(value: string): DateParts {
  if (!isValidIsoDate(value)) throw new InvalidDateError(value);
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

/** Plain date arithmetic, no calendar: date + n natural days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`天数必须为整数（收到：${n}）`);
  return formatDate(fromDayNumber(dayNumberOf(date) + n));
}

/** Plain month arithmetic per 民法典第二百零二条 (CNT-2): same-numbered day, else the month's last day. */
export function addCalendarMonths(date: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new RangeError(`月数必须为整数（收到：${months}）`);
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Day of the week, 0 = Sunday … 6 = Saturday (the same numbering as Date#getUTCDay). */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

/** Natural days from a to b (b − a); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

function assertLoaded(cal: CalendarData, date: string): void {
  const { year } = parseIsoDate(date);
  if (!cal.years.includes(year)) throw new CalendarRangeError(year);
}

/** Mon–Fri and not an official rest day, or a 调休 working day; throws CalendarRangeError outside loaded years. */
export function isWorkingDay(cal: CalendarData, date: string): boolean {
  assertLoaded(cal, date);
  if (cal.workDays.has(date)) return true;
  if (cal.restDays.has(date)) return false;
  const day = weekday(date);
  return day >= 1 && day <= 5;
}

/** The date itself if it is a working day, else the next working day. */
export function workingDayOnOrAfter(cal: CalendarData, date: string): string {
  let current = date;
  while (!isWorkingDay(cal, current)) current = addCalendarDays(current, 1);
  return current;
}

/** The date itself if it is a working day, else the previous working day. */
export function workingDayOnOrBefore(cal: CalendarData, date: string): string {
  let current = date;
  while (!isWorkingDay(cal, current)) current = addCalendarDays(current, -1);
  return current;
}

/**
 * The Nth working day after `from`; the start day is not counted (民法典第二百零一条, CNT-1).
 * n = 0 means "today": `from` if it is a working day, else the next working day.
 */
export function addWorkingDays(cal: CalendarData, from: string, n: number): string {
  assertCount(n, '工作日数');
  if (n === 0) return workingDayOnOrAfter(cal, from);
  let current = from;
  for (let counted = 0; counted < n;) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(cal, current)) counted += 1;
  }
  return current;
}

/** The Nth working day before `from` (for "N日前" notices); `from` itself is not counted. n = 0 mirrors addWorkingDays. */
export function subtractWorkingDays(cal: CalendarData, from: string, n: number): string {
  assertCount(n, '工作日数');
  if (n === 0) return workingDayOnOrBefore(cal, from);
  let current = from;
  for (let counted = 0; counted < n;) {
    current = addCalendarDays(current, -1);
    if (isWorkingDay(cal, current)) counted += 1;
  }
  return current;
}

function shiftToWorkingDay(cal: CalendarData, raw: string, options: NaturalPeriodOptions = {}): ShiftedDate {
  // The raw end date must be in a loaded year even when no shift is asked for: never guess.
  assertLoaded(cal, raw);
  const date = (options.shiftRestDay ?? true) ? workingDayOnOrAfter(cal, raw) : raw;
  return { date, unshiftedDate: raw };
}

/**
 * from + n natural days (CNT-1); a last day that is not a working day (holiday, or an ordinary weekend that
 * is not 调休 — CNT-11) moves to the next working day (民法典第二百零三条, CNT-3) unless shiftRestDay is false.
 */
export function addNaturalDays(
  cal: CalendarData,
  from: string,
  n: number,
  options?: NaturalPeriodOptions,
): ShiftedDate {
  assertCount(n, '天数');
  return shiftToWorkingDay(cal, addCalendarDays(from, n), options);
}

/** from + months per CNT-2 (same-numbered day, else month end), then the CNT-3 shift as in addNaturalDays. */
export function addMonths(
  cal: CalendarData,
  from: string,
  months: number,
  options?: NaturalPeriodOptions,
): ShiftedDate {
  assertCount(months, '月数');
  return shiftToWorkingDay(cal, addCalendarMonths(from, months), options);
}

/** Working days in (fromExclusive, toInclusive]; negative (the mirror count) when toInclusive is earlier. */
export function countWorkingDays(cal: CalendarData, fromExclusive: string, toInclusive: string): number {
  const start = dayNumberOf(fromExclusive);
  const end = dayNumberOf(toInclusive);
  if (end < start) return -countWorkingDays(cal, toInclusive, fromExclusive);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkingDay(cal, formatDate(fromDayNumber(day)))) count += 1;
  }
  return count;
}

/** Working days in a whole loaded year (248 in both 2025 and 2026, §14b). */
export function workingDaysInYear(cal: CalendarData, year: number): number {
  if (!cal.years.includes(year)) throw new CalendarRangeError(year);
  return countWorkingDays(
    cal,
    formatDate({ year: year - 1, month: 12, day: 31 }),
    formatDate({ year, month: 12, day: 31 }),
  );
}
