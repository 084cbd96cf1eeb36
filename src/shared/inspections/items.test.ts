import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { categoriesOfTargets, parseInspectionItemsCsv } from './items.ts';

const fixture = readFileSync(new URL('./fixtures/random_inspection_items.csv', import.meta.url), 'utf8');

test('the catalog layout: every row of the four lists, cut-off rows kept but marked', () => {
  const { items, errors } = parseInspectionItemsCsv(fixture);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    items.map((i) => i.code),
    [
      'XJBT-2025-1',
      'XJBT-2025-2',
      'XJBT-2025-3',
      'XJBT-2025-4',
      'CITY-WJ-163-1',
      'CITY-WJ-163-2',
      'CZ-JOINT-2025-1',
      'CZ-JOINT-2025-2',
      'HONGSHAN-2020-1',
      'HONGSHAN-2020-2',
    ],
  );
  const publicPlaces = items.find((i) => i.code === 'CITY-WJ-163-1')!;
  assert.equal(publicPlaces.title, '公共场所卫生监督检查');
  assert.equal(publicPlaces.legalBasis, '公共场所卫生管理条例、公共场所卫生管理条例实施细则等');
  assert.equal(publicPlaces.frequency, '1-2次/年');
  assert.equal(publicPlaces.isComplete, true);
  assert.equal(items.find((i) => i.code === 'XJBT-2025-4')!.isComplete, false);
  const joint = items.find((i) => i.code === 'CZ-JOINT-2025-1')!;
  assert.equal(joint.partners, '市场监管部门');
});

test('the directory categories an item applies to are read from its 检查对象', () => {
  assert.deepEqual(categoriesOfTargets('学校 幼儿园 托育机构'), ['学校', '托育机构']);
  assert.deepEqual(categoriesOfTargets('生活饮用水供水单位、涉水产品生产营单位'), [
    '生活饮用水供水单位',
    '涉水产品',
  ]);
  assert.deepEqual(categoriesOfTargets('各类旅馆'), ['公共场所']);
  assert.deepEqual(categoriesOfTargets('', '餐具、饮具集中消毒服务单位的检查'), ['餐具饮具集中消毒服务单位']);
  assert.deepEqual(categoriesOfTargets('集中式供水单位'), ['生活饮用水供水单位']);
  assert.deepEqual(categoriesOfTargets('其他'), []);
});

test('rows without the item or its content are reported by line and column', () => {
  const csv = 'source_id,序号,抽查类别或领域,抽查事项或检查内容\nX,1,学校卫生,教学环境\nX,2,,\n';
  const { items, errors } = parseInspectionItemsCsv(csv);
  assert.equal(items.length, 1);
  assert.deepEqual(errors, [
    { line: 3, field: '抽查类别或领域', message: '不能为空' },
    { line: 3, field: '抽查事项或检查内容', message: '不能为空' },
  ]);
  assert.deepEqual(parseInspectionItemsCsv('序号,名称\n1,甲\n').errors, [
    { line: 1, field: 'source_id、抽查类别或领域、抽查事项或检查内容', message: '缺少必需的列' },
  ]);
});
