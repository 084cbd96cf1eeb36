// Expected dates are counted by hand from legal-rules.md §14 (2026 notice), not taken from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyDeadline,
  computeClocks,
  dueSoonThresholdDays,
  shanghaiDate,
  type ClockState,
  type StepRecord,
} from './clocks.ts';
import { defineProcedure } from './define-procedure.ts';
import { calendar, sampleProcedure, stepOn } from './sample-procedure.test-fixture.ts';

function clocksAt(steps: StepRecord[], today: string): Record<string, ClockState> {
  return Object.fromEntries(
    computeClocks(sampleProcedure, steps, calendar, { today }).map((clock) => [clock.clock, clock]),
  );
}

// A working-day clock that pauses, and a configurable 陈述申辩 clock.
const holdProcedure = defineProcedure({
  id: 'sample.hold',
  label: '暂停示例',
  states: { open: '办理中', held: '暂停', done: '完成' },
  initial: 'open',
  terminal: ['done'],
  actions: {
    start: { label: '开始', from: ['open'], to: 'open' },
    hold: { label: '暂停', from: ['open'], to: 'held' },
    release: { label: '恢复', from: ['held'], to: 'open' },
    finish: { label: '完成', from: ['open', 'held'], to: 'done' },
  },
  clocks: {
    service: {
      label: '送达期限',
      rule: 'XZCF-61',
      startsOn: 'start',
      stopsOn: ['finish'],
      pausesOn: ['hold'],
      resumesOn: ['release'],
    },
    statement: {
      label: '陈述申辩期限',
      rule: 'XZCF-CSSB',
      startsOn: 'start',
      stopsOn: ['finish'],
      period: 5,
    },
    fixed: { label: '决定期限', rule: 'XZCF-60', startsOn: 'start', stopsOn: ['finish'] },
  },
});

test('the sample and hold procedures are sound', async () => {
  const { validateProcedure } = await import('./define-procedure.ts');
  assert.deepEqual(validateProcedure(holdProcedure), []);
});

test('running clocks around the 2026 Spring Festival and 清明', () => {
  const clocks = clocksAt([stepOn('file', '2026-01-05'), stepOn('serveNotice', '2026-02-12')], '2026-02-13');
  // 90 natural days from 01-05 end on 04-05 (Sun, 清明 04-04..06); the last lawful day is Tue 04-07.
  assert.deepEqual(clocks.decision, {
    clock: 'decision',
    label: '处罚决定期限',
    ruleId: 'XZCF-60',
    citation: '行政处罚法第六十条',
    status: 'running',
    startedOn: '2026-01-05',
    dueDate: '2026-04-07',
    unshiftedDate: '2026-04-05',
    warning: clocks.decision?.warning,
    daysLeft: 53,
    isOverdue: false,
  });
  assert.match(clocks.decision?.warning ?? '', /2026-04-05/);
  // 5 working days from 02-12: 02-13, 02-14 (Sat 调休), [02-15..02-23 rest], 02-24, 02-25, 02-26.
  assert.equal(clocks.hearingRequest?.status, 'running');
  assert.equal(clocks.hearingRequest?.dueDate, '2026-02-26');
  assert.equal(clocks.hearingRequest?.unshiftedDate, '2026-02-26');
  assert.equal(clocks.hearingRequest?.warning, undefined);
  assert.equal(clocks.hearingRequest?.daysLeft, 13);
  assert.equal(clocks.hearingRequest?.citation, '行政处罚法第六十四条第（一）项');
  assert.deepEqual(clocks.service, {
    clock: 'service',
    label: '决定书送达期限',
    ruleId: 'XZCF-61',
    citation: '行政处罚法第六十一条',
    status: 'notStarted',
    isOverdue: false,
  });
});

test('stopped clocks keep their due date and say whether they stopped late', () => {
  const steps = [
    stepOn('file', '2026-01-05'),
    stepOn('serveNotice', '2026-02-02'),
    stepOn('decide', '2026-02-12'),
  ];
  const clocks = clocksAt(steps, '2026-03-02');
  assert.equal(clocks.decision?.status, 'stopped');
  assert.equal(clocks.decision?.stoppedOn, '2026-02-12');
  assert.equal(clocks.decision?.dueDate, '2026-04-07');
  assert.equal(clocks.decision?.stoppedLate, false);
  assert.equal(clocks.decision?.daysLeft, undefined);
  assert.equal(clocks.decision?.isOverdue, false);
  // 5 working days from Mon 02-02: 02-03, 02-04, 02-05, 02-06, 02-09.
  assert.equal(clocks.hearingRequest?.dueDate, '2026-02-09');
  assert.equal(clocks.hearingRequest?.stoppedLate, true);
  // 7 working days from 02-12 (legal-rules §14c): …02-24..02-27, 02-28 (Sat 调休) is day 7.
  assert.equal(clocks.service?.dueDate, '2026-02-28');
  assert.equal(clocks.service?.daysLeft, -2);
  assert.equal(clocks.service?.isOverdue, true);

  const decidedOnDueDate = clocksAt(
    [stepOn('file', '2026-01-05'), stepOn('decide', '2026-04-07')],
    '2026-04-08',
  );
  assert.equal(decidedOnDueDate.decision?.stoppedLate, false);
  const decidedLate = clocksAt([stepOn('file', '2026-01-05'), stepOn('decide', '2026-04-08')], '2026-04-08');
  assert.equal(decidedLate.decision?.stoppedLate, true);
});

test('the last start wins and steps are replayed in time order', () => {
  const steps = [
    stepOn('serveNotice', '2026-02-12'),
    stepOn('file', '2026-01-05'),
    stepOn('serveNotice', '2026-02-02'),
  ];
  const clocks = clocksAt(steps, '2026-02-13');
  assert.equal(clocks.hearingRequest?.startedOn, '2026-02-12');
  assert.equal(clocks.hearingRequest?.dueDate, '2026-02-26');
  // A stop before the (re)start does not stop the clock.
  const restarted = clocksAt(
    [stepOn('file', '2026-01-05'), stepOn('decide', '2026-01-20'), stepOn('file', '2026-02-02')],
    '2026-02-03',
  );
  assert.equal(restarted.decision?.status, 'running');
  assert.equal(restarted.decision?.startedOn, '2026-02-02');
});

test('suspension extends a natural-day period by the paused natural days', () => {
  const steps = [
    stepOn('file', '2026-01-05'),
    stepOn('suspend', '2026-02-02'),
    stepOn('resume', '2026-02-12'),
  ];
  const resumed = clocksAt(steps, '2026-02-13').decision;
  // 10 paused days: 04-05 + 10 = Wed 04-15, a working day, so no warning.
  assert.equal(resumed?.status, 'running');
  assert.equal(resumed?.pausedDays, 10);
  assert.equal(resumed?.dueDate, '2026-04-15');
  assert.equal(resumed?.unshiftedDate, '2026-04-15');
  assert.equal(resumed?.warning, undefined);

  const twice = clocksAt(
    [...steps, stepOn('suspend', '2026-03-02'), stepOn('resume', '2026-03-05')],
    '2026-03-06',
  ).decision;
  // 10 + 3 days: 04-18 is a Saturday, so the last lawful day is Mon 04-20.
  assert.equal(twice?.pausedDays, 13);
  assert.equal(twice?.unshiftedDate, '2026-04-18');
  assert.equal(twice?.dueDate, '2026-04-20');
  assert.match(twice?.warning ?? '', /2026-04-18/);
});

test('an open suspension counts until today and is never "due soon"', () => {
  const open = clocksAt(
    [stepOn('file', '2026-01-05'), stepOn('suspend', '2026-03-01')],
    '2026-03-11',
  ).decision;
  assert.equal(open?.status, 'paused');
  assert.equal(open?.pausedDays, 10);
  assert.equal(open?.dueDate, '2026-04-15');
  assert.equal(open?.daysLeft, 35);
  assert.equal(open?.isOverdue, false);

  // Paused on 04-05, one day before the due date would be near: still 'open' while paused.
  const nearDue = clocksAt(
    [stepOn('file', '2026-01-05'), stepOn('suspend', '2026-04-05')],
    '2026-04-06',
  ).decision;
  assert.equal(nearDue?.dueDate, '2026-04-07');
  assert.equal(nearDue?.daysLeft, 1);
  assert.equal(classifyDeadline(nearDue!, '2026-04-06'), 'open');

  // Suspended only after the due date (04-07) had passed: the clock stays overdue.
  const late = clocksAt(
    [stepOn('file', '2026-01-05'), stepOn('suspend', '2026-04-08')],
    '2026-04-20',
  ).decision;
  assert.equal(late?.dueDate, '2026-04-17');
  assert.equal(late?.isOverdue, true);
  assert.equal(classifyDeadline(late!, '2026-04-20'), 'overdue');
});

test('a pause extends a working-day period by the paused working days', () => {
  const steps = [
    stepOn('start', '2026-02-09'),
    stepOn('hold', '2026-02-11'),
    stepOn('release', '2026-02-25'),
  ];
  const service = computeClocks(holdProcedure, steps, calendar, { today: '2026-02-26' }).find(
    (clock) => clock.clock === 'service',
  );
  // Paused working days in (02-11, 02-25]: 02-12, 02-13, 02-14 (调休), 02-24, 02-25 = 5.
  // 7 + 5 working days from 02-09: 02-10 … 02-14, 02-24 … 02-28, 03-02, 03-03.
  assert.equal(service?.pausedDays, 5);
  assert.equal(service?.dueDate, '2026-03-03');

  const stoppedWhilePaused = computeClocks(
    holdProcedure,
    [stepOn('start', '2026-02-09'), stepOn('hold', '2026-02-11'), stepOn('finish', '2026-02-13')],
    calendar,
    { today: '2026-03-02' },
  ).find((clock) => clock.clock === 'service');
  // The pause ends with the stop: 02-12 and 02-13, so 9 working days from 02-09 end on 02-27.
  assert.equal(stoppedWhilePaused?.status, 'stopped');
  assert.equal(stoppedWhilePaused?.pausedDays, 2);
  assert.equal(stoppedWhilePaused?.dueDate, '2026-02-27');
  assert.equal(stoppedWhilePaused?.stoppedLate, false);
});

test('configurable periods: organisation setting, then the clock, then the rule default', () => {
  const steps = [stepOn('start', '2026-02-12')];
  const statement = (settings?: { periods?: { statement?: number } }): ClockState | undefined =>
    computeClocks(holdProcedure, steps, calendar, { today: '2026-02-13', settings }).find(
      (clock) => clock.clock === 'statement',
    );
  // From 02-12: 02-13 (1), 02-14 调休 (2), 02-24 (3), 02-25 (4), 02-26 (5), 02-27 (6), 02-28 调休 (7).
  assert.equal(statement()?.dueDate, '2026-02-26');
  assert.equal(statement({ periods: { statement: 7 } })?.dueDate, '2026-02-28');
  assert.equal(statement({ periods: { statement: 3 } })?.dueDate, '2026-02-24');
  assert.throws(() =>
    computeClocks(holdProcedure, steps, calendar, {
      today: '2026-02-13',
      settings: { periods: { fixed: 60 } },
    }),
  );
});

test('a due date in a year whose calendar is not loaded is reported, not guessed', () => {
  const clock = clocksAt([stepOn('file', '2026-12-01')], '2026-12-02').decision;
  assert.equal(clock?.status, 'running');
  assert.equal(clock?.dueDate, undefined);
  assert.equal(clock?.isOverdue, false);
  assert.match(clock?.error ?? '', /2027年/);
  assert.equal(classifyDeadline(clock!, '2026-12-02'), 'open');
});

test('classifyDeadline: overdue after the due date, dueSoon within three days of it', () => {
  assert.equal(dueSoonThresholdDays, 3);
  const steps = [stepOn('file', '2026-01-05')];
  const expectations: [string, number, boolean, string][] = [
    ['2026-04-03', 4, false, 'open'],
    ['2026-04-04', 3, false, 'dueSoon'],
    ['2026-04-07', 0, false, 'dueSoon'],
    ['2026-04-08', -1, true, 'overdue'],
  ];
  for (const [today, daysLeft, isOverdue, badge] of expectations) {
    const decision = clocksAt(steps, today).decision!;
    assert.equal(decision.daysLeft, daysLeft, today);
    assert.equal(decision.isOverdue, isOverdue, today);
    assert.equal(classifyDeadline(decision, today), badge, today);
  }
  const stopped = clocksAt([...steps, stepOn('decide', '2026-04-20')], '2026-04-21').decision!;
  assert.equal(classifyDeadline(stopped, '2026-04-21'), 'open');
  assert.equal(classifyDeadline(clocksAt([], '2026-04-21').decision!, '2026-04-21'), 'open');
});

test('shanghaiDate is the UTC+8 calendar date, whatever the host timezone', () => {
  assert.equal(shanghaiDate('2026-02-11T15:59:59.999Z'), '2026-02-11');
  assert.equal(shanghaiDate('2026-02-11T16:00:00Z'), '2026-02-12');
  assert.equal(shanghaiDate('2026-02-12T00:30:00+08:00'), '2026-02-12');
  assert.equal(shanghaiDate('2025-12-31T16:00:00.000Z'), '2026-01-01');
  assert.equal(shanghaiDate('2024-02-28T16:00:00Z'), '2024-02-29');
  assert.throws(() => shanghaiDate('yesterday'), RangeError);

  // Served at 00:30 Beijing time on 02-12 (16:30 UTC on 02-11): the period counts from 02-12.
  const at = '2026-02-11T16:30:00Z';
  const clocks = clocksAt([{ action: 'serveNotice', at, date: shanghaiDate(at) }], '2026-02-12');
  assert.equal(clocks.hearingRequest?.startedOn, '2026-02-12');
  assert.equal(clocks.hearingRequest?.dueDate, '2026-02-26');
});
