import { describe, expect, it } from 'vitest';
import { formatCalendarLines, mergeCalendarDays, parseCalendarLines } from './calendar-dates.ts';

describe('parseCalendarLines', () => {
  it('reads single dates, ranges and Chinese dates, with or without a name', () => {
    const result = parseCalendarLines(
      '2027-01-01 元旦\n2027/2/6~2027/2/8 春节\n\n2027年5月1日\n',
      'rest',
      2027,
      '法定节假日',
    );
    expect(result.errors).toEqual([]);
    expect(result.days).toEqual([
      { date: '2027-01-01', kind: 'rest', name: '元旦' },
      { date: '2027-02-06', kind: 'rest', name: '春节' },
      { date: '2027-02-07', kind: 'rest', name: '春节' },
      { date: '2027-02-08', kind: 'rest', name: '春节' },
      { date: '2027-05-01', kind: 'rest', name: '法定节假日' },
    ]);
  });

  it('expands a range that crosses a month end, including 至 as separator', () => {
    const result = parseCalendarLines('2027-04-30 至 2027-05-02 劳动节', 'rest', 2027, 'x');
    expect(result.days.map((day) => day.date)).toEqual(['2027-04-30', '2027-05-01', '2027-05-02']);
  });

  it('names the line of each mistake', () => {
    const result = parseCalendarLines(
      '2027-02-30 坏\n不是日期\n2026-12-31\n2027-03-05~2027-03-01',
      'work',
      2027,
      '调休上班',
    );
    expect(result.days).toEqual([]);
    expect(result.errors).toEqual([
      '第1行日期无效：“2027-02-30 坏”',
      '第2行无法识别：“不是日期”',
      '第3行的 2026-12-31 不属于 2027 年',
      '第4行结束日期早于开始日期',
    ]);
  });
});

describe('mergeCalendarDays', () => {
  it('refuses a date that is both a rest day and a working day', () => {
    const rest = parseCalendarLines('2027-02-13 春节', 'rest', 2027, '');
    const work = parseCalendarLines('2027-02-13 调休', 'work', 2027, '');
    expect(mergeCalendarDays(rest, work).errors).toEqual(['2027-02-13 同时出现在放假和调休上班中']);
  });

  it('sorts by date and round-trips through formatCalendarLines', () => {
    const merged = mergeCalendarDays(
      parseCalendarLines('2027-10-01 国庆节\n2027-01-01 元旦', 'rest', 2027, ''),
      parseCalendarLines('2027-09-26 国庆调休', 'work', 2027, ''),
    );
    expect(merged.days.map((day) => day.date)).toEqual(['2027-01-01', '2027-09-26', '2027-10-01']);
    expect(formatCalendarLines(merged.days, 'rest')).toBe('2027-01-01 元旦\n2027-10-01 国庆节');
  });
});
