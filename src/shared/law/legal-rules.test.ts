import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CalendarRangeError } from './calendar.ts';
import { calendarFromRows, officialCalendarSeed } from './holiday-data.ts';
import { dueDateForRule, legalRules, type LegalRule, type LegalRuleId } from './legal-rules.ts';

const cal = calendarFromRows(officialCalendarSeed([2025, 2026]), [2025, 2026]);
const entries = Object.entries(legalRules) as [LegalRuleId, LegalRule][];

test('every rule with a period has a unit, a citation and a side; no unit without a period', () => {
  for (const [id, rule] of entries) {
    assert.ok(rule.title.length > 0, id);
    assert.ok(rule.citation.length > 0, id);
    assert.ok(['V', 'S', 'U'].includes(rule.confidence), id);
    if (rule.period !== undefined) {
      assert.ok(Number.isSafeInteger(rule.period) && rule.period >= 0, id);
      assert.ok(['naturalDay', 'workingDay', 'month', 'year'].includes(rule.unit ?? ''), `${id} has no unit`);
      assert.ok(rule.protects === 'party' || rule.protects === 'agency', `${id} has no protects`);
    } else {
      assert.equal(rule.unit, undefined, id);
      assert.equal(rule.limit, undefined, id);
      assert.equal(rule.extension, undefined, id);
      const hasOtherData =
        rule.threshold !== undefined || rule.annualDeadline !== undefined || rule.fixedDate !== undefined;
      assert.ok(hasOtherData || rule.configurable, `${id} carries neither a period nor a threshold`);
    }
  }
});

test('rule IDs follow legal-rules.md, and a suffixed ID keeps its base row', () => {
  const ids = new Set<string>(entries.map(([id]) => id));
  for (const [id] of entries) {
    assert.match(id, /^[A-Z]+(-[A-Z0-9/]+)*(-[a-z][A-Za-z]*)?$/, id);
    const base = id.replace(/-[a-z][A-Za-z]*$/, '');
    assert.ok(ids.has(base), `${id} has no base entry ${base}`);
  }
});

test('units follow CNT-5..CNT-8 for the rows the law turns into working days (hand-picked)', () => {
  const workingDayRules: LegalRuleId[] = [
    'XZCF-48',
    'XZCF-56',
    'XZCF-61',
    'XZCF-64-1',
    'XZCF-64-2',
    'XZCF-71',
    'XZFY-30',
    'XZFY-31',
    'XZFY-48',
    'XZFY-53/54',
    'XZQZ-54',
    'XZXK-42',
    'XZXK-44',
    'ZDJC-25/26',
    'ZXGK-33',
    'YL-40-2',
  ];
  const unitOf = (id: LegalRuleId): LegalRule['unit'] => (legalRules[id] as LegalRule).unit;
  for (const id of workingDayRules) assert.equal(unitOf(id), 'workingDay', id);
  const naturalDayRules: LegalRuleId[] = [
    'XZCF-60',
    'XZCF-67',
    'XZFY-20',
    'XZFY-62',
    'XZSS-67',
    'XF-34',
    'XZXK-50',
  ];
  for (const id of naturalDayRules) assert.equal(unitOf(id), 'naturalDay', id);
  assert.equal(legalRules['XZFY-48'].period, 10);
  assert.equal(legalRules['XZCF-60'].period, 90);
  assert.equal(legalRules['XZCF-60'].citation, '行政处罚法第六十条');
});

test('陈述申辩 has no statutory period: configurable, default 3 working days, unverified', () => {
  const rule: LegalRule = legalRules['XZCF-CSSB'];
  assert.equal(rule.configurable, true);
  assert.equal(rule.period, 3);
  assert.equal(rule.unit, 'workingDay');
  assert.equal(rule.confidence, 'U');
  // 2026-02-12 + 3 WD: 02-13, 02-14 (Sat, 调休), then 02-24 after the Spring Festival.
  assert.equal(dueDateForRule(cal, 'XZCF-CSSB', '2026-02-12').dueDate, '2026-02-24');
  assert.equal(dueDateForRule(cal, 'XZCF-CSSB', '2026-02-12', { period: 5 }).dueDate, '2026-02-26');
});

test('a statutory period cannot be overridden', () => {
  assert.throws(() => dueDateForRule(cal, 'XZCF-64-1', '2025-01-24', { period: 10 }), /法定期限/);
  assert.throws(() => dueDateForRule(cal, 'XZCF-CSSB', '2025-01-24', { period: -1 }), RangeError);
  assert.throws(() => dueDateForRule(cal, 'XZCF-51', '2025-01-24'), /没有可计算的期限/);
  assert.throws(() => dueDateForRule(cal, 'XZCF-60', '2026-01-05', { extended: true }), /没有可延长的期限/);
});

test('§14c vectors through dueDateForRule', () => {
  assert.deepEqual(dueDateForRule(cal, 'XZCF-61', '2026-02-12'), {
    dueDate: '2026-02-28',
    unshiftedDate: '2026-02-28',
    unit: 'workingDay',
    citation: '行政处罚法第六十一条',
  });
  assert.equal(dueDateForRule(cal, 'XZCF-64-1', '2025-01-24').dueDate, '2025-02-07');
  assert.equal(dueDateForRule(cal, 'SX-GS-1', '2025-09-26').dueDate, '2025-10-13');
  assert.equal(dueDateForRule(cal, 'XZFY-48', '2026-09-24').dueDate, '2026-10-15');
  assert.equal(dueDateForRule(cal, 'ZXGK-33', '2026-04-30').dueDate, '2026-06-01');
  assert.equal(dueDateForRule(cal, 'XZCF-48', '2025-12-31').dueDate, '2026-01-06');
});

test('the party’s 15-day payment period shifts past rest days without a warning (CNT-3, CNT-11(a))', () => {
  assert.deepEqual(dueDateForRule(cal, 'XZCF-67', '2025-09-16'), {
    dueDate: '2025-10-09',
    unshiftedDate: '2025-10-01',
    unit: 'naturalDay',
    citation: '行政处罚法第六十七条第三款',
  });
  const weekend = dueDateForRule(cal, 'XZCF-67', '2026-01-16');
  assert.equal(weekend.dueDate, '2026-02-02');
  assert.equal(weekend.unshiftedDate, '2026-01-31');
  assert.equal(weekend.warning, undefined);
});

test('the agency’s 90-day decision period: last lawful day 04-07, warn against 04-05 (CNT-11(b))', () => {
  assert.deepEqual(dueDateForRule(cal, 'XZCF-60', '2026-01-05'), {
    dueDate: '2026-04-07',
    unshiftedDate: '2026-04-05',
    unit: 'naturalDay',
    citation: '行政处罚法第六十条',
    warning: '建议在 2026-04-05 前完成',
  });
  // No warning when the raw date is already a working day: 2026-03-03 + 90 = 06-01 (Mon).
  const plain = dueDateForRule(cal, 'XZCF-60', '2026-03-03');
  assert.equal(plain.dueDate, '2026-06-01');
  assert.equal(plain.warning, undefined);
});

test('extensions, months and years', () => {
  // 行政复议法第六十二条: 60 + 30 days from 2026-01-05 = 2026-04-05 (清明) → 04-07.
  assert.equal(dueDateForRule(cal, 'XZFY-62', '2026-01-05', { extended: true }).dueDate, '2026-04-07');
  // 行政强制法第五十三条: 3 months from 2025-11-30 = 2026-02-28, a 调休 Saturday, so no shift.
  assert.equal(dueDateForRule(cal, 'XZQZ-53', '2025-11-30').dueDate, '2026-02-28');
  // 行政诉讼法第四十六条: 6 months from 2025-08-31 = 2026-02-28 (month end, CNT-2).
  assert.equal(dueDateForRule(cal, 'XZSS-45/46-direct', '2025-08-31').dueDate, '2026-02-28');
  // 行政复议法第二十条: 1 year from 2025-10-01 = 2026-10-01 (国庆) → 10-08.
  assert.equal(dueDateForRule(cal, 'XZFY-20-max', '2025-10-01').dueDate, '2026-10-08');
});

test('lead-time rules count back from the event date', () => {
  // 行政处罚法第六十四条第（二）项: hearing on 2026-10-12 → notify by 09-24 (10-10 调休 counts).
  assert.equal(dueDateForRule(cal, 'XZCF-64-2', '2026-10-12').dueDate, '2026-09-24');
  // 行政许可法第五十条: expiry 2026-10-31 − 30 days = 10-01 (国庆) → the last working day before, 09-30.
  assert.deepEqual(dueDateForRule(cal, 'XZXK-50', '2026-10-31'), {
    dueDate: '2026-09-30',
    unshiftedDate: '2026-10-01',
    unit: 'naturalDay',
    citation: '行政许可法第五十条',
    warning: '2026-10-01 为休息日，已提前至 2026-09-30',
  });
});

test('minimum periods shift like party periods and never warn', () => {
  // 重大行政决策程序暂行条例第十五条: comments from 2026-09-07 for 30 days → 10-07 (国庆) → 10-08.
  const comment = dueDateForRule(cal, 'ZDJC-15', '2026-09-07');
  assert.equal(comment.dueDate, '2026-10-08');
  assert.equal(comment.warning, undefined);
});

test('a start date in 2027 is an error (§14c)', () => {
  for (const id of ['XZCF-61', 'XZCF-67', 'XZCF-60'] as const) {
    assert.throws(() => dueDateForRule(cal, id, '2027-01-04'), CalendarRangeError, id);
  }
  // The 90-day period from late 2026 ends in 2027: also an error.
  assert.throws(() => dueDateForRule(cal, 'XZCF-60', '2026-11-20'), CalendarRangeError);
});
