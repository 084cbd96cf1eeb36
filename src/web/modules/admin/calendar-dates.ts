import dayjs from 'dayjs';

export type CalendarDayKind = 'rest' | 'work';
export type ParsedDay = { date: string; kind: CalendarDayKind; name: string };
export type ParseResult = { days: ParsedDay[]; errors: string[] };

const datePattern = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const linePattern = new RegExp(
  String.raw`^${datePattern}(?:\s*(?:~|～|至|到|—|–|-{1,2})\s*(?:${datePattern}))?\s*[,，、\s]*(.*)$`,
);

function isoDate(year: string, month: string, day: string): string | undefined {
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = dayjs(text);
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === text ? text : undefined;
}

/**
 * Reads dates pasted from a State Council holiday notice, one per line:
 * `2027-01-01 元旦`, `2027/2/6~2027/2/12 春节`, `2027年2月13日 春节调休`.
 * A range expands to every day in it; a line without a name gets `defaultName`.
 */
export function parseCalendarLines(
  text: string,
  kind: CalendarDayKind,
  year: number,
  defaultName: string,
): ParseResult {
  const days: ParsedDay[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const match = linePattern.exec(line);
    if (!match) {
      errors.push(`第${index + 1}行无法识别：“${line}”`);
      return;
    }
    const [, y1 = '', m1 = '', d1 = '', y2, m2, d2, rest = ''] = match;
    const start = isoDate(y1, m1, d1);
    const end = y2 && m2 && d2 ? isoDate(y2, m2, d2) : start;
    if (!start || !end) {
      errors.push(`第${index + 1}行日期无效：“${line}”`);
      return;
    }
    if (end < start) {
      errors.push(`第${index + 1}行结束日期早于开始日期`);
      return;
    }
    const name = rest.trim().slice(0, 20) || defaultName;
    for (let day = dayjs(start); !day.isAfter(dayjs(end)); day = day.add(1, 'day')) {
      const date = day.format('YYYY-MM-DD');
      if (day.year() !== year) {
        errors.push(`第${index + 1}行的 ${date} 不属于 ${year} 年`);
        continue;
      }
      days.push({ date, kind, name });
    }
  });
  return { days, errors };
}

/** Combines both lists; a date entered twice (as rest and as work) is an error, not a silent overwrite. */
export function mergeCalendarDays(rest: ParseResult, work: ParseResult): ParseResult {
  const seen = new Map<string, ParsedDay>();
  const errors = [...rest.errors, ...work.errors];
  for (const day of [...rest.days, ...work.days]) {
    const earlier = seen.get(day.date);
    if (earlier && earlier.kind !== day.kind) errors.push(`${day.date} 同时出现在放假和调休上班中`);
    seen.set(day.date, day);
  }
  const days = [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { days, errors };
}

/** The inverse, for editing a year already loaded: one line per day. */
export function formatCalendarLines(days: ParsedDay[], kind: CalendarDayKind): string {
  return days
    .filter((day) => day.kind === kind)
    .map((day) => `${day.date} ${day.name}`)
    .join('\n');
}
