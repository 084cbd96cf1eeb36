import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addCalendarDays,
  addCalendarMonths,
  addMonths,
  addNaturalDays,
  addWorkingDays,
  CalendarRangeError,
  countWorkingDays,
  daysBetween,
  InvalidDateError,
  isValidIsoDate,
  isWorkingDay,
  parseIsoDate,
  subtractWorkingDays,
  weekday,
  workingDaysInYear,
} from './calendar.ts';
import { calendarFromRows, officialCalendarSeed } from './holiday-data.ts';

// legal-rules.md §14a, typed by hand from the 国务院办公厅 notices (never derived from the package).
const handRestDays: Record<number, Record<string, string[]>> = {
  2025: {
    元旦: ['2025-01-01'],
    春节: [
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ],
    清明节: ['2025-04-04', '2025-04-05', '2025-04-06'],
    劳动节: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
    端午节: ['2025-05-31', '2025-06-01', '2025-06-02'],
    '国庆节、中秋节': [
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
  },
  2026: {
    元旦: ['2026-01-01', '2026-01-02', '2026-01-03'],
    春节: [
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ],
    清明节: ['2026-04-04', '2026-04-05', '2026-04-06'],
    劳动节: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
    端午节: ['2026-06-19', '2026-06-20', '2026-06-21'],
    中秋节: ['2026-09-25', '2026-09-26', '2026-09-27'],
    国庆节: [
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
  },
};

// legal-rules.md §14b: 调休 working days.
const handWorkDays: Record<number, Record<string, string[]>> = {
  2025: {
    春节: ['2025-01-26', '2025-02-08'],
    劳动节: ['2025-04-27'],
    '国庆节、中秋节': ['2025-09-28', '2025-10-11'],
  },
  2026: {
    元旦: ['2026-01-04'],
    春节: ['2026-02-14', '2026-02-28'],
    劳动节: ['2026-05-09'],
    国庆节: ['2026-09-20', '2026-10-10'],
  },
};

const flatten = (table: Record<string, string[]>): string[] => Object.values(table).flat().sort();

const handRows = [2025, 2026].flatMap((year) => [
  ...flatten(handRestDays[year] ?? {}).map((date) => ({ date, kind: 'rest' as const })),
  ...flatten(handWorkDays[year] ?? {}).map((date) => ({ date, kind: 'work' as const })),
]);
const handCalendar = calendarFromRows(handRows, [2025, 2026]);
const packageCalendar = calendarFromRows(officialCalendarSeed([2025, 2026]), [2025, 2026]);

for (const year of [2025, 2026]) {
  test(`chinese-days ${year} rest days match the ${year} notice (§14a)`, () => {
    const fromPackage = officialCalendarSeed([year])
      .filter((row) => row.kind === 'rest')
      .map((row) => row.date);
    assert.deepEqual(fromPackage, flatten(handRestDays[year] ?? {}));
  });

  test(`chinese-days ${year} 调休 working days match the ${year} notice (§14b)`, () => {
    const fromPackage = officialCalendarSeed([year])
      .filter((row) => row.kind === 'work')
      .map((row) => row.date);
    assert.deepEqual(fromPackage, flatten(handWorkDays[year] ?? {}));
  });
}

test('seed rows carry the notice names and the year', () => {
  const rows = officialCalendarSeed([2026]);
  const find = (date: string) => rows.find((row) => row.date === date);
  assert.deepEqual(find('2026-02-14'), { date: '2026-02-14', kind: 'work', name: '春节', year: 2026 });
  assert.deepEqual(find('2026-04-05'), { date: '2026-04-05', kind: 'rest', name: '清明节', year: 2026 });
  assert.deepEqual(find('2026-10-10'), { date: '2026-10-10', kind: 'work', name: '国庆节', year: 2026 });
});

test('seeding a year the package does not cover is an error (§14d)', () => {
  assert.throws(
    () => officialCalendarSeed([2026, 2027]),
    (error: unknown) => {
      assert.ok(error instanceof CalendarRangeError);
      assert.equal(error.year, 2027);
      assert.equal(error.message, '2027年的节假日安排尚未录入，无法计算工作日');
      return true;
    },
  );
});

test('calendarFromRows rejects a loaded year without rows and a date that is both rest and work', () => {
  assert.throws(() => calendarFromRows(handRows, [2025, 2026, 2027]), CalendarRangeError);
  const conflicting = [...handRows, { date: '2026-02-14', kind: 'rest' as const }];
  assert.throws(() => calendarFromRows(conflicting, [2026]), /同时登记为休息日和调休上班日/);
});

for (const [label, cal] of [
  ['hand-typed', handCalendar],
  ['chinese-days', packageCalendar],
] as const) {
  test(`${label}: 248 working days in 2025 and in 2026 (§14b)`, () => {
    assert.equal(workingDaysInYear(cal, 2025), 248);
    assert.equal(workingDaysInYear(cal, 2026), 248);
  });

  test(`${label}: §14c working-day vectors`, () => {
    // XZCF-61: 02-14 and 02-28 (Sat) are 调休 working days around the 2026 Spring Festival.
    assert.equal(addWorkingDays(cal, '2026-02-12', 7), '2026-02-28');
    // XZCF-64-1: 2025-01-26 (Sun, 调休) is day 1.
    assert.equal(addWorkingDays(cal, '2025-01-24', 5), '2025-02-07');
    // SX-GS-1: 2025-09-28 (Sun) and 10-11 (Sat) are 调休 working days.
    assert.equal(addWorkingDays(cal, '2025-09-26', 7), '2025-10-13');
    // XZFY-48: 2026 中秋 and 国庆, with 10-10 (Sat, 调休) as day 6.
    assert.equal(addWorkingDays(cal, '2026-09-24', 10), '2026-10-15');
    // ZXGK-33: 劳动节 2026, with 05-09 (Sat, 调休) counted.
    assert.equal(addWorkingDays(cal, '2026-04-30', 20), '2026-06-01');
    // XZCF-48 across the year end: 2026-01-04 (Sun, 调休) is day 1.
    assert.equal(addWorkingDays(cal, '2025-12-31', 3), '2026-01-06');
  });

  test(`${label}: §14c natural-day vectors`, () => {
    // XZCF-67: raw 2025-10-01 is inside the holiday, which runs to 10-08.
    assert.deepEqual(addNaturalDays(cal, '2025-09-16', 15), {
      date: '2025-10-09',
      unshiftedDate: '2025-10-01',
    });
    // An ordinary Saturday shifts under CNT-11 and stays put without the shift.
    assert.deepEqual(addNaturalDays(cal, '2026-01-16', 15), {
      date: '2026-02-02',
      unshiftedDate: '2026-01-31',
    });
    assert.deepEqual(addNaturalDays(cal, '2026-01-16', 15, { shiftRestDay: false }), {
      date: '2026-01-31',
      unshiftedDate: '2026-01-31',
    });
    // XZCF-60: raw 2026-04-05 (Sun, 清明) → 04-07.
    assert.deepEqual(addNaturalDays(cal, '2026-01-05', 90), {
      date: '2026-04-07',
      unshiftedDate: '2026-04-05',
    });
  });
}

test('调休 weekends are working days; holiday weekdays are not', () => {
  for (const date of ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10', '2025-01-26', '2025-10-11']) {
    assert.equal(isWorkingDay(packageCalendar, date), true, date);
  }
  for (const date of ['2026-02-16', '2026-10-07', '2025-10-08', '2026-01-02']) {
    assert.equal(isWorkingDay(packageCalendar, date), false, date);
  }
  assert.equal(isWorkingDay(packageCalendar, '2026-10-08'), true);
  assert.equal(isWorkingDay(packageCalendar, '2026-03-07'), false); // an ordinary Saturday
});

test('a date in 2027 is an error, never a guess (§14c)', () => {
  const is2027 = (error: unknown) => error instanceof CalendarRangeError && error.year === 2027;
  assert.throws(() => isWorkingDay(packageCalendar, '2027-01-04'), is2027);
  assert.throws(() => addWorkingDays(packageCalendar, '2027-01-04', 1), is2027);
  assert.throws(() => addNaturalDays(packageCalendar, '2027-01-04', 15), is2027);
  assert.throws(() => addNaturalDays(packageCalendar, '2027-01-04', 15, { shiftRestDay: false }), is2027);
  // Stepping out of 2026 into 2027 also fails: 2026-12-31 is the last working day of the loaded years.
  assert.equal(addWorkingDays(packageCalendar, '2026-12-30', 1), '2026-12-31');
  assert.throws(() => addWorkingDays(packageCalendar, '2026-12-30', 2), is2027);
  assert.throws(() => workingDaysInYear(packageCalendar, 2027), is2027);
});

test('addWorkingDays with n = 0 returns the start day if it works, else the next working day', () => {
  assert.equal(addWorkingDays(packageCalendar, '2026-03-04', 0), '2026-03-04');
  assert.equal(addWorkingDays(packageCalendar, '2026-10-01', 0), '2026-10-08');
  assert.equal(addWorkingDays(packageCalendar, '2026-02-14', 0), '2026-02-14');
  assert.throws(() => addWorkingDays(packageCalendar, '2026-03-04', -1), RangeError);
  assert.throws(() => addWorkingDays(packageCalendar, '2026-03-04', 1.5), RangeError);
});

test('subtractWorkingDays counts back over 国庆 2026 and its 调休 Saturday', () => {
  // 10-10 (Sat, 调休) 1, 10-09 2, 10-08 3, 09-30 4, 09-29 5, 09-28 6, then 09-25..27 rest, 09-24 7.
  assert.equal(subtractWorkingDays(packageCalendar, '2026-10-12', 7), '2026-09-24');
  assert.equal(subtractWorkingDays(packageCalendar, '2026-10-05', 0), '2026-09-30');
});

test('countWorkingDays counts (from, to] and mirrors when reversed', () => {
  assert.equal(countWorkingDays(packageCalendar, '2026-02-12', '2026-02-28'), 7);
  assert.equal(countWorkingDays(packageCalendar, '2025-12-31', '2026-01-06'), 3);
  assert.equal(countWorkingDays(packageCalendar, '2026-03-04', '2026-03-04'), 0);
  assert.equal(countWorkingDays(packageCalendar, '2026-02-28', '2026-02-12'), -7);
});

test('CNT-2: month periods end on the same-numbered day, else the month end', () => {
  assert.equal(addCalendarMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addCalendarMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(addCalendarMonths('2025-08-31', 6), '2026-02-28');
  assert.equal(addCalendarMonths('2025-11-15', 3), '2026-02-15');
  assert.equal(addCalendarMonths('2026-03-31', -1), '2026-02-28');
  assert.equal(addCalendarMonths('2024-02-29', 12), '2025-02-28');
  // 2026-01-31 + 1 month = 02-28, a Saturday but a 调休 working day, so no shift.
  assert.deepEqual(addMonths(packageCalendar, '2026-01-31', 1), {
    date: '2026-02-28',
    unshiftedDate: '2026-02-28',
  });
  // 2025-12-31 + 1 month = 2026-01-31 (Sat) → Mon 02-02.
  assert.deepEqual(addMonths(packageCalendar, '2025-12-31', 1), {
    date: '2026-02-02',
    unshiftedDate: '2026-01-31',
  });
  assert.deepEqual(addMonths(packageCalendar, '2025-12-31', 1, { shiftRestDay: false }), {
    date: '2026-01-31',
    unshiftedDate: '2026-01-31',
  });
  // 2026-01-15 + 3 months = 04-15 (Wed).
  assert.deepEqual(addMonths(packageCalendar, '2026-01-15', 3), {
    date: '2026-04-15',
    unshiftedDate: '2026-04-15',
  });
});

test('plain date arithmetic', () => {
  assert.equal(addCalendarDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addCalendarDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addCalendarDays('2100-02-28', 1), '2100-03-01');
  assert.equal(addCalendarDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addCalendarDays('1970-01-01', 0), '1970-01-01');
  assert.equal(daysBetween('2026-01-05', '2026-04-05'), 90);
  assert.equal(daysBetween('2026-01-01', '2025-01-01'), -365);
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  assert.equal(weekday('1970-01-01'), 4); // Thursday
  assert.equal(weekday('2026-02-14'), 6); // Saturday
  assert.equal(weekday('2026-09-20'), 0); // Sunday
  assert.equal(weekday('2025-12-31'), 3); // Wednesday
  assert.deepEqual(parseIsoDate('2026-02-28'), { year: 2026, month: 2, day: 28 });
});

test('invalid dates are rejected with a Chinese message', () => {
  for (const bad of [
    '2026-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-5',
    '20250105',
    '2025-01-05T00:00',
    '',
    'abc',
  ]) {
    assert.equal(isValidIsoDate(bad), false, bad);
    assert.throws(() => parseIsoDate(bad), InvalidDateError, bad);
  }
  assert.equal(isValidIsoDate('2028-02-29'), true);
  assert.equal(isValidIsoDate(20260101), false);
  assert.throws(
    () => addWorkingDays(packageCalendar, '2026-02-30', 1),
    (error: unknown) => {
      assert.ok(error instanceof InvalidDateError);
      assert.match(error.message, /^日期格式应为 YYYY-MM-DD/);
      return true;
    },
  );
  assert.throws(() => isWorkingDay(packageCalendar, '2026/02/14'), InvalidDateError);
});
