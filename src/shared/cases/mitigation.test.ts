import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  applicableMitigations,
  checkCondition,
  parseCsv,
  parseMitigationCsv,
  statutoryMitigationRules,
  waivedAmountFen,
  type MitigationRule,
} from './mitigation.ts';

const fixture = readFileSync(new URL('./fixtures/mitigation_lists.csv', import.meta.url), 'utf8');

test('CSV (RFC 4180): BOM, quoted commas, doubled quotes, CRLF, embedded line breaks, blank lines', () => {
  const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"line one\nline two",\n3,,last';
  const { records, errors } = parseCsv(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
    { line: 4, fields: ['2', 'line one\nline two', ''] },
    { line: 6, fields: ['3', '', 'last'] },
  ]);
});

test('CSV: an unclosed quote and text after a closing quote are reported with their line', () => {
  assert.deepEqual(parseCsv('a,b\n1,"open\n').errors, [
    { line: 2, field: '', message: '引号未闭合，文件可能被截断' },
  ]);
  assert.equal(parseCsv('a,b\n"x"y,2\n').errors[0]?.line, 2);
  assert.deepEqual(parseCsv('').records, []);
});

test('the 减免清单 catalog: 16 rows read, kinds from 清单类型 and 情形, source lines kept', () => {
  const { rules, errors } = parseMitigationCsv(fixture);
  assert.deepEqual(errors, []);
  assert.equal(rules.length, 16);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const kindOf = (id: string): string | undefined => byId.get(id)?.listKind;
  // 中山: 清单类型 轻微违法行为不予行政处罚; 秦皇岛: 情形 轻微不罚 / 首违不罚; 娄底、和田: 从轻 / 减轻.
  assert.equal(kindOf('ZS-2021:1'), 'minorNotPenalised');
  assert.equal(kindOf('QHD-2023:1'), 'minorNotPenalised');
  assert.equal(kindOf('QHD-2023:2'), 'firstOffenceNotPenalised');
  assert.equal(kindOf('LD-2022:1'), 'lighterOrMitigated');
  assert.equal(byId.get('LD-2022:1')?.outcome, 'lighter');
  assert.equal(byId.get('HT-2023:2')?.outcome, 'mitigated');
  assert.equal(kindOf('BJ-DRAFT:1'), 'notPenalised');
  assert.deepEqual(byId.get('QHD-2023:1')?.conditions, [
    '违法行为轻微',
    '在规定期限内及时改正',
    '没有造成危害后果',
  ]);
  // Cut-off text is flagged, and the '[…]' marker is not a condition.
  assert.deepEqual(byId.get('QHD-2023:3')?.conditions, ['违法行为轻微', '在规定期限内及时改正']);
  assert.deepEqual(
    rules.filter((rule) => rule.isPartial).map((rule) => rule.id),
    ['QHD-2023:3', 'LD-2022:2', 'HT-2023:2', 'BJ-DRAFT:6'],
  );
  assert.equal(rules.filter((rule) => rule.isDraft).length, 6);
  assert.deepEqual(byId.get('HT-2023:1')?.source, {
    id: 'HT-2023',
    document:
      '和田市卫生健康委员会行政执法从轻、减轻、不予行政处罚及不予行政强制执行事项"四张清单" (2023-08-09)',
    line: 10,
  });
  assert.equal(
    byId.get('HT-2023:1')?.supervisionMeasures,
    '法律风险防控预先提示、行政指导、行政约谈、行政回访等',
  );
  assert.match(byId.get('QHD-2023:2')?.basis ?? '', /^《护士条例》第三十条/);
});

test('the catalog reader reports missing columns and unreadable rows instead of guessing', () => {
  assert.equal(parseMitigationCsv('序号,名称\n1,x').errors.length, 2);
  const { rules, errors } = parseMitigationCsv('清单类型,事项或违法行为\n说明,某事项\n不予处罚,\n');
  assert.deepEqual(rules, []);
  assert.deepEqual(errors, [
    { line: 2, field: '清单类型', message: '无法识别的清单类型“说明”' },
    { line: 3, field: '事项或违法行为', message: '事项或违法行为为空' },
  ]);
});

test('statutory rules (第三十二条、第三十三条): every condition is recognised, with its citation', () => {
  assert.deepEqual(
    statutoryMitigationRules.map((rule) => [rule.id, rule.mandatory]),
    [
      ['XZCF-33-1', true],
      ['XZCF-33-2', false],
      ['XZCF-33-3', true],
      ['XZCF-32', true],
    ],
  );
  const everything = {
    isMinorViolation: true,
    isFirstOffence: true,
    correctedInTime: true,
    harm: 'none' as const,
    hasSubjectiveFault: false,
    mitigatingFactors: ['coerced' as const],
  };
  for (const rule of statutoryMitigationRules) {
    assert.match(rule.basis, /^行政处罚法第三十[二三]条/, rule.id);
    for (const condition of rule.conditions)
      assert.equal(checkCondition(condition, everything).status, 'met', condition);
  }
});

test('conditions: met, unmet, or unknown when a fact is not yet established or the wording is not recognised', () => {
  assert.equal(checkCondition('危害后果轻微', { harm: 'minor' }).status, 'met');
  assert.equal(checkCondition('危害后果轻微', { harm: 'serious' }).status, 'unmet');
  assert.equal(checkCondition('没有造成危害后果', { harm: 'minor' }).status, 'unmet');
  assert.equal(checkCondition('没有造成危害后果', {}).status, 'unknown');
  assert.equal(checkCondition('产品尚未上市销售', { isFirstOffence: true }).status, 'unknown');
  // 中山 row 2 names two facts in one condition: 首次被发现 and 立即改正.
  const zhongshan =
    '未按规定在独立包装上标注消毒日期和使用期限的,首次被发现且立即改正或在责令改正期限内改正的';
  assert.deepEqual(checkCondition(zhongshan, { isFirstOffence: true, correctedInTime: true }), {
    text: zhongshan,
    status: 'met',
    recognised: ['初次违法', '及时改正'],
  });
  assert.equal(checkCondition(zhongshan, { isFirstOffence: false, correctedInTime: true }).status, 'unmet');
});

test('applicable mitigations: 首违不罚 for a nurse-management violation, with the statute beside the local list', () => {
  const { rules } = parseMitigationCsv(fixture);
  const matches = applicableMitigations(rules, {
    violationTitle: '未依照《护士条例》规定履行护士管理职责',
    isFirstOffence: true,
    harm: 'minor',
    correctedInTime: true,
  });
  assert.deepEqual(
    matches.map((m) => [m.rule.id, m.status]),
    [
      ['XZCF-33-2', 'met'],
      ['QHD-2023:2', 'met'],
      ['XZCF-33-3', 'unknown'],
      ['XZCF-32', 'unknown'],
      ['XZCF-33-1', 'unmet'],
    ],
  );
});

test('applicable mitigations: title wrappers (对…的处罚) are ignored; drafts only on request; linked IDs match', () => {
  const { rules } = parseMitigationCsv(fixture);
  const village = applicableMitigations(rules, {
    violationTitle: '乡村医生变更执业的村医疗卫生机构，未办理变更执业注册手续',
    isMinorViolation: true,
    correctedInTime: true,
    harm: 'none',
  });
  assert.deepEqual(
    village.filter((m) => m.status === 'met').map((m) => m.rule.id),
    ['XZCF-33-1', 'QHD-2023:1'],
  );
  const nurse = { violationTitle: '医疗卫生机构未履行护士管理职责' };
  assert.equal(
    applicableMitigations(rules, nurse).some((m) => m.rule.id === 'BJ-DRAFT:3'),
    false,
  );
  assert.equal(
    applicableMitigations(rules, { ...nurse, includeDrafts: true }).some((m) => m.rule.id === 'BJ-DRAFT:3'),
    true,
  );
  const linked: MitigationRule = {
    ...(rules[0] as MitigationRule),
    id: 'LOCAL:1',
    violationTypeIds: ['TJ-2023:1'],
  };
  assert.equal(
    applicableMitigations([linked], { violationTypeId: 'TJ-2023:1' }).some((m) => m.rule.id === 'LOCAL:1'),
    true,
  );
  assert.equal(
    applicableMitigations([linked], { violationTypeId: 'GX-2025:1' }).some((m) => m.rule.id === 'LOCAL:1'),
    false,
  );
});

test('包容免罚金额: the benchmark lower bound minus the decided fine, never negative', () => {
  assert.equal(waivedAmountFen({ min: 1000000, max: 3000000 }, 0), 1000000);
  assert.equal(waivedAmountFen({ min: 100000, max: 1000000 }, 50000), 50000);
  assert.equal(waivedAmountFen({ min: 100000, max: 1000000 }, 200000), 0);
  assert.equal(waivedAmountFen(null, 0), 0);
  assert.throws(() => waivedAmountFen({ min: 100000, max: 1000000 }, -1), RangeError);
});
