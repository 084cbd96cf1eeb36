import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidDateError } from '../law/calendar.ts';
import { calendarFromRows, officialCalendarSeed } from '../law/holiday-data.ts';
import { dueDateForRule } from '../law/legal-rules.ts';
import {
  amountFen,
  defaultHearingThresholds,
  formatYuan,
  hearingGrounds,
  isHearingOffered,
  isMajorDecision,
  isSimpleProcedureAllowed,
  lateFeeDays,
  lateFeeFen,
  parseChineseNumber,
  penaltyKindLabels,
  penaltyKinds,
  yuanToFen,
  type MajorDecisionCriterion,
} from './penalties.ts';

test('第九条 penalty kinds, each with its Chinese label', () => {
  assert.equal(penaltyKinds.length, 14);
  assert.equal(penaltyKindLabels.warning, '警告');
  assert.equal(penaltyKindLabels.circulatedCriticism, '通报批评');
  assert.equal(penaltyKindLabels.confiscateIllegalProperty, '没收非法财物');
  assert.equal(penaltyKindLabels.restrictProduction, '限制开展生产经营活动');
  assert.equal(penaltyKindLabels.suspendProduction, '责令停产停业');
  assert.equal(penaltyKindLabels.detention, '行政拘留');
  assert.deepEqual(Object.keys(penaltyKindLabels).sort(), [...penaltyKinds].sort());
});

test('money: fen in, yuan out', () => {
  assert.equal(formatYuan(123450), '1234.50元');
  assert.equal(formatYuan(500000), '5000元');
  assert.equal(formatYuan(5), '0.05元');
  assert.equal(formatYuan(0), '0元');
  assert.equal(yuanToFen(200.01), 20001);
  assert.equal(yuanToFen(3000), 300000);
  assert.throws(() => yuanToFen(0.001), RangeError);
  assert.throws(() => formatYuan(-1), RangeError);
  assert.throws(() => formatYuan(1.5), RangeError);
});

test('Chinese and Arabic amounts as written in statutes and benchmarks', () => {
  const vectors: [string, number | null][] = [
    ['一万', 10000],
    ['二万', 20000],
    ['两万', 20000],
    ['五千', 5000],
    ['3万', 30000],
    ['1.5万', 15000],
    ['一万五千', 15000],
    ['二十万', 200000],
    ['十万', 100000],
    ['一百万', 1000000],
    ['二百', 200],
    ['一千零五', 1005],
    ['三千二百', 3200],
    ['10,000', 10000],
    ['5000', 5000],
    // Colloquial 一万五 / 一千五 are not guessed; malformed numbers are refused.
    ['一万五', null],
    ['一千五', null],
    ['十百', null],
    ['1,00', null],
    ['万', null],
    ['', null],
    ['二五', null],
  ];
  for (const [text, yuan] of vectors) assert.equal(parseChineseNumber(text), yuan, text);
  assert.equal(amountFen('1.5万'), 1500000);
  assert.equal(amountFen('0.001'), null);
});

test('simple procedure (第五十一条): 200元 for a citizen, 3000元 for an organisation, or a warning', () => {
  const fine = ['fine'] as const;
  assert.equal(isSimpleProcedureAllowed({ partyKind: 'person', fineFen: 20000, penaltyKinds: fine }), true);
  assert.match(
    String(isSimpleProcedureAllowed({ partyKind: 'person', fineFen: 20001, penaltyKinds: fine })),
    /对公民罚款超过200元，不适用简易程序/,
  );
  assert.equal(
    isSimpleProcedureAllowed({ partyKind: 'organisation', fineFen: 300000, penaltyKinds: fine }),
    true,
  );
  assert.match(
    String(isSimpleProcedureAllowed({ partyKind: 'organisation', fineFen: 300001, penaltyKinds: fine })),
    /对法人或者其他组织罚款超过3000元/,
  );
  // The organisation limit does not carry over to a citizen.
  assert.notEqual(
    isSimpleProcedureAllowed({ partyKind: 'person', fineFen: 300000, penaltyKinds: fine }),
    true,
  );
  assert.equal(isSimpleProcedureAllowed({ partyKind: 'organisation', penaltyKinds: ['warning'] }), true);
  assert.equal(
    isSimpleProcedureAllowed({ partyKind: 'person', fineFen: 5000, penaltyKinds: ['warning', 'fine'] }),
    true,
  );
  assert.match(
    String(isSimpleProcedureAllowed({ partyKind: 'person', penaltyKinds: ['circulatedCriticism'] })),
    /不能给予通报批评/,
  );
  assert.match(
    String(
      isSimpleProcedureAllowed({
        partyKind: 'person',
        fineFen: 100,
        penaltyKinds: ['fine', 'confiscateIllegalIncome'],
      }),
    ),
    /没收违法所得/,
  );
  assert.equal(isSimpleProcedureAllowed({ partyKind: 'person', penaltyKinds: fine }), '请填写罚款金额');
  assert.equal(isSimpleProcedureAllowed({ partyKind: 'person', penaltyKinds: [] }), '请选择处罚种类');
});

test('加处罚款 (第七十二条): 1000元 due 2026-03-10, paid 2026-03-20 → 10 days × 30元 = 300元', () => {
  const base = { fineFen: 100000, dueDate: '2026-03-10' };
  assert.equal(lateFeeDays({ dueDate: '2026-03-10', paidOn: '2026-03-20' }), 10);
  assert.equal(lateFeeFen({ ...base, paidOn: '2026-03-20' }), 30000);
  // Paid on or before the last day: nothing.
  assert.equal(lateFeeFen({ ...base, paidOn: '2026-03-10' }), 0);
  assert.equal(lateFeeFen({ ...base, paidOn: '2026-03-01' }), 0);
  assert.equal(lateFeeFen({ ...base, paidOn: '2026-03-11' }), 3000);
});

test('加处罚款 reaches the fine after 34 days and stops there', () => {
  const base = { fineFen: 100000, dueDate: '2026-03-10' };
  // 3-10 + 33 days = 4-12 (21 days to 3-31, 12 in April): 33 × 30元 = 990元.
  assert.equal(lateFeeFen({ ...base, paidOn: '2026-04-12' }), 99000);
  // Day 34 (4-13): 1020元 would exceed the fine, so 1000元.
  assert.equal(lateFeeFen({ ...base, paidOn: '2026-04-13' }), 100000);
  assert.equal(lateFeeFen({ ...base, paidOn: '2031-01-01' }), 100000);
});

test('加处罚款: rounding to the fen, leap day, and no accrual during 复议/诉讼 (第七十三条)', () => {
  // 10.01元 × 3% = 0.3003元 → 30分; 10.50元 × 3% = 0.315元 → 32分 (half up).
  assert.equal(lateFeeFen({ fineFen: 1001, dueDate: '2026-03-10', paidOn: '2026-03-11' }), 30);
  assert.equal(lateFeeFen({ fineFen: 1050, dueDate: '2026-03-10', paidOn: '2026-03-11' }), 32);
  // 2028-02-29 and 2028-03-01: 2 days × 30元.
  assert.equal(lateFeeFen({ fineFen: 100000, dueDate: '2028-02-28', paidOn: '2028-03-01' }), 6000);
  // 3-12..3-15 under 复议 (4 days) out of 10: 6 × 30元 = 180元.
  const excludedPeriods = [{ from: '2026-03-12', to: '2026-03-15' }];
  assert.equal(
    lateFeeFen({ fineFen: 100000, dueDate: '2026-03-10', paidOn: '2026-03-20', excludedPeriods }),
    18000,
  );
  // Overlapping periods count each day once.
  const overlapping = [...excludedPeriods, { from: '2026-03-14', to: '2026-03-16' }];
  assert.equal(lateFeeDays({ dueDate: '2026-03-10', paidOn: '2026-03-20', excludedPeriods: overlapping }), 5);
  assert.throws(
    () => lateFeeFen({ fineFen: 100000, dueDate: '2026-02-30', paidOn: '2026-03-20' }),
    InvalidDateError,
  );
  assert.throws(() => lateFeeFen({ fineFen: -1, dueDate: '2026-03-10', paidOn: '2026-03-20' }), RangeError);
});

test('hearing (第六十三条): default 较大数额 1万元 for a citizen, 10万元 for an organisation (configurable, U)', () => {
  assert.equal(defaultHearingThresholds.confidence, 'U');
  const fine = ['fine'] as const;
  assert.equal(isHearingOffered({ partyKind: 'person', fineFen: 1000000, penaltyKinds: fine }), true);
  assert.equal(isHearingOffered({ partyKind: 'person', fineFen: 999999, penaltyKinds: fine }), false);
  assert.equal(isHearingOffered({ partyKind: 'organisation', fineFen: 10000000, penaltyKinds: fine }), true);
  assert.equal(isHearingOffered({ partyKind: 'organisation', fineFen: 9999999, penaltyKinds: fine }), false);
  assert.equal(
    isHearingOffered({
      partyKind: 'organisation',
      confiscationFen: 10000000,
      penaltyKinds: ['confiscateIllegalIncome'],
    }),
    true,
  );
  assert.equal(
    isHearingOffered({ partyKind: 'organisation', penaltyKinds: ['warning', 'revokeLicence'] }),
    true,
  );
  assert.equal(isHearingOffered({ partyKind: 'person', penaltyKinds: ['warning'] }), false);
  assert.equal(isHearingOffered({ partyKind: 'person', penaltyKinds: ['warning'], otherGround: true }), true);
  const local = { ...defaultHearingThresholds, fineFen: { person: 500000, organisation: 5000000 } };
  assert.equal(isHearingOffered({ partyKind: 'person', fineFen: 500000, penaltyKinds: fine }, local), true);
  const grounds = hearingGrounds({
    partyKind: 'person',
    fineFen: 2000000,
    penaltyKinds: ['fine', 'suspendProduction'],
  });
  assert.equal(grounds.length, 2);
  assert.match(grounds[0] ?? '', /较大数额罚款（10000元以上/);
  assert.match(grounds[1] ?? '', /责令停产停业/);
});

test('重大执法决定 (第五十八条): matched criteria make 法制审核 mandatory', () => {
  assert.deepEqual(isMajorDecision({ partyKind: 'person', fineFen: 20000, penaltyKinds: ['fine'] }), []);
  const heard = isMajorDecision({
    partyKind: 'organisation',
    fineFen: 20000,
    penaltyKinds: ['fine'],
    hearingHeld: true,
  });
  assert.deepEqual(
    heard.map((c) => c.id),
    ['hearingHeld'],
  );
  assert.match(heard[0]?.citation ?? '', /第五十八条第一款第（二）项/);
  const revoked = isMajorDecision({
    partyKind: 'organisation',
    fineFen: 10000000,
    penaltyKinds: ['fine', 'revokeLicence'],
  });
  assert.deepEqual(
    revoked.map((c) => c.id),
    ['largeFine', 'heavyPenalty'],
  );
  assert.deepEqual(
    isMajorDecision({
      partyKind: 'person',
      penaltyKinds: ['warning'],
      isComplex: true,
      involvesMajorPublicInterest: true,
    }).map((c) => c.id),
    ['publicInterest', 'complex'],
  );
  const custom: MajorDecisionCriterion[] = [
    {
      id: 'anyFine',
      test: 'fineAtLeast',
      fen: { person: 1, organisation: 1 },
      label: '罚款',
      citation: '本地规定',
      confidence: 'U',
    },
  ];
  assert.deepEqual(isMajorDecision({ partyKind: 'person', fineFen: 100, penaltyKinds: ['fine'] }, custom), [
    { id: 'anyFine', label: '罚款', citation: '本地规定' },
  ]);
});

test('加处罚款 after 国庆 2026: served 09-25, due 10-10 (a 调休 working Saturday), nothing accrues over the holiday', () => {
  const calendar = calendarFromRows(officialCalendarSeed([2026]), [2026]);
  // 第六十七条: 15 natural days from service; 10-10 is worked in lieu of 国庆, so the due date does not move.
  const { dueDate } = dueDateForRule(calendar, 'XZCF-67', '2026-09-25');
  assert.equal(dueDate, '2026-10-10');
  assert.equal(lateFeeFen({ fineFen: 500_000, dueDate, paidOn: '2026-10-10' }), 0);
  assert.equal(lateFeeFen({ fineFen: 500_000, dueDate, paidOn: '2026-10-20' }), 150_000);
  // Served 09-20 (a 调休 working Sunday): 15 days end 10-05, inside 国庆, so the last day moves to 10-08.
  assert.equal(dueDateForRule(calendar, 'XZCF-67', '2026-09-20').dueDate, '2026-10-08');
});
