import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  checkPenaltyAgainstRange,
  parseDiscretionCsv,
  parseFineRange,
  proposeDiscretion,
  tierKindOf,
  type ViolationType,
} from './discretion.ts';
import { parseMitigationCsv, waivedAmountFen } from './mitigation.ts';

const benchmarks = readFileSync(new URL('./fixtures/discretion_benchmarks.csv', import.meta.url), 'utf8');
const mitigations = readFileSync(new URL('./fixtures/mitigation_lists.csv', import.meta.url), 'utf8');
const { violations, errors } = parseDiscretionCsv(benchmarks);
const byId = (id: string): ViolationType => {
  const violation = violations.find((v) => v.id === id);
  assert.ok(violation, id);
  return violation;
};
const tianjin = byId('TJ-2023:1');
const guangxi = byId('GX-2025:1');

test('fine texts from the brief: amounts in fen, multiples with their floor, a warning', () => {
  assert.deepEqual(parseFineRange('处5000元以上1万元以下罚款'), {
    fine: { minFen: 500000, maxFen: 1000000 },
    warning: false,
    otherPenalties: [],
  });
  assert.deepEqual(parseFineRange('并处违法所得5倍以下罚款，违法所得不足一万元的，按一万元计算'), {
    fine: { multipleOf: 'illegalIncome', maxMultiple: 5, floorBaseFen: 1000000 },
    warning: false,
    otherPenalties: [],
  });
  assert.deepEqual(parseFineRange('处1万元以上3万元以下的罚款')?.fine, { minFen: 1000000, maxFen: 3000000 });
  assert.deepEqual(parseFineRange('警告'), { warning: true, otherPenalties: [] });
  assert.deepEqual(parseFineRange('二万元以上五万元以下')?.fine, { minFen: 2000000, maxFen: 5000000 });
});

test('fine texts: other common wordings', () => {
  assert.deepEqual(parseFineRange('处1至3万元罚款')?.fine, { minFen: 1000000, maxFen: 3000000 });
  assert.deepEqual(parseFineRange('处1000元至5000元罚款')?.fine, { minFen: 100000, maxFen: 500000 });
  assert.deepEqual(parseFineRange('处不超过5000元的罚款')?.fine, { maxFen: 500000 });
  assert.deepEqual(parseFineRange('处五千元以上罚款')?.fine, { minFen: 500000 });
  assert.deepEqual(parseFineRange('处一万五千元以下罚款')?.fine, { maxFen: 1500000 });
  assert.deepEqual(parseFineRange('处二百元以上二千元以下罚款')?.fine, { minFen: 20000, maxFen: 200000 });
  assert.deepEqual(parseFineRange('并处货值金额一倍以上三倍以下的罚款')?.fine, {
    multipleOf: 'goodsValue',
    minMultiple: 1,
    maxMultiple: 3,
  });
  assert.deepEqual(parseFineRange('给予警告，并处通报批评'), {
    warning: true,
    otherPenalties: ['circulatedCriticism'],
  });
});

test('fine texts it cannot read are null, never a guess', () => {
  for (const text of [
    '',
    '不予处罚。',
    '免予处罚。',
    '首次被发现且立即改正的,免予警告和罚款。',
    '处以罚款',
    '处一千五元以下罚款',
    // Two branches (a multiple, and a fixed range below a threshold): not one range.
    '没有违法所得或者违法所得不足1万元的，处1万元以上5万元以下罚款',
    '并处违法所得二倍以上五倍以下罚款；没有违法所得的，处五千元以上二万元以下罚款',
    '处5万元以上1万元以下罚款',
  ]) {
    assert.equal(parseFineRange(text), null, text);
  }
});

test('fine texts of the catalog CSVs, read by hand', () => {
  const standards = new Map(violations.flatMap((v) => v.tiers.map((t) => [t.line, t.standard] as const)));
  // Line 4, 广西 减轻: 5 倍以下 of 违法所得, counted as at least 1万元, with confiscation.
  assert.deepEqual(parseFineRange(standards.get(4) ?? ''), {
    fine: { multipleOf: 'illegalIncome', maxMultiple: 5, floorBaseFen: 1000000 },
    warning: false,
    otherPenalties: ['confiscateIllegalIncome', 'confiscateIllegalProperty'],
  });
  // Lines 6–8, 天津: 1000–10000元, 10000–30000元, 30000元 with 停业整顿 and 吊销.
  assert.deepEqual(parseFineRange(standards.get(6) ?? '')?.fine, { minFen: 100000, maxFen: 1000000 });
  assert.deepEqual(parseFineRange(standards.get(7) ?? '')?.fine, { minFen: 1000000, maxFen: 3000000 });
  const heavier = parseFineRange(standards.get(8) ?? '');
  assert.deepEqual(heavier?.fine, { minFen: 3000000, maxFen: 3000000 });
  assert.deepEqual(heavier?.otherPenalties.toSorted(), ['revokeLicence', 'suspendProduction']);
  // The 裁量标准 of the unknown benchmark (its rows have no standard tier label).
  assert.deepEqual(parseFineRange('处以罚款300元')?.fine, { minFen: 30000, maxFen: 30000 });
  assert.deepEqual(parseFineRange('处以1000元罚款')?.fine, { minFen: 100000, maxFen: 100000 });
  // Statutory texts: 广西 基本医疗卫生与健康促进法 五倍以上二十倍以下; 天津 has two ranges, so null; 饮用水 20–1000元.
  assert.deepEqual(parseFineRange(guangxi.penaltyBasis)?.fine, {
    multipleOf: 'illegalIncome',
    minMultiple: 5,
    maxMultiple: 20,
    floorBaseFen: 1000000,
  });
  assert.equal(parseFineRange(tianjin.penaltyBasis), null);
  assert.deepEqual(parseFineRange(byId('BD-UNK:1').penaltyBasis)?.fine, { minFen: 2000, maxFen: 100000 });
  const lists = new Map(parseMitigationCsv(mitigations).rules.map((rule) => [rule.id, rule.basis]));
  // 职业病防治法第七十一条: 警告, 可以并处五万元以上十万元以下; 抗菌药物办法第五十条: 警告, 三万元以下.
  assert.deepEqual(parseFineRange(lists.get('LD-2022:1') ?? ''), {
    fine: { minFen: 5000000, maxFen: 10000000 },
    warning: true,
    otherPenalties: [],
  });
  assert.deepEqual(parseFineRange(lists.get('QHD-2023:3') ?? ''), {
    fine: { maxFen: 3000000 },
    warning: true,
    otherPenalties: [],
  });
  assert.deepEqual(parseFineRange(lists.get('QHD-2023:1') ?? ''), { warning: true, otherPenalties: [] });
});

test('the benchmark catalog: 3 violation types, tiers in source order, unreadable tier labels reported', () => {
  assert.deepEqual(
    violations.map((v) => [v.id, v.sequence, v.line, v.tiers.map((t) => `${t.tier}@${t.line}`)]),
    [
      ['GX-2025:1', '1', 2, ['none@2', 'exempt@3', 'mitigated@4', 'lighter@5']],
      ['TJ-2023:1', null, 6, ['lighter@6', 'ordinary@7', 'heavier@8']],
      ['BD-UNK:1', '1', 9, []],
    ],
  );
  assert.equal(guangxi.title, '未取得医疗机构执业许可证擅自执业的行为');
  assert.equal(guangxi.specialty, '医疗卫生');
  assert.match(guangxi.legalBasis, /^【法律】《中华人民共和国基本医疗卫生与健康促进法》/);
  // The cut-off 从轻 row is kept, flagged, and not reported as an empty standard.
  assert.equal(guangxi.tiers[3]?.isPartial, true);
  assert.equal(guangxi.tiers[3]?.standard, '');
  assert.deepEqual(
    errors.map((e) => [e.line, e.field]),
    [
      [9, '裁量阶次'],
      [10, '裁量阶次'],
      [11, '裁量阶次'],
    ],
  );
  assert.match(errors[0]?.message ?? '', /无法识别的裁量阶次“\(按人数\/整改情况\)”/);
});

test('the catalog reader: embedded line breaks, a BOM, missing columns, empty or unreadable standards', () => {
  const header = '违法行为,裁量阶次,适用情形,裁量标准或罚款幅度';
  const text = `\uFEFF${header}\r\n"甲行为",从轻,"情形一,\n续行",罚款500元\r\n甲行为,一般,,\r\n甲行为,从重,,罚款若干\r\n,一般,,罚款1元\r\n`;
  const result = parseDiscretionCsv(text);
  assert.equal(result.violations.length, 1);
  assert.equal(result.violations[0]?.tiers[0]?.circumstances, '情形一,\n续行');
  assert.deepEqual(
    result.errors.map((e) => [e.line, e.field, e.message]),
    [
      [4, '裁量标准或罚款幅度', '裁量标准为空'],
      [5, '裁量标准或罚款幅度', '无法识别罚款幅度“罚款若干”，请人工核对'],
      [6, '违法行为', '违法行为为空'],
    ],
  );
  assert.deepEqual(
    parseDiscretionCsv('违法行为,说明\nx,y').errors.map((e) => e.field),
    ['裁量阶次', '裁量标准或罚款幅度'],
  );
  assert.equal(tierKindOf('从重处罚'), 'heavier');
  assert.equal(tierKindOf('一般'), 'ordinary');
  assert.equal(tierKindOf('较重'), null);
});

test('proposals for 天津 air quality: 一般 by default, 从重 with aggravation, 从轻 under 第三十二条', () => {
  const ordinary = proposeDiscretion(tianjin, {});
  assert.equal(ordinary.tier, 'ordinary');
  assert.deepEqual(ordinary.rangeFen, { min: 1000000, max: 3000000 });
  assert.equal(ordinary.standard, '罚款10000元(含)以上30000元以下');
  const heavier = proposeDiscretion(tianjin, { aggravatingFactors: ['导致疾病传播流行'] });
  assert.equal(heavier.tier, 'heavier');
  assert.deepEqual(heavier.rangeFen, { min: 3000000, max: 3000000 });
  assert.match(heavier.reasons.join(), /导致疾病传播流行/);
  const lighter = proposeDiscretion(tianjin, { mitigatingFactors: ['eliminatedHarm'] });
  assert.equal(lighter.tier, 'lighter');
  assert.deepEqual(lighter.rangeFen, { min: 100000, max: 1000000 });
  assert.match(lighter.reasons.join(), /第三十二条/);
  // Both: 第三十二条 says 应当, so 从轻 with a note to weigh the aggravation.
  const both = proposeDiscretion(tianjin, {
    mitigatingFactors: ['confessed'],
    aggravatingFactors: ['拒不配合'],
  });
  assert.equal(both.tier, 'lighter');
  assert.match(both.reasons.join(), /同时具有从重情节/);
});

test('proposals: 第三十三条 grounds give 不予处罚, and the baseline range measures 包容免罚金额', () => {
  const minor = proposeDiscretion(tianjin, { isMinorViolation: true, correctedInTime: true, harm: 'none' });
  assert.equal(minor.tier, 'none');
  assert.deepEqual(minor.rangeFen, { min: 0, max: 0 });
  assert.match(minor.reasons[0] ?? '', /第三十三条第一款/);
  assert.match(minor.reasons.join(), /进行教育/);
  assert.deepEqual(minor.baseline, { tier: 'ordinary', rangeFen: { min: 1000000, max: 3000000 } });
  assert.equal(waivedAmountFen(minor.baseline?.rangeFen ?? null, 0), 1000000);
  const first = proposeDiscretion(tianjin, { isFirstOffence: true, harm: 'minor', correctedInTime: true });
  assert.equal(first.tier, 'none');
  assert.match(first.reasons[0] ?? '', /可以不予行政处罚/);
  // 首违不罚 is 可以: the officer's choice of tier prevails; 轻微不罚 is 应当: it does not.
  const chosen = proposeDiscretion(tianjin, {
    isFirstOffence: true,
    harm: 'minor',
    correctedInTime: true,
    tierHint: 'lighter',
  });
  assert.equal(chosen.tier, 'lighter');
  const overruled = proposeDiscretion(tianjin, {
    isMinorViolation: true,
    correctedInTime: true,
    harm: 'none',
    tierHint: 'ordinary',
  });
  assert.equal(overruled.tier, 'none');
  assert.match(overruled.reasons.join(), /不采用所选的“一般”阶次/);
  assert.equal(proposeDiscretion(tianjin, { hasSubjectiveFault: false }).tier, 'none');
  assert.equal(proposeDiscretion(tianjin, { hasSubjectiveFault: true }).tier, 'ordinary');
});

test('proposals for 广西 unlicensed practice: multiples of 违法所得 with the 1万元 floor', () => {
  // 3000元 income is counted as 1万元: 5 × 10000元 = 50000元.
  const small = proposeDiscretion(guangxi, { tierHint: 'mitigated' }, { illegalIncomeFen: 300000 });
  assert.equal(small.tier, 'mitigated');
  assert.deepEqual(small.rangeFen, { min: 0, max: 5000000 });
  assert.match(small.reasons.join(), /违法所得不足10000元，按10000元计算/);
  // 2万元 income: 5 × 20000元 = 100000元.
  const large = proposeDiscretion(guangxi, { tierHint: 'mitigated' }, { illegalIncomeFen: 2000000 });
  assert.deepEqual(large.rangeFen, { min: 0, max: 10000000 });
  const unknown = proposeDiscretion(guangxi, { tierHint: 'mitigated' });
  assert.equal(unknown.rangeFen, null);
  assert.match(unknown.reasons.join(), /请先录入违法所得/);
  // The catalog lists no 一般 tier for it (the source was cut off), and its 从轻 row has no standard.
  const ordinary = proposeDiscretion(guangxi, {});
  assert.equal(ordinary.rangeFen, null);
  assert.match(ordinary.reasons.join(), /未列出“一般”阶次/);
  assert.equal(proposeDiscretion(guangxi, { tierHint: 'lighter' }).rangeFen, null);
  assert.deepEqual(proposeDiscretion(guangxi, { tierHint: 'exempt' }).rangeFen, { min: 0, max: 0 });
});

test('a fine outside the range needs a written reason and goes to 法制审核', () => {
  const range = { min: 100000, max: 1000000 };
  const inside = { within: true, needsReason: false, flagForLegalReview: false };
  const outside = { within: false, needsReason: true, flagForLegalReview: true };
  assert.deepEqual(checkPenaltyAgainstRange(range, 100000), inside);
  assert.deepEqual(checkPenaltyAgainstRange(range, 1000000), inside);
  assert.deepEqual(checkPenaltyAgainstRange(range, 99999), outside);
  assert.deepEqual(checkPenaltyAgainstRange(range, 1000001), outside);
  assert.deepEqual(checkPenaltyAgainstRange(null, 50000), outside);
  assert.deepEqual(checkPenaltyAgainstRange({ min: 0, max: 0 }, 0), inside);
  assert.throws(() => checkPenaltyAgainstRange(range, -1), RangeError);
  assert.throws(() => checkPenaltyAgainstRange(range, 100.5), RangeError);
});
